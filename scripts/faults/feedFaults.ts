// Faults in what the feed sends and who else talks to it: sequence faults,
// hostile clients beside a wall, and a flood of deltas.
import type { Browser, Page } from 'playwright';
import { io } from 'socket.io-client';
import { connectionOf, openPage, seeded, sleep, startLocalFeed, until, wallAddress } from './harness';
import type { LocalFeed } from './harness';
import { newRow, record } from './matrix';
import type { FaultCounts, FaultRow } from './matrix';
import { readWall, waitEqual } from './state';

const RECOVER_TIMEOUT_MS = 20_000;

/** Pushes a random change every `everyMs` until stopped. */
function pusher(feed: LocalFeed, random: () => number, everyMs = 50): () => void {
  const timer = setInterval(() => feed.source.push(feed.source.randomChange(random)), everyMs);
  return () => clearInterval(timer);
}

const truthOf = (feed: LocalFeed) => (seq: number) => (seq === feed.server.seq ? feed.source.entities() : undefined);

async function resyncs(page: Page): Promise<number> {
  return (await readWall(page))?.counters.resyncs ?? 0;
}

type SequenceKind = 'duplicate' | 'reorder' | 'gap' | 'heartbeat ahead';
const KINDS: SequenceKind[] = ['duplicate', 'reorder', 'gap', 'heartbeat ahead'];

function inject(feed: LocalFeed, kind: SequenceKind, random: () => number): void {
  const { server, source } = feed;
  const at = Date.now();
  if (kind === 'duplicate') {
    const change = source.randomChange(random);
    source.apply(change);
    server.skipSeq(1);
    const delta = { v: 1, seq: server.seq, at, ...change };
    server.emitRaw('feed:delta', delta);
    server.emitRaw('feed:delta', delta);
  } else if (kind === 'reorder') {
    const a = source.randomChange(random);
    const b = source.randomChange(random);
    source.apply(a);
    source.apply(b);
    server.skipSeq(2);
    server.emitRaw('feed:delta', { v: 1, seq: server.seq, at, ...b });
    server.emitRaw('feed:delta', { v: 1, seq: server.seq - 1, at, ...a });
  } else if (kind === 'gap') {
    server.skipSeq(1 + Math.floor(random() * 5));
    source.push(source.randomChange(random));
  } else {
    server.emitRaw('feed:heartbeat', { v: 1, seq: server.seq + 1 + Math.floor(random() * 5), at });
  }
}

/** Duplicates, reordering, gaps and heartbeats ahead, round after round. */
async function sequenceFaults(browser: Browser, site: string, counts: FaultCounts, log: (line: string) => void): Promise<FaultRow> {
  const row = newRow('sequence: duplicates, reordering, gaps, heartbeat ahead');
  const feed = await startLocalFeed();
  const { context, page, errors } = await openPage(browser);
  const random = seeded(3);
  try {
    await page.goto(wallAddress(site, feed.server.url));
    await waitEqual(page, truthOf(feed), RECOVER_TIMEOUT_MS);
    for (let round = 0; round < counts.sequenceRounds; round += 1) {
      const kind = KINDS[round % KINDS.length]!;
      const stopPushing = pusher(feed, random);
      await sleep(200 + random() * 300);
      const before = await resyncs(page);
      const injectedAt = performance.now();
      inject(feed, kind, random);
      const expectsResync = kind !== 'duplicate';
      const resyncedAt = expectsResync ? await until(async () => (await resyncs(page)) > before, 5_000) : null;
      stopPushing();
      const back = await waitEqual(page, truthOf(feed), RECOVER_TIMEOUT_MS);
      const ok = back.at !== null && (!expectsResync || resyncedAt !== null) && errors.length === 0;
      record(row, { ok, detectMs: resyncedAt === null ? null : resyncedAt - injectedAt, recoverMs: back.at === null ? null : back.at - injectedAt, mismatches: back.mismatches });
      if (!ok) log(`sequence ${kind}: not survived (resync ${resyncedAt === null ? 'none' : 'sent'}, ${back.mismatches} mismatches)`);
    }
    const wall = await readWall(page);
    row.notes = `detect = resync sent; ${wall?.counters.resyncs ?? '?'} resyncs in all; feed answered ${feed.log.filter((l) => l.startsWith('resync')).length}`;
  } finally {
    await context.close();
    await feed.close();
  }
  return row;
}

