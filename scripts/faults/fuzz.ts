// Hostile feed messages from fast-check: wrong types, missing fields, NaN
// and Infinity, huge strings and arrays, deep nesting, `__proto__` and
// `constructor` keys, wrong protocol versions, around valid envelopes so
// that many reach the entity validation.
import fc from 'fast-check';
import { exampleIncident, exampleService, exampleSlo } from '../../shared/protocol/fixtures';
import type { ServerEventName } from '../../shared/protocol/messages';

/** One fuzzed message; `seq: 'next'` takes the next seq when it is sent. */
export interface FuzzMessage {
  event: ServerEventName;
  payload: Record<string, unknown> | unknown;
  seqMode: 'next' | 'fixed';
}

function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { nested: value } : [value];
  return value;
}

const PROTO_KEYS = () => JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}') as object;

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ maxDepth: 3 }) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null, '', [], {}, -1, 1e308, '1', true) },
  { weight: 1, arbitrary: fc.integer({ min: 301, max: 300_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 1_001, max: 5_000 }).map((n) => Array.from({ length: n }, (_, i) => `svc-${i}`)) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 1_500 }).map(deep) },
  { weight: 1, arbitrary: fc.constant(null).map(PROTO_KEYS) },
);

const ids = fc.oneof(fc.constantFrom('svc-1', 'svc-2', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'), fc.string({ minLength: 1, maxLength: 12 }));

/** A valid entity with one field made hostile, removed, or left alone. */
function mutated(base: () => Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base());
  return fc.record({ id: ids, key: fc.constantFrom(...keys, '__proto__', 'constructor'), how: fc.constantFrom('set', 'set', 'delete', 'keep'), value: hostileValue }).map(({ id, key, how, value }) => {
    const entity: Record<string, unknown> = { ...base(), id, updatedAt: Date.now() };
    if (how === 'delete') delete entity[key];
    else if (how === 'set') Object.defineProperty(entity, key, { value, enumerable: true, writable: true, configurable: true });
    return entity;
  });
}

const services = fc.array(mutated(() => exampleService() as unknown as Record<string, unknown>), { maxLength: 4 });
const slos = fc.array(mutated(() => exampleSlo() as unknown as Record<string, unknown>), { maxLength: 4 });
const incidents = fc.array(mutated(() => exampleIncident() as unknown as Record<string, unknown>), { maxLength: 3 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.constant(undefined) });

const version = fc.oneof({ weight: 8, arbitrary: fc.constant<unknown>(1) }, { weight: 2, arbitrary: fc.constantFrom<unknown>(0, 2, 3, '1', 1.5, null, 'v2', -1) }, { weight: 1, arbitrary: hostileValue });
const seqMode = fc.oneof({ weight: 6, arbitrary: fc.constant<unknown>('next') }, { weight: 3, arbitrary: fc.constantFrom<unknown>(-1, 1.5, '3', Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, null, 0) }, { weight: 1, arbitrary: hostileValue });
const at = fc.oneof({ weight: 8, arbitrary: fc.constant<unknown>('now') }, { weight: 2, arbitrary: hostileValue });

function envelope(v: unknown, seq: unknown, stamp: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { v, at: stamp === 'now' ? Date.now() : stamp };
  if (seq !== 'next') out.seq = seq;
  return out;
}

const withExtras = (payload: Record<string, unknown>, extras: boolean) => (extras ? Object.assign(PROTO_KEYS(), payload) : payload);

const snapshot = fc.record({ v: version, seq: seqMode, at, services: maybe(services), slos: maybe(slos), incidents: maybe(incidents), extras: fc.boolean() }).map(
  (r): FuzzMessage => ({
    event: 'feed:snapshot',
    payload: withExtras({ ...envelope(r.v, r.seq, r.at), services: r.services, slos: r.slos, incidents: r.incidents }, r.extras),
    seqMode: r.seq === 'next' ? 'next' : 'fixed',
  }),
);

const delta = fc
  .record({ v: version, seq: seqMode, at, upsert: maybe(fc.record({ services: maybe(services), slos: maybe(slos), incidents: maybe(incidents) })), remove: maybe(fc.record({ services: maybe(fc.array(fc.oneof(ids, hostileValue), { maxLength: 3 })) })), extras: fc.boolean() })
  .map(
    (r): FuzzMessage => ({
      event: 'feed:delta',
      payload: withExtras({ ...envelope(r.v, r.seq, r.at), upsert: r.upsert, remove: r.remove }, r.extras),
      seqMode: r.seq === 'next' ? 'next' : 'fixed',
    }),
  );

const heartbeat = fc.record({ v: version, seq: seqMode, at }).map((r): FuzzMessage => ({ event: 'feed:heartbeat', payload: envelope(r.v, r.seq, r.at), seqMode: r.seq === 'next' ? 'next' : 'fixed' }));

const whole = fc.record({ event: fc.constantFrom<ServerEventName>('feed:snapshot', 'feed:delta', 'feed:heartbeat'), payload: hostileValue }).map((r): FuzzMessage => ({ ...r, seqMode: 'fixed' }));

/** The fuzzer: mostly near-valid messages, some plain garbage. */
export const fuzzMessage: fc.Arbitrary<FuzzMessage> = fc.oneof({ weight: 2, arbitrary: snapshot }, { weight: 5, arbitrary: delta }, { weight: 1, arbitrary: heartbeat }, { weight: 2, arbitrary: whole });

/** `count` fuzzed messages, the same ones for the same seed. */
export function fuzzMessages(count: number, seed: number): FuzzMessage[] {
  return fc.sample(fuzzMessage, { numRuns: count, seed });
}
