import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** What the wall's address says (the web build's settings). */
export interface WallParams {
  feed: string;
  dwell?: number;
  quiet?: boolean;
  pages?: string[];
  theme?: 'dark' | 'light';
  demo?: boolean;
  stale?: number;
  entityStale?: number;
  token?: string;
  /** Further address parameters, as the wall reads them (`palette`, `hold`, `night`, `screen`, `distance`, …). */
  extra?: Record<string, string>;
}

/** The wall's address on `site` for these settings; the token goes in the fragment. */
export function wallUrl(site: string, params: WallParams): string {
  const q = new URLSearchParams({ feed: params.feed });
  if (params.dwell !== undefined) q.set('dwell', String(params.dwell));
  if (params.quiet) q.set('quiet', '1');
  if (params.pages) q.set('pages', params.pages.join(','));
  if (params.theme) q.set('theme', params.theme);
  if (params.demo) q.set('demo', '1');
  if (params.stale !== undefined) q.set('stale', String(params.stale));
  if (params.entityStale !== undefined) q.set('entityStale', String(params.entityStale));
  for (const [key, value] of Object.entries(params.extra ?? {})) q.set(key, value);
  return `${site}?${q.toString()}${params.token === undefined ? '' : `#token=${encodeURIComponent(params.token)}`}`;
}

/** The wall's root, carrying the automation hooks. */
export function wallRoot(page: Page): Locator {
  return page.locator('#wall');
}

/** Opens the wall and waits until it shows the feed's first snapshot, live. */
export async function openWall(page: Page, site: string, params: WallParams): Promise<Locator> {
  await page.goto(wallUrl(site, params));
  const root = wallRoot(page);
  await expect(root).toHaveAttribute('data-ready', 'true');
  await expect(root).toHaveAttribute('data-connection', 'live');
  return root;
}

/** The values of `attribute` on every element that carries it, in document order. */
export function shownValues(page: Page, attribute: string): Promise<string[]> {
  return page.locator(`[${attribute}]`).evaluateAll((elements, name) => elements.map((e) => e.getAttribute(name) ?? ''), attribute);
}

/**
 * Steps to the screen where `data-page` is `target` with the arrow key (the
 * rotation paused first so it holds); legible pages can have dozens of
 * sub-pages, so ArrowLeft reaches the last page (incidents) from the first
 * health sub-page without passing every budgets sub-page.
 */
export async function pauseOn(page: Page, target: string, key: 'ArrowRight' | 'ArrowLeft' = 'ArrowRight'): Promise<void> {
  const root = wallRoot(page);
  if ((await root.getAttribute('data-paused')) !== 'true') await page.keyboard.press('Space');
  await expect(root).toHaveAttribute('data-paused', 'true');
  for (let i = 0; i < 120 && (await root.getAttribute('data-page')) !== target; i += 1) await page.keyboard.press(key);
  await expect(root).toHaveAttribute('data-page', target);
}
