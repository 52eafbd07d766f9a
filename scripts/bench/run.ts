// `npm run bench [-- --scenario small,large] [--seconds 30] [--endurance-minutes 20] [--profile] [--trace]`:
// the web wall in Debian's Chromium against the bench load feed, one table
// per scenario. docs/performance.md explains every figure.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startWebKiosk } from '../../web/server';
import { baseUrl, wallUrl } from '../../web/wallUrl';
import { BLANK_PAGE, CLOCK_PAGE, pageFloorShare } from './clockFloor';
import { kioskFirstPaint } from './kioskFirstPaint';
import { createLoadSource } from './loadSource';
import type { LoadSource } from './loadSource';
import { realMsForStoryHour } from './loadPlan';
import { checkpoint, cpuBetween, drainProbe, mergeProbes, metrics, pinView, processCpuSeconds, readWallMarks, rendererCpuSeconds, rendererPids, setFrameTiming, startAllocationSampling, startProfile, stopAllocationSampling, stopProfile, unpin } from './measure';
import type { Checkpoint } from './measure';
import { probeScript } from './probe';
import type { ProbeData } from './probe';
import { busyStretches, formatAllocations, formatSelfTimes, formatStretches, topAllocations, topSelfTime } from './profile';
import type { Resolve } from './profile';
import { formatBreakdowns, longTaskBreakdowns, mainThreadSelfTimes, mainThreadTaskCpu, markTimes, startTrace } from './trace';
import { createLookup } from './sourceMap';
import type { RawSourceMap } from './sourceMap';
import { parseBenchArgs } from './scenarios';
import { formatGroupShares, groupCpuSeconds } from './threads';
import type { BenchArgs, Scenario } from './scenarios';
import { formatGrowth, formatMb, formatMs, formatShare, formatTable, percentile, tally } from './stats';

// Long enough to hold page turns at the bench's dwell, which an idle wall pays for too.
const IDLE_SECONDS = 30;
// A shorter dwell than the wall's default, so a run sees every page.
const DWELL_SECONDS = 10;
// Long animation frames listed per table: the longest ones tell where the time goes.
const LONG_FRAMES_SHOWN = 8;
// scripts/chromium.mjs has no types; its two exports are described here.
const { CHROMIUM_ARGS, findChromium } = (await import('../chromium.mjs' as string)) as { CHROMIUM_ARGS: string[]; findChromium: () => string | null };
const sleep = (t: number) => new Promise<void>((r) => setTimeout(r, t));
// Progress on stderr, so a long run shows where it is.
const say = (line: string) => process.stderr.write(`bench ${new Date().toISOString().slice(11, 19)} ${line}\n`);
type Row = [string, string];

/** The machine as the table is made: other work on it changes every figure. */
const machineRow = (): Row => ['cores / load average (1, 5, 15 min)', `${os.cpus().length} / ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`];

/** Further Chromium flags for a diagnosis, from NOC_WALL_BENCH_CHROMIUM_ARGS (as `--js-flags=--trace-deopt`, its output seen with DEBUG=pw:browser). */
function extraChromiumArgs(): string[] {
  return (process.env.NOC_WALL_BENCH_CHROMIUM_ARGS ?? '').split(' ').filter((a) => a !== '');
}

/** Resolves positions in the built bundle through the source maps beside it. */
function bundleResolver(root: string): Resolve {
  const lookups = new Map<string, ReturnType<typeof createLookup> | null>();
  return (url, line, column) => {
    const file = url.split('/').pop() ?? '';
    if (!file.endsWith('.js')) return null;
    if (!lookups.has(file)) {
      try {
        lookups.set(file, createLookup(JSON.parse(readFileSync(path.join(root, 'assets', `${file}.map`), 'utf8')) as RawSourceMap));
      } catch {
        lookups.set(file, null);
      }
    }
    const found = lookups.get(file)?.(line, column);
    return found ? { where: `${found.source.replace(/^(\.\.\/)+/, '')}:${found.line + 1}`, name: found.name } : null;
  };
}

