/*
 * The Content-Security-Policy of the wall, shared by the Electron shell (on
 * its app:// responses) and the web kiosk (on its HTTP responses). The wall
 * talks to exactly one feed, so connect-src names exactly that origin, over
 * both its http(s) scheme (socket.io's polling handshake) and its ws(s)
 * scheme (the websocket).
 */

/** The two sources connect-src needs for a feed: `http://h:p ws://h:p`, or https and wss. Throws on a URL that is not http(s). */
export function feedConnectSources(feedUrl: string): [string, string] {
  const url = new URL(feedUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`feed URL must be http or https: ${feedUrl}`);
  // URL.origin drops a default port, which CSP also treats as implied.
  const origin = url.origin;
  const ws = origin.replace(/^http/, 'ws');
  return [origin, ws];
}

/** What the policy depends on. */
export interface CspOptions {
  /** The feed's URL; only its origin is used. */
  feedUrl: string;
  /**
   * Inline style attributes in the built HTML. Script stays 'self' only;
   * styles set from script through the CSSOM (React's style prop, ECharts)
   * are not governed by style-src and need nothing here.
   */
  allowInlineStyles?: boolean;
}

/** The wall's policy as one header value. */
export function buildCsp(options: CspOptions): string {
  const [http, ws] = feedConnectSources(options.feedUrl);
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', options.allowInlineStyles ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', [http, ws]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/** The policy of the shell's own static error page: no script at all, so its one inline style block is harmless. */
export const ERROR_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
