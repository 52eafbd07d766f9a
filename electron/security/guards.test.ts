import { describe, expect, it } from 'vitest';
import { createLog } from '../log';
import { guardContents, guardPermissions, isAppUrl, isExternalLink } from './guards';
import type { GuardableContents, PermissionSession, PreventableEvent } from './guards';

type Listener = (event: PreventableEvent, url: string) => void;

class FakeContents implements GuardableContents {
  readonly listeners = new Map<string, Listener>();
  openHandler?: (details: { url: string }) => { action: 'deny' };
  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  fire(event: string, url: string): boolean {
    let prevented = false;
    const listener = this.listeners.get(event);
    if (!listener) throw new Error(`no ${event} listener`);
    listener({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function recordingLog() {
  const lines: string[] = [];
  return { lines, log: createLog((line) => lines.push(line), () => new Date(0)) };
}

describe('guardContents', () => {
  it.each(['will-navigate', 'will-redirect'])('prevents every %s, even to our own origin, and logs it', (event) => {
    const contents = new FakeContents();
    const { lines, log } = recordingLog();
    guardContents(contents, log, 'display 1');
    expect(contents.fire(event, 'https://evil.example/')).toBe(true);
    expect(contents.fire(event, 'app://wall/index.html')).toBe(true);
    expect(lines[0]).toMatch(/warn security: denied (navigation|redirect) in display 1 to https:\/\/evil\.example\/$/);
  });

  it('prevents webviews and denies every new window, http or not', () => {
    const contents = new FakeContents();
    const { lines, log } = recordingLog();
    guardContents(contents, log, 'display 2');
    expect(contents.fire('will-attach-webview', '')).toBe(true);
    expect(contents.openHandler?.({ url: 'https://status.example/incident/1' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(lines.filter((l) => l.includes('denied new window'))).toHaveLength(2);
  });
});

describe('guardPermissions', () => {
  it('denies every permission request and check', () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | undefined;
    const { log } = recordingLog();
    guardPermissions({ setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h) }, log);
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'openExternal', 'fullscreen']) request?.({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false, false]);
    expect(check?.({}, 'clipboard-read')).toBe(false);
    expect(check?.(null, 'notifications')).toBe(false);
  });
});

describe('isAppUrl and isExternalLink', () => {
  it('accepts only the wall origin on the app scheme', () => {
    expect(isAppUrl('app://wall/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('app://user@wall/index.html')).toBe(false);
    expect(isAppUrl('https://wall/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('lets only http(s) links reach the system browser', () => {
    expect(isExternalLink('https://status.example.com/incidents/42')).toBe(true);
    expect(isExternalLink('http://runbooks.internal/db')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://share/x', 'https://exa mple.com', 'ms-msdt:/id', '//evil.example']) expect(isExternalLink(url)).toBe(false);
  });
});
