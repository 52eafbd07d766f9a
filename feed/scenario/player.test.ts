import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Slo } from '../../shared/protocol/entities';
import { validateDelta, validateSnapshot } from '../../shared/protocol/validate';
import { loadScenarioFile, parseScenarioText } from './load';
import { ScenarioPlayer } from './player';

const T0 = 1_760_000_000_000;
const s = (seconds: number) => T0 + seconds * 1_000;
const scenarios = join(import.meta.dirname, '..', 'scenarios');

function sloOf(player: ScenarioPlayer, id: string): Slo {
  const slo = player.snapshot().slos.find((x) => x.id === id);
  if (!slo) throw new Error(`no SLO ${id}`);
  return slo;
}

describe('ScenarioPlayer on the checkout outage', () => {
  const scenario = loadScenarioFile(join(scenarios, 'checkout-outage.yaml'));
  const budget = 1 - 0.999;
  const base = 0.1 * budget;
  const e = 20 * budget;

  it('plays the story: burn at 10s, sev1 at 30s, recovery at 70s, resolved at 90s', () => {
    const player = new ScenarioPlayer(scenario, T0);
    player.advanceTo(s(0));
    expect(sloOf(player, 'checkout-availability').errorRatio['5m']).toBeCloseTo(base, 15);
    for (let t = 1; t <= 100; t += 1) player.advanceTo(s(t));
    const { services, incidents } = player.snapshot();
    expect(services.find((x) => x.id === 'checkout')?.status).toBe('ok');
    expect(incidents).toEqual([
      expect.objectContaining({
        id: 'inc-checkout',
        severity: 'sev1',
        status: 'resolved',
        serviceIds: ['checkout', 'payments-gateway'],
        startedAt: s(30),
        acknowledgedAt: s(40),
        resolvedAt: s(90),
        commander: 'Amara Okafor',
      }),
    ]);
  });

  it('raises each window by its share of the burn, and lets it roll out of the short ones first', () => {
    const player = new ScenarioPlayer(scenario, T0);
    player.advanceTo(s(40));
    // 30 s into the burn: a tenth of the 5m window, a sixtieth of the 30m one.
    const during = sloOf(player, 'checkout-availability').errorRatio;
    expect(during['5m']).toBeCloseTo(base * 0.9 + e * 0.1, 15);
    expect(during['30m']).toBeCloseTo(base * (59 / 60) + e / 60, 15);
    expect(sloOf(player, 'checkout-latency').errorRatio['5m']).toBeCloseTo(0.1 * 0.01, 15);
    // It burned for 60 s (10s to 70s). Four minutes later the 5m window holds it whole…
    player.advanceTo(s(310));
    expect(sloOf(player, 'checkout-availability').errorRatio['5m']).toBeCloseTo(base * 0.8 + e * 0.2, 15);
    // …and once it has left the 5m window the 30m window still remembers it.
    player.advanceTo(s(400));
    const after = sloOf(player, 'checkout-availability').errorRatio;
    expect(after['5m']).toBeCloseTo(base, 15);
    expect(after['30m']).toBeCloseTo(base * (29 / 30) + e / 30, 15);
    expect(after.window).toBeCloseTo(base * (1 - 60 / (30 * 86_400)) + (e * 60) / (30 * 86_400), 15);
  });

  it('gives the same state however often it is advanced', () => {
    const often = new ScenarioPlayer(scenario, T0);
    const rarely = new ScenarioPlayer(scenario, T0);
    for (let t = 0; t <= 200; t += 1) often.advanceTo(s(t));
    rarely.advanceTo(s(200));
    const ratios = (p: ScenarioPlayer) => p.snapshot().slos.map((x) => x.errorRatio);
    expect(ratios(rarely)).toEqual(ratios(often));
    expect(rarely.snapshot().incidents).toEqual(often.snapshot().incidents);
  });

  it('sends only valid messages and stamps updatedAt with scenario time', () => {
    const player = new ScenarioPlayer(scenario, T0);
    const snap = validateSnapshot({ v: 1, seq: 0, at: T0, ...player.snapshot() });
    expect(snap.ok && snap.dropped).toEqual([]);
    for (let t = 1; t <= 120; t += 1) {
      const { change } = player.advanceTo(s(t));
      const delta = validateDelta({ v: 1, seq: t, at: s(t), ...change });
      expect(delta.ok && delta.dropped).toEqual([]);
      for (const x of [...(change.upsert?.services ?? []), ...(change.upsert?.slos ?? [])]) expect(x.updatedAt).toBe(s(t));
    }
  });
});

