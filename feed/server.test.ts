import { afterEach, describe, expect, it } from 'vitest';
import type { Service } from '../shared/protocol/entities';
import type { DeltaMessage, SnapshotMessage } from '../shared/protocol/messages';
import { validateDelta, validateHeartbeat, validateSnapshot } from '../shared/protocol/validate';
import { startFeedServer } from './server';
import type { FeedServer, FeedServerOptions } from './server';
import type { EntityChange, EntitySet, FeedSource, SourceContext } from './source';
import { connectRecorder, sleep } from './testClient';
import type { RecordingClient } from './testClient';

const service = (id: string, status: Service['status'] = 'ok'): Service => ({ id, name: id, status, updatedAt: 1_000 });

/** A source the test drives by hand. */
function manualSource(): FeedSource & { push(change: EntityChange): void; context: SourceContext | null; stopped: boolean } {
  const state: EntitySet = { services: [service('a'), service('b')], slos: [], incidents: [] };
  const source = {
    description: 'manual',
    context: null as SourceContext | null,
    stopped: false,
    snapshot: () => ({ services: [...state.services], slos: [], incidents: [] }),
    start(context: SourceContext) {
      source.context = context;
    },
    stop() {
      source.stopped = true;
    },
    push(change: EntityChange) {
      for (const s of change.upsert?.services ?? []) state.services = [...state.services.filter((x) => x.id !== s.id), s];
      source.context?.emit(change);
    },
  };
  return source;
}

let server: FeedServer | null = null;
const clients: RecordingClient[] = [];
const lines: string[] = [];

async function start(options: Partial<FeedServerOptions> = {}) {
  const source = manualSource();
  server = await startFeedServer({ source, log: (line) => lines.push(line), ...options });
  return { server, source };
}
async function connect(token?: string) {
  const client = await connectRecorder(server!.url, token);
  clients.push(client);
  return client;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  server = null;
  lines.length = 0;
});

