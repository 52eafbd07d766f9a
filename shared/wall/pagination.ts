/*
 * Fit math: how many tiles fit the screen, and how content that does not fit
 * splits into sub-pages. The screen renders exactly the geometry computed
 * here (fixed row heights, a fixed column count), so what this module says
 * fits is what the browser lays out: nothing scrolls and nothing is cut off.
 */

/** The pixel box a page's content may use. */
export interface Area {
  readonly width: number;
  readonly height: number;
}

/** The geometry of one kind of tile, in pixels. */
export interface TileSpec {
  /** Tiles are at least this wide; spare width is shared out among the columns. */
  readonly minWidth: number;
  /** Every tile row is exactly this tall. */
  readonly height: number;
  /** Space between tiles, rows and blocks. */
  readonly gap: number;
  /** Height of a group's heading (team name); 0 when groups have none. */
  readonly headerHeight?: number;
}

/** Columns and rows of a uniform grid. */
export interface Grid {
  readonly columns: number;
  readonly rows: number;
}

// Browsers round sub-pixel boxes; keep a pixel in hand so rounding never
// pushes the last row past the edge.
const ROUNDING_SLACK = 1;

/**
 * The grid of tiles that fits `area`. Always at least one column and one row:
 * on a screen smaller than one tile the tile shows anyway, rather than
 * nothing.
 */
export function gridFor(area: Area, tile: TileSpec): Grid {
  const columns = Math.max(1, Math.floor((area.width - ROUNDING_SLACK + tile.gap) / (tile.minWidth + tile.gap)));
  const rows = Math.max(1, Math.floor((area.height - ROUNDING_SLACK + tile.gap) / (tile.height + tile.gap)));
  return { columns, rows };
}

/** How many pages of `size` hold `count` items: at least one, possibly empty. */
export function pageCount(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, Math.floor(size))));
}

/**
 * The `index`-th page of `size` of `items` (empty past the last). Cut when
 * shown rather than all at once: the budgets page of 6,000 SLOs shows one
 * page of a dozen, and its order changes every batch.
 */
export function pageOf<T>(items: readonly T[], size: number, index: number): T[] {
  const per = Math.max(1, Math.floor(size));
  return items.slice(index * per, (index + 1) * per);
}

/** A titled run of tiles in one column: a team, or its continuation from the column or sub-page before. */
export interface Block<T> {
  /** The group's title; null for an untitled group. */
  readonly title: string | null;
  /** True when this block continues a group begun in an earlier column or sub-page. */
  readonly isContinued: boolean;
  readonly items: readonly T[];
}

/** A group to lay out: a title (or null for none) and its tiles in order. */
export interface Group<T> {
  readonly title: string | null;
  readonly items: readonly T[];
}

/** One column of a sub-page: blocks stacked top to bottom. */
export type Column<T> = ReadonlyArray<Block<T>>;

/** Sub-pages of grouped tiles laid out in columns, and the column count they were computed for. */
export interface ColumnPages<T> {
  readonly columns: number;
  /** Each sub-page holds up to `columns` columns. */
  readonly pages: ReadonlyArray<ReadonlyArray<Column<T>>>;
}

/**
 * Flows groups of tiles down columns, as a newspaper flows text: a group's
 * heading, then its tiles one under another; a full column continues in the
 * next one (under the same heading, marked continued), and a full sub-page
 * in the next sub-page. A group starts in the next column when not even its
 * heading and one tile fit in what is left of the current one. Teams of
 * different sizes waste no partial rows this way, and the worst team's worst
 * service stays top left.
 *
 * Every tile costs its height plus one gap and every heading its height plus
 * one gap; a column holds what fits in its height plus one gap (there is no
 * gap after the last tile).
 */
export function flowColumns<T>(groups: readonly Group<T>[], area: Area, tile: TileSpec): ColumnPages<T> {
  const { columns } = gridFor(area, tile);
  const budget = area.height - ROUNDING_SLACK + tile.gap;
  const tileCost = tile.height + tile.gap;
  const headerCost = (tile.headerHeight ?? 0) + tile.gap;
  const pages: Block<T>[][][] = [];
  let page: Block<T>[][] = [];
  let column: Block<T>[] = [];
  let used = 0;

  const nextColumn = () => {
    if (column.length > 0) page.push(column);
    column = [];
    used = 0;
    if (page.length === columns) {
      pages.push(page);
      page = [];
    }
  };

  for (const group of groups) {
    const head = group.title === null ? 0 : headerCost;
    let rest = group.items;
    let isContinued = false;
    while (rest.length > 0) {
      let fit = Math.floor((budget - used - head) / tileCost);
      if (fit < 1 && column.length > 0) {
        nextColumn();
        fit = Math.floor((budget - head) / tileCost);
      }
      // A screen too small for a heading and one tile still shows one tile.
      const items = rest.slice(0, Math.max(1, fit));
      column.push({ title: group.title, isContinued, items });
      used += head + items.length * tileCost;
      rest = rest.slice(items.length);
      isContinued = true;
      if (rest.length > 0) nextColumn();
    }
  }
  nextColumn();
  if (page.length > 0) pages.push(page);
  return { columns, pages: pages.length > 0 ? pages : [[]] };
}

/** The pixel height a column's blocks take when rendered as this module assumes. */
export function columnHeight(column: Column<unknown>, tile: TileSpec): number {
  if (column.length === 0) return 0;
  let height = -tile.gap;
  for (const block of column) {
    if (block.title !== null) height += (tile.headerHeight ?? 0) + tile.gap;
    height += block.items.length * (tile.height + tile.gap);
  }
  return height;
}
