import { PROTOCOL_VERSION } from '../../shared/protocol/limits';
import { useWall } from '../store/useWall';
import { Icon } from '../ui/Icon';

/**
 * Shown while the feed speaks a protocol version this wall does not: its
 * messages are all dropped, and saying why beats a wall that merely goes
 * stale. It clears with the next message the wall understands.
 */
export function ProtocolBanner() {
  const version = useWall((s) => s.diagnostics.unsupportedVersion);
  if (version === null) return null;
  return (
    <div className="feed-banner tone-down protocol-banner" role="alert" data-protocol-banner={String(version)}>
      <Icon shape="octagon-x" className="banner-icon" />
      <span className="banner-headline">FEED SPEAKS PROTOCOL VERSION {String(version).slice(0, 20)}</span>
      <span className="banner-detail">this wall speaks version {PROTOCOL_VERSION} · its messages are dropped</span>
    </div>
  );
}