async function drops(page: Page): Promise<string> {
  const wall = page.locator('#wall');
  const [messages, entities, resyncs] = await Promise.all(['data-dropped', 'data-dropped-entities', 'data-resyncs'].map((a) => wall.getAttribute(a)));
  return `messages ${messages ?? '?'}, entities ${entities ?? '?'}, resyncs ${resyncs ?? '?'}`;
}

function checkpointRows(label: string, a: Checkpoint, b: Checkpoint): Row[] {
  return [
    [`JS heap after GC ${label}`, `${formatMb(a.heapBytes)} / ${formatMb(b.heapBytes)} (${formatGrowth(a.heapBytes, b.heapBytes)})`],
    [`  array buffers, external strings ${label}`, `${formatMb(a.backingBytes)} / ${formatMb(b.backingBytes)} (${formatGrowth(a.backingBytes, b.backingBytes)})`],
    [`DOM nodes ${label}`, `${a.nodes} / ${b.nodes} (on ${a.view} / ${b.view})`],
    [`ECharts instances ${label}`, `${a.charts} / ${b.charts}`],
    [`JS event listeners ${label}`, `${a.listeners} / ${b.listeners}`],
  ];
}

function loadRows(s: Scenario, source: LoadSource, probe: ProbeData, from: number, to: number, dropped: string): Row[] {
  const seconds = (to - from) / 1000;
  const inLoad = <T extends [number, number]>(list: T[], at: (e: T) => number) => list.filter((e) => at(e) >= from && at(e) <= to + 1_000);
  const frames = inLoad(probe.frames, (f) => f[0]).map((f) => f[1]);
  const painted = probe.seqPainted.filter(([seq]) => source.sent.atBySeq.has(seq));
  const lastSeq = Math.max(0, ...painted.map(([seq]) => seq));
  let applied = 0;
  for (const [seq, n] of source.sent.entitiesBySeq) if (seq <= lastSeq) applied += n;
  const latencies = painted.map(([seq, at]) => at - source.sent.atBySeq.get(seq)!);
  return [
    ['entity updates/s sent / applied', `${(source.sent.entities / seconds).toFixed(0)} / ${(applied / seconds).toFixed(0)} (dropped: ${dropped})`],
    ['frame p50 / p95 / p99', `${formatMs(percentile(frames, 50))} / ${formatMs(percentile(frames, 95))} / ${formatMs(percentile(frames, 99))} (${frames.length} frames)`],
    // An interval of 16.6 or 16.8 ms is a frame on its vsync; one over 1.5 frames means a vsync went by without a frame.
    ['frames that missed a vsync (interval over 25 ms)', `${frames.filter((f) => f > 25).length} (${((frames.filter((f) => f > 25).length / Math.max(1, frames.length)) * 100).toFixed(1)}%)`],
    ['update-to-pixel p50 / p95', `${formatMs(percentile(latencies, 50))} / ${formatMs(percentile(latencies, 95))} (${latencies.length} paints)`],
  ];
}

