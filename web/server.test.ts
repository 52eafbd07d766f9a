import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatorSource } from '../feed/simulator/simulatorSource';
import { kioskCsp, startWebKiosk } from './server';
import type { WebKiosk } from './server';

const root = mkdtempSync(join(tmpdir(), 'noc-wall-web-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
let kiosk: WebKiosk | undefined;

afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

describe('kioskCsp', () => {
  it('allows the external feed origin only', () => {
    expect(kioskCsp('https://feed.example:8443', '127.0.0.1:8080')).toContain('connect-src https://feed.example:8443 wss://feed.example:8443;');
  });

  it('allows the host the browser used for the embedded feed, and nothing for a malformed Host', () => {
    expect(kioskCsp(undefined, '192.168.1.20:8080')).toContain('connect-src http://192.168.1.20:8080 ws://192.168.1.20:8080;');
    expect(kioskCsp(undefined, '[::1]:8080')).toContain('connect-src http://[::1]:8080 ws://[::1]:8080;');
    expect(kioskCsp(undefined, 'evil.example; script-src *')).toContain('connect-src http://invalid.invalid ws://invalid.invalid;');
    expect(kioskCsp(undefined, undefined)).toContain('connect-src http://invalid.invalid');
  });
});

describe('startWebKiosk', () => {
  it('serves the wall with its CSP and refuses other methods and paths outside the root', async () => {
    kiosk = await startWebKiosk({ root, port: 0, host: '127.0.0.1', feedUrl: 'http://127.0.0.1:9' });
    const base = `http://127.0.0.1:${kiosk.port}`;
    const page = await fetch(`${base}/?feed=http://127.0.0.1:9`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain('connect-src http://127.0.0.1:9 ws://127.0.0.1:9;');
    expect(await page.text()).toContain('id="root"');
    expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
    expect(kiosk.demo).toBeUndefined();
  });

  it('serves the demo feed on the same port, snapshot first', async () => {
    kiosk = await startWebKiosk({ root, port: 0, host: '127.0.0.1', demoSource: createSimulatorSource({ seed: 1 }) });
    const base = `http://127.0.0.1:${kiosk.port}`;
    expect((await fetch(`${base}/`)).headers.get('content-security-policy')).toContain(`connect-src ${base} ws://127.0.0.1:${kiosk.port};`);
    const socket = io(base, { transports: ['websocket'], reconnection: false });
    try {
      const snapshot = await new Promise<{ services: unknown[] }>((resolve, reject) => {
        socket.on('feed:snapshot', resolve);
        socket.on('connect_error', reject);
      });
      expect(snapshot.services.length).toBeGreaterThan(0);
    } finally {
      socket.close();
    }
  });
});
