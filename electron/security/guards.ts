import { isHttpUrl } from '../../shared/protocol/entities';
import type { Log } from '../log';

/*
 * Electron's security checklist, items 4, 13 and 14: the wall never
 * navigates, never opens windows, never grants a permission. Each guard
 * works on the few methods it needs, so tests hand in small fakes.
 */

/** The part of an Electron event a guard uses. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's WebContents the navigation guards use. */
export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The part of Electron's Session the permission guards use. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

/** The custom scheme and host the wall is served from. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'wall';

/** True for a URL on the wall's own app:// origin. URL.origin is "null" for custom schemes, so scheme and host are compared instead. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** True for a link the system browser may open: an absolute http(s) URL that parses. */
export function isExternalLink(url: string): boolean {
  if (!isHttpUrl(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Denies every navigation, redirect, webview and new window of a wall window, and logs each attempt. */
export function guardContents(contents: GuardableContents, log: Log, name: string): void {
  const deny = (what: string) => (event: PreventableEvent, url?: string) => {
    event.preventDefault();
    log.warn(`security: denied ${what} in ${name}${url === undefined ? '' : ` to ${url.slice(0, 200)}`}`);
  };
  contents.on('will-navigate', deny('navigation'));
  contents.on('will-redirect', deny('redirect'));
  contents.on('will-attach-webview', deny('webview'));
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`security: denied new window in ${name} to ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}

/** Denies every permission request and check: the wall needs no camera, notifications or anything else. */
export function guardPermissions(session: PermissionSession, log: Log): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`security: denied permission request ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
