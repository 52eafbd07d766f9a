import { useEffect } from 'react';

/** Hides the mouse cursor after `idleMs` without movement; it comes back on the next move. */
export function useIdleCursor(idleMs = 3_000): void {
  useEffect(() => {
    const root = document.documentElement;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hide = () => root.classList.add('cursor-hidden');
    const handleMove = () => {
      root.classList.remove('cursor-hidden');
      clearTimeout(timer);
      timer = setTimeout(hide, idleMs);
    };
    timer = setTimeout(hide, idleMs);
    window.addEventListener('mousemove', handleMove);
    window.addEventListener('mousedown', handleMove);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('mousemove', handleMove);
      window.removeEventListener('mousedown', handleMove);
      root.classList.remove('cursor-hidden');
    };
  }, [idleMs]);
}
