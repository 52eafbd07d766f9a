// `npm run faults [-- --quick] [--only process,sequence,input,load]`: the
// fault matrix of docs/faults.md against the built web wall in Chromium.
// Exits 1 when any fault was not survived or left a mismatch.
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { startStaticSite } from '../../e2e/support/staticSite';
import { formatMatrix, FULL_COUNTS, QUICK_COUNTS } from './matrix';
import { GROUPS, runFaults } from './runner';
import type { FaultGroup } from './runner';

// scripts/chromium.mjs has no types; its two exports are described here.
const { CHROMIUM_ARGS, findChromium, missingChromiumMessage } = (await import('../chromium.mjs' as string)) as {
  CHROMIUM_ARGS: string[];
  findChromium: () => string | null;
  missingChromiumMessage: () => string;
};

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',').filter(Boolean) : undefined;
const unknown = only?.filter((g) => !(GROUPS as readonly string[]).includes(g)) ?? [];
if (unknown.length > 0) {
  console.error(`faults: unknown group ${unknown.join(', ')} (groups: ${GROUPS.join(', ')})`);
  process.exit(2);
}
const executablePath = findChromium();
if (!executablePath) {
  console.error(`faults: ${missingChromiumMessage()}`);
  process.exit(1);
}

const site = await startStaticSite();
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const started = Date.now();
try {
  const rows = await runFaults({
    browser,
    site: site.url,
    counts: quick ? QUICK_COUNTS : FULL_COUNTS,
    ...(only ? { only: only as FaultGroup[] } : {}),
    log: (line) => console.log(`  ${line}`),
  });
  const table = formatMatrix(rows);
  console.log(`\n${table}\n\n${((Date.now() - started) / 60_000).toFixed(1)} minutes`);
  mkdirSync('artifacts/faults', { recursive: true });
  writeFileSync('artifacts/faults/matrix.md', `${table}\n`);
  const failed = rows.filter((r) => r.survived < r.injected || r.mismatches > 0);
  if (failed.length > 0) {
    console.error(`faults: not survived: ${failed.map((r) => r.fault).join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await site.close();
}
