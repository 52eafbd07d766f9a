import { useEffect } from 'react';
import type { RefObject } from 'react';
import { useWallStore } from '../store/useWall';
import type { WallState } from '../store/types';

function write(element: HTMLElement, s: WallState): void {
  element.dataset.seq = s.lastSeq === null ? '' : String(s.lastSeq);
  element.dataset.messages = String(s.counters.messages);
  element.dataset.dropped = String(s.counters.droppedMessages);
  element.dataset.droppedEntities = String(s.counters.droppedEntities);
  element.dataset.resyncs = String(s.counters.resyncs);
}

/**
 * Keeps the counter hooks on the root (`data-seq`, `data-messages`,
 * `data-dropped`, `data-dropped-entities`, `data-resyncs`) current by
 * writing them straight from the store: they change with every message, and
 * re-rendering the whole wall for an attribute would be waste.
 */
export function useCounterAttributes(ref: RefObject<HTMLElement | null>): void {
  const store = useWallStore();
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    write(element, store.getState());
    return store.subscribe((s, prev) => {
      if (s.counters !== prev.counters || s.lastSeq !== prev.lastSeq) write(element, s);
    });
  }, [ref, store]);
}
