import { Icon } from './Icon';
import type { StateLook } from './statusMeta';

/** A state as shape, word and colour together. `solid` fills the badge with the colour for the worst states. */
export function StateBadge({ look, solid = false, className }: { look: StateLook; solid?: boolean; className?: string }) {
  const classes = ['badge', `tone-${look.tone}`, solid ? 'is-solid' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <span className={classes}>
      <Icon shape={look.icon} />
      <span className="badge-word">{look.word}</span>
    </span>
  );
}
