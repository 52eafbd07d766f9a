import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** Where the browser tests leave screenshots for a person to look at. */
export const SCREENSHOT_DIR = 'artifacts/screenshots';

/** Saves the page as `<name>-<width>x<height>.png`, after letting the chart canvases draw. */
export async function shoot(page: Page, name: string): Promise<void> {
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.waitForTimeout(300);
  // Charts draw a few per frame and keep their canvas hidden until they have drawn what their card shows.
  await page.waitForFunction(() => document.querySelector('.chart-canvas[style*="hidden"]') === null, undefined, { timeout: 5_000 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-${width}x${height}.png` });
}
