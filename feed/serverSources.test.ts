import http from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeltaMessage, SnapshotMessage } from '../shared/protocol/messages';
import { validateMessage } from '../shared/protocol/validate';
import type { ServerEventName } from '../shared/protocol/messages';
import { createScenarioSource } from './scenario/scenarioSource';
import { loadScenarioFile } from './scenario/load';
import { startFeedServer } from './server';
import type { FeedServer } from './server';
import { createSimulatorSource } from './simulator/simulatorSource';
import { connectRecorder, sleep } from './testClient';
import type { RecordingClient } from './testClient';

let server: FeedServer | null = null;
let client: RecordingClient | null = null;
afterEach(async () => {
  client?.close();
  await server?.close();
  server = null;
  client = null;
});

function expectAllValid(messages: RecordingClient['messages']): void {
  let lastSeq = -1;
  for (const { event, payload } of messages) {
    const result = validateMessage(event as ServerEventName, payload);
    if (!result.ok) throw new Error(result.reason);
    expect(result.dropped).toEqual([]);
    const { seq } = payload as { seq: number };
    if (event === 'feed:delta') expect(seq).toBe(lastSeq + 1);
    if (event !== 'feed:heartbeat') lastSeq = seq;
  }
}

describe('feed server with its real sources', () => {
  it('every message of the simulator passes validation with nothing dropped', async () => {
    // Story time at 600x: ten minutes of the company's life in a second.
    const t0 = Date.now();
    const clock = () => t0 + (Date.now() - t0) * 600;
    server = await startFeedServer({ source: createSimulatorSource({ seed: 3, intervalMs: 20, clock }), heartbeatMs: 200 });
    client = await connectRecorder(server.url);
    await sleep(1_000);
    const deltas = client.messages.filter((m) => m.event === 'feed:delta');
    expect(deltas.length).toBeGreaterThan(20);
    expect(deltas.some((m) => ((m.payload as DeltaMessage).upsert?.incidents ?? []).length > 0)).toBe(true);
    expectAllValid(client.messages);
  });

  it('plays a scenario on its own clock: at and updatedAt follow scenario time', async () => {
    const scenario = loadScenarioFile(join(import.meta.dirname, 'scenarios', 'checkout-outage.yaml'));
    const startAt = 1_700_000_000_000;
    const source = createScenarioSource(scenario, { speed: 200, tickMs: 50, startAt });
    server = await startFeedServer({ source });
    client = await connectRecorder(server.url);
    // 90 scenario seconds take 450 ms at 200x.
    const resolved = await client.next('feed:delta', (d: DeltaMessage) => d.upsert?.incidents?.some((i) => i.status === 'resolved') ?? false);
    const delta = resolved.payload as DeltaMessage;
    const incident = delta.upsert?.incidents?.[0];
    expect(incident).toMatchObject({ id: 'inc-checkout', startedAt: startAt + 30_000, resolvedAt: startAt + 90_000 });
    expect(delta.at).toBeGreaterThanOrEqual(startAt + 90_000);
    expect(delta.at).toBeLessThan(startAt + 200_000);
    for (const m of client.messages) {
      const { at } = m.payload as { at: number };
      expect(at).toBeGreaterThanOrEqual(startAt);
    }
    const snapshot = client.messages[0]!.payload as SnapshotMessage;
    expect(snapshot.services.every((s) => s.updatedAt >= startAt && s.updatedAt <= snapshot.at)).toBe(true);
    expectAllValid(client.messages);
  });

  it('scenario faults reach the wire: a gap, a malformed message, a bad entity', async () => {
    const scenario = loadScenarioFile(join(import.meta.dirname, 'scenarios', 'faults.yaml'));
    server = await startFeedServer({ source: createScenarioSource(scenario, { speed: 100, tickMs: 20 }) });
    client = await connectRecorder(server.url);
    const bad = await client.next('feed:delta', (d: DeltaMessage) => d.upsert?.services?.some((s) => s.id === 'bad-entity') ?? false);
    const deltas = client.messages.filter((m) => m.event === 'feed:delta' && m.t <= bad.t).map((m) => m.payload);
    const seqs = deltas.map((d) => (d as { seq: unknown }).seq);
    expect(seqs).toContain('malformed');
    const numeric = seqs.filter((s): s is number => typeof s === 'number');
    expect(numeric.some((s, i) => i > 0 && s === numeric[i - 1]! + 3)).toBe(true);
  });

  it('attaches to an existing HTTP server and leaves it running on close', async () => {
    const http1 = http.createServer((_req, res) => res.end('kiosk'));
    await new Promise<void>((resolve) => http1.listen(0, '127.0.0.1', resolve));
    server = await startFeedServer({ source: createSimulatorSource({ seed: 1 }), httpServer: http1 });
    const port = (http1.address() as { port: number }).port;
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    client = await connectRecorder(server.url);
    expect(((await client.next('feed:snapshot')).payload as SnapshotMessage).services).toHaveLength(40);
    await server.close();
    server = null;
    expect(http1.listening).toBe(true);
    const body = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
    expect(body).toBe('kiosk');
    await new Promise((resolve) => http1.close(resolve));
  });
});
