import { ERROR_PAGE_CSP } from '../../web/csp';
import { readStaticFile } from '../../web/staticFiles';
import { APP_HOST, APP_SCHEME } from './guards';

/** Where the wall's index page lives. */
export const WALL_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
/** The shell's own static error page, shown after the renderer failed too often. */
export const ERROR_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/__shell/error.html`;

/** A response to build Electron's Response from (kept plain so tests need no fetch API). */
export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** What the handler serves from. */
export interface AppProtocolOptions {
  /** The built renderer folder (dist/renderer). */
  root: string;
  /** The wall's CSP for the current feed. */
  csp(): string;
  /** The text the error page shows (the last failure and when the next try is). */
  errorDetail(): string;
}

const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The static error page: no script, so nothing on it can fail again; the shell keeps retrying the wall behind it. */
export function errorPageHtml(detail: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>NOC wall: restarting</title>
<style>html,body{margin:0;height:100%;background:#0b0f14;color:#e6edf3;font:24px/1.5 system-ui,sans-serif}
main{display:flex;flex-direction:column;justify-content:center;height:100%;padding:0 10vw}h1{font-size:48px;margin:0 0 16px}p{color:#9aa7b4;margin:0}</style>
</head><body><main role="alert"><h1>The wall stopped and is restarting</h1><p>${escapeHtml(detail)}</p></main></body></html>`;
}

function notFound(): AppResponse {
  return { status: 404, headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, body: 'not found' };
}

/**
 * Answers one app:// request: files under the renderer folder with the
 * wall's CSP, the error page with its own, and 404 for anything else,
 * including other hosts and methods other than GET.
 */
export async function handleAppRequest(method: string, requestUrl: string, options: AppProtocolOptions): Promise<AppResponse> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return notFound();
  }
  if ((method !== 'GET' && method !== 'HEAD') || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
  if (url.pathname === '/__shell/error.html') {
    const headers: Record<string, string> = { ...BASE_HEADERS, 'Content-Type': 'text/html; charset=utf-8' };
    headers['Content-Security-Policy'] = ERROR_PAGE_CSP;
    return { status: 200, headers, body: errorPageHtml(options.errorDetail()) };
  }
  const file = await readStaticFile(options.root, url.pathname);
  if (!file) return notFound();
  const headers: Record<string, string> = { ...BASE_HEADERS, 'Content-Type': file.contentType };
  // Every response carries the policy, documents and scripts alike.
  headers['Content-Security-Policy'] = options.csp();
  return { status: 200, headers, body: file.body };
}
