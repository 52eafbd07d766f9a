// What any page that shows a ticking clock costs on this machine: a screen
// of static text and one line that changes once a second, nothing else.
// Chromium draws, rasters and composites that change like any other, so
// the wall's idle figure is read against it: the rest is the wall's own.
import type { Browser } from '@playwright/test';
import { rendererCpuSeconds } from './measure';

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/** A 1920x1080 screen of text in the wall's colours, and a clock with seconds in a footer. */
export const CLOCK_PAGE = `<!doctype html>
<html><body style="margin:0;background:#0b0f14;color:#e6edf3;font:24px 'DejaVu Sans',sans-serif">
<main style="height:1020px;overflow:hidden;padding:16px">${'<p>Checkout · OK · 420/s · 0.01% · 180 ms</p>'.repeat(24)}</main>
<footer style="display:flex;justify-content:flex-end;padding:0 16px;font-size:30px;font-weight:800"><span id="clock"></span></footer>
<script>
const clock = document.getElementById('clock');
const show = () => { clock.textContent = new Date().toTimeString().slice(0, 8); };
show();
setInterval(show, 1000);
</script>
</body></html>`;

/** The renderer process's CPU (share of one core) over `seconds` on the clock page, after it settles. */
export async function clockFloorShare(browser: Browser, seconds: number): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    const browserCdp = await browser.newBrowserCDPSession();
    await page.setContent(CLOCK_PAGE);
    await sleep(3_000);
    const [before, from] = [await rendererCpuSeconds(browserCdp), Date.now()];
    await sleep(seconds * 1_000);
    const [after, to] = [await rendererCpuSeconds(browserCdp), Date.now()];
    return (after - before) / ((to - from) / 1_000);
  } finally {
    await page.close();
  }
}
