import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityChange } from '../../feed/source';
import { countEntities, createLoadSource } from './loadSource';

function started(options: Parameters<typeof createLoadSource>[0]) {
  const changes: EntityChange[] = [];
  let seq = 0;
  const source = createLoadSource(options);
  source.seqOf = () => seq;
  source.start({
    emit: (change) => {
      seq += 1;
      changes.push(change);
    },
    fault: () => undefined,
    clock: source.clock ?? Date.now,
  });
  return { source, changes };
}

describe('createLoadSource', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is idle until told to load, then sends the asked rate, a service for every three SLOs', () => {
    const { source, changes } = started({ services: 50, slos: 150, updatesPerSecond: 40 });
    vi.advanceTimersByTime(2_000);
    expect(changes).toHaveLength(0);
    source.startLoad();
    vi.advanceTimersByTime(1_000);
    source.stopLoad();
    vi.advanceTimersByTime(1_000);
    const total = changes.reduce((n, c) => n + countEntities(c), 0);
    expect(total).toBe(40);
    expect(source.sent.entities).toBe(40);
    expect(changes.reduce((n, c) => n + (c.upsert?.services?.length ?? 0), 0)).toBe(10);
    expect([...source.sent.entitiesBySeq.values()].reduce((a, b) => a + b, 0)).toBe(40);
    expect(source.sent.atBySeq.get(1)).toBeGreaterThan(1_700_000_002_000);
  });

  it('stamps updates with the current time so nothing looks stale', () => {
    const { source, changes } = started({ services: 10, slos: 30, updatesPerSecond: 20 });
    source.startLoad();
    vi.advanceTimersByTime(500);
    source.stopLoad();
    expect(changes).toHaveLength(10);
    changes.forEach((change, i) => {
      const stamps = [...(change.upsert?.services ?? []), ...(change.upsert?.slos ?? [])].map((e) => e.updatedAt);
      expect(stamps).toEqual([source.sent.atBySeq.get(i + 1)]);
    });
    expect(source.sent.atBySeq.get(10)).toBe(Date.now());
  });

  it('tops up the snapshot to the asked number of active incidents', () => {
    const { source } = started({ services: 200, slos: 600, incidents: 30, updatesPerSecond: 0 });
    expect(source.incidentCount()).toBeGreaterThanOrEqual(30);
    const ids = source.snapshot().incidents.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('plays the story fast: incidents open and resolve on the feed clock, and the stream keeps what the story changed', () => {
    const { source, changes } = started({ services: 100, slos: 300, updatesPerSecond: 400, story: true, speed: 3_600 });
    source.startLoad();
    // One real second is one story hour.
    vi.advanceTimersByTime(1_000);
    source.stopLoad();
    expect(source.clock!()).toBeGreaterThanOrEqual(1_700_000_000_000 + 3_600_000);
    const incidents = changes.flatMap((c) => c.upsert?.incidents ?? []);
    expect(new Set(incidents.map((i) => i.id)).size).toBeGreaterThanOrEqual(3);
    expect(incidents.some((i) => i.status === 'resolved')).toBe(true);
    const degraded = changes.flatMap((c) => c.upsert?.services ?? []).filter((s) => s.status === 'degraded');
    expect(degraded.length).toBeGreaterThan(1);
  });
});
