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
