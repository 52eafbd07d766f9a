import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Service, ServiceStatus } from '../protocol/entities';
import { compareServices, countByStatus, groupServices, NO_TEAM } from './healthOrder';

function svc(id: string, status: ServiceStatus, extra: Partial<Service> = {}): Service {
  return { id, name: id, status, updatedAt: 0, ...extra };
}

describe('health order', () => {
  it('puts down before degraded before unknown before maintenance before ok', () => {
    const list = [svc('a', 'ok'), svc('b', 'maintenance'), svc('c', 'unknown'), svc('d', 'degraded'), svc('e', 'down')];
    expect(list.sort(compareServices).map((s) => s.status)).toEqual(['down', 'degraded', 'unknown', 'maintenance', 'ok']);
  });

  it('breaks status ties by tier, a missing tier last, then by name', () => {
    const list = [svc('x', 'down'), svc('b', 'down', { tier: 3 }), svc('a', 'down', { tier: 3 }), svc('z', 'down', { tier: 1 })];
    expect(list.sort(compareServices).map((s) => s.id)).toEqual(['z', 'a', 'b', 'x']);
  });

  it('keeps a single team as one untitled group', () => {
    const groups = groupServices([svc('a', 'ok', { team: 't' }), svc('b', 'down', { team: 't' })]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.team).toBeNull();
    expect(groups[0]?.services.map((s) => s.id)).toEqual(['b', 'a']);
  });

  it('groups several teams, the team with the worst service first', () => {
    const groups = groupServices([
      svc('a', 'ok', { team: 'alpha' }),
      svc('b', 'degraded', { team: 'beta' }),
      svc('c', 'down', { team: 'gamma' }),
      svc('d', 'ok'),
    ]);
    expect(groups.map((g) => g.team)).toEqual(['gamma', 'beta', 'alpha', NO_TEAM]);
  });

  it('returns no groups for no services and counts statuses', () => {
    expect(groupServices([])).toEqual([]);
    expect(countByStatus([svc('a', 'ok'), svc('b', 'ok'), svc('c', 'down')])).toEqual({ down: 1, degraded: 0, unknown: 0, maintenance: 0, ok: 2 });
  });
});

describe('team order on ties', () => {
  it('orders teams whose worst services tie by name, with no team last', () => {
    const groups = groupServices([svc('z', 'ok'), svc('y', 'ok', { team: 'beta' }), svc('x', 'ok', { team: 'Alpha' })]);
    expect(groups.map((g) => g.team)).toEqual(['Alpha', 'beta', NO_TEAM]);
  });
});

describe('groupServices and compareServices', () => {
  it('order each group exactly as sorting by compareServices does', () => {
    const statuses: ServiceStatus[] = ['ok', 'degraded', 'down', 'maintenance', 'unknown'];
    const service = fc.record({
      n: fc.integer({ min: 0, max: 200 }),
      status: fc.constantFrom(...statuses),
      tier: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      name: fc.constantFrom('api', 'API', 'Api gateway', 'billing', 'Billing', 'édge', 'Zeta', 'zeta'),
      team: fc.option(fc.constantFrom('payments', 'search', 'Search'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(service, { maxLength: 40 }), (drawn) => {
        const byId = new Map(drawn.map((d) => [`s${d.n}`, svc(`s${d.n}`, d.status, { name: d.name, tier: d.tier, team: d.team })]));
        for (const group of groupServices(byId.values())) {
          expect(group.services.map((s) => s.id)).toEqual([...group.services].sort(compareServices).map((s) => s.id));
          const members = [...byId.values()].filter((s) => (group.team === null ? true : (s.team ?? NO_TEAM) === group.team));
          expect(group.services.map((s) => s.id)).toEqual(members.sort(compareServices).map((s) => s.id));
        }
      }),
    );
  });
});