/** A resync spammer, an oversized sender and hundreds of connections beside one wall. */
async function hostileClients(browser: Browser, site: string, counts: FaultCounts, log: (line: string) => void): Promise<FaultRow> {
  const row = newRow(`hostile clients: resync spam, oversized message, ${counts.hostileConnections} connections`);
  const cap = Math.max(10, counts.hostileConnections - 20);
  const feed = await startLocalFeed({ maxConnections: cap });
  const { context, page, errors } = await openPage(browser);
  const random = seeded(5);
  const sockets: Array<ReturnType<typeof io>> = [];
  const open = (extra: object = {}) => {
    const socket = io(feed.server.url, { transports: ['websocket'], reconnection: false, forceNew: true, ...extra });
    sockets.push(socket);
    return socket;
  };
  try {
    await page.goto(wallAddress(site, feed.server.url));
    await waitEqual(page, truthOf(feed), RECOVER_TIMEOUT_MS);
    const stopPushing = pusher(feed, random);
    let notLive = 0;
    const watching = setInterval(() => {
      void connectionOf(page).then((c) => (notLive += c === 'live' ? 0 : 1), () => undefined);
    }, 100);
    const startedAt = performance.now();

    const spammer = open();
    let spamSnapshots = 0;
    spammer.on('feed:snapshot', () => (spamSnapshots += 1));
    await new Promise<void>((r) => spammer.once('connect', () => r()));
    for (let i = 0; i < 2_000; i += 1) spammer.emit('feed:resync', { lastSeq: 0 });

    const big = open();
    await new Promise<void>((r) => big.once('connect', () => r()));
    const bigClosed = new Promise<string>((r) => big.once('disconnect', r));
    big.emit('feed:resync', { lastSeq: 0, padding: 'x'.repeat(1_000_000) });

    const outcomes = await Promise.all(
      Array.from({ length: counts.hostileConnections }, () => {
        const s = open();
        return new Promise<boolean>((r) => {
          s.once('connect', () => r(true));
          s.once('connect_error', () => r(false));
        });
      }),
    );
    const closedBy = await Promise.race([bigClosed, sleep(5_000).then(() => 'still open')]);
    await sleep(2_000);
    const seconds = (performance.now() - startedAt) / 1_000;
    clearInterval(watching);
    stopPushing();
    const back = await waitEqual(page, truthOf(feed), RECOVER_TIMEOUT_MS);
    const refused = outcomes.filter((ok) => !ok).length;
    const spamLimited = spamSnapshots <= 2 + Math.ceil(seconds);
    const wallOk = notLive === 0 && back.at !== null && errors.length === 0;
    const checks = [
      [spamLimited, `spammer got ${spamSnapshots} snapshots for 2000 resyncs in ${seconds.toFixed(1)} s`],
      [closedBy === 'transport close', `1 MB message: ${closedBy}`],
      [refused > 0, `${refused} of ${counts.hostileConnections} connections refused at the cap of ${cap}`],
    ] as const;
    // Each hostile kind is survived when its limit held and the wall beside it never left live.
    for (const [ok, what] of checks) {
      record(row, { ok: ok && wallOk });
      if (!ok) log(`hostile: limit failed: ${what}`);
    }
    row.mismatches = back.mismatches;
    row.notes = `${checks.map(([, what]) => what).join('; ')}; wall left live ${notLive} times`;
  } finally {
    for (const s of sockets) s.close();
    await context.close();
    await feed.close();
  }
  return row;
}

async function heapMb(page: Page, collect: boolean): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    if (collect) await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1_048_576;
  } finally {
    await cdp.detach();
  }
}

/** Deltas in a burst: the wall must end on the last state, and its memory come back. */
async function flood(browser: Browser, site: string, counts: FaultCounts, log: (line: string) => void): Promise<FaultRow> {
  const row = newRow(`flood: ${counts.floodDeltas.toLocaleString('en')} deltas in a burst`);
  const feed = await startLocalFeed({ services: 40 });
  const { context, page, errors } = await openPage(browser);
  const random = seeded(13);
  try {
    await page.goto(wallAddress(site, feed.server.url));
    await waitEqual(page, truthOf(feed), RECOVER_TIMEOUT_MS);
    await sleep(1_000);
    const before = await heapMb(page, true);
    const startedAt = performance.now();
    for (let sent = 0; sent < counts.floodDeltas; sent += 1) {
      feed.source.push(feed.source.randomChange(random));
      if (sent % 1_000 === 999) await new Promise((r) => setImmediate(r));
    }
    const sentMs = performance.now() - startedAt;
    const peak = await heapMb(page, false);
    const back = await waitEqual(page, truthOf(feed), Math.max(30_000, counts.floodDeltas * 5));
    await sleep(1_000);
    const after = await heapMb(page, true);
    const wall = await readWall(page);
    const memoryBack = after <= before * 1.25 + 3;
    record(row, { ok: back.at !== null && memoryBack && errors.length === 0, recoverMs: back.at === null ? null : back.at - startedAt, mismatches: back.mismatches });
    row.notes = `sent in ${(sentMs / 1_000).toFixed(1)} s; heap ${before.toFixed(1)} → ${peak.toFixed(1)} → ${after.toFixed(1)} MB after GC; wall at seq ${wall?.seq ?? '?'} of ${feed.server.seq}, ${wall?.counters.resyncs ?? '?'} resyncs`;
    log(`flood: ${row.notes}`);
  } finally {
    await context.close();
    await feed.close();
  }
  return row;
}

/** The feed-side faults, in order. */
export async function runFeedFaults(browser: Browser, site: string, counts: FaultCounts, log: (line: string) => void, groups: { sequence: boolean; load: boolean }): Promise<FaultRow[]> {
  const rows: FaultRow[] = [];
  if (groups.sequence) rows.push(await sequenceFaults(browser, site, counts, log));
  if (groups.load) {
    rows.push(await hostileClients(browser, site, counts, log));
    rows.push(await flood(browser, site, counts, log));
  }
  return rows;
}
