import { formatClock } from '../../shared/wall/format';
import { useWall } from '../store/useWall';
import { Icon } from '../ui/Icon';
import { CONNECTION_LOOK } from '../ui/statusMeta';

/**
 * The banner a wall that is not live shows across its top, readable from
 * the back of the room: offline since when, stale since the last update,
 * connected but not yet synced, or refused. Its presence is what greys the data below it.
 */
export function FeedBanner() {
  const connection = useWall((s) => s.connection);
  const socket = useWall((s) => s.socket);
  const offlineSince = useWall((s) => s.offlineSince);
  const lastMessageAt = useWall((s) => s.lastMessageAt);
  const hasSnapshot = useWall((s) => s.hasSnapshot);
  if (connection === 'live') return null;
  const look = CONNECTION_LOOK[connection];
  let headline: string;
  let detail: string;
  if (connection === 'refused') {
    headline = 'FEED REFUSED THE TOKEN';
    detail = 'not retrying: check the token in this wall’s settings';
  } else if (connection === 'offline') {
    const isFirst = socket === 'connecting' && offlineSince === null;
    headline = isFirst ? 'CONNECTING TO FEED' : `FEED OFFLINE since ${offlineSince === null ? '—' : formatClock(offlineSince)}`;
    detail = hasSnapshot ? 'reconnecting · data below is not live' : 'reconnecting · no data yet';
  } else if (connection === 'syncing') {
    headline = 'SYNCING WITH FEED';
    detail = hasSnapshot ? 'connected · waiting for its snapshot · data below is not live' : 'connected · waiting for its snapshot';
  } else {
    headline = `FEED STALE — last update ${lastMessageAt === null ? 'none' : formatClock(lastMessageAt, true)}`;
    detail = 'connected but silent · data below is not live';
  }
  return (
    <div className={`feed-banner tone-${look.tone}`} role="alert">
      <Icon shape={look.icon} className="banner-icon" />
      <span className="banner-headline">{headline}</span>
      <span className="banner-detail">{detail}</span>
    </div>
  );
}
