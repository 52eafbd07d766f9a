import type { Incident, Severity } from '../protocol/entities';
import { SEVERITIES } from '../protocol/entities';

/*
 * The incidents page's rules: worst first, recently resolved incidents kept
 * a few minutes, and which incidents are new enough to interrupt the
 * rotation.
 */

/** How long a resolved incident stays on the wall, marked resolved (feed clock). */
export const RESOLVED_RETENTION_MS = 5 * 60_000;

/** Position of a severity: 0 for sev1, the worst. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True for the severities that interrupt the rotation. */
export function isMajor(severity: Severity): boolean {
  return severity === 'sev1' || severity === 'sev2';
}

/**
 * Active before resolved; then severity (sev1 first); then age, the
 * longest-running first; then id, so the order is total.
 */
export function compareIncidents(a: Incident, b: Incident): number {
  const aResolved = a.status === 'resolved' ? 1 : 0;
  const bResolved = b.status === 'resolved' ? 1 : 0;
  if (aResolved !== bResolved) return aResolved - bResolved;
  const bySeverity = severityRank(a.severity) - severityRank(b.severity);
  if (bySeverity !== 0) return bySeverity;
  if (a.startedAt !== b.startedAt) return a.startedAt - b.startedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A resolved incident the wall keeps showing, and when it resolved (feed clock). */
export interface ResolvedEntry {
  readonly incident: Incident;
  readonly resolvedAt: number;
}

/** Resolved incidents the wall remembers, by id. */
export type ResolvedMemory = ReadonlyMap<string, ResolvedEntry>;

/**
 * Updates the memory after the feed's incidents changed. Each resolved
 * incident is remembered with its `resolvedAt` (or, without one, the feed
 * time the wall first saw it resolved), so it stays shown for the retention
 * even if the feed removes it. An incident that is active again is
 * forgotten. After a snapshot (`isSnapshot`), only incidents the snapshot
 * holds are kept: the wall's state is the feed's state.
 */
export function rememberResolved(memory: ResolvedMemory, incidents: ReadonlyMap<string, Incident>, feedTime: number, isSnapshot: boolean): ResolvedMemory {
  let next: Map<string, ResolvedEntry> | null = null;
  const edit = () => (next ??= new Map(memory));
  for (const id of memory.keys()) {
    const current = incidents.get(id);
    if ((isSnapshot && current === undefined) || (current !== undefined && current.status !== 'resolved')) edit().delete(id);
  }
  for (const incident of incidents.values()) {
    if (incident.status !== 'resolved') continue;
    const known = memory.get(incident.id);
    if (known !== undefined && known.incident === incident) continue;
    edit().set(incident.id, { incident, resolvedAt: incident.resolvedAt ?? known?.resolvedAt ?? feedTime });
  }
  return next ?? memory;
}

/** Forgets resolved incidents older than the retention. Returns `memory` itself when nothing expired. */
export function pruneResolved(memory: ResolvedMemory, feedTime: number, retentionMs = RESOLVED_RETENTION_MS): ResolvedMemory {
  let next: Map<string, ResolvedEntry> | null = null;
  for (const [id, entry] of memory) {
    if (feedTime - entry.resolvedAt > retentionMs) (next ??= new Map(memory)).delete(id);
  }
  return next ?? memory;
}

/**
 * What the incidents page shows, in order: every active incident, then the
 * resolved ones still within the retention (from the feed or from memory).
 */
export function incidentsToShow(
  incidents: ReadonlyMap<string, Incident>,
  memory: ResolvedMemory,
  feedTime: number,
  retentionMs = RESOLVED_RETENTION_MS,
): Incident[] {
  const shown: Incident[] = [];
  for (const incident of incidents.values()) if (incident.status !== 'resolved') shown.push(incident);
  for (const entry of memory.values()) {
    if (feedTime - entry.resolvedAt <= retentionMs) shown.push(incidents.get(entry.incident.id) ?? entry.incident);
  }
  return shown.sort(compareIncidents);
}

/** Ids of the active sev1 and sev2 incidents. */
export function majorIncidentIds(incidents: ReadonlyMap<string, Incident>): Set<string> {
  const ids = new Set<string>();
  for (const incident of incidents.values()) if (incident.status !== 'resolved' && isMajor(incident.severity)) ids.add(incident.id);
  return ids;
}

/** Ids major now that were not major before: opened as sev1/sev2, or raised to it. */
export function newMajorIncidents(before: ReadonlySet<string>, now: ReadonlySet<string>): string[] {
  const fresh: string[] = [];
  for (const id of now) if (!before.has(id)) fresh.push(id);
  return fresh;
}

/** Active incidents and the worst severity among them (null with none). */
export function activeSummary(incidents: ReadonlyMap<string, Incident>): { count: number; worst: Severity | null } {
  let count = 0;
  let worst: Severity | null = null;
  for (const incident of incidents.values()) {
    if (incident.status === 'resolved') continue;
    count += 1;
    if (worst === null || severityRank(incident.severity) < severityRank(worst)) worst = incident.severity;
  }
  return { count, worst };
}
