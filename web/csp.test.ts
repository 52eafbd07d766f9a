import { describe, expect, it } from 'vitest';
import { buildCsp, feedConnectSources } from './csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split('; ').map((part) => {
    const [name = '', ...values] = part.split(' ');
    return [name, values];
  }));
}

describe('buildCsp', () => {
  it('allows connections to exactly the feed origin over http and ws', () => {
    const csp = directives(buildCsp({ feedUrl: 'http://127.0.0.1:4123' }));
    expect(csp.get('connect-src')).toEqual(['http://127.0.0.1:4123', 'ws://127.0.0.1:4123']);
  });

  it('uses https and wss for a TLS feed and drops the default port as CSP implies it', () => {
    expect(feedConnectSources('https://feed.example.com:443')).toEqual(['https://feed.example.com', 'wss://feed.example.com']);
    expect(feedConnectSources('https://feed.example.com:8443')).toEqual(['https://feed.example.com:8443', 'wss://feed.example.com:8443']);
    expect(feedConnectSources('http://[::1]:4000')).toEqual(['http://[::1]:4000', 'ws://[::1]:4000']);
  });

  it('locks down scripts, objects, base and framing, and allows inline styles only when asked', () => {
    const strict = directives(buildCsp({ feedUrl: 'http://h:1' }));
    expect(strict.get('default-src')).toEqual(["'self'"]);
    expect(strict.get('script-src')).toEqual(["'self'"]);
    expect(strict.get('style-src')).toEqual(["'self'"]);
    expect(strict.get('img-src')).toEqual(["'self'", 'data:']);
    expect(strict.get('object-src')).toEqual(["'none'"]);
    expect(strict.get('base-uri')).toEqual(["'none'"]);
    expect(strict.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives(buildCsp({ feedUrl: 'http://h:1', allowInlineStyles: true })).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('refuses a feed URL that is not http(s)', () => {
    expect(() => buildCsp({ feedUrl: 'file:///etc/passwd' })).toThrow(/must be http or https/);
    expect(() => buildCsp({ feedUrl: 'javascript:alert(1)' })).toThrow();
  });

  it('keeps a feed URL from smuggling extra sources into the policy', () => {
    const csp = buildCsp({ feedUrl: 'http://h:1/;script-src%20*' });
    expect(directives(csp).get('script-src')).toEqual(["'self'"]);
    expect(directives(csp).get('connect-src')).toEqual(['http://h:1', 'ws://h:1']);
  });
});
