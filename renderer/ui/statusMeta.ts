import type { Severity, ServiceStatus } from '../../shared/protocol/entities';
import type { BurnLevel } from '../../shared/slo/conditions';
import type { ConnectionState } from '../../shared/wall/freshness';
import type { IconShape } from './Icon';

/*
 * Every state the wall shows has a shape, a word and a colour, so that no
 * one needs to tell colours apart to read it. The tone names a CSS colour
 * variable of the theme.
 */

/** How one state looks. */
export interface StateLook {
  icon: IconShape;
  word: string;
  tone: string;
}

/** Service statuses. */
export const SERVICE_LOOK: Record<ServiceStatus, StateLook> = {
  down: { icon: 'octagon-x', word: 'DOWN', tone: 'down' },
  degraded: { icon: 'triangle', word: 'DEGRADED', tone: 'degraded' },
  unknown: { icon: 'question', word: 'UNKNOWN', tone: 'unknown' },
  maintenance: { icon: 'wrench', word: 'MAINT', tone: 'maintenance' },
  ok: { icon: 'check', word: 'OK', tone: 'ok' },
};

/** SLO burn levels. */
export const LEVEL_LOOK: Record<BurnLevel, StateLook> = {
  page: { icon: 'octagon-x', word: 'PAGE', tone: 'down' },
  ticket: { icon: 'triangle', word: 'TICKET', tone: 'degraded' },
  exhausted: { icon: 'square-slash', word: 'EXHAUSTED', tone: 'exhausted' },
  none: { icon: 'check', word: 'WITHIN SLO', tone: 'ok' },
};

/** Incident severities. */
export const SEVERITY_LOOK: Record<Severity, StateLook> = {
  sev1: { icon: 'octagon-x', word: 'SEV1', tone: 'down' },
  sev2: { icon: 'triangle', word: 'SEV2', tone: 'degraded' },
  sev3: { icon: 'diamond', word: 'SEV3', tone: 'maintenance' },
  sev4: { icon: 'circle', word: 'SEV4', tone: 'unknown' },
};

/** Connection states. */
export const CONNECTION_LOOK: Record<ConnectionState, StateLook> = {
  live: { icon: 'dot', word: 'LIVE', tone: 'ok' },
  syncing: { icon: 'clock', word: 'SYNCING', tone: 'maintenance' },
  stale: { icon: 'clock', word: 'STALE', tone: 'degraded' },
  offline: { icon: 'octagon-x', word: 'OFFLINE', tone: 'down' },
  refused: { icon: 'lock', word: 'REFUSED', tone: 'down' },
};

/**
 * No signal (no traffic, no data for a while, status unknown): grey, its own
 * shape and word, never the look of fine or of broken.
 */
export const NO_SIGNAL_LOOK: StateLook = { icon: 'no-signal', word: 'NO SIGNAL', tone: 'nosignal' };
