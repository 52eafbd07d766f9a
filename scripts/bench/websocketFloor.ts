// What Chromium alone costs to receive a snapshot as large as the burst
// scenario's: a plain WebSocket (no socket.io, no wall) sends the burst
// snapshot's JSON to a page whose handler does nothing but stamp the time.
// Prints the time from send to the message event and how long the page's
// event loop stays blocked after that empty handler returns. No wall can
// paint a snapshot sooner than the sum of the two.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { WebSocketServer } from 'ws';
import { createLoadSource } from './loadSource';
import { scenarios } from './scenarios';

const { CHROMIUM_ARGS, findChromium } = (await import('../chromium.mjs' as string)) as { CHROMIUM_ARGS: string[]; findChromium: () => string | null };

const PAGE = `<!doctype html><script>
window.floor = null;
const ws = new WebSocket('ws://' + location.host);
ws.onmessage = (event) => {
  const arrived = Date.now();
  const handled = performance.now();
  // The next task runs once the browser is done with the message.
  setTimeout(() => { window.floor = { arrived, size: event.data.length, blockedMs: performance.now() - handled }; }, 0);
};
</script>`;

async function main(): Promise<void> {
  const burst = scenarios(1).find((s) => s.name === 'burst')!;
  const source = createLoadSource({ services: burst.services, slos: burst.slos, incidents: burst.incidents, updatesPerSecond: 0 });
  const json = JSON.stringify({ v: 1, seq: 0, at: Date.now(), ...source.snapshot() });
  const server = http.createServer((_req, res) => {
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
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found (set NOC_WALL_CHROMIUM)');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => (window as unknown as { floor: unknown }).floor !== null, undefined, { timeout: 120_000 });
    const floor = await page.evaluate(() => (window as unknown as { floor: { arrived: number; size: number; blockedMs: number } }).floor);
    const arriveMs = floor.arrived - sentAt;
    process.stdout.write(
      [
        `websocket floor (${new Date().toISOString()}), ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`,
        `message                               ${(floor.size / 1e6).toFixed(1)} MB of JSON text (the burst snapshot)`,
        `send to message event                 ${arriveMs.toFixed(0)} ms`,
        `event loop blocked after the handler  ${floor.blockedMs.toFixed(0)} ms`,
        `floor before any wall code can paint  ${(arriveMs + floor.blockedMs).toFixed(0)} ms`,
      ].join('\n') + '\n',
    );
  } finally {
    await browser.close();
    wss.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
