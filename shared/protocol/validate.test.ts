import { describe, expect, it } from 'vitest';
import { exampleIncident, exampleService, exampleSlo } from './fixtures';
import { LIMITS } from './limits';
import { describeDrop, validateDelta, validateHeartbeat, validateMessage, validateSnapshot } from './validate';

const envelope = { v: 1, seq: 7, at: 1_700_000_000_000 };
const snapshot = (parts: Record<string, unknown> = {}) => ({ ...envelope, services: [], slos: [], incidents: [], ...parts });

function onlyDrop(parts: Record<string, unknown>) {
  const result = validateSnapshot(snapshot(parts));
  if (!result.ok) throw new Error(`expected the envelope to pass, got: ${result.reason}`);
  expect(result.dropped).toHaveLength(1);
  return { result, drop: result.dropped[0]! };
}

describe('valid messages', () => {
  it('accepts a snapshot with every entity shape and keeps their fields', () => {
    const result = validateSnapshot(snapshot({ services: [exampleService()], slos: [exampleSlo()], incidents: [exampleIncident()] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dropped).toEqual([]);
    expect(result.message.services[0]).toEqual(exampleService());
    expect(result.message.slos[0]).toEqual(exampleSlo());
    expect(result.message.incidents[0]).toEqual(exampleIncident());
    expect(result.message.seq).toBe(7);
  });

  it('accepts minimal entities: optional fields absent, null and absent ratios', () => {
    const service = { id: 's', name: 'S', status: 'unknown', updatedAt: 0 };
    const slo = { id: 'o', serviceId: 's', name: 'O', objective: 0.99, windowDays: 28, errorRatio: { '5m': null }, updatedAt: 0 };
    const incident = { id: 'i', title: 'T', severity: 'sev4', status: 'resolved', serviceIds: [], startedAt: 0 };
    const result = validateSnapshot(snapshot({ services: [service], slos: [slo], incidents: [incident] }));
    expect(result.ok && result.dropped).toEqual([]);
  });

  it('accepts every status, severity and incident status the protocol names', () => {
    const services = ['ok', 'degraded', 'down', 'maintenance', 'unknown'].map((status, i) => exampleService({ id: `s${i}`, status: status as never }));
    const incidents = ['triggered', 'acknowledged', 'investigating', 'identified', 'monitoring', 'resolved'].flatMap((status, i) =>
      ['sev1', 'sev2', 'sev3', 'sev4'].map((severity) => exampleIncident({ id: `i${i}${severity}`, status: status as never, severity: severity as never })),
    );
    const result = validateSnapshot(snapshot({ services, incidents }));
    expect(result.ok && result.dropped).toEqual([]);
    expect(result.ok && result.message.incidents).toHaveLength(24);
  });

  it('strips unknown fields, so a newer feed may send more', () => {
    const result = validateSnapshot(snapshot({ services: [{ ...exampleService(), colour: 'teal' }], future: true }));
    expect(result.ok && result.message.services[0]).not.toHaveProperty('colour');
  });

  it('accepts a delta with upserts and removals, and a heartbeat', () => {
    const delta = validateDelta({ ...envelope, upsert: { slos: [exampleSlo()] }, remove: { services: ['a'], incidents: ['b'] } });
    expect(delta.ok && delta.message).toMatchObject({ seq: 7, upsert: { slos: [exampleSlo()] }, remove: { services: ['a'], incidents: ['b'] } });
    expect(validateDelta(envelope).ok).toBe(true);
    expect(validateHeartbeat(envelope)).toEqual({ ok: true, message: envelope, dropped: [] });
  });

  it('takes the largest messages the wall is built for', () => {
    const services = Array.from({ length: 20_000 }, (_, i) => exampleService({ id: `s${i}` }));
    const slos = Array.from({ length: 100_000 }, (_, i) => exampleSlo({ id: `o${i}` }));
    const incidents = Array.from({ length: 5_000 }, (_, i) => exampleIncident({ id: `i${i}` }));
    const result = validateSnapshot(snapshot({ services, slos, incidents }));
    expect(result.ok && [result.message.services.length, result.message.slos.length, result.message.incidents.length]).toEqual([20_000, 100_000, 5_000]);
  });
});

describe('a bad envelope drops the whole message with its reason', () => {
  it.each([
    ['a string', 'hello', 'message must be an object, got string'],
    ['null', null, 'message must be an object, got null'],
    ['an array', [1, 2], 'message must be an object, got an array'],
    ['a number', 42, 'message must be an object, got number'],
  ])('not an object: %s', (_, raw, reason) => {
    expect(validateSnapshot(raw)).toEqual({ ok: false, reason: `feed:snapshot: ${reason}` });
  });

  it('names a protocol version it does not speak', () => {
    const result = validateDelta({ ...envelope, v: 2 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('feed:delta: protocol version 2 is not spoken here (this wall speaks version 1)');
    expect(result.unsupportedVersion).toBe(2);
    const missing = validateHeartbeat({ seq: 1, at: 1 });
    expect(!missing.ok && missing.reason).toContain('protocol version undefined');
  });

  it.each([
    ['a fractional seq', { seq: 1.5 }, 'seq: must be an integer'],
    ['a negative seq', { seq: -1 }, 'seq: must be a non-negative integer'],
    ['a string seq', { seq: '3' }, 'seq:'],
    ['a NaN clock', { at: Number.NaN }, 'at:'],
    ['an infinite clock', { at: Number.POSITIVE_INFINITY }, 'at:'],
  ])('%s', (_, patch, reason) => {
    const result = validateHeartbeat({ ...envelope, ...patch });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(`feed:heartbeat: ${reason}`);
  });

  it('a snapshot without its arrays', () => {
    const result = validateSnapshot({ ...envelope, services: [] });
    expect(!result.ok && result.reason).toMatch(/^feed:snapshot: slos: .*; incidents: /);
  });

  it('arrays longer than the limits', () => {
    const tooMany = validateSnapshot(snapshot({ incidents: new Array(LIMITS.incidentsPerMessage + 1).fill(0) }));
    expect(!tooMany.ok && tooMany.reason).toBe(`feed:snapshot: incidents: must hold at most ${LIMITS.incidentsPerMessage} items`);
    const tooManyServices = validateSnapshot(snapshot({ services: new Array(LIMITS.servicesPerMessage + 1).fill(0) }));
    expect(!tooManyServices.ok && tooManyServices.reason).toBe(`feed:snapshot: services: must hold at most ${LIMITS.servicesPerMessage} items`);
    const tooManySlos = validateDelta({ ...envelope, upsert: { slos: new Array(LIMITS.slosPerMessage + 1).fill(0) } });
    expect(!tooManySlos.ok && tooManySlos.reason).toBe(`feed:delta: upsert.slos: must hold at most ${LIMITS.slosPerMessage} items`);
    const tooManyRemovals = validateDelta({ ...envelope, remove: { slos: new Array(LIMITS.removalsPerMessage + 1).fill('x') } });
    expect(!tooManyRemovals.ok && tooManyRemovals.reason).toContain('remove.slos: must hold at most');
  });

  it('validateMessage tags the event', () => {
    const ok = validateMessage('feed:snapshot', snapshot());
    expect(ok.ok && ok.value.event).toBe('feed:snapshot');
    expect(validateMessage('feed:delta', 'x').ok).toBe(false);
  });
});

describe('a bad entity is dropped alone, with its reason', () => {
  it('keeps the good entities of the same message', () => {
    const result = validateSnapshot(snapshot({ services: [exampleService({ id: 'good' }), { ...exampleService({ id: 'bad' }), status: 'on fire' }] }));
    expect(result.ok && result.message.services.map((s) => s.id)).toEqual(['good']);
    expect(result.ok && result.dropped).toEqual([{ kind: 'service', id: 'bad', reason: 'status: must be one of ok, degraded, down, maintenance, unknown' }]);
  });

  it.each([
    ['a wrong type', { services: [{ ...exampleService(), name: 5 }] }, 'name:'],
    ['a missing field', { services: [{ id: 'x', name: 'X', status: 'ok' }] }, 'updatedAt:'],
    ['a tier out of range', { services: [exampleService({ tier: 5 })] }, 'tier: must be 1 to 4'],
    ['a fractional tier', { services: [exampleService({ tier: 1.5 })] }, 'tier: must be an integer 1 to 4'],
    ['a signal ratio above 1', { services: [exampleService({ signals: { errorRatio: 1.5 } })] }, 'signals.errorRatio: must be a ratio in 0..1'],
    ['an empty id', { services: [exampleService({ id: '' })] }, 'id: must not be empty'],
    ['an oversized id', { services: [exampleService({ id: 'x'.repeat(201) })] }, 'id: must be at most 200 characters'],
    ['an oversized message', { services: [exampleService({ message: 'x'.repeat(LIMITS.messageLength + 1) })] }, 'message: must be at most'],
    ['an error ratio above 1', { slos: [exampleSlo({ errorRatio: { '1h': 1.01 } })] }, 'errorRatio.1h: must be a ratio in 0..1'],
    ['a negative error ratio', { slos: [exampleSlo({ errorRatio: { window: -0.1 } })] }, 'errorRatio.window: must be a ratio in 0..1'],
    ['a NaN error ratio', { slos: [exampleSlo({ errorRatio: { '5m': Number.NaN } })] }, 'errorRatio.5m:'],
    ['a 100% objective', { slos: [exampleSlo({ objective: 1 })] }, 'objective: must be strictly between 0 and 1 (100% has no budget)'],
    ['a zero objective', { slos: [exampleSlo({ objective: 0 })] }, 'objective: must be strictly between 0 and 1'],
    ['an objective as a percentage', { slos: [exampleSlo({ objective: 99.9 })] }, 'objective: must be strictly between 0 and 1'],
    ['a zero-day window', { slos: [exampleSlo({ windowDays: 0 })] }, 'windowDays: must be a positive number of days'],
    ['ratios missing altogether', { slos: [{ ...exampleSlo(), errorRatio: undefined }] }, 'errorRatio:'],
    ['an unknown severity', { incidents: [exampleIncident({ severity: 'sev0' as never })] }, 'severity: must be one of sev1, sev2, sev3, sev4'],
    ['an unknown incident status', { incidents: [exampleIncident({ status: 'closed' as never })] }, 'status: must be one of triggered, acknowledged'],
    ['a javascript: URL', { incidents: [exampleIncident({ url: 'javascript:alert(1)' })] }, 'url: must be an http or https URL'],
    ['a file: URL', { incidents: [exampleIncident({ url: 'file:///etc/passwd' })] }, 'url: must be an http or https URL'],
    ['a URL with white space', { incidents: [exampleIncident({ url: 'https://a b.example' })] }, 'url: must be an http or https URL'],
    ['too many services on an incident', { incidents: [exampleIncident({ serviceIds: new Array(LIMITS.serviceIdsPerIncident + 1).fill('s') })] }, 'serviceIds: must name at most'],
    ['an oversized name', { services: [exampleService({ name: 'x'.repeat(LIMITS.nameLength + 1) })] }, `name: must be at most ${LIMITS.nameLength} characters`],
    ['an oversized incident title', { incidents: [exampleIncident({ title: 'x'.repeat(LIMITS.nameLength + 1) })] }, 'title: must be at most'],
    ['an oversized URL', { incidents: [exampleIncident({ url: `https://example.com/${'x'.repeat(LIMITS.urlLength)}` })] }, `url: must be at most ${LIMITS.urlLength} characters`],
    ['a URL with user-info', { incidents: [exampleIncident({ url: 'https://intranet@evil.example/' })] }, 'url: must be an http or https URL'],
    ['a window over 366 days', { slos: [exampleSlo({ windowDays: 367 })] }, 'windowDays:'],
    ['an infinite window', { slos: [exampleSlo({ windowDays: Number.POSITIVE_INFINITY })] }, 'windowDays:'],
    ['an oversized summary', { incidents: [exampleIncident({ summary: 'x'.repeat(LIMITS.summaryLength + 1) })] }, 'summary: must be at most'],
    ['a string in place of an entity', { slos: ['checkout'] }, 'expected object'],
  ])('%s', (_, parts, reason) => {
    const { result, drop } = onlyDrop(parts);
    expect(drop.reason).toContain(reason);
    expect(result.ok && [...result.message.services, ...result.message.slos, ...result.message.incidents]).toEqual([]);
  });

  it('drops a bad id in a removal alone', () => {
    const result = validateDelta({ ...envelope, remove: { services: ['ok-id', 7, ''] } });
    expect(result.ok && result.message.remove?.services).toEqual(['ok-id']);
    expect(result.ok && result.dropped).toHaveLength(2);
  });

  it('treats hostile keys as data, never as prototypes', () => {
    const raw = JSON.parse('{"v":1,"seq":1,"at":1,"services":[{"id":"__proto__","name":"x","status":"ok","updatedAt":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}],"slos":[],"incidents":[]}');
    const result = validateSnapshot(raw);
    expect(result.ok && result.message.services[0]?.id).toBe('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.ok && Object.getPrototypeOf(result.message.services[0])).toBe(Object.prototype);
  });

  it('describes a drop for an operator', () => {
    expect(describeDrop({ kind: 'slo', id: 'x', reason: 'objective: bad' })).toBe('slo "x": objective: bad');
    expect(describeDrop({ kind: 'incident', reason: 'id: must not be empty' })).toBe('incident: id: must not be empty');
  });
});
