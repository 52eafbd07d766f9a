// Faults in what the wall is given: fuzzed messages, a protocol version it
// does not speak, a wrong token, and a clock a day off.
import type { Browser } from 'playwright';
import { validateMessage } from '../../shared/protocol/validate';
import { fuzzMessages } from './fuzz';
import { connectionOf, openPage, responsiveMs, sleep, startLocalFeed, until, wallAddress } from './harness';
import { newRow, record } from './matrix';
import type { FaultCounts, FaultRow } from './matrix';
import { corruptEntities, readWall, waitEqual } from './state';

const RECOVER_TIMEOUT_MS = 20_000;
// Fuzzed messages sent before waiting for the wall to count them.
const CHUNK = 50;
const DAY_MS = 86_400_000;

/** Fuzzed messages: no crash, no freeze, no corrupt entity, every drop counted. */
async function fuzz(browser: Browser, site: string, counts: FaultCounts, log: (line: string) => void): Promise<FaultRow> {
  const row = newRow(`fuzz: ${counts.fuzzMessages.toLocaleString('en')} hostile messages`);
  const feed = await startLocalFeed();
  const { context, page, errors } = await openPage(browser);
  try {
    await page.goto(wallAddress(site, feed.server.url));
    await waitEqual(page, (seq) => (seq === feed.server.seq ? feed.source.entities() : undefined), RECOVER_TIMEOUT_MS);
    const start = (await readWall(page))!.counters;
    const expected = { droppedMessages: 0, droppedEntities: 0 };
    let seq = feed.server.seq;
    let worstPauseMs = 0;
    let worstChunkMs = 0;
    const reconnectsBefore = (await readWall(page))!.reconnects;
    let corrupt = 0;
    const messages = fuzzMessages(counts.fuzzMessages, 20_261_127);
    const startedAt = performance.now();
    for (let i = 0; i < messages.length; i += 1) {
      const m = messages[i]!;
      const payload = m.seqMode === 'next' && typeof m.payload === 'object' && m.payload !== null ? { ...m.payload, seq: (seq += 1) } : m.payload;
      const sent: unknown = JSON.parse(JSON.stringify(payload) ?? 'null');
      const judged = validateMessage(m.event, sent);
      if (!judged.ok) expected.droppedMessages += 1;
      else {
        expected.droppedEntities += judged.dropped.length;
        if (m.event === 'feed:snapshot') seq = judged.value.message.seq;
      }
      feed.server.emitRaw(m.event, payload === undefined ? null : payload);
      if (i % CHUNK === CHUNK - 1 || i === messages.length - 1) {
        // Wait for the wall to have judged the chunk, so a backlog never builds
        // up in the socket (it would delay socket.io's pings into a timeout).
        const sentAt = performance.now();
        const judgedAt = await until(async () => {
          const c = (await readWall(page))!.counters;
          return c.droppedMessages - start.droppedMessages === expected.droppedMessages && c.droppedEntities - start.droppedEntities === expected.droppedEntities;
        }, 15_000, 20);
        worstChunkMs = Math.max(worstChunkMs, (judgedAt ?? Number.POSITIVE_INFINITY) - sentAt);
        worstPauseMs = Math.max(worstPauseMs, await responsiveMs(page));
        const wall = await readWall(page);
        corrupt += wall === null ? 0 : corruptEntities(wall);
        if (judgedAt === null) break;
      }
    }
    // Everything sent has been handled once the counters add up.
    const countedAt = await until(async () => {
      const c = (await readWall(page))!.counters;
      return c.droppedMessages - start.droppedMessages === expected.droppedMessages && c.droppedEntities - start.droppedEntities === expected.droppedEntities;
    }, 30_000, 200);
    const end = (await readWall(page))!;
    const polluted = await page.evaluate(() => ({}) as Record<string, unknown>).then(() => page.evaluate(() => 'polluted' in ({} as object) || Object.keys(Object.prototype).length > 0));
    // The feed's own snapshot puts the wall back where the feed is.
    const recoverFrom = performance.now();
    feed.server.emitRaw('feed:snapshot', { v: 1, seq: feed.server.seq, at: Date.now(), ...feed.source.snapshot() });
    const back = await waitEqual(page, (s) => (s === feed.server.seq ? feed.source.entities() : undefined), RECOVER_TIMEOUT_MS);
    const reconnects = end.reconnects - reconnectsBefore;
    const ok = countedAt !== null && corrupt === 0 && !polluted && errors.length === 0 && back.at !== null && worstPauseMs < 5_000 && reconnects === 0;
    record(row, { ok, recoverMs: back.at === null ? null : back.at - recoverFrom, mismatches: back.mismatches });
    // One row for the whole run: count each message as one injection.
    row.injected = messages.length;
    row.survived = ok ? messages.length : 0;
    const counted = `${end.counters.droppedMessages - start.droppedMessages}/${expected.droppedMessages} messages and ${end.counters.droppedEntities - start.droppedEntities}/${expected.droppedEntities} entities dropped and counted`;
    row.notes = `${counted}; corrupt entities applied ${corrupt}; prototype polluted ${polluted}; worst page round trip ${Math.round(worstPauseMs)} ms; worst ${CHUNK}-message chunk judged in ${Math.round(worstChunkMs)} ms; reconnects ${reconnects}; sent in ${((performance.now() - startedAt) / 1_000).toFixed(1)} s; page errors ${errors.length}`;
    log(`fuzz: ${row.notes}`);
  } finally {
    await context.close();
    await feed.close();
  }
  return row;
}

