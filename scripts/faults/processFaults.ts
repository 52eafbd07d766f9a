// Faults of the feed process itself: killed and restarted, frozen with
// SIGSTOP, and down long enough to time the wall's retries.
import type { Browser } from 'playwright';
import { startFeedProcess, freePort } from './feedProcess';
import type { FeedProcess } from './feedProcess';
import { connectionOf, openPage, seeded, sleep, until, wallAddress } from './harness';
import { newRow, record } from './matrix';
import type { FaultCounts, FaultRow } from './matrix';
import { mirrorFeed, readWall, waitEqual } from './state';
import { RECONNECT, retryWindow } from '../../renderer/transport/backoff';
import type { FeedMirror } from './state';

// A busy simulator: a delta every 200 ms keeps the state moving while faults land.
const FEED_ARGS = ['--tick-ms', '200', '--services', '30'];
const RECOVER_TIMEOUT_MS = 30_000;

interface Running {
  feed: FeedProcess;
  mirror: FeedMirror;
}

async function launch(port: number, seed: number): Promise<Running> {
  const feed = await startFeedProcess(port, [...FEED_ARGS, '--seed', String(seed)]);
  return { feed, mirror: mirrorFeed(feed.url) };
}

async function stop(running: Running): Promise<void> {
  running.mirror.close();
  running.feed.kill('SIGKILL');
  await running.feed.exited;
}

const gapsOf = (times: readonly number[]) => times.slice(1).map((t, i) => t - times[i]!);

/**
 * Where the gap before a retry may fall: socket.io's randomised backoff
 * (capped at its maximum), widened by what the measurement adds: the
 * refused connection itself and the browser's timers on a busy machine.
 * A wall that did not back off would put its second gap below the window.
 */
function backoffWindow(attempt: number): { min: number; max: number } {
  const { min, max } = retryWindow(attempt);
  return { min: min - 100, max: Math.min(max, RECONNECT.reconnectionDelayMax) + 1_000 };
}

