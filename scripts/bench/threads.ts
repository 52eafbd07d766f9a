// The renderer's CPU by thread, from Linux's /proc: which part of Chromium
// an idle wall keeps busy. The main thread runs the wall's scripts, style,
// layout and paint; the worker pool rasters tiles in software (and runs
// V8's background work); the compositor thread schedules and submits frames.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { formatShare } from './stats';

/** A thread's name and CPU seconds so far, from one `/proc/<pid>/task/<tid>/stat` line. */
export interface ThreadCpu {
  name: string;
  seconds: number;
}

/**
 * Reads a stat line: the name is between the first "(" and the last ")"
 * (it may hold spaces and parentheses), and user and system time are the
 * 12th and 13th fields after it, in clock ticks. Null for a line that is
 * not one.
 */
export function parseTaskStat(line: string, ticksPerSecond: number): ThreadCpu | null {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const fields = line.slice(close + 2).trim().split(/\s+/);
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  if (!Number.isFinite(user) || !Number.isFinite(system)) return null;
  return { name: line.slice(open + 1, close), seconds: (user + system) / ticksPerSecond };
}

/** The parts of a renderer named for what they do; other threads are "other". */
export const THREAD_GROUPS = ['main', 'raster and V8 workers', 'compositor', 'other'] as const;
export type ThreadGroup = (typeof THREAD_GROUPS)[number];

/**
 * Which part a renderer thread belongs to. The main thread carries the
 * process's name (Chromium renames it only in some builds, to
 * CrRendererMain); the pool's foreground workers carry the raster tasks.
 */
export function threadGroup(name: string, processName: string): ThreadGroup {
  if (name === processName || name === 'CrRendererMain') return 'main';
  if (name.startsWith('ThreadPoolForeg') || name.startsWith('CompositorTileW')) return 'raster and V8 workers';
  if (name === 'Compositor') return 'compositor';
  return 'other';
}

/** CPU seconds so far of each part of the given processes, summed over their threads. */
export type GroupSeconds = Record<ThreadGroup, number>;

let ticks: number | null = null;
function ticksPerSecond(): number {
  if (ticks === null) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

/** Reads every thread of `pids` (threads that end while read are skipped); null where /proc is not there. */
export function groupCpuSeconds(pids: readonly number[]): GroupSeconds | null {
  const sums: GroupSeconds = { main: 0, 'raster and V8 workers': 0, compositor: 0, other: 0 };
  try {
    for (const pid of pids) {
      const processName = parseTaskStat(readFileSync(`/proc/${pid}/stat`, 'utf8'), 1)?.name ?? '';
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        let line: string;
        try {
          line = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        } catch {
          continue;
        }
        const thread = parseTaskStat(line, ticksPerSecond());
        if (thread !== null) sums[threadGroup(thread.name, processName)] += thread.seconds;
      }
    }
  } catch {
    return null;
  }
  return sums;
}

/** Each part's share of one core between two readings `seconds` apart, as "main 1.1%, raster and V8 workers 0.5%, …". */
export function formatGroupShares(before: GroupSeconds | null, after: GroupSeconds | null, seconds: number): string {
  if (before === null || after === null || !(seconds > 0)) return 'n/a (no /proc)';
  return THREAD_GROUPS.map((g) => `${g} ${formatShare((after[g] - before[g]) / seconds)}`).join(', ');
}