describe('feed server', () => {
  it('sends a valid snapshot right after each connection', async () => {
    const { server } = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = await connect();
    const { payload } = await client.next('feed:snapshot');
    const result = validateSnapshot(payload);
    expect(result.ok && result.dropped).toEqual([]);
    expect(payload).toMatchObject({ v: 1, seq: 0, services: [service('a'), service('b')], slos: [], incidents: [] });
    expect(client.messages[0]?.event).toBe('feed:snapshot');
    expect(server.clientCount).toBe(1);
    expect(lines.some((l) => /^connect \S+ from \S*127\.0\.0\.1 \(1 connected\)$/.test(l))).toBe(true);
  });

  it('broadcasts deltas in order with consecutive seqs, and a later snapshot includes them', async () => {
    const { source } = await start();
    const [one, two] = [await connect(), await connect()];
    for (let i = 1; i <= 5; i += 1) source.push({ upsert: { services: [service('a', i % 2 ? 'down' : 'ok')] } });
    source.push({});
    for (const client of [one, two]) {
      await client.next('feed:delta', (d: DeltaMessage) => d.seq === 5);
      const deltas = client.messages.filter((m) => m.event === 'feed:delta').map((m) => m.payload as DeltaMessage);
      expect(deltas.map((d) => d.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(deltas[4]?.upsert?.services?.[0]?.status).toBe('down');
      for (const d of deltas) expect(validateDelta(d).ok).toBe(true);
    }
    const late = await connect();
    const snapshot = (await late.next('feed:snapshot')).payload as SnapshotMessage;
    expect(snapshot.seq).toBe(5);
    expect(snapshot.services.find((s) => s.id === 'a')?.status).toBe('down');
  });

  it('answers feed:resync with a snapshot to that client only, at most one per interval', async () => {
    const { source } = await start({ resyncIntervalMs: 300 });
    const [asker, bystander] = [await connect(), await connect()];
    source.push({ upsert: { services: [service('b', 'degraded')] } });
    await bystander.next('feed:delta');
    const before = performance.now();
    for (let i = 0; i < 20; i += 1) asker.socket.emit('feed:resync', { lastSeq: 0 });
    const answer = (await asker.next('feed:snapshot', (s: SnapshotMessage) => s.seq === 1)).payload as SnapshotMessage;
    expect(answer.services.find((s) => s.id === 'b')?.status).toBe('degraded');
    await sleep(700);
    const snapshots = asker.messages.filter((m) => m.event === 'feed:snapshot');
    // The connect snapshot, the immediate answer, and one coalesced answer for the other 19.
    expect(snapshots).toHaveLength(3);
    expect(snapshots[2]!.t - before).toBeGreaterThanOrEqual(290);
    expect(bystander.messages.filter((m) => m.event === 'feed:snapshot')).toHaveLength(1);
    source.push({ upsert: { services: [service('b')] } });
    await bystander.next('feed:delta', (d: DeltaMessage) => d.seq === 2);
  });

  it('refuses a wrong or missing token with "unauthorized" and accepts the right one', async () => {
    await start({ token: 's3cret' });
    await expect(connect('wrong')).rejects.toThrow('unauthorized');
    await expect(connect()).rejects.toThrow('unauthorized');
    await expect(connect('s3cret-and-more')).rejects.toThrow('unauthorized');
    const client = await connect('s3cret');
    expect((await client.next('feed:snapshot')).payload).toMatchObject({ seq: 0 });
    expect(lines.filter((l) => l.startsWith('refused'))).toEqual([
      expect.stringMatching(/wrong token$/),
      expect.stringMatching(/missing token$/),
      expect.stringMatching(/wrong token$/),
    ]);
    await expect(startFeedServer({ source: manualSource(), token: '' })).rejects.toThrow('token must not be empty');
  });

  it('sends heartbeats only after silence, carrying the last seq without advancing it', async () => {
    const { source, server } = await start({ heartbeatMs: 250 });
    const client = await connect();
    // Deltas every 25 ms: never 250 ms of silence, so no heartbeat.
    for (let i = 0; i < 8; i += 1) {
      source.push({ upsert: { services: [service('a')] } });
      await sleep(25);
    }
    expect(client.messages.filter((m) => m.event === 'feed:heartbeat')).toHaveLength(0);
    await sleep(700);
    const beats = client.messages.filter((m) => m.event === 'feed:heartbeat');
    expect(beats.length).toBeGreaterThanOrEqual(2);
    for (const beat of beats) {
      expect(validateHeartbeat(beat.payload).ok).toBe(true);
      expect(beat.payload).toMatchObject({ v: 1, seq: 8 });
    }
    expect(server.seq).toBe(8);
    source.push({ upsert: { services: [service('b')] } });
    expect((await client.next('feed:delta', (d: DeltaMessage) => d.seq === 9)).payload).toMatchObject({ seq: 9 });
  });

  it('has fault hooks: skipSeq leaves a gap, emitRaw sends anything, pause holds deltas', async () => {
    const { source, server } = await start({ heartbeatMs: 100 });
    const client = await connect();
    source.push({ upsert: { services: [service('a')] } });
    server.skipSeq(3);
    source.push({ upsert: { services: [service('b')] } });
    expect((await client.next('feed:delta', (d: DeltaMessage) => d.seq > 1)).payload).toMatchObject({ seq: 5 });
    server.emitRaw('feed:delta', 'not an object');
    expect((await client.next('feed:delta', (d: unknown) => typeof d === 'string')).payload).toBe('not an object');

    server.pause({ heartbeats: false });
    const pausedAt = client.messages.length;
    source.push({ upsert: { services: [service('a', 'down')] } });
    source.push({ remove: { services: ['b'] } });
    await sleep(300);
    expect(client.messages.slice(pausedAt)).toEqual([]);
    server.resume();
    await client.next('feed:delta', (d: DeltaMessage) => d.seq === 7);
    const resumed = client.messages.slice(pausedAt).map((m) => m.payload as DeltaMessage);
    expect(resumed.map((d) => d.seq)).toEqual([6, 7]);
    expect(resumed[1]?.remove).toEqual({ services: ['b'] });
  });

  it('carries out faults a source asks for', async () => {
    const { source } = await start();
    const client = await connect();
    source.context!.fault({ kind: 'gap', count: 2 });
    source.context!.fault({ kind: 'malformed' });
    source.context!.fault({ kind: 'bad-entity' });
    const delta = await client.next('feed:delta', (d: DeltaMessage) => d.seq === 3);
    const malformed = client.messages.find((m) => m.event === 'feed:delta' && m !== delta)!;
    expect(validateDelta(malformed.payload)).toMatchObject({ ok: false, reason: expect.stringMatching(/^feed:delta: seq: /) });
    const checked = validateDelta(delta.payload);
    expect(checked.ok && checked.dropped).toEqual([{ kind: 'service', id: 'bad-entity', reason: expect.stringMatching(/^status: /) }]);
  });

  it('closes cleanly: stops the source and disconnects its clients', async () => {
    const { source, server } = await start();
    const client = await connect();
    const gone = new Promise<string>((resolve) => client.socket.once('disconnect', resolve));
    const { port } = server;
    await server.close();
    expect(source.stopped).toBe(true);
    expect(await gone).toBe('transport close');
    expect(server.clientCount).toBe(0);
    await expect(connectRecorder(`http://127.0.0.1:${port}`)).rejects.toThrow();
  });
});
