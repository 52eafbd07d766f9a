// Runs the fault matrix against the built web wall: the CLI (run.ts) with
// the counts, the browser tests with short ones.
import type { Browser } from 'playwright';
import type { FaultCounts, FaultRow } from './matrix';
import { runFeedFaults } from './feedFaults';
import { runInputFaults } from './inputFaults';
import { runProcessFaults } from './processFaults';

/** The groups of faults, by the name `--only` takes. */
export const GROUPS = ['process', 'sequence', 'input', 'load'] as const;
/** One of {@link GROUPS}. */
export type FaultGroup = (typeof GROUPS)[number];

/** What a run needs. */
export interface FaultRunOptions {
  browser: Browser;
  /** Where the built wall is served (`http://127.0.0.1:port/`). */
  site: string;
  counts: FaultCounts;
  only?: readonly FaultGroup[];
  log?: (line: string) => void;
}

/** Runs every fault (or the groups in `only`) and returns the matrix. */
export async function runFaults(options: FaultRunOptions): Promise<FaultRow[]> {
  const log = options.log ?? (() => undefined);
  const wanted = (group: FaultGroup) => options.only === undefined || options.only.includes(group);
  const rows: FaultRow[] = [];
  if (wanted('process')) rows.push(...(await runProcessFaults(options.browser, options.site, options.counts, log)));
  if (wanted('sequence') || wanted('load')) {
    rows.push(...(await runFeedFaults(options.browser, options.site, options.counts, log, { sequence: wanted('sequence'), load: wanted('load') })));
  }
  if (wanted('input')) rows.push(...(await runInputFaults(options.browser, options.site, options.counts, log)));
  return rows;
}
