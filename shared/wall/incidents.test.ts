import { describe, expect, it } from 'vitest';
import type { Incident } from '../protocol/entities';
import { activeSummary, compareIncidents, incidentsToShow, majorIncidentIds, newMajorIncidents, pruneResolved, rememberResolved } from './incidents';
import type { ResolvedMemory } from './incidents';

function inc(id: string, patch: Partial<Incident> = {}): Incident {
  return { id, title: id, severity: 'sev3', status: 'investigating', serviceIds: [], startedAt: 1_000, ...patch };
}

function map(...list: Incident[]): Map<string, Incident> {
  return new Map(list.map((i) => [i.id, i]));
}

const empty: ResolvedMemory = new Map();

describe('incident order', () => {
  it('puts active before resolved, then severity, then the oldest first', () => {
    const list = [
      inc('resolved-sev1', { severity: 'sev1', status: 'resolved' }),
      inc('young-sev2', { severity: 'sev2', startedAt: 5_000 }),
      inc('old-sev2', { severity: 'sev2', startedAt: 1_000 }),
      inc('sev1', { severity: 'sev1', startedAt: 9_000 }),
    ];
    expect(list.sort(compareIncidents).map((i) => i.id)).toEqual(['sev1', 'old-sev2', 'young-sev2', 'resolved-sev1']);
  });
});

describe('recently resolved', () => {
  it('keeps a resolved incident for the retention, even after the feed removes it', () => {
    const resolved = inc('a', { status: 'resolved', resolvedAt: 10_000 });
    let memory = rememberResolved(empty, map(resolved), 10_500, false);
    expect(incidentsToShow(map(), memory, 10_000 + 300_000).map((i) => i.id)).toEqual(['a']);
    expect(incidentsToShow(map(), memory, 10_000 + 300_001)).toEqual([]);
    memory = pruneResolved(memory, 10_000 + 300_001);
    expect(memory.size).toBe(0);
  });

  it('uses the time it first saw the resolution when the feed gives none', () => {
    let memory = rememberResolved(empty, map(inc('a', { status: 'resolved' })), 50_000, false);
    memory = rememberResolved(memory, map(inc('a', { status: 'resolved', title: 'renamed' })), 90_000, false);
    expect(memory.get('a')?.resolvedAt).toBe(50_000);
    expect(memory.get('a')?.incident.title).toBe('renamed');
  });

  it('forgets an incident that reopens, and after a snapshot one the feed no longer has', () => {
    const memory = rememberResolved(empty, map(inc('a', { status: 'resolved' }), inc('b', { status: 'resolved' })), 0, false);
    expect(rememberResolved(memory, map(inc('a'), inc('b', { status: 'resolved' })), 1, false).has('a')).toBe(false);
    expect(rememberResolved(memory, map(inc('b', { status: 'resolved' })), 1, true).has('a')).toBe(false);
    expect(rememberResolved(memory, map(inc('b', { status: 'resolved' })), 1, false).has('a')).toBe(true);
  });

  it('returns the same memory when nothing changed', () => {
    const incidents = map(inc('a', { status: 'resolved' }));
    const memory = rememberResolved(empty, incidents, 0, false);
    expect(rememberResolved(memory, incidents, 5, false)).toBe(memory);
    expect(pruneResolved(memory, 5)).toBe(memory);
  });
});

describe('major incidents', () => {
  it('finds sev1 and sev2 that opened or were raised, not resolved ones', () => {
    const before = majorIncidentIds(map(inc('a', { severity: 'sev1' }), inc('b', { severity: 'sev3' })));
    const after = majorIncidentIds(
      map(inc('a', { severity: 'sev1' }), inc('b', { severity: 'sev2' }), inc('c', { severity: 'sev1', status: 'resolved' }), inc('d', { severity: 'sev4' })),
    );
    expect(newMajorIncidents(before, after)).toEqual(['b']);
  });

  it('summarises active incidents with the worst severity', () => {
    expect(activeSummary(map(inc('a', { severity: 'sev3' }), inc('b', { severity: 'sev2' }), inc('c', { severity: 'sev1', status: 'resolved' })))).toEqual({
      count: 2,
      worst: 'sev2',
    });
    expect(activeSummary(map())).toEqual({ count: 0, worst: null });
  });
});
