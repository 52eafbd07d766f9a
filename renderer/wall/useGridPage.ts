import { useRef } from 'react';
import { pageOf } from '../../shared/wall/pagination';
import type { GridPages } from './useWallModel';

/**
 * The cards of one sub-page, cut from the page's whole list when shown. The
 * list is new after every batch that touched any of its items; the page
 * keeps its last array while it holds the same objects in the same order,
 * so a batch that changed nothing on screen renders nothing below.
 */
export function useGridPage<T>(grid: GridPages<T>, subPage: number): readonly T[] {
  const last = useRef<readonly T[]>([]);
  const page = pageOf(grid.items, grid.columns * grid.rows, subPage);
  const previous = last.current;
  if (page.length === previous.length && page.every((item, i) => item === previous[i])) return previous;
  last.current = page;
  return page;
}
