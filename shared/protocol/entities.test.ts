import { describe, expect, it } from 'vitest';
import { isHttpUrl } from './entities';

describe('isHttpUrl: the links the wall will open', () => {
  it.each([
    'https://incidents.example.com/INC-42',
    'http://localhost:8080',
    'https://grafana.example.com/d/abc?orgId=1&var-service=checkout#panel-2',
    'http://10.0.0.7:9093/#/alerts',
    'https://[::1]:9090/graph?g0.expr=up',
    'https://bücher.example/status',
    'https://example.com.',
    'HTTPS://EXAMPLE.COM/Path',
  ])('accepts %s', (url) => {
    expect(isHttpUrl(url)).toBe(true);
  });

  it.each([
    ['user-info that hides the real host', 'https://intranet.example.com@evil.example/'],
    ['a password', 'https://user:pass@example.com/'],
    ['a backslash in the authority', 'https://evil.example\\@intranet.example.com/'],
    ['a backslash in the path', 'https://example.com/a\\b'],
    ['an empty host with a port', 'http://:80'],
    ['an empty host', 'https:///path'],
    ['port 0', 'http://example.com:0/'],
    ['a port above 65535', 'http://example.com:65536/'],
    ['a non-numeric port', 'http://example.com:http/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a file: URL', 'file:///etc/passwd'],
    ['a protocol-relative URL', '//example.com/'],
    ['white space in the host', 'https://a b.example'],
    ['a newline in the path', 'https://example.com/a\nb'],
    ['a tab', 'https://example.com/\tx'],
    ['a label starting with a hyphen', 'https://-bad.example.com/'],
    ['an empty label', 'https://a..example.com/'],
    ['a percent-encoded host', 'https://%65vil.example/'],
    ['a relative path', '/incidents/42'],
  ])('refuses %s', (_, url) => {
    expect(isHttpUrl(url)).toBe(false);
  });
});