async function runScenario(s: Scenario, executablePath: string, { profile: isProfiling, trace: isTracing }: Pick<BenchArgs, 'profile' | 'trace'>, root: string): Promise<string> {
  const source = createLoadSource({ services: s.services, slos: s.slos, incidents: s.incidents, updatesPerSecond: s.updatesPerSecond, story: s.story, speed: s.speed });
  const kiosk = await startWebKiosk({ root, port: 0, host: '127.0.0.1', demoSource: source, log: () => undefined });
  const feed = kiosk.demo;
  if (!feed) throw new Error('no embedded feed');
  source.seqOf = () => feed.seq;
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraChromiumArgs()] });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript(probeScript());
    const cdp = await page.context().newCDPSession(page);
    const browserCdp = await browser.newBrowserCDPSession();
    // Renderer CPU two ways: the main thread's task time (Chromium's own
    // count, which grows when the machine is busy) and the OS's CPU time.
    // Linux also says which of the renderer's threads the OS time went to.
    const cpuOver = async (work: () => Promise<void>) => {
      const pids = await rendererPids(browserCdp);
      const [m, os0, threads0, t0] = [await metrics(cdp), await rendererCpuSeconds(browserCdp), groupCpuSeconds(pids), Date.now()];
      await work();
      const [m1, os1, threads1, t1] = [await metrics(cdp), await rendererCpuSeconds(browserCdp), groupCpuSeconds(pids), Date.now()];
      const seconds = (t1 - t0) / 1000;
      return {
        summary: `${formatShare(cpuBetween(m, m1))} main-thread tasks, ${formatShare((os1 - os0) / seconds)} renderer process`,
        threads: formatGroupShares(threads0, threads1, seconds),
      };
    };
    await cdp.send('Performance.enable');
    // A scenario without load profiles its first paint instead.
    const isProfilingStart = isProfiling && s.loadSeconds === 0;
    if (isProfilingStart) await startProfile(cdp);
    const base = baseUrl('127.0.0.1', kiosk.port);
    say(`${s.name}: opening the wall`);
    await page.goto(wallUrl(base, { feedUrl: base, isDemo: true, dwellSeconds: DWELL_SECONDS }));
    await page.waitForSelector('#wall[data-ready="true"]', { timeout: 120_000 });
    await page.waitForFunction(() => (window as unknown as { __bench: ProbeData }).__bench.readyAt !== null, undefined, { timeout: 30_000 });
    // The probe's records are drained into this process as the run goes.
    let collected = await drainProbe(page);
    const firstProbe = collected;
    const waitDraining = async (ms: number) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        await sleep(Math.min(5_000, until - Date.now()));
        collected = mergeProbes(collected, await drainProbe(page));
      }
    };
    const readyAt = firstProbe.readyAt!;
    const marks = await readWallMarks(page);
    const startProfileResult = isProfilingStart ? await stopProfile(cdp) : null;
    const snapshotAt = source.snapshotsAt[0] ?? NaN;
    // The bench's own work (forced GC, paging to the pinned screen) is left out of the long tasks.
    const ownWork: [number, number][] = [];
    const measure = async () => {
      const from = Date.now();
      await page.evaluate(() => performance.mark('bench:own-work-start'));
      const result = await checkpoint(page, cdp);
      await page.evaluate(() => performance.mark('bench:own-work-end'));
      ownWork.push([from, Date.now()]);
      return result;
    };
    // Long tasks during which the wall showed another page or sub-page: a
    // page change renders a whole page, a batch only what changed.
    const isOwnWork = (at: number) => ownWork.some(([a, b]) => at >= a - 50 && at <= b);
    const rotations = (probe: ProbeData, after: number) => probe.pageChanges.filter(([c]) => c >= after && !isOwnWork(c));
    // Each long task that turned the page, with the screen it turned to.
    const pageChangeTasks = (probe: ProbeData, turns: readonly [number, string][], after: number) =>
      probe.longTasks.flatMap(([at, d]) => {
        const turn = at >= after && !isOwnWork(at) ? turns.find(([c]) => c >= at && c <= at + d + 20) : undefined;
        return turn === undefined ? [] : [{ ms: d, to: turn[1] }];
      });
    const longTasks = (probe: ProbeData) => tally(probe.longTasks.filter(([at]) => at >= readyAt && !isOwnWork(at)).map(([, d]) => d));
    // The idle wall in parts: the same wall paused on the budgets page's
    // first screen (no page turns; the clock and the incidents' ages still
    // tick), then hidden while it rotates (its scripts, timers and feed run,
    // and each turn's render and layout, but nothing is drawn).
    const idleParts = async (): Promise<Row[]> => {
      say(`${s.name}: idle, paused on one screen`);
      const isPinned = await pinView(page, 'budgets');
      await sleep(2_000);
      const paused = await cpuOver(() => sleep(IDLE_SECONDS * 1000));
      await unpin(page);
      say(`${s.name}: idle, drawing nothing`);
      await page.evaluate(() => document.getElementById('wall')?.style.setProperty('visibility', 'hidden'));
      await sleep(2_000);
      const hidden = await cpuOver(() => sleep(IDLE_SECONDS * 1000));
      await page.evaluate(() => document.getElementById('wall')?.style.removeProperty('visibility'));
      return [
        [`renderer CPU idle, paused on ${isPinned ? "the budgets page's first screen" : 'the screen showing (budgets not reached)'}`, paused.summary],
        ['  by thread (OS time)', paused.threads],
        ['renderer CPU idle, the wall hidden while it rotates (scripts, timers, feed, layout; nothing drawn)', hidden.summary],
        ['  by thread (OS time)', hidden.threads],
      ];
    };
    await sleep(1_000);
    say(`${s.name}: first paint; checkpoint`);
    const start = await measure();
    await setFrameTiming(page, false);
    const idleCpu = await cpuOver(async () => {
      await sleep(IDLE_SECONDS * 1000);
    });
    const idleRows: Row[] = [
      ['renderer CPU idle (share of one core)', idleCpu.summary],
      ['  by thread (OS time)', idleCpu.threads],
    ];
    if (s.idleParts) idleRows.push(...(await idleParts()));
    await setFrameTiming(page, true);
    const rows: Row[] = [
      ['build served', root],
      machineRow(),
      ['services / SLOs / active incidents', `${s.services} / ${s.slos} / ${source.incidentCount()}`],
      ['first paint after snapshot `at`', formatMs(readyAt - snapshotAt)],
      ['  of which (ms after `at`)', firstPaintSteps(snapshotAt, firstProbe.bigMessageAt, marks, readyAt)],
      ...wallShare(firstProbe, marks, readyAt),
      ...idleRows,
    ];
    if (s.loadSeconds > 0) {
      if (isProfiling) {
        await startProfile(cdp);
        await startAllocationSampling(cdp);
      }
      const stopTrace = isTracing ? await startTrace(cdp) : null;
      const loadStart = Date.now();
      const [processesBefore, benchBefore] = [await processCpuSeconds(browserCdp), process.cpuUsage()];
      let hour1: Checkpoint | null = null;
      const loadCpu = await cpuOver(async () => {
        say(`${s.name}: load for ${s.loadSeconds} s`);
        source.startLoad();
        if (s.speed > 1) {
          await waitDraining(realMsForStoryHour(1, s.speed));
          say(`${s.name}: story hour 1; checkpoint`);
          hour1 = await measure();
        }
        await waitDraining(Math.max(0, loadStart + s.loadSeconds * 1000 - Date.now()));
      });
      source.stopLoad();
      const loadEnd = Date.now();
      const [processesAfter, benchUsed] = [await processCpuSeconds(browserCdp), process.cpuUsage(benchBefore)];
      const profile = isProfiling ? await stopProfile(cdp) : null;
      const allocations = isProfiling ? await stopAllocationSampling(cdp) : null;
      const trace = stopTrace === null ? null : await stopTrace();
      await sleep(1_500);
      say(`${s.name}: load done; checkpoint`);
      const end = await measure();
      const probe = mergeProbes(collected, await drainProbe(page));
      rows.push(...loadRows(s, source, probe, loadStart, loadEnd, await drops(page)));
      const long = longTasks(probe);
      rows.push(['long tasks after first paint (count / total / max)', `${long.count} / ${formatMs(long.total)} / ${formatMs(long.max)}`]);
      const pageTurns = rotations(probe, readyAt);
      const turnTasks = pageChangeTasks(probe, pageTurns, readyAt);
      const turns = tally(turnTasks.map((t) => t.ms));
      const turnedTo = turnTasks.length === 0 ? '' : `: ${turnTasks.map((t) => `${formatMs(t.ms)} to ${t.to}`).join(', ')}`;
      rows.push(['  of which turned the page (count / max)', `${turns.count} / ${formatMs(turns.max)} (${pageTurns.length} page turns after first paint)${turnedTo}`]);
      const frames = probe.longFrames.filter((f) => f.at >= readyAt && !isOwnWork(f.at));
      if (frames.length > 0) {
        const longest = [...frames].sort((a, b) => b.duration - a.duration).slice(0, LONG_FRAMES_SHOWN);
        rows.push([
          `  long animation frames: ${frames.length}; the ${longest.length} longest, rendering, longest scripts`,
          `\n${longest.map((f) => `    ${formatMs(f.duration)}, render ${formatMs(f.renderMs)}: ${f.scripts.join('; ') || 'no script'}`).join('\n')}`,
        ]);
      }
      rows.push(['renderer CPU under load (share of one core)', loadCpu.summary], ['  by thread (OS time)', loadCpu.threads]);
      // What else wanted the same cores: the rest of Chromium, and this process (the load feed and the bench).
      const loadSeconds = (loadEnd - loadStart) / 1000;
      const shares = [...processesAfter].map(([type, cpu]) => `${type} ${formatShare((cpu - (processesBefore.get(type) ?? 0)) / loadSeconds)}`);
      shares.push(`bench and load feed (Node) ${formatShare((benchUsed.user + benchUsed.system) / 1e6 / loadSeconds)}`);
      rows.push(['  CPU under load by process (share of one core)', shares.join(', ')]);
      rows.push(...checkpointRows('start / end', start, end));
      if (hour1 !== null) rows.push(...checkpointRows('story hour 1 / hour 24', hour1, end));
      if (profile !== null) {
        const resolve = bundleResolver(root);
        rows.push(['top self time over the load', `\n${formatSelfTimes(topSelfTime(profile, 25, resolve))}`]);
        const stretches = busyStretches(profile, 50, 5, 16, resolve);
        if (stretches.length > 0) rows.push(['the longest busy stretches over 50 ms, time on stack', `\n${formatStretches(stretches)}`]);
        if (allocations !== null) rows.push(['allocated over the load (sampled, what GC took included)', `\n${formatAllocations(topAllocations(allocations, 20, resolve))}`]);
      }
      if (trace !== null) {
        const starts = markTimes(trace, 'bench:own-work-start');
        const ends = markTimes(trace, 'bench:own-work-end');
        const isBenchWork = (at: number, ms: number) => starts.some((a, i) => at + ms >= a && at <= (ends[i] ?? Infinity));
        const tasks = longTaskBreakdowns(trace).filter((t) => !isBenchWork(t.at, t.ms));
        rows.push([`traced long tasks over the load: ${tasks.length}; the longest, by garbage collector and self time`, `\n${formatBreakdowns(tasks)}`]);
        const selfTimes = mainThreadSelfTimes(trace).map((p) => `${p.name} ${formatMs(p.ms)}`);
        rows.push(['traced main thread over the load: self time by event', selfTimes.join(', ')]);
        const taskCpu = mainThreadTaskCpu(trace)
          .filter((t) => !isBenchWork(t.at, t.ms))
          .map((t) => t.cpuMs);
        const over = (ms: number) => taskCpu.filter((cpu) => cpu > ms).length;
        rows.push([
          'traced main-thread tasks by their own CPU: p50 / p99 / max; over 16, 25 ms',
          `${formatMs(percentile(taskCpu, 50))} / ${formatMs(percentile(taskCpu, 99))} / ${formatMs(tally(taskCpu).max)}; ${over(16)}, ${over(25)} (of ${taskCpu.length})`,
        ]);
      }
    } else {
      const probe = mergeProbes(collected, await drainProbe(page));
      const long = longTasks(probe);
      rows.push(['snapshot seq applied / sent', `${(await page.locator('#wall').getAttribute('data-seq')) ?? '?'} / ${feed.seq}`]);
      rows.push(['dropped', await drops(page)]);
      rows.push(['long tasks after first paint (count / total / max)', `${long.count} / ${formatMs(long.total)} / ${formatMs(long.max)}`]);
      rows.push(...checkpointRows('start', start, start).map(([k, v]): Row => [k, v.split(' / ')[0] ?? v]));
      if (startProfileResult !== null) rows.push(['top self time up to first paint', `\n${formatSelfTimes(topSelfTime(startProfileResult, 25, bundleResolver(root)))}`]);
      // The same first paint as a kiosk shows it: Playwright's DevTools
      // session watches every WebSocket frame, which costs seconds on a
      // message this large (see scripts/bench/websocketFloor.ts).
      await page.close();
      say(`${s.name}: the first paint in a Chromium with no DevTools client`);
      const before = source.snapshotsAt.length;
      const wall = new URL(wallUrl(base, { feedUrl: base, isDemo: true, dwellSeconds: DWELL_SECONDS }));
      const plain = await kioskFirstPaint(executablePath, base, `${wall.pathname}${wall.search}`);
      const plainAt = source.snapshotsAt[before] ?? NaN;
      rows.push(['with no DevTools client (a kiosk): first paint after `at`', formatMs(plain.readyAt - plainAt)]);
      rows.push(['  of which (ms after `at`)', firstPaintSteps(plainAt, plain.bigMessageAt, plain.marks, plain.readyAt)]);
      rows.push(...wallShare(plain, plain.marks, plain.readyAt).map(([k, v]): Row => [`  ${k.trim()}`, v]));
    }
    return formatTable(`${s.name} (${new Date().toISOString()})`, rows);
  } finally {
    await browser.close();
    await kiosk.close();
  }
}

