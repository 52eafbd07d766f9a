import { useMemo } from 'react';
import { formatClock } from '../../shared/wall/format';
import { feedNow } from '../../shared/wall/freshness';
import { calmSummary, describeNoSignal, sloSignal } from '../../shared/wall/signal';
import type { JudgedSlo } from '../../shared/wall/sloView';
import { Icon } from '../ui/Icon';
import { useWall } from '../store/useWall';
import { ProofOfLife } from './ProofOfLife';
import './calm.css';

// Names read at a glance on the calm screen; the rest are counted.
const SHOWN_SILENT = 4;

/**
 * Quiet mode with nothing burning: a dim, calm screen with the time, how
 * many budgets are within their SLO and how many have no signal (counted
 * apart: silence is not health), and proof that the feed is alive. When the
 * feed is not live, or a large first snapshot's SLOs are still being
 * prepared, it says so instead of claiming calm.
 */
export function CalmScreen({ judged }: { judged: readonly JudgedSlo[] }) {
  const now = useWall((s) => s.now);
  const isLive = useWall((s) => s.connection === 'live');
  const hasSnapshot = useWall((s) => s.hasSnapshot);
  const loadingSlos = useWall((s) => s.loadingSlos);
  const feedTime = useWall((s) => Math.floor(feedNow(s.now, s.clock) / 5_000) * 5_000);
  const limitMs = useWall((s) => s.settings.entityStaleAfterMinutes * 60_000);
  const silent = useMemo(() => {
    const out: Array<{ id: string; name: string; reason: string }> = [];
    for (const { slo, evaluation } of judged) {
      const signal = sloSignal(slo, evaluation.hasSignal, feedTime, limitMs);
      if (signal !== null) out.push({ id: slo.id, name: slo.name, reason: describeNoSignal(signal) });
    }
    return out;
  }, [judged, feedTime, limitMs]);
  const total = judged.length;
  // SLOs still on their way are not calm: say so rather than count none burning.
  const summary = !hasSnapshot ? 'waiting for the feed' : loadingSlos > 0 ? `loading ${loadingSlos.toLocaleString('en-US')} SLOs` : calmSummary(total, silent.length);
  const hasWithin = hasSnapshot && loadingSlos === 0 && total > silent.length;
  const rest = silent.length - SHOWN_SILENT;
  return (
    <div className={isLive ? 'calm' : 'calm is-not-live'} data-calm="true" data-without-signal={silent.length}>
      <div className="calm-clock">{formatClock(now)}</div>
      <div className="calm-summary">
        {hasWithin ? <Icon shape="check" className="calm-icon" /> : null}
        {hasSnapshot && !hasWithin && total > 0 ? <Icon shape="no-signal" className="calm-silent-icon" /> : null}
        <span>{isLive ? summary : `last known: ${summary}`}</span>
      </div>
      {silent.length > 0 ? (
        <ul className="calm-silent">
          {silent.slice(0, SHOWN_SILENT).map((s) => (
            <li key={s.id} data-no-signal-slo-id={s.id}>
              <Icon shape="no-signal" /> {s.name}: {s.reason}
            </li>
          ))}
          {rest > 0 ? <li>+{rest} more without signal</li> : null}
        </ul>
      ) : null}
      <ProofOfLife />
    </div>
  );
}
