import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCsp } from '../../web/csp';
import { ERROR_PAGE_URL, handleAppRequest, WALL_URL } from './appProtocol';
import type { AppProtocolOptions } from './appProtocol';

let options: AppProtocolOptions;

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'noc-wall-app-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  options = { root, csp: () => buildCsp({ feedUrl: 'http://127.0.0.1:4555' }), errorDetail: () => 'render process crashed 5 times; next try in 60 s <b>' };
});

describe('handleAppRequest', () => {
  it('serves the wall with the CSP for the configured feed', async () => {
    const response = await handleAppRequest('GET', WALL_URL, options);
    expect(response.status).toBe(200);
    expect(String(response.body)).toContain('id="root"');
    expect(response.headers['Content-Security-Policy']).toContain('connect-src http://127.0.0.1:4555 ws://127.0.0.1:4555');
    expect(response.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('serves an error page without any script and with the detail escaped', async () => {
    const response = await handleAppRequest('GET', ERROR_PAGE_URL, options);
    expect(response.status).toBe(200);
    expect(response.headers['Content-Security-Policy']).toMatch(/^default-src 'none'/);
    expect(String(response.body)).toContain('next try in 60 s &#60;b&#62;');
    expect(String(response.body)).not.toContain('<script');
  });

  it.each([
    ['GET', 'app://other/index.html'],
    ['GET', 'app://wall/../../etc/passwd'],
    ['GET', 'app://wall/%2e%2e/%2e%2e/etc/passwd'],
    ['GET', 'app://wall/missing.js'],
    ['POST', WALL_URL],
    ['GET', 'https://wall/index.html'],
    ['GET', '::::'],
  ])('answers %s %s with 404', async (method, url) => {
    expect((await handleAppRequest(method, url, options)).status).toBe(404);
  });
});
