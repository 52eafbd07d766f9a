import type { WallPage, WallSettings } from '../../shared/bridge/wallBridge';
import type { FeedEntities } from '../../shared/model/feedState';
import type { DeltaMessage, SnapshotMessage } from '../../shared/protocol/messages';
import type { ClockOffset, ConnectionState, SocketState } from '../../shared/wall/freshness';
import type { ResolvedMemory } from '../../shared/wall/incidents';
import type { HeldLevels } from '../../shared/wall/hysteresis';
import type { RotationState, WallView } from '../../shared/wall/rotation';
import type { HistoryHandle } from '../../shared/wall/sloHistory';
import type { ChangesSlice } from './changesSlice';

/** What the transport hands the store once per animation frame. */
export interface FeedBatch {
  /** The last snapshot of the frame, if any, with the chart history it carried. */
  snapshot: { message: SnapshotMessage; history: ReadonlyMap<string, HistoryHandle> } | null;
  /** Deltas that passed the sequencer, in order, after the snapshot. */
  deltas: DeltaMessage[];
  /** Wall clock of the last valid message in the batch, or null when only drops happened. */
  receivedAt: number | null;
  /** Seq of the last applied snapshot or delta. */
  lastSeq: number | null;
  clock: ClockOffset;
  counts: FeedCounters;
  /** Why the last message or entity was dropped, for the diagnostics overlay. */
  lastDrop: string | null;
  /** After this batch, the wall shows this connection's state (see `ConnectionFacts.isSynced`). */
  isSynced: boolean;
  /**
   * With a snapshot: how many of its SLOs are still being prepared. A large
   * first snapshot is shown in two steps, its services and incidents at once
   * and its SLOs when they are ready; 0 or absent when the snapshot is whole.
   */
  loadingSlos?: number;
}

/** Counters an operator can see. */
export interface FeedCounters {
  /** Valid messages received. */
  messages: number;
  /** Messages dropped whole (bad envelope, unknown version). */
  droppedMessages: number;
  /** Entities dropped alone from otherwise valid messages. */
  droppedEntities: number;
  /** Resyncs asked for (gap, heartbeat ahead, unanswered resync). */
  resyncs: number;
}

/** What the diagnostics overlay shows beyond the counters; replaced whole when it changes. */
export interface FeedDiagnostics {
  /** Messages and entities dropped, by reason (`message: bad envelope (seq)`, `slo: objective`). */
  dropReasons: ReadonlyMap<string, number>;
  /** Connections made after the first one: each is a feed lost and found again. */
  reconnects: number;
  /** Messages dropped for speaking a protocol version this wall does not. */
  unsupportedMessages: number;
  /**
   * The version the feed spoke when the last message came in one this wall
   * does not speak, until a valid message follows it; null otherwise.
   */
  unsupportedVersion: number | string | null;
}

/** Everything the feed told the wall, and what the wall keeps of it. */
export interface FeedSlice {
  entities: FeedEntities;
  /** True once a snapshot was applied: before it the wall has nothing to show. */
  hasSnapshot: boolean;
  /** SLOs of the first snapshot still being prepared (see {@link FeedBatch.loadingSlos}); 0 when the wall holds them all. */
  loadingSlos: number;
  /**
   * Budget remaining and 1h burn of each SLO over the last hour the wall has
   * watched it: a new handle for an SLO whose history got a point, the same
   * one for an SLO without news (read it with `pointsOf`).
   */
  history: ReadonlyMap<string, HistoryHandle>;
  /** Resolved incidents kept on the wall for a few minutes. */
  resolved: ResolvedMemory;
  /** Active sev1/sev2 incident ids, to spot new ones. */
  majorIds: ReadonlySet<string>;
  /**
   * A major incident opened since the last tick: the next tick (within a
   * quarter second) shows the incidents page. The page turn renders in the
   * tick's task, not in the one that applied the batch with the incident.
   */
  isIncidentInterruptDue: boolean;
  applyBatch(batch: FeedBatch): void;
}

/** The socket and the freshness of what came through it. */
export interface ConnectionSlice {
  socket: SocketState;
  /** The judged state shown on screen and in `data-connection`. */
  connection: ConnectionState;
  connectedAt: number | null;
  /** What the wall shows is this connection's state; false from each connection until its snapshot is applied. */
  isSynced: boolean;
  /** When the socket went down, for "FEED OFFLINE since 14:02". */
  offlineSince: number | null;
  lastMessageAt: number | null;
  lastSeq: number | null;
  clock: ClockOffset;
  counters: FeedCounters;
  lastDrop: string | null;
  diagnostics: FeedDiagnostics;
  /** The diagnostics overlay (key `d`) is open. */
  isDiagnosticsOpen: boolean;
  setSocket(socket: SocketState, now: number): void;
  setDiagnostics(diagnostics: FeedDiagnostics): void;
  toggleDiagnostics(): void;
  closeDiagnostics(): void;
}

/** Layout facts the screen measures and the rotation needs. */
export interface WallLayout {
  available: ReadonlySet<WallPage>;
  subPages: Readonly<Record<WallView, number>>;
}

/** The rotation, overlays and the ticking clock. */
export interface WallSlice {
  rotation: RotationState;
  /** Each SLO's level as the wall acts on it (order, urgency, quiet mode): its true level once held for `holdSeconds`. */
  held: HeldLevels;
  /** Some SLO is held at page level: the budgets page is urgent. */
  hasPageBurn: boolean;
  layout: WallLayout;
  isHelpOpen: boolean;
  /** The wall's clock, advanced by the ticker (about once a second). */
  now: number;
  tick(now: number): void;
  step(direction: 1 | -1, now: number): void;
  togglePause(now: number): void;
  toggleQuiet(now: number): void;
  setQuiet(isQuiet: boolean, now: number): void;
  toggleHelp(): void;
  closeHelp(): void;
  setLayout(layout: WallLayout): void;
}

/** The shell's or the address's settings. */
export interface SettingsSlice {
  settings: WallSettings;
  setSettings(settings: WallSettings, now: number): void;
}

/** The one store of the wall. */
export type WallState = FeedSlice & ConnectionSlice & WallSlice & SettingsSlice & ChangesSlice;