/** Runs the process faults on one wall page; returns their rows. */
export async function runProcessFaults(browser: Browser, site: string, counts: FaultCounts, log: (line: string) => void): Promise<FaultRow[]> {
  const port = await freePort();
  const random = seeded(8);
  let running = await launch(port, 1);
  const { context, page, errors } = await openPage(browser);
  const attempts: number[] = [];
  page.on('websocket', () => attempts.push(performance.now()));
  const kill = newRow('feed killed (SIGKILL) and restarted');
  const freeze = newRow(`feed frozen (SIGSTOP ${Math.round(counts.freezeMs / 1_000)} s)`);
  const outage = newRow(`feed down ${Math.round(counts.outageMs / 1_000)} s: retry backoff`);
  try {
    await page.goto(wallAddress(site, running.feed.url));
    const first = await waitEqual(page, (seq) => running.mirror.at(seq), RECOVER_TIMEOUT_MS);
    if (first.at === null) throw new Error(`the wall never matched the feed process at start (${first.mismatches} mismatches)`);

    let tightest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < counts.kills; i += 1) {
      await sleep(300 + random() * 2_700);
      const killedAt = performance.now();
      const downFrom = attempts.length;
      await stop(running);
      const offlineAt = await until(async () => (await connectionOf(page)) === 'offline', 10_000);
      await sleep(random() * 3_000);
      running = await launch(port, i + 2);
      const restartedAt = performance.now();
      const back = await waitEqual(page, (seq) => running.mirror.at(seq), RECOVER_TIMEOUT_MS);
      const gaps = gapsOf(attempts.slice(downFrom));
      tightest = Math.min(tightest, ...gaps);
      const detectMs = offlineAt === null ? null : offlineAt - killedAt;
      const ok = detectMs !== null && detectMs <= 5_000 && back.at !== null && errors.length === 0;
      record(kill, { ok, detectMs: detectMs ?? 10_000, recoverMs: back.at === null ? null : back.at - restartedAt, mismatches: back.mismatches });
      log(`kill ${i + 1}/${counts.kills}: offline after ${Math.round(detectMs ?? -1)} ms, equal ${back.at === null ? 'never' : `${Math.round(back.at - restartedAt)} ms`} after restart`);
    }
    kill.notes = `tightest retry gap ${Number.isFinite(tightest) ? `${Math.round(tightest)} ms` : 'none'}; page errors ${errors.length}`;

    // Frozen: the socket stays open and silent.
    await sleep(1_000);
    const stoppedAt = performance.now();
    const stoppedEpoch = Date.now();
    running.feed.kill('SIGSTOP');
    let firstState: string | null = null;
    const notLiveAt = await until(
      async () => {
        const state = await connectionOf(page);
        if (state !== 'live') firstState = state;
        return state !== 'live';
      },
      counts.freezeMs,
      10,
    );
    // A message already on its way when the feed froze still arrives: the silence starts at the last one.
    const lastMessageAt = (await readWall(page))?.lastMessageAt ?? stoppedEpoch;
    const silenceMs = notLiveAt === null ? null : notLiveAt - stoppedAt - Math.max(0, lastMessageAt - stoppedEpoch);
    const offlineAt = await until(async () => (await connectionOf(page)) === 'offline', Math.max(0, counts.freezeMs - (performance.now() - stoppedAt)), 250);
    await sleep(Math.max(0, counts.freezeMs - (performance.now() - stoppedAt)));
    running.feed.kill('SIGCONT');
    const resumedAt = performance.now();
    const thawed = await waitEqual(page, (seq) => running.mirror.at(seq), RECOVER_TIMEOUT_MS);
    const staleMs = notLiveAt === null ? null : notLiveAt - stoppedAt;
    record(freeze, {
      // 15 s of silence, judged within the measurement's own polling (10 ms) and a frame.
      ok: silenceMs !== null && silenceMs <= 15_100 && firstState === 'stale' && thawed.at !== null,
      detectMs: staleMs,
      recoverMs: thawed.at === null ? null : thawed.at - resumedAt,
      mismatches: thawed.mismatches,
    });
    freeze.notes = `first state ${firstState ?? 'live'}, ${silenceMs === null ? '—' : `${(silenceMs / 1_000).toFixed(2)} s`} after the last message; offline (socket.io ping timeout) after ${offlineAt === null ? 'not within the freeze' : `${((offlineAt - stoppedAt) / 1_000).toFixed(1)} s`}`;
    log(`freeze: ${freeze.notes}, stale after ${Math.round(staleMs ?? -1)} ms`);

    // Down for a while: the gaps between the wall's attempts.
    const downAt = performance.now();
    const from = attempts.length;
    await stop(running);
    const offAt = await until(async () => (await connectionOf(page)) === 'offline', 10_000);
    await sleep(counts.outageMs);
    running = await launch(port, 99);
    const upAt = performance.now();
    const recovered = await waitEqual(page, (seq) => running.mirror.at(seq), RECOVER_TIMEOUT_MS);
    // Every attempt while down, and the one that found the feed back: each waited its turn.
    const gaps = gapsOf(attempts.slice(from));
    const outOfWindow = gaps.map((gap, k) => ({ gap, k, ...backoffWindow(k + 1) })).filter(({ gap, min, max }) => gap < min || gap > max);
    const ok = gaps.length >= 2 && outOfWindow.length === 0 && recovered.at !== null;
    record(outage, { ok, detectMs: offAt === null ? null : offAt - downAt, recoverMs: recovered.at === null ? null : recovered.at - upAt, mismatches: recovered.mismatches });
    outage.notes = `${gaps.length + 1} attempts, gaps ${gaps.map((g) => (g / 1_000).toFixed(1)).join(', ')} s${outOfWindow.map(({ gap, k, min, max }) => `; gap ${k + 1} (${Math.round(gap)} ms) outside its backoff window ${Math.round(min)}–${Math.round(max)} ms`).join('')}`;
    log(`outage: ${outage.notes}`);
  } finally {
    await stop(running).catch(() => undefined);
    await context.close();
  }
  return [kill, freeze, outage];
}
