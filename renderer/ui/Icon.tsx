/** The shapes the wall uses; each state pairs one with a word and a colour. */
export type IconShape = 'check' | 'triangle' | 'octagon-x' | 'question' | 'wrench' | 'square-slash' | 'diamond' | 'circle' | 'dot' | 'clock' | 'lock' | 'pause' | 'no-signal';

const OCTAGON = '7,1 17,1 23,7 23,17 17,23 7,23 1,17 1,7';

function paths(shape: IconShape) {
  switch (shape) {
    case 'check':
      return (
        <>
          <circle cx="12" cy="12" r="11" fill="currentColor" />
          <path d="M6.5 12.5l3.5 3.5 7.5-8" fill="none" stroke="var(--icon-ink)" strokeWidth="2.8" strokeLinecap="round" strokeLinejoin="round" />
        </>
      );
    case 'triangle':
      return (
        <>
          <path d="M12 1.5L23 22H1z" fill="currentColor" />
          <path d="M12 8.5v6.5M12 18.2v.3" stroke="var(--icon-ink)" strokeWidth="2.8" strokeLinecap="round" />
        </>
      );
    case 'octagon-x':
      return (
        <>
          <polygon points={OCTAGON} fill="currentColor" />
          <path d="M8 8l8 8M16 8l-8 8" stroke="var(--icon-ink)" strokeWidth="2.8" strokeLinecap="round" />
        </>
      );
    case 'question':
      return (
        <>
          <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2.4" strokeDasharray="4 2.6" />
          <path d="M9 9.3a3 3 0 1 1 4.2 2.8c-.8.4-1.2 1-1.2 1.9v.5M12 17.6v.3" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
        </>
      );
    case 'wrench':
      return (
        <>
          <rect x="2" y="2" width="20" height="20" rx="4" fill="currentColor" />
          <path d="M7 17l6-6M12.5 7.5a3 3 0 0 0 4 4" fill="none" stroke="var(--icon-ink)" strokeWidth="2.6" strokeLinecap="round" />
        </>
      );
    case 'square-slash':
      return (
        <>
          <rect x="2" y="2" width="20" height="20" rx="2" fill="currentColor" />
          <path d="M7 17L17 7" stroke="var(--icon-ink)" strokeWidth="2.8" strokeLinecap="round" />
        </>
      );
    case 'diamond':
      return <path d="M12 1l11 11-11 11L1 12z" fill="currentColor" />;
    case 'circle':
      return <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="3" />;
    case 'dot':
      return <circle cx="12" cy="12" r="9" fill="currentColor" />;
    case 'clock':
      return (
        <>
          <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2.6" />
          <path d="M12 6.5V12l4 2.5" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" />
        </>
      );
    case 'lock':
      return (
        <>
          <path d="M7 10V7a5 5 0 0 1 10 0v3" fill="none" stroke="currentColor" strokeWidth="2.6" />
          <rect x="3.5" y="10" width="17" height="12.5" rx="2" fill="currentColor" />
        </>
      );
    case 'no-signal':
      // A flat line in a broken ring: nothing is coming in, which says neither fine nor broken.
      return (
        <>
          <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2.4" strokeDasharray="4 2.6" />
          <path d="M5.5 12h13" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
        </>
      );
    case 'pause':
      return (
        <>
          <rect x="5" y="3" width="5" height="18" rx="1" fill="currentColor" />
          <rect x="14" y="3" width="5" height="18" rx="1" fill="currentColor" />
        </>
      );
  }
}

/** A status shape in the current text colour, sized by the font (1em). Decorative: the word beside it carries the meaning. */
export function Icon({ shape, className }: { shape: IconShape; className?: string }) {
  return (
    <svg className={className ? `icon ${className}` : 'icon'} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {paths(shape)}
    </svg>
  );
}
