// What the bench reads from the page through CDP and the DOM.
import type { CDPSession, Page } from '@playwright/test';
import type { AllocationProfile, CpuProfile } from './profile';
import type { ProbeData } from './probe';

/** The page's state at one moment, after a forced GC. */
export interface Checkpoint {
  heapBytes: number;
  /** Array buffers and external strings (the charts' typed-array history lives there), outside the JS heap figure. */
  backingBytes: number;
  nodes: number;
  listeners: number;
  charts: number;
  /** The view and sub-page it was taken on. */
  view: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Chromium's performance counters by name. */
export async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Share of one core the renderer's main thread spent in tasks between two metric readings. */
export function cpuBetween(a: Record<string, number>, b: Record<string, number>): number {
  return ((b.TaskDuration ?? 0) - (a.TaskDuration ?? 0)) / ((b.Timestamp ?? 0) - (a.Timestamp ?? 0));
}

/** Share of one core the renderer's main thread spent busy over the next `seconds`. */
export async function cpuShare(cdp: CDPSession, seconds: number): Promise<number> {
  const a = await metrics(cdp);
  await sleep(seconds * 1000);
  return cpuBetween(a, await metrics(cdp));
}

/**
 * CPU seconds used so far by the browser's renderer processes (the OS's
 * count, from CDP SystemInfo.getProcessInfo on the browser session). Unlike
 * task durations it does not grow when other programs hold the cores.
 */
export async function rendererCpuSeconds(browserCdp: CDPSession): Promise<number> {
  return (await processCpuSeconds(browserCdp)).get('renderer') ?? 0;
}

/** The OS process ids of the browser's renderers. */
export async function rendererPids(browserCdp: CDPSession): Promise<number[]> {
  const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

/** CPU seconds so far of every Chromium process, by type (browser, renderer, gpu, utility…), summed. */
export async function processCpuSeconds(browserCdp: CDPSession): Promise<Map<string, number>> {
  const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; cpuTime: number }> };
  const byType = new Map<string, number>();
  for (const p of processInfo) byType.set(p.type, (byType.get(p.type) ?? 0) + p.cpuTime);
  return byType;
}

/**
 * Takes the probe's records out of the page, leaving its lists empty. A long
 * run drains every few seconds: 20 minutes of frame times kept in the page
 * would be megabytes of its JS heap, counted as the wall's.
 */
export function drainProbe(page: Page): Promise<ProbeData> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __bench: ProbeData }).__bench;
    const { frames, longTasks, longFrames, seqPainted, pageChanges, readyAt, bigMessageAt, afterBigMessageAt } = probe;
    probe.frames = [];
    probe.longTasks = [];
    probe.longFrames = [];
    probe.seqPainted = [];
    probe.pageChanges = [];
    return { frames, longTasks, longFrames, seqPainted, pageChanges, readyAt, bigMessageAt, afterBigMessageAt };
  });
}

/** Records drained at different times, as one. */
export function mergeProbes(a: ProbeData, b: ProbeData): ProbeData {
  return {
    frames: [...a.frames, ...b.frames],
    longTasks: [...a.longTasks, ...b.longTasks],
    longFrames: [...a.longFrames, ...b.longFrames],
    seqPainted: [...a.seqPainted, ...b.seqPainted],
    pageChanges: [...a.pageChanges, ...b.pageChanges],
    readyAt: a.readyAt ?? b.readyAt,
    bigMessageAt: a.bigMessageAt ?? b.bigMessageAt,
    afterBigMessageAt: a.afterBigMessageAt ?? b.afterBigMessageAt,
  };
}

/** The wall's own marks (`performance.mark('wall:…')`, see renderer/transport/ingest.ts), first of each name, as epoch milliseconds. */
export function readWallMarks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const marks: Record<string, number> = {};
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('wall:') && !(m.name in marks)) marks[m.name] = performance.timeOrigin + m.startTime;
    return marks;
  });
}

/** Starts or stops the probe's frame timing. */
export async function setFrameTiming(page: Page, on: boolean): Promise<void> {
  await page.evaluate((value) => (window as unknown as { __bench: ProbeData }).__bench.setTiming?.(value), on);
}

async function attribute(page: Page, name: string): Promise<string> {
  return (await page.locator('#wall').getAttribute(name)) ?? '';
}

/**
 * Pauses the rotation on the first sub-page of `view` (space, then arrows:
 * back through the view's own sub-pages, or on through the others), so
 * checkpoints taken at different times compare the same screen. The keys
 * are pressed from inside the page, a render apart, for at most 15 s.
 * Returns false when the view could not be reached.
 */
export async function pinView(page: Page, view: string): Promise<boolean> {
  // No named functions inside: tsx would wrap them in a helper the page lacks.
  return page.evaluate(async (target) => {
    const wall = document.getElementById('wall');
    if (wall === null) return false;
    if (wall.dataset.paused !== 'true') window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    const until = Date.now() + 15_000;
    while (Date.now() < until) {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const shown = wall.dataset.page;
      if (shown === target && (wall.dataset.subpage ?? '').startsWith('1/')) return true;
      window.dispatchEvent(new KeyboardEvent('keydown', { key: shown === target ? 'ArrowLeft' : 'ArrowRight' }));
    }
    return false;
  }, view);
}

/** Resumes the rotation paused by `pinView`. */
export async function unpin(page: Page): Promise<void> {
  if ((await attribute(page, 'data-paused')) === 'true') await page.keyboard.press(' ');
}

/** Heap after a forced GC, DOM nodes, JS event listeners and ECharts instances, on the budgets page's first screen. */
export async function checkpoint(page: Page, cdp: CDPSession): Promise<Checkpoint> {
  await pinView(page, 'budgets');
  // Let the pinned screen render and its charts draw before counting.
  await sleep(1_500);
  await cdp.send('HeapProfiler.collectGarbage');
  const m = await metrics(cdp);
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { backingStorageSize?: number };
  const counters = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  // ECharts marks the element of every live instance with this attribute.
  const charts = await page.evaluate(() => document.querySelectorAll('[_echarts_instance_]').length);
  const view = `${await attribute(page, 'data-page')} ${await attribute(page, 'data-subpage')}`;
  await unpin(page);
  return { heapBytes: m.JSHeapUsedSize ?? 0, backingBytes: usage.backingStorageSize ?? 0, nodes: counters.nodes, listeners: counters.jsEventListeners, charts, view };
}

/** Starts Chromium's sampling CPU profiler. */
export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
}

/** Starts Chromium's sampling heap profiler, keeping what garbage collection takes: every allocation counts. */
export async function startAllocationSampling(cdp: CDPSession): Promise<void> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
}

/** Stops the sampling heap profiler and returns its profile. */
export async function stopAllocationSampling(cdp: CDPSession): Promise<AllocationProfile> {
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  return profile as unknown as AllocationProfile;
}

/** Stops the profiler and returns its profile. */
export async function stopProfile(cdp: CDPSession): Promise<CpuProfile> {
  const { profile } = await cdp.send('Profiler.stop');
  return profile as CpuProfile;
}
