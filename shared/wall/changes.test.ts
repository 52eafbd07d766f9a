import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDeltas, emptyEntities } from '../model/feedState';
import type { FeedEntities } from '../model/feedState';
import { exampleIncident, exampleService, exampleSlo } from '../protocol/fixtures';
import type { Incident, Service, Slo } from '../protocol/entities';
import { evaluateSlo } from '../slo/evaluate';
import { describeChange, diffEntities, emptyChangeLog, pruneChanges, recentChanges, recordChanges } from './changes';
import type { ChangeDraft } from './changes';

const T = 1_700_000_000_000;
const levelOf = (slo: Slo) => evaluateSlo(slo).level;

function entities(parts: { services?: Service[]; slos?: Slo[]; incidents?: Incident[] }): FeedEntities {
  const byId = <T extends { id: string }>(items: T[] = []) => new Map(items.map((i) => [i.id, i]));
  return { services: byId(parts.services), slos: byId(parts.slos), incidents: byId(parts.incidents) };
}

const calm = exampleSlo({ errorRatio: { '5m': 0.0001, '1h': 0.0001, window: 0.0001 } });
// 30x over 1h and 5m on a 99.9% SLO: page.
const paging = exampleSlo({ errorRatio: { '5m': 0.03, '1h': 0.03, window: 0.0001 } });
// 4x over 1d and 2h: ticket.
const ticketing = exampleSlo({ errorRatio: { '2h': 0.004, '1d': 0.004, window: 0.0001 } });

describe('diffEntities', () => {
  it('finds the same changes through the batches\' lineage as by comparing every entity', () => {
    const ratios = [0.0001, 0.004, 0.03];
    const statuses = ['ok', 'degraded', 'down'] as const;
    const slo = (n: number, r: number) => exampleSlo({ id: `s${n}`, name: `s${n}`, errorRatio: { '5m': ratios[r]!, '1h': ratios[r]!, '2h': ratios[r]!, '1d': ratios[r]!, window: 0.0001 } });
    const service = (n: number, st: number) => exampleService({ id: `v${n}`, name: `v${n}`, status: statuses[st]! });
    const start = entities({ slos: [0, 1, 2, 3, 4].map((n) => slo(n, 0)), services: [0, 1, 2].map((n) => service(n, 0)) });
    const change = fc.record({ n: fc.integer({ min: 0, max: 7 }), level: fc.integer({ min: 0, max: 2 }), isService: fc.boolean(), isRemoval: fc.boolean() });
    const sorted = (drafts: ChangeDraft[]) => drafts.map((d) => `${d.kind} ${d.entityId} ${d.from} ${d.to}`).sort();
    fc.assert(
      fc.property(fc.array(fc.array(change, { maxLength: 5 }), { minLength: 1, maxLength: 4 }), (batches) => {
        let prev = start;
        for (const batch of batches) {
          const deltas = batch.map((c) => ({
            v: 1 as const,
            seq: 1,
            at: T,
            upsert: c.isRemoval ? {} : c.isService ? { services: [service(c.n, c.level)] } : { slos: [slo(c.n, c.level)] },
            remove: !c.isRemoval ? {} : c.isService ? { services: [`v${c.n}`] } : { slos: [`s${c.n}`] },
          }));
          const next = applyDeltas(prev, deltas);
          // Copies of the maps have no lineage: the diff then compares every entity.
          const unrelated = { services: new Map(next.services), slos: new Map(next.slos), incidents: new Map(next.incidents) };
          expect(sorted(diffEntities(prev, next, levelOf))).toEqual(sorted(diffEntities(prev, unrelated, levelOf)));
          prev = next;
        }
      }),
    );
  });

  it('records an SLO starting to burn, changing level and stopping, with the levels', () => {
    const kinds = (a: Slo, b: Slo) => diffEntities(entities({ slos: [a] }), entities({ slos: [b] }), levelOf).map((c) => [c.kind, c.from, c.to]);
    expect(kinds(calm, paging)).toEqual([['slo-burning', 'none', 'page']]);
    expect(kinds(paging, ticketing)).toEqual([['slo-level', 'page', 'ticket']]);
    expect(kinds(ticketing, calm)).toEqual([['slo-calm', 'ticket', 'none']]);
    expect(kinds(calm, { ...calm, updatedAt: T + 1 })).toEqual([]);
  });

  it('records services going down, recovering and other status changes, not ones appearing or leaving', () => {
    const ok = exampleService({ status: 'ok' });
    const down = exampleService({ status: 'down' });
    const degraded = exampleService({ status: 'degraded' });
    const maint = exampleService({ status: 'maintenance' });
    const diff = (a: Service[], b: Service[]) => diffEntities(entities({ services: a }), entities({ services: b }), levelOf).map((c) => c.kind);
    expect(diff([ok], [down])).toEqual(['service-down']);
    expect(diff([down], [ok])).toEqual(['service-recovered']);
    expect(diff([ok], [degraded])).toEqual(['service-status']);
    expect(diff([maint], [ok])).toEqual(['service-status']);
    expect(diff([], [down])).toEqual([]);
    expect(diff([down], [])).toEqual([]);
  });

  it('records incidents opening, changing status or severity, resolving and reopening', () => {
    const open = exampleIncident({ status: 'triggered', severity: 'sev2' });
    const diff = (a: Incident[], b: Incident[]) =>
      diffEntities(entities({ incidents: a }), entities({ incidents: b }), levelOf).map((c) => [c.kind, c.from, c.to, c.severity]);
    expect(diff([], [open])).toEqual([['incident-opened', null, 'triggered', 'sev2']]);
    expect(diff([], [{ ...open, status: 'resolved' }])).toEqual([]);
    expect(diff([open], [{ ...open, status: 'identified' }])).toEqual([['incident-status', 'triggered', 'identified', 'sev2']]);
    expect(diff([open], [{ ...open, severity: 'sev1', status: 'investigating' }])).toEqual([
      ['incident-severity', 'sev2', 'sev1', 'sev1'],
      ['incident-status', 'triggered', 'investigating', 'sev1'],
    ]);
    expect(diff([open], [{ ...open, status: 'resolved' }])).toEqual([['incident-resolved', 'triggered', 'resolved', 'sev2']]);
    expect(diff([{ ...open, status: 'resolved' }], [open])).toEqual([['incident-status', 'resolved', 'triggered', 'sev2']]);
  });

  it('walks only the kinds whose map changed', () => {
    const prev = entities({ slos: [calm] });
    let calls = 0;
    const counting = (slo: Slo) => {
      calls += 1;
      return levelOf(slo);
    };
    expect(diffEntities(prev, { ...prev, services: new Map() }, counting)).toEqual([]);
    expect(calls).toBe(0);
    expect(diffEntities(emptyEntities, emptyEntities, counting)).toEqual([]);
  });
});

