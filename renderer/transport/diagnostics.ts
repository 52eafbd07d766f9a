import type { EntityDrop, Rejected } from '../../shared/protocol/validate';
import { noDiagnostics } from '../store/connectionSlice';
import type { FeedDiagnostics } from '../store/types';

/** What the ingest tells the diagnostics as messages come and go. */
export interface DiagnosticsTracker {
  messageDropped(rejected: Rejected): void;
  entityDropped(drop: EntityDrop): void;
  /** A valid message arrived: a foreign version seen before it is no longer what the feed speaks. */
  validMessage(): void;
  connected(): void;
  /** The diagnostics when they changed since the last call, else null. */
  take(): FeedDiagnostics | null;
}

// A hostile feed could invent endless reasons; the overlay lists a bounded few.
const MAX_REASONS = 40;
const MAX_REASON_LENGTH = 60;
/** The bucket for reasons past {@link MAX_REASONS}. */
export const OTHER_REASON = 'other';

function clip(text: string): string {
  return text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH)}…` : text;
}

/**
 * The reason a whole message was dropped, without its values: the field
 * (`message: seq`), `message: not an object` or `message: protocol version`.
 */
export function messageReason(rejected: Rejected): string {
  if (rejected.reason.includes('protocol version')) return 'message: protocol version';
  if (rejected.reason.includes('must be an object')) return 'message: not an object';
  // "feed:delta: seq: must be …": the event, then the field.
  const rest = rejected.reason.replace(/^feed:[a-z]+: /, '');
  const colon = rest.indexOf(':');
  return clip(`message: ${colon > 0 ? rest.slice(0, colon) : 'envelope'}`);
}

/** The reason an entity was dropped: its kind and the first field at fault (`slo: objective`). */
export function entityReason(drop: EntityDrop): string {
  const colon = drop.reason.indexOf(':');
  return clip(`${drop.kind}: ${colon > 0 ? drop.reason.slice(0, colon) : 'invalid'}`);
}

/** Tracks drops by reason, reconnects and foreign protocol versions for the overlay. */
export function createDiagnosticsTracker(start: FeedDiagnostics = noDiagnostics): DiagnosticsTracker {
  const reasons = new Map(start.dropReasons);
  let { reconnects, unsupportedMessages, unsupportedVersion } = start;
  let connections = 0;
  let isDirty = false;

  function count(reason: string): void {
    const key = reasons.has(reason) || reasons.size < MAX_REASONS ? reason : OTHER_REASON;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
    isDirty = true;
  }

  return {
    messageDropped(rejected) {
      count(messageReason(rejected));
      if (rejected.reason.includes('protocol version')) {
        unsupportedMessages += 1;
        const v = rejected.unsupportedVersion;
        unsupportedVersion = typeof v === 'number' || typeof v === 'string' ? v : '?';
      }
    },
    entityDropped(drop) {
      count(entityReason(drop));
    },
    validMessage() {
      if (unsupportedVersion === null) return;
      unsupportedVersion = null;
      isDirty = true;
    },
    connected() {
      connections += 1;
      if (connections > 1) {
        reconnects += 1;
        isDirty = true;
      }
    },
    take() {
      if (!isDirty) return null;
      isDirty = false;
      return { dropReasons: new Map(reasons), reconnects, unsupportedMessages, unsupportedVersion };
    },
  };
}
