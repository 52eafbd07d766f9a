import { useEffect } from 'react';
import type { RefObject } from 'react';
import { DEFAULT_CHIME_INTERVAL_MS, initialChimeState, judgeChime } from '../../shared/wall/chime';
import type { ChimeState } from '../../shared/wall/chime';
import { useWallStore } from '../store/useWall';
import { playChime } from './playChime';

function write(element: HTMLElement, state: ChimeState): void {
  element.dataset.chimes = String(state.played);
  element.dataset.chimesSilenced = String(state.silenced);
}

/**
 * Sounds the chime for new changes that call for it (see
 * shared/wall/chime.ts) and keeps `data-chimes` (chimes played) and
 * `data-chimes-silenced` on `ref` current, so automation can see what no
 * test can hear. Changes recorded before the wall mounted never chime.
 */
export function useChime(ref: RefObject<HTMLElement | null>): void {
  const store = useWallStore();
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    let state: ChimeState = { ...initialChimeState, lastChangeId: store.getState().changeLog.nextId - 1 };
    write(element, state);
    return store.subscribe((s, prev) => {
      if (s.changeLog === prev.changeLog) return;
      const now = Date.now();
      const local = new Date(now);
      const result = judgeChime(state, s.changeLog.changes, now, local.getHours() * 60 + local.getMinutes(), {
        isEnabled: s.settings.chime ?? false,
        quietHours: s.settings.chimeQuietHours ?? null,
        minIntervalMs: DEFAULT_CHIME_INTERVAL_MS,
      });
      if (result.state === state) return;
      state = result.state;
      if (result.shouldPlay) playChime();
      write(element, state);
    });
  }, [ref, store]);
}