describe('ScenarioPlayer on an outage already under way (burn since)', () => {
  it('pages from the first snapshot and stops paging once the 5m window falls below 14.4x', () => {
    const player = new ScenarioPlayer(loadScenarioFile(join(scenarios, 'checkout-page.yaml')), T0);
    player.advanceTo(s(0));
    const budget = 1 - 0.999;
    const rate = (w: '5m' | '1h') => (sloOf(player, 'checkout-availability').errorRatio[w] as number) / budget;
    // Burning for 50 of the last 60 minutes at 20x, over a 0.1x baseline.
    expect(rate('5m')).toBeCloseTo(20, 9);
    expect(rate('1h')).toBeCloseTo((0.1 * 10 + 20 * 50) / 60, 9);
    expect(rate('1h')).toBeGreaterThan(14.4);
    player.advanceTo(s(60 + 80));
    expect(rate('5m')).toBeGreaterThan(14.4);
    player.advanceTo(s(60 + 90));
    expect(rate('5m')).toBeLessThan(14.4);
    expect(rate('1h')).toBeGreaterThan(14.4);
  });
});

describe('ScenarioPlayer steps', () => {
  const yaml = `
services:
  - { id: a, signals: { rps: 10 } }
  - { id: b }
slos:
  - { id: a-availability, service: a, objective: 0.99 }
  - { id: b-latency, service: b, objective: 0.995 }
steps:
  - { at: 1s, burn: { slo: a-availability, rate: 50, for: 10s } }
  - { at: 2s, ratios: { slo: b-latency, 5m: 0.5, 1h: null } }
  - { at: 3s, fault: { gap: 3 } }
  - { at: 4s, fault: malformed }
  - { at: 5s, remove: { services: b } }
`;

  it('bounds a burn with for, pins raw ratios, returns faults and removes a service with its SLOs', () => {
    const player = new ScenarioPlayer(parseScenarioText(yaml), T0);
    player.advanceTo(s(2));
    // Service signals follow their availability SLOs.
    expect(player.snapshot().services[0]?.signals).toEqual({ rps: 10, errorRatio: sloOf(player, 'a-availability').errorRatio['5m'] });
    expect(sloOf(player, 'b-latency').errorRatio).toMatchObject({ '5m': 0.5, '1h': null });
    expect(player.advanceTo(s(4)).faults).toEqual([{ kind: 'gap', count: 3 }, { kind: 'malformed' }]);
    const removed = player.advanceTo(s(5)).change.remove;
    expect(removed).toEqual({ services: ['b'], slos: ['b-latency'], incidents: [] });
    player.advanceTo(s(11 + 300));
    expect(sloOf(player, 'a-availability').errorRatio['5m']).toBeCloseTo(0.1 * 0.01, 15);
    expect(sloOf(player, 'a-availability').errorRatio['30m']).toBeCloseTo(0.001 * (1 - 10 / 1800) + 0.5 * (10 / 1800), 15);
  });

  it('repeats the steps every `repeat`', () => {
    const player = new ScenarioPlayer(loadScenarioFile(join(scenarios, 'flapping.yaml')), T0);
    const status = (t: number) => {
      player.advanceTo(s(t));
      return player.snapshot().services.find((x) => x.id === 'search-api')?.status;
    };
    expect([0, 10, 25, 45, 65, 85, 125, 145].map(status)).toEqual(['degraded', 'degraded', 'ok', 'degraded', 'ok', 'degraded', 'degraded', 'ok']);
  });

  it('all: healthy clears burns, statuses and open incidents', () => {
    const player = new ScenarioPlayer(
      parseScenarioText(`${yaml.split('steps:')[0]}steps:
  - { at: 0s, burn: { slo: a-availability, rate: 5 } }
  - { at: 0s, service: { id: a, status: down, message: boom } }
  - { at: 0s, incident: { id: i, title: Boom, severity: sev2, services: [a] } }
  - { at: 1m, all: healthy }
`),
      T0,
    );
    player.advanceTo(s(61));
    const { services, slos, incidents } = player.snapshot();
    expect(services[0]).toMatchObject({ status: 'ok' });
    expect(services[0]?.message).toBeUndefined();
    expect(slos[0]?.errorRatio['5m']).toBeCloseTo(0.001, 15);
    expect(incidents[0]).toMatchObject({ status: 'resolved', resolvedAt: s(60) });
  });
});