describe('the change log', () => {
  const draft = (name: string): ChangeDraft => ({ kind: 'service-down', entityId: name, name, from: 'ok', to: 'down' });

  it('stamps changes in order with unique ids and the feed time', () => {
    let log = recordChanges(emptyChangeLog, [draft('a'), draft('b')], T);
    log = recordChanges(log, [draft('c')], T + 1_000);
    expect(log.changes.map((c) => [c.id, c.name, c.at])).toEqual([
      [1, 'a', T],
      [2, 'b', T],
      [3, 'c', T + 1_000],
    ]);
  });

  it('lets changes older than the window fall out, and keeps at most the newest maxCount', () => {
    const limits = { windowMs: 15 * 60_000, maxCount: 3 };
    let log = recordChanges(emptyChangeLog, [draft('old')], T, limits);
    log = recordChanges(log, [draft('new')], T + 15 * 60_000, limits);
    expect(log.changes.map((c) => c.name)).toEqual(['old', 'new']);
    log = recordChanges(log, [], T + 15 * 60_000 + 1, limits);
    expect(log.changes.map((c) => c.name)).toEqual(['new']);
    log = recordChanges(log, ['1', '2', '3'].map(draft), T + 16 * 60_000, limits);
    expect(log.changes.map((c) => c.name)).toEqual(['1', '2', '3']);
    expect(log.nextId).toBe(6);
  });

  it('drops changes from the future of a feed that restarted on an earlier clock, and returns the same log when nothing falls out', () => {
    const log = recordChanges(emptyChangeLog, [draft('a')], T);
    expect(pruneChanges(log, T + 60_000)).toBe(log);
    expect(pruneChanges(log, T - 60 * 60_000).changes).toEqual([]);
  });

  it('shows only the last 15 minutes on the strip', () => {
    const log = recordChanges(recordChanges(emptyChangeLog, [draft('a')], T), [draft('b')], T + 10 * 60_000);
    expect(recentChanges(log.changes, T + 16 * 60_000).map((c) => c.name)).toEqual(['b']);
  });
});

describe('describeChange', () => {
  it('says what happened in a few words', () => {
    const at = { id: 1, at: T };
    expect(describeChange({ ...at, kind: 'slo-burning', entityId: 's', name: 'Checkout availability', from: 'none', to: 'page' })).toBe(
      'Checkout availability started burning',
    );
    expect(describeChange({ ...at, kind: 'service-status', entityId: 'c', name: 'Cart', from: 'ok', to: 'degraded' })).toBe('Cart ok → degraded');
    expect(describeChange({ ...at, kind: 'incident-status', entityId: 'i', name: 'Checkout failing', from: 'resolved', to: 'triggered' })).toBe(
      'Checkout failing: reopened, triggered',
    );
  });
});
