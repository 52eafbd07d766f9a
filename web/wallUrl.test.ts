import { describe, expect, it } from 'vitest';
import { baseUrl, wallUrl } from './wallUrl';

describe('wallUrl', () => {
  it('points the demo wall at its own server and marks it demo', () => {
    expect(wallUrl('http://127.0.0.1:8080', { feedUrl: 'http://127.0.0.1:8080', isDemo: true })).toBe('http://127.0.0.1:8080/?feed=http://127.0.0.1:8080&demo=1');
  });

  it('puts the token in the fragment, encoded, and the other settings in the query', () => {
    const url = wallUrl('http://10.0.0.2:8080/', { feedUrl: 'https://feed.example:8443', isDemo: false, token: 'a b&c#', isQuiet: true, dwellSeconds: 30, pages: ['budgets', 'incidents'], theme: 'light' });
    expect(url).toBe('http://10.0.0.2:8080/?feed=https://feed.example:8443&quiet=1&dwell=30&pages=budgets,incidents&theme=light#token=a%20b%26c%23');
    const parsed = new URL(url);
    expect(parsed.searchParams.get('feed')).toBe('https://feed.example:8443');
    expect(decodeURIComponent(parsed.hash.slice('#token='.length))).toBe('a b&c#');
  });
});

describe('baseUrl', () => {
  it('turns unspecified addresses into loopback and brackets IPv6', () => {
    expect(baseUrl('0.0.0.0', 8080)).toBe('http://127.0.0.1:8080');
    expect(baseUrl('::', 80)).toBe('http://[::1]:80');
    expect(baseUrl('192.168.1.20', 8080)).toBe('http://192.168.1.20:8080');
  });
});
