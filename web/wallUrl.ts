/** What the wall reads from its URL when it runs without the Electron bridge. */
export interface WallUrlParams {
  feedUrl: string;
  isDemo: boolean;
  token?: string;
  isQuiet?: boolean;
  dwellSeconds?: number;
  pages?: readonly string[];
  theme?: string;
}

/**
 * The address to open in a browser: `?feed=…&demo=1…#token=…`. The token
 * goes in the fragment, which browsers never send to the server, so it stays
 * out of this server's logs and any proxy's. `:`, `/` and `,` are left
 * readable; they are legal in a query.
 */
export function wallUrl(base: string, params: WallUrlParams): string {
  const query = new URLSearchParams({ feed: params.feedUrl });
  if (params.isDemo) query.set('demo', '1');
  if (params.isQuiet !== undefined) query.set('quiet', params.isQuiet ? '1' : '0');
  if (params.dwellSeconds !== undefined) query.set('dwell', String(params.dwellSeconds));
  if (params.pages !== undefined) query.set('pages', params.pages.join(','));
  if (params.theme !== undefined) query.set('theme', params.theme);
  const search = query.toString().replace(/%3A/gi, ':').replace(/%2F/gi, '/').replace(/%2C/gi, ',');
  const fragment = params.token !== undefined ? `#token=${encodeURIComponent(params.token)}` : '';
  return `${base.replace(/\/$/, '')}/?${search}${fragment}`;
}

/** `http://host:port` for an address the server listens on; unspecified addresses become loopback. */
export function baseUrl(host: string, port: number): string {
  const dialable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${dialable.includes(':') ? `[${dialable}]` : dialable}:${port}`;
}