/** A feed speaking protocol version 2: shown as such, cleared by the next valid message. */
async function foreignVersion(browser: Browser, site: string): Promise<FaultRow> {
  const row = newRow('protocol version 2 from the feed');
  const feed = await startLocalFeed();
  const { context, page } = await openPage(browser);
  try {
    await page.goto(wallAddress(site, feed.server.url));
    await until(async () => (await connectionOf(page)) === 'live', 10_000);
    const sentAt = performance.now();
    feed.server.emitRaw('feed:delta', { v: 2, seq: feed.server.seq + 1, at: Date.now() });
    const shownAt = await until(async () => (await page.locator('#wall').getAttribute('data-protocol-unsupported')) === '2' && (await page.locator('[data-protocol-banner="2"]').isVisible()), 5_000);
    const validAt = performance.now();
    feed.source.push(feed.source.randomChange(Math.random));
    const clearedAt = await until(async () => (await page.locator('[data-protocol-banner]').count()) === 0, 5_000);
    const back = await waitEqual(page, (s) => (s === feed.server.seq ? feed.source.entities() : undefined), RECOVER_TIMEOUT_MS);
    record(row, { ok: shownAt !== null && clearedAt !== null && back.at !== null, detectMs: shownAt === null ? null : shownAt - sentAt, recoverMs: clearedAt === null ? null : clearedAt - validAt, mismatches: back.mismatches });
    row.notes = 'banner "FEED SPEAKS PROTOCOL VERSION 2" and data-protocol-unsupported="2"; cleared by the next v1 message';
  } finally {
    await context.close();
    await feed.close();
  }
  return row;
}

/** A wrong token: refused, not retried; the right one in a new address recovers. */
async function wrongToken(browser: Browser, site: string, counts: FaultCounts): Promise<FaultRow> {
  const row = newRow('wrong token, then the right one (new URL)');
  const feed = await startLocalFeed({ token: 'right-token' });
  const { context, page } = await openPage(browser);
  const attempts: number[] = [];
  page.on('websocket', () => attempts.push(performance.now()));
  try {
    const openedAt = performance.now();
    await page.goto(wallAddress(site, feed.server.url, {}, 'wrong-token'));
    const refusedAt = await until(async () => (await connectionOf(page)) === 'refused', 10_000);
    await sleep(counts.refusedWatchMs);
    const tries = attempts.length;
    await page.goto('about:blank');
    const fixedAt = performance.now();
    await page.goto(wallAddress(site, feed.server.url, {}, 'right-token'));
    const back = await waitEqual(page, (s) => (s === feed.server.seq ? feed.source.entities() : undefined), RECOVER_TIMEOUT_MS);
    record(row, { ok: refusedAt !== null && tries === 1 && back.at !== null, detectMs: refusedAt === null ? null : refusedAt - openedAt, recoverMs: back.at === null ? null : back.at - fixedAt, mismatches: back.mismatches });
    row.notes = `${tries} connection attempt(s) in ${Math.round(counts.refusedWatchMs / 1_000)} s while refused; feed logged ${feed.log.filter((l) => l.includes('wrong token')).length} refusals`;
  } finally {
    await context.close();
    await feed.close();
  }
  return row;
}

const skewScript = (offsetMs: number) => `(() => {
  const RealDate = Date; const offset = ${offsetMs}; const realNow = RealDate.now.bind(RealDate);
  class SkewedDate extends RealDate { constructor(...a) { if (a.length === 0) super(realNow() + offset); else super(...a); } static now() { return realNow() + offset; } }
  globalThis.Date = SkewedDate;
})();`;

/** The wall's clock a day ahead, then a day behind: freshness judged on the feed's clock. */
async function clockSkew(browser: Browser, site: string): Promise<FaultRow> {
  const row = newRow('wall clock a day ahead / a day behind');
  const feed = await startLocalFeed({ services: 6 });
  const old = { ...feed.source.snapshot().services[0]!, id: 'old', name: 'Old', status: 'down' as const, updatedAt: Date.now() - 10 * 60_000 };
  feed.source.push({ upsert: { services: [old] } });
  const notes: string[] = [];
  try {
    for (const offset of [DAY_MS, -DAY_MS]) {
      const { context, page } = await openPage(browser, { script: skewScript(offset) });
      try {
        await page.goto(wallAddress(site, feed.server.url));
        const openedAt = performance.now();
        const judged = await until(async () => {
          const wall = await readWall(page);
          if (wall === null || wall.connection !== 'live' || Math.abs(wall.clockOffsetMs + offset) > 5_000) return false;
          const stale = await page.locator('[data-service-id]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-service-id'), e.getAttribute('data-stale')]));
          return stale.length > 1 && stale.every(([id, s]) => (id === 'old' ? s === 'true' : s === 'false'));
        }, 10_000);
        // It must stay live: a day's skew must not look like a silent feed.
        await sleep(3_000);
        const still = await connectionOf(page);
        const wall = await readWall(page);
        const ok = judged !== null && still === 'live';
        record(row, { ok, detectMs: judged === null ? null : judged - openedAt, mismatches: 0 });
        notes.push(`${offset > 0 ? '+' : '-'}1 day: offset read ${((wall?.clockOffsetMs ?? 0) / 3_600_000).toFixed(2)} h, fresh services live, the 10-minute-old one stale, ${still} after 3 s`);
      } finally {
        await context.close();
      }
    }
    row.notes = notes.join('; ');
  } finally {
    await feed.close();
  }
  return row;
}

/** The input faults, in order. */
export async function runInputFaults(browser: Browser, site: string, counts: FaultCounts, log: (line: string) => void): Promise<FaultRow[]> {
  return [await fuzz(browser, site, counts, log), await foreignVersion(browser, site), await wrongToken(browser, site, counts), await clockSkew(browser, site)];
}
