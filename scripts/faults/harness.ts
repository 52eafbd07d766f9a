// What every fault needs: an in-process feed driven by hand, a wall page,
// and a few timing helpers.
import type { Browser, BrowserContext, Page } from 'playwright';
import { entitiesFromSnapshot } from '../../shared/model/feedState';
import type { FeedEntities } from '../../shared/model/feedState';
import type { Incident, Service, Slo } from '../../shared/protocol/entities';
import { exampleIncident, exampleService, exampleSlo } from '../../shared/protocol/fixtures';
import { startFeedServer } from '../../feed/server';
import type { FeedServer, FeedServerOptions } from '../../feed/server';
import type { EntityChange, EntitySet, FeedSource, SourceContext } from '../../feed/source';

/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `probe` every `everyMs` until it returns true; resolves with performance.now() then, or null at the deadline. */
export async function until(probe: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 50): Promise<number | null> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await Promise.resolve().then(probe).catch(() => false)) return performance.now();
    await sleep(everyMs);
  }
  return null;
}

/** A seeded pseudo-random generator (mulberry32), so a run can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const STATUSES: Service['status'][] = ['ok', 'degraded', 'down', 'maintenance', 'unknown'];

/** A source the fault drives by hand: its snapshot is always what it has emitted. */
export interface ManualSource extends FeedSource {
  /** Changes the state without telling anyone (for messages the fault sends itself). */
  apply(change: EntityChange): void;
  /** Changes the state and emits the change as the next delta. */
  push(change: EntityChange): void;
  /** A random, valid change to one entity, stamped with the feed's clock. */
  randomChange(random: () => number): EntityChange;
  entities(): FeedEntities;
}

/** A small company: `services` services, one SLO each, one open incident. */
export function manualSource(services = 20, clock: () => number = Date.now): ManualSource {
  const state = {
    services: new Map<string, Service>(),
    slos: new Map<string, Slo>(),
    incidents: new Map<string, Incident>(),
  };
  const now = clock();
  for (let i = 0; i < services; i += 1) {
    const id = `svc-${i}`;
    state.services.set(id, exampleService({ id, name: `Service ${i}`, updatedAt: now }));
    state.slos.set(`${id}-avail`, exampleSlo({ id: `${id}-avail`, serviceId: id, name: `Service ${i} availability`, updatedAt: now }));
  }
  state.incidents.set('inc-1', exampleIncident({ serviceIds: ['svc-0'], startedAt: now - 60_000, acknowledgedAt: now - 30_000 }));
  let context: SourceContext | null = null;

  function apply(change: EntityChange): void {
    for (const s of change.upsert?.services ?? []) state.services.set(s.id, s);
    for (const s of change.upsert?.slos ?? []) state.slos.set(s.id, s);
    for (const s of change.upsert?.incidents ?? []) state.incidents.set(s.id, s);
    for (const id of change.remove?.services ?? []) state.services.delete(id);
    for (const id of change.remove?.slos ?? []) state.slos.delete(id);
    for (const id of change.remove?.incidents ?? []) state.incidents.delete(id);
  }
  const snapshot = (): EntitySet => ({ services: [...state.services.values()], slos: [...state.slos.values()], incidents: [...state.incidents.values()] });
  return {
    description: 'fault harness',
    clock,
    snapshot,
    start: (c) => (context = c),
    stop: () => (context = null),
    apply,
    push(change) {
      apply(change);
      context?.emit(change);
    },
    randomChange(random) {
      const i = Math.floor(random() * services);
      if (random() < 0.5) {
        const s = state.services.get(`svc-${i}`) ?? exampleService({ id: `svc-${i}` });
        return { upsert: { services: [{ ...s, status: STATUSES[Math.floor(random() * STATUSES.length)]!, updatedAt: clock() }] } };
      }
      const slo = state.slos.get(`svc-${i}-avail`) ?? exampleSlo({ id: `svc-${i}-avail`, serviceId: `svc-${i}` });
      const r = Math.round(random() * 1e6) / 1e8;
      return { upsert: { slos: [{ ...slo, errorRatio: { ...slo.errorRatio, '5m': r, '1h': r }, updatedAt: clock() }] } };
    },
    entities: () => entitiesFromSnapshot(snapshot()),
  };
}

/** An in-process reference feed with its hand-driven source. */
export interface LocalFeed {
  server: FeedServer;
  source: ManualSource;
  log: string[];
  close(): Promise<void>;
}

/** Starts the reference feed server in this process on a free loopback port. */
export async function startLocalFeed(options: Partial<FeedServerOptions> & { services?: number; clock?: () => number } = {}): Promise<LocalFeed> {
  const source = manualSource(options.services ?? 20, options.clock ?? Date.now);
  const log: string[] = [];
  const server = await startFeedServer({ ...options, source, log: (line) => log.push(line) });
  return { server, source, log, close: () => server.close() };
}

/** The wall's address for a feed, with the token in the fragment. */
export function wallAddress(site: string, feed: string, extra: Record<string, string> = {}, token?: string): string {
  const q = new URLSearchParams({ feed, pages: 'health', dwell: '30', ...extra });
  return `${site}?${q.toString()}${token === undefined ? '' : `#token=${encodeURIComponent(token)}`}`;
}

/** A fresh browser context and page, with page errors collected. */
export async function openPage(browser: Browser, init?: { script?: string }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  if (init?.script) await context.addInitScript(init.script);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('crash', () => errors.push('page crashed'));
  return { context, page, errors };
}

/** The root's `data-connection`. */
export function connectionOf(page: Page): Promise<string | null> {
  return page.locator('#wall').getAttribute('data-connection', { timeout: 2_000 });
}

/** Time for a trivial round trip into the page: a frozen page never answers. */
export async function responsiveMs(page: Page, timeoutMs = 10_000): Promise<number> {
  const started = performance.now();
  await Promise.race([page.evaluate(() => 1), sleep(timeoutMs).then(() => Promise.reject(new Error('page frozen')))]);
  return performance.now() - started;
}