/** Where the first paint's time went: each step's time after the snapshot's `at`. */
function firstPaintSteps(snapshotAt: number, arrivedAt: number | null, marks: Record<string, number>, readyAt: number): string {
  const steps: [string, number | null | undefined][] = [
    ['arrived', arrivedAt],
    ['parsed', marks['wall:snapshot-received']],
    ['validated', marks['wall:snapshot-validated']],
    ['applied', marks['wall:snapshot-applied'] ?? marks['wall:snapshot-complete']],
    ['painted', readyAt],
  ];
  return steps.map(([name, at]) => `${name} ${at == null ? '?' : Math.round(at - snapshotAt)}`).join(', ');
}

/**
 * The wall's own share of the first paint, for a snapshot over 1 MB: from
 * the message event to the paint, less the time Chromium held the event
 * loop after the message was handled (see scripts/bench/websocketFloor.ts).
 */
function wallShare(probe: Pick<ProbeData, 'bigMessageAt' | 'afterBigMessageAt'>, marks: Record<string, number>, readyAt: number): Row[] {
  const { bigMessageAt, afterBigMessageAt } = probe;
  const validated = marks['wall:snapshot-validated'];
  if (bigMessageAt === null || afterBigMessageAt === null || validated === undefined) return [];
  const held = Math.max(0, afterBigMessageAt - validated);
  const complete = marks['wall:snapshot-complete'];
  return [
    ['  Chromium holding the event loop after the message', formatMs(held)],
    ['first paint after the message event, less that hold', formatMs(readyAt - bigMessageAt - held)],
    ['all SLOs applied after the message event, less that hold', complete === undefined ? '?' : formatMs(complete - bigMessageAt - held)],
  ];
}

/** The floors the idle figures are read against: a page that only ticks a clock, and one that does nothing, in the same Chromium. */
async function floorTable(executablePath: string): Promise<string> {
  say(`floor: a page that ticks a clock, then a blank page, ${IDLE_SECONDS} s each`);
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraChromiumArgs()] });
  try {
    const clock = await pageFloorShare(browser, CLOCK_PAGE, IDLE_SECONDS);
    const blank = await pageFloorShare(browser, BLANK_PAGE, IDLE_SECONDS);
    return formatTable(`floor (${new Date().toISOString()})`, [
      machineRow(),
      ['renderer process CPU of a screen of text with a clock ticking each second (share of one core)', formatShare(clock.share)],
      ['  by thread (OS time)', clock.threads],
      ['renderer process CPU of a blank page, no script', formatShare(blank.share)],
      ['  by thread (OS time)', blank.threads],
    ]);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found (set NOC_WALL_CHROMIUM)');
  process.stdout.write(`\n${await floorTable(executablePath)}\n`);
  for (const s of args.scenarios) process.stdout.write(`\n${await runScenario(s, executablePath, args, path.resolve(args.dist))}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
