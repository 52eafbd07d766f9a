// The first paint of the wall in a Chromium with no DevTools client, as a
// kiosk shows it. The wall's page is served through a small proxy in front of
// the web kiosk, which adds the bench's probe (scripts/bench/probe.ts) ahead
// of the wall's own script and takes the probe's figures back over HTTP; the
// wall connects to the kiosk's embedded feed directly, as it always does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openPlainChromium } from './plainChromium';
import { probeScript } from './probe';

/** What the page reports once the first snapshot is painted: the probe's stamps and the wall's marks, epoch ms. */
export interface KioskFirstPaint {
  readyAt: number;
  bigMessageAt: number | null;
  afterBigMessageAt: number | null;
  marks: Record<string, number>;
}

// Sent by the page once \`data-ready\` has been painted and the whole snapshot applied (or 30 s after that paint).
const REPORTER = `(function report() {
  const probe = window.__bench;
  if (!probe || probe.readyAt === null) return setTimeout(report, 50);
  const isComplete = performance.getEntriesByName('wall:snapshot-complete').length > 0;
  if (!isComplete && Date.now() - probe.readyAt < 30000) return setTimeout(report, 50);
  const marks = {};
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('wall:') && !(m.name in marks)) marks[m.name] = performance.timeOrigin + m.startTime;
  fetch('/__bench/result', { method: 'POST', body: JSON.stringify({ readyAt: probe.readyAt, bigMessageAt: probe.bigMessageAt, afterBigMessageAt: probe.afterBigMessageAt, marks }) });
})();`;

/**
 * Opens the wall at `wallPath` (path and query, its feed the kiosk at
 * `kioskBase`) in a plain Chromium and resolves with its first paint.
 */
export async function kioskFirstPaint(executablePath: string, kioskBase: string, wallPath: string, timeoutMs = 120_000): Promise<KioskFirstPaint> {
  let settle: ((result: KioskFirstPaint) => void) | null = null;
  const result = new Promise<KioskFirstPaint>((resolve, reject) => {
    settle = resolve;
    setTimeout(() => reject(new Error(`the wall in a plain Chromium did not report its first paint within ${timeoutMs / 1000} s`)), timeoutMs).unref();
  });
  const proxy = http.createServer((req, res) => {
    void (async () => {
      const url = req.url ?? '/';
      if (req.method === 'POST' && url === '/__bench/result') {
        let body = '';
        for await (const chunk of req) body += String(chunk);
        res.end();
        settle?.(JSON.parse(body) as KioskFirstPaint);
        return;
      }
      if (url === '/__bench/probe.js') {
        res.setHeader('content-type', 'text/javascript');
        res.end(`${probeScript()}\n${REPORTER}`);
        return;
      }
      const upstream = await fetch(new URL(url, kioskBase));
      const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
      res.statusCode = upstream.status;
      res.setHeader('content-type', type);
      // The kiosk's own headers (its CSP names the kiosk's origin, not this one) are left behind.
      if (type.startsWith('text/html')) {
        res.end((await upstream.text()).replace('<head>', '<head><script src="/__bench/probe.js"></script>'));
      } else {
        res.end(Buffer.from(await upstream.arrayBuffer()));
      }
    })().catch((error: unknown) => {
      res.statusCode = 502;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const close = openPlainChromium(executablePath, `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${wallPath}`);
  try {
    return await result;
  } finally {
    await close();
    proxy.close();
  }
}
