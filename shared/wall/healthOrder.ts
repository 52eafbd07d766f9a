import type { Service, ServiceStatus } from '../protocol/entities';

/** Service statuses worst first: the order tiles appear on the health page. */
export const STATUS_ORDER: readonly ServiceStatus[] = Object.freeze(['down', 'degraded', 'unknown', 'maintenance', 'ok']);

/** Position of a status in {@link STATUS_ORDER}: 0 is the worst. */
export function statusRank(status: ServiceStatus): number {
  return STATUS_ORDER.indexOf(status);
}

// A service without a tier sorts after tier 4: nobody said it matters.
const NO_TIER = 5;

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the health order reads of a service, made once per sort instead of once per comparison. */
interface SortKey {
  readonly service: Service;
  readonly rank: number;
  readonly tier: number;
  readonly name: string;
}

function sortKey(service: Service): SortKey {
  return { service, rank: statusRank(service.status), tier: service.tier ?? NO_TIER, name: service.name.toLowerCase() };
}

function compareKeys(a: SortKey, b: SortKey): number {
  return a.rank - b.rank || a.tier - b.tier || byText(a.name, b.name) || byText(a.service.id, b.service.id);
}

/**
 * Worst first: by status (down, degraded, unknown, maintenance, ok), then by
 * tier (1 first, none last), then by name (case aside) and id, so the order
 * is total and a tile never swaps places with an equal neighbour between
 * updates.
 */
export function compareServices(a: Service, b: Service): number {
  return compareKeys(sortKey(a), sortKey(b));
}

// Sorts in compareServices's order with each key made once: a regroup of
// 2,000 services made some 40,000 lowercased names comparing pairwise.
function sortServices(list: readonly Service[]): Service[] {
  return list.map(sortKey).sort(compareKeys).map((k) => k.service);
}

/** Services of one team, worst first. `team` is null when the wall shows one undivided group. */
export interface ServiceGroup {
  readonly team: string | null;
  readonly services: readonly Service[];
}

/** The heading of services that name no team, when other services do. */
export const NO_TEAM = 'No team';

/**
 * The health page's groups. With one team (or none) every service is in a
 * single group without a title. With several, one group per team, each worst
 * first, the groups ordered by their worst service (then by team name), so
 * the team with the outage is at the top.
 */
export function groupServices(services: Iterable<Service>): ServiceGroup[] {
  const byTeam = new Map<string, Service[]>();
  for (const service of services) {
    const team = service.team ?? NO_TEAM;
    const list = byTeam.get(team);
    if (list) list.push(service);
    else byTeam.set(team, [service]);
  }
  if (byTeam.size === 0) return [];
  if (byTeam.size === 1) {
    const only = [...byTeam.values()][0] as Service[];
    return [{ team: null, services: sortServices(only) }];
  }
  const groups = [...byTeam.entries()].map(([team, list]) => ({ team, services: sortServices(list) }));
  return groups.sort(compareGroups);
}

/** The order of the health page's groups (each already worst first): by their worst service, then by team name. */
export function compareGroups(a: ServiceGroup, b: ServiceGroup): number {
  return compareWorst(a.services[0] as Service, b.services[0] as Service) || compareTeams(a.team ?? NO_TEAM, b.team ?? NO_TEAM);
}

function compareWorst(a: Service, b: Service): number {
  return statusRank(a.status) - statusRank(b.status) || (a.tier ?? NO_TIER) - (b.tier ?? NO_TIER);
}

// Team names alphabetically, "No team" after every named team.
function compareTeams(a: string, b: string): number {
  if (a === NO_TEAM || b === NO_TEAM) return a === b ? 0 : a === NO_TEAM ? 1 : -1;
  return byText(a.toLowerCase(), b.toLowerCase()) || byText(a, b);
}

/** How many services are in each status. */
export function countByStatus(services: Iterable<Service>): Record<ServiceStatus, number> {
  const counts: Record<ServiceStatus, number> = { down: 0, degraded: 0, unknown: 0, maintenance: 0, ok: 0 };
  for (const service of services) counts[service.status] += 1;
  return counts;
}
