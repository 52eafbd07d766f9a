import { useEffect } from 'react';
import { useWallStore } from '../store/useWall';

/** The wall's keys: space pauses, arrows step, q toggles quiet mode, h or ? opens help, d the diagnostics, Esc closes them. */
export function useKeyboard(): void {
  const store = useWallStore();
  useEffect(() => {
    const handleKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const s = store.getState();
      const now = Date.now();
      switch (event.key) {
        case ' ':
          s.togglePause(now);
          break;
        case 'ArrowRight':
          s.step(1, now);
          break;
        case 'ArrowLeft':
          s.step(-1, now);
          break;
        case 'q':
        case 'Q':
          s.toggleQuiet(now);
          break;
        case 'h':
        case 'H':
        case '?':
          s.toggleHelp();
          break;
        case 'd':
        case 'D':
          s.toggleDiagnostics();
          break;
        case 'Escape':
          s.closeHelp();
          s.closeDiagnostics();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, [store]);
}
