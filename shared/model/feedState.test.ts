import { describe, expect, it } from 'vitest';
import { exampleIncident, exampleService, exampleSlo } from '../protocol/fixtures';
import type { DeltaMessage } from '../protocol/messages';
import { applyDeltas, emptyEntities, entitiesFromSnapshot } from './feedState';

const delta = (seq: number, parts: Partial<DeltaMessage>): DeltaMessage => ({ v: 1, seq, at: 0, ...parts });

describe('feed entities', () => {
  it('a snapshot replaces everything', () => {
    const entities = entitiesFromSnapshot({ services: [exampleService({ id: 'a' }), exampleService({ id: 'b' })], slos: [exampleSlo()], incidents: [] });
    expect([...entities.services.keys()]).toEqual(['a', 'b']);
    expect(entities.slos.size).toBe(1);
    expect(entities.incidents.size).toBe(0);
  });

  it('applies upserts (whole-entity replace) and removals in order', () => {
    const start = entitiesFromSnapshot({ services: [exampleService({ id: 'a', status: 'ok', team: 'payments' })], slos: [], incidents: [exampleIncident({ id: 'i' })] });
    const next = applyDeltas(start, [
      delta(2, { upsert: { services: [{ id: 'a', name: 'A', status: 'down', updatedAt: 5 }] } }),
      delta(3, { upsert: { services: [exampleService({ id: 'b' })] }, remove: { incidents: ['i'] } }),
      delta(4, { remove: { services: ['b'] } }),
    ]);
    expect(next.services.get('a')).toEqual({ id: 'a', name: 'A', status: 'down', updatedAt: 5 });
    expect(next.services.has('b')).toBe(false);
    expect(next.incidents.size).toBe(0);
    // The input is untouched.
    expect(start.services.get('a')?.status).toBe('ok');
    expect(start.incidents.size).toBe(1);
  });

  it('keeps the maps of kinds that did not change, and the whole state when nothing did', () => {
    const start = entitiesFromSnapshot({ services: [exampleService()], slos: [exampleSlo()], incidents: [] });
    const next = applyDeltas(start, [delta(2, { upsert: { slos: [exampleSlo({ objective: 0.99 })] } })]);
    expect(next.services).toBe(start.services);
    expect(next.slos).not.toBe(start.slos);
    expect(applyDeltas(start, [delta(3, {}), delta(4, { upsert: {}, remove: { slos: [] } })])).toBe(start);
  });

  it('holds an id named __proto__ as an ordinary entity', () => {
    const next = applyDeltas(emptyEntities, [delta(1, { upsert: { services: [exampleService({ id: '__proto__' })] } })]);
    expect(next.services.get('__proto__')?.name).toBe('Checkout');
    expect(emptyEntities.services.size).toBe(0);
  });
});
