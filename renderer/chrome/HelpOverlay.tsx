import { formatClock } from '../../shared/wall/format';
import { useWall } from '../store/useWall';

const KEYS: Array<[string, string]> = [
  ['Space', 'pause / resume the rotation'],
  ['← →', 'previous / next screen'],
  ['Q', 'quiet mode: burning budgets only'],
  ['H or ?', 'this help'],
  ['D', 'diagnostics: drops by reason, reconnects, clock offset'],
  ['Esc', 'close this help'],
];

/** Keys, and the counters an operator needs when the wall looks wrong. */
export function HelpOverlay() {
  const isOpen = useWall((s) => s.isHelpOpen);
  const counters = useWall((s) => s.counters);
  const lastSeq = useWall((s) => s.lastSeq);
  const offset = useWall((s) => s.clock.offsetMs);
  const lastDrop = useWall((s) => s.lastDrop);
  const feedUrl = useWall((s) => s.settings.feedUrl);
  const lastMessageAt = useWall((s) => s.lastMessageAt);
  if (!isOpen) return null;
  return (
    <div className="help-overlay" role="dialog" aria-label="Help">
      <div className="help-panel">
        <h2>Keys</h2>
        <dl className="help-keys">
          {KEYS.map(([key, what]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <h2>Feed</h2>
        <dl className="help-keys help-diag">
          <div>
            <dt>feed</dt>
            <dd>{feedUrl}</dd>
          </div>
          <div>
            <dt>last message</dt>
            <dd>
              {lastMessageAt === null ? '—' : formatClock(lastMessageAt, true)} · seq {lastSeq ?? '—'} · clock offset {Math.round(offset / 1000)} s
            </dd>
          </div>
          <div>
            <dt>messages</dt>
            <dd>
              {counters.messages} received · {counters.droppedMessages} dropped · {counters.droppedEntities} entities dropped · {counters.resyncs} resyncs
            </dd>
          </div>
          {lastDrop !== null ? (
            <div>
              <dt>last drop</dt>
              <dd className="help-drop">{lastDrop}</dd>
            </div>
          ) : null}
        </dl>
      </div>
    </div>
  );
}
