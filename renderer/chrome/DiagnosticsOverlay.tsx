import { useEffect } from 'react';
import type { RefObject } from 'react';
import { PROTOCOL_VERSION } from '../../shared/protocol/limits';
import { formatClock } from '../../shared/wall/format';
import { useWall, useWallStore } from '../store/useWall';
import type { WallState } from '../store/types';

function secondsSince(now: number, at: number | null): string {
  return at === null ? '—' : `${Math.max(0, Math.round((now - at) / 1_000))} s`;
}

function offsetText(ms: number): string {
  const seconds = Math.round(ms / 1_000);
  if (Math.abs(seconds) < 1) return 'in step';
  return `feed ${Math.abs(seconds)} s ${seconds > 0 ? 'ahead of' : 'behind'} this wall`;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * The diagnostics overlay (key `d`): what a wall cannot show on its face
 * when it looks wrong. Every figure is also an attribute on the panel
 * (`data-diag-…`), so automation reads numbers rather than prose.
 */
export function DiagnosticsOverlay() {
  const isOpen = useWall((s) => s.isDiagnosticsOpen);
  const counters = useWall((s) => s.counters);
  const diagnostics = useWall((s) => s.diagnostics);
  const lastSeq = useWall((s) => s.lastSeq);
  const offsetMs = useWall((s) => s.clock.offsetMs);
  const feedUrl = useWall((s) => s.settings.feedUrl);
  const lastMessageAt = useWall((s) => s.lastMessageAt);
  const connection = useWall((s) => s.connection);
  const now = useWall((s) => s.now);
  if (!isOpen) return null;
  const reasons = [...diagnostics.dropReasons].sort((a, b) => b[1] - a[1]);
  const version = diagnostics.unsupportedVersion;
  return (
    <div className="help-overlay diagnostics-overlay" role="dialog" aria-label="Diagnostics">
      <div
        className="help-panel"
        data-diagnostics="open"
        data-diag-dropped={counters.droppedMessages}
        data-diag-dropped-entities={counters.droppedEntities}
        data-diag-reconnects={diagnostics.reconnects}
        data-diag-resyncs={counters.resyncs}
        data-diag-seq={lastSeq ?? ''}
        data-diag-offset-ms={Math.round(offsetMs)}
        data-diag-unsupported={diagnostics.unsupportedMessages}
      >
        <h2>Diagnostics</h2>
        <dl className="help-keys help-diag">
          <Row label="feed">{feedUrl}</Row>
          <Row label="connection">{connection}</Row>
          <Row label="protocol">
            speaks v{PROTOCOL_VERSION}
            {version === null ? '' : ` · feed sent v${String(version)}`} · {diagnostics.unsupportedMessages} in other versions
          </Row>
          <Row label="last message">
            {lastMessageAt === null ? '—' : `${formatClock(lastMessageAt, true)} (${secondsSince(now, lastMessageAt)} ago)`} · seq {lastSeq ?? '—'}
          </Row>
          <Row label="clock offset">{offsetText(offsetMs)}</Row>
          <Row label="messages">
            {counters.messages} received · {counters.droppedMessages} dropped · {counters.droppedEntities} entities dropped
          </Row>
          <Row label="connection">
            {diagnostics.reconnects} reconnects · {counters.resyncs} resyncs
          </Row>
          {reasons.length > 0 ? (
            <Row label="dropped by reason">
              {reasons.slice(0, 12).map(([reason, n]) => (
                <span key={reason} className="help-drop" data-diag-reason={reason} data-count={n}>
                  {n} × {reason}
                  <br />
                </span>
              ))}
            </Row>
          ) : null}
        </dl>
      </div>
    </div>
  );
}

function write(element: HTMLElement, s: WallState): void {
  element.dataset.reconnects = String(s.diagnostics.reconnects);
  const version = s.diagnostics.unsupportedVersion;
  if (version === null) delete element.dataset.protocolUnsupported;
  else element.dataset.protocolUnsupported = String(version);
}

/**
 * Keeps `data-reconnects` and `data-protocol-unsupported` (the foreign
 * version the feed speaks, absent when none) current on the root.
 */
export function useDiagnosticAttributes(ref: RefObject<HTMLElement | null>): void {
  const store = useWallStore();
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    write(element, store.getState());
    return store.subscribe((s, prev) => {
      if (s.diagnostics !== prev.diagnostics) write(element, s);
    });
  }, [ref, store]);
}
