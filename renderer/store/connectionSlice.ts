import { judgeConnection, noClockOffset } from '../../shared/wall/freshness';
import type { Slice } from './slice';
import type { ConnectionSlice, FeedDiagnostics } from './types';

/** Nothing dropped, no reconnects, no foreign protocol version seen. */
export const noDiagnostics: FeedDiagnostics = Object.freeze({
  dropReasons: new Map<string, number>(),
  reconnects: 0,
  unsupportedMessages: 0,
  unsupportedVersion: null,
});

/** The connection slice: what the socket does, and the counters of what came through it. */
export const createConnectionSlice: Slice<ConnectionSlice> = (set, get) => ({
  socket: 'connecting',
  connection: 'offline',
  connectedAt: null,
  isSynced: false,
  offlineSince: null,
  lastMessageAt: null,
  lastSeq: null,
  clock: noClockOffset,
  counters: { messages: 0, droppedMessages: 0, droppedEntities: 0, resyncs: 0 },
  lastDrop: null,
  diagnostics: noDiagnostics,
  isDiagnosticsOpen: false,

  setDiagnostics(diagnostics) {
    if (diagnostics !== get().diagnostics) set({ diagnostics });
  },
  toggleDiagnostics() {
    set({ isDiagnosticsOpen: !get().isDiagnosticsOpen });
  },
  closeDiagnostics() {
    if (get().isDiagnosticsOpen) set({ isDiagnosticsOpen: false });
  },

  setSocket(socket, now) {
    const s = get();
    if (s.socket === socket) return;
    const isUp = socket === 'connected';
    // "Offline since" is when the feed was lost, not when each retry failed.
    const offlineSince = isUp ? null : (s.offlineSince ?? now);
    const connectedAt = isUp ? now : null;
    // Silence is counted per connection: the last message of a previous one says nothing about this one.
    const lastMessageAt = isUp ? null : s.lastMessageAt;
    // So is the data: until this connection's snapshot is applied, the screen shows the previous one's.
    const isSynced = false;
    set({
      socket,
      connectedAt,
      isSynced,
      offlineSince,
      lastMessageAt,
      connection: judgeConnection({ socket, lastMessageAt, connectedAt, isSynced, now, staleAfterMs: s.settings.staleAfterSeconds * 1_000 }),
    });
  },
});
