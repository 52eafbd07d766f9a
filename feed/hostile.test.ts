import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { Service } from '../shared/protocol/entities';
import { MAX_CLIENT_MESSAGE_BYTES, refusalOf } from './admission';
import { startFeedServer } from './server';
import type { FeedServer, FeedServerOptions } from './server';
import type { EntityChange, FeedSource, SourceContext } from './source';
import { connectRecorder, sleep } from './testClient';
import type { RecordingClient } from './testClient';

const service = (id: string, updatedAt = 1_000): Service => ({ id, name: id, status: 'ok', updatedAt });

function pushSource(): FeedSource & { push(change: EntityChange): void } {
  let context: SourceContext | null = null;
  return {
    description: 'push',
    snapshot: () => ({ services: [service('a')], slos: [], incidents: [] }),
    start: (c) => (context = c),
    stop: () => undefined,
    push: (change) => context?.emit(change),
  };
}

let server: FeedServer | null = null;
const sockets: Socket[] = [];
const recorders: RecordingClient[] = [];
const lines: string[] = [];

async function start(options: Partial<FeedServerOptions> = {}) {
  const source = pushSource();
  server = await startFeedServer({ source, log: (line) => lines.push(line), ...options });
  return source;
}

/** A bare client: resolves with 'connected' or the error that refused it. */
function attempt(url: string, headers: Record<string, string> = {}): Promise<string> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const r of recorders.splice(0)) r.close();
  await server?.close();
  server = null;
  lines.length = 0;
});

describe('refusalOf', () => {
  it('refuses past the cap, then foreign origins; pages without an origin pass', () => {
    expect(refusalOf(undefined, 10, { maxConnections: 10 })).toBe('too many connections');
    expect(refusalOf('http://evil.example', 0, { maxConnections: 10 })).toBeNull();
    const limits = { maxConnections: 10, allowedOrigins: ['http://wall.example:8080'] };
    expect(refusalOf('http://evil.example', 0, limits)).toBe('origin not allowed');
    expect(refusalOf('http://wall.example:8080', 0, limits)).toBeNull();
    expect(refusalOf('null', 0, limits)).toBeNull();
    expect(refusalOf(undefined, 0, limits)).toBeNull();
  });
});

describe('feed server under hostile clients', () => {
  it('closes a client that sends an oversized message, and only that one', async () => {
    const source = await start();
    const wall = await connectRecorder(server!.url);
    recorders.push(wall);
    const hostile = await connectRecorder(server!.url);
    recorders.push(hostile);
    const closed = new Promise<string>((resolve) => hostile.socket.once('disconnect', resolve));
    hostile.socket.emit('feed:resync', { lastSeq: 0, padding: 'x'.repeat(MAX_CLIENT_MESSAGE_BYTES * 4) });
    expect(await closed).toBe('transport close');
    source.push({ upsert: { services: [service('b', 2_000)] } });
    const delta = await wall.next('feed:delta');
    expect((delta.payload as { seq: number }).seq).toBe(1);
    expect(server!.clientCount).toBe(1);
  });

  it('caps connections without slowing the walls already connected, and frees slots as they close', async () => {
    const source = await start({ maxConnections: 100 });
    const wall = await connectRecorder(server!.url);
    recorders.push(wall);
    const results = await Promise.all(Array.from({ length: 150 }, () => attempt(server!.url)));
    // The wall and 99 others fill the cap of 100; the other 51 are refused.
    const accepted = results.filter((r) => r === 'connected').length;
    expect(accepted).toBe(99);
    expect(results.filter((r) => r !== 'connected').every((r) => r === 'websocket error')).toBe(true);
    expect(lines.filter((l) => l.endsWith('too many connections')).length).toBe(51);

    const sent = performance.now();
    source.push({ upsert: { services: [service('b', 2_000)] } });
    const delta = await wall.next('feed:delta');
    // Generous for a loaded test machine; a wall starved by the crowd would wait seconds.
    expect(delta.t - sent).toBeLessThan(1_000);

    for (const s of sockets.splice(0)) s.close();
    for (let i = 0; i < 50 && server!.clientCount > 1; i += 1) await sleep(100);
    expect(await attempt(server!.url)).toBe('connected');
  });

  it('holds hundreds of walls at the default cap', async () => {
    const source = await start();
    const results = await Promise.all(Array.from({ length: 300 }, () => attempt(server!.url)));
    expect(results.every((r) => r === 'connected')).toBe(true);
    const wall = await connectRecorder(server!.url);
    recorders.push(wall);
    const sent = performance.now();
    source.push({ upsert: { services: [service('b', 2_000)] } });
    expect((await wall.next('feed:delta')).t - sent).toBeLessThan(2_000);
  });

  it('refuses browser origins outside the allowed list', async () => {
    await start({ allowedOrigins: ['http://wall.example:8080'] });
    expect(await attempt(server!.url, { origin: 'http://evil.example' })).toBe('websocket error');
    expect(await attempt(server!.url, { origin: 'http://wall.example:8080' })).toBe('connected');
    expect(await attempt(server!.url)).toBe('connected');
    expect(lines.some((l) => l.includes('origin not allowed (http://evil.example)'))).toBe(true);
  });

  it('answers a resync flood with one snapshot per interval', async () => {
    await start({ resyncIntervalMs: 300 });
    const spammer = await connectRecorder(server!.url);
    recorders.push(spammer);
    const started = performance.now();
    for (let i = 0; i < 500; i += 1) spammer.socket.emit('feed:resync', { lastSeq: 0 });
    await sleep(1_000);
    const snapshots = spammer.messages.filter((m) => m.event === 'feed:snapshot' && m.t > started).length;
    // One answered at once, then at most one per 300 ms.
    expect(snapshots).toBeGreaterThanOrEqual(2);
    expect(snapshots).toBeLessThanOrEqual(5);
  });
});
