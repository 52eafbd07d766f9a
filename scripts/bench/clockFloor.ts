// What any page that shows a ticking clock costs on this machine: a screen
// of static text and one line that changes once a second, nothing else.
// Chromium draws, rasters and composites that change like any other, so
// the wall's idle figure is read against it: the rest is the wall's own.
// Below it, a page with one word and no script: what a renderer costs
// while nothing at all happens.
import type { Browser } from '@playwright/test';
import { rendererCpuSeconds, rendererPids } from './measure';
import { formatGroupShares, groupCpuSeconds } from './threads';

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

/** A page that draws one word once and runs nothing. */
export const BLANK_PAGE = '<!doctype html><html><body style="margin:0;background:#0b0f14;color:#e6edf3">idle</body></html>';

/** The renderer process's CPU (share of one core) over `seconds` on `html`, after it settles, and its share by thread. */
export async function pageFloorShare(browser: Browser, html: string, seconds: number): Promise<{ share: number; threads: string }> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    const browserCdp = await browser.newBrowserCDPSession();
    await page.setContent(html);
    await sleep(3_000);
    const pids = await rendererPids(browserCdp);
    const [before, threadsBefore, from] = [await rendererCpuSeconds(browserCdp), groupCpuSeconds(pids), Date.now()];
    await sleep(seconds * 1_000);
    const [after, threadsAfter, to] = [await rendererCpuSeconds(browserCdp), groupCpuSeconds(pids), Date.now()];
    const elapsed = (to - from) / 1_000;
    return { share: (after - before) / elapsed, threads: formatGroupShares(threadsBefore, threadsAfter, elapsed) };
  } finally {
    await page.close();
  }
}
