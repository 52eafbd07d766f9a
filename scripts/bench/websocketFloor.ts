// What Chromium alone costs to receive a snapshot as large as the burst
// scenario's: a plain WebSocket (no socket.io, no wall) sends the burst
// snapshot's JSON to a page whose handler does nothing but stamp the time.
// Prints the time from send to the message event and how long the page's
// event loop stays blocked after that empty handler returns, twice: in a
// Chromium with no DevTools client (as a kiosk runs; the page posts its
// figures back), and in one driven by Playwright, as the bench drives the
// wall (DevTools' network domain then sees every WebSocket frame).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { WebSocketServer } from 'ws';
import { createLoadSource } from './loadSource';
import { openPlainChromium } from './plainChromium';
import { scenarios } from './scenarios';

const { CHROMIUM_ARGS, findChromium } = (await import('../chromium.mjs' as string)) as { CHROMIUM_ARGS: string[]; findChromium: () => string | null };

interface Floor {
  arrived: number;
  size: number;
  blockedMs: number;
}

const PAGE = `<!doctype html><script>
window.floor = null;
const ws = new WebSocket('ws://' + location.host);
ws.onmessage = (event) => {
  const arrived = Date.now();
  const handled = performance.now();
  // The next task runs once the browser is done with the message.
  setTimeout(() => {
    window.floor = { arrived, size: event.data.length, blockedMs: performance.now() - handled };
    fetch('/result', { method: 'POST', body: JSON.stringify(window.floor) });
  }, 0);
};
</script>`;

async function main(): Promise<void> {
  const burst = scenarios(1).find((s) => s.name === 'burst')!;
  const source = createLoadSource({ services: burst.services, slos: burst.slos, incidents: burst.incidents, updatesPerSecond: 0 });
  const json = JSON.stringify({ v: 1, seq: 0, at: Date.now(), ...source.snapshot() });
  let posted: ((floor: Floor) => void) | null = null;
  const server = http.createServer((req, res) => {
    if (req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        posted?.(JSON.parse(body) as Floor);
        res.end();
      });
      return;
    }
    res.setHeader('content-type', 'text/html');
    res.end(PAGE);
  });
  const wss = new WebSocketServer({ server });
  let sentAt = 0;
  wss.on('connection', (socket) => {
    sentAt = Date.now();
    socket.send(json);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found (set NOC_WALL_CHROMIUM)');
  const lines = [
    `websocket floor (${new Date().toISOString()}), ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`,
    `message                               ${(json.length / 1e6).toFixed(1)} MB of JSON text (the burst snapshot)`,
  ];
  const report = (how: string, floor: Floor) => {
    const arriveMs = floor.arrived - sentAt;
    lines.push(
      how,
      `  send to message event               ${arriveMs.toFixed(0)} ms`,
      `  event loop blocked after the handler ${floor.blockedMs.toFixed(0)} ms`,
      `  floor before any wall code can paint ${(arriveMs + floor.blockedMs).toFixed(0)} ms`,
    );
  };
  try {
    // A Chromium with no DevTools client, as a kiosk runs it.
    const close = openPlainChromium(executablePath, url);
    try {
      const floor = await new Promise<Floor>((resolve, reject) => {
        posted = resolve;
        setTimeout(() => reject(new Error('the plain Chromium did not report within 120 s')), 120_000).unref();
      });
      report('Chromium with no DevTools client (a kiosk)', floor);
    } finally {
      await close();
    }
    // The same page driven by Playwright, as the bench drives the wall.
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      posted = null;
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { floor: unknown }).floor !== null, undefined, { timeout: 120_000 });
      report('Chromium driven by Playwright (the bench)', await page.evaluate(() => (window as unknown as { floor: Floor }).floor));
    } finally {
      await browser.close();
    }
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    wss.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
