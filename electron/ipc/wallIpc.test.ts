import { describe, expect, it } from 'vitest';
import type { WallSettings, WallStatus } from '../../shared/bridge/wallBridge';
import { createLog } from '../log';
import { CHANNELS } from './channels';
import { isTrustedSender, registerWallIpc, sendCommand } from './wallIpc';
import type { FrameLike, IpcEventLike, IpcMainLike } from './wallIpc';

type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown;

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    this.handlers.set(channel, listener);
  }
  on(channel: string, listener: Listener): this {
    this.listeners.set(channel, listener);
    return this;
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  removeAllListeners(channel: string): this {
    this.listeners.delete(channel);
    return this;
  }
}

const mainFrame: FrameLike = { url: 'app://wall/index.html', processId: 11, routingId: 1, parent: null };
const settings: WallSettings = { feedUrl: 'http://127.0.0.1:4000', isQuiet: false, dwellSeconds: 20, pages: ['health'], isDemo: true, theme: 'dark', staleAfterSeconds: 15, entityStaleAfterMinutes: 5 };
const status: WallStatus = { connection: 'live', page: 'health', isQuiet: false, isPaused: false };

function setup() {
  const ipc = new FakeIpcMain();
  const opened: string[] = [];
  const statuses: WallStatus[] = [];
  const lines: string[] = [];
  const dispose = registerWallIpc(
    ipc,
    {
      mainFrameOf: (id) => (id === 5 ? mainFrame : undefined),
      settingsFor: (id) => (id === 5 ? settings : undefined),
      openLink: (_id, url) => opened.push(url),
      reportStatus: (_id, s) => statuses.push(s),
    },
    createLog((line) => lines.push(line)),
  );
  return { ipc, opened, statuses, lines, dispose };
}

const fromWall: IpcEventLike = { sender: { id: 5 }, senderFrame: { ...mainFrame } };
const fromSubframe: IpcEventLike = { sender: { id: 5 }, senderFrame: { url: 'app://wall/index.html', processId: 11, routingId: 7, parent: mainFrame } };
const fromElsewhere: IpcEventLike = { sender: { id: 5 }, senderFrame: { ...mainFrame, url: 'https://evil.example/' } };
const fromOtherContents: IpcEventLike = { sender: { id: 6 }, senderFrame: { ...mainFrame } };
const fromGone: IpcEventLike = { sender: { id: 5 }, senderFrame: null };

describe('isTrustedSender', () => {
  it('trusts only the main frame of a wall window on the app origin', () => {
    const lookup = (id: number) => (id === 5 ? mainFrame : undefined);
    expect(isTrustedSender(fromWall, lookup)).toBe(true);
    for (const event of [fromSubframe, fromElsewhere, fromOtherContents, fromGone]) expect(isTrustedSender(event, lookup)).toBe(false);
  });
});

describe('registerWallIpc', () => {
  it('answers getSettings for a wall window and refuses anyone else', async () => {
    const { ipc, lines } = setup();
    const handler = ipc.handlers.get(CHANNELS.getSettings);
    expect(await handler?.(fromWall)).toEqual(settings);
    expect(() => handler?.(fromElsewhere)).toThrow('refused');
    expect(() => handler?.(fromSubframe)).toThrow('refused');
    expect(lines.some((l) => l.includes('refused wall:get-settings from webContents 5: untrusted sender https://evil.example/'))).toBe(true);
  });

  it('passes a URL string on to openLink only from a trusted sender', () => {
    const { ipc, opened, lines } = setup();
    const listener = ipc.listeners.get(CHANNELS.openExternal);
    listener?.(fromWall, 'https://status.example/1');
    listener?.(fromOtherContents, 'https://status.example/2');
    listener?.(fromWall, { href: 'https://status.example/3' });
    listener?.(fromWall, 'x'.repeat(5000));
    expect(opened).toEqual(['https://status.example/1']);
    expect(lines.filter((l) => l.includes('payload is not a URL string'))).toHaveLength(2);
  });

  it('validates a status report field by field and refuses extra fields', () => {
    const { ipc, statuses } = setup();
    const listener = ipc.listeners.get(CHANNELS.reportStatus);
    listener?.(fromWall, status);
    listener?.(fromWall, { ...status, connection: 'great' });
    listener?.(fromWall, { ...status, isQuiet: 'yes' });
    listener?.(fromWall, { ...status, extra: 1 });
    listener?.(fromSubframe, status);
    expect(statuses).toEqual([status]);
  });

  it('removes its channels on dispose', () => {
    const { ipc, dispose } = setup();
    dispose();
    expect(ipc.handlers.size + ipc.listeners.size).toBe(0);
  });
});

describe('sendCommand', () => {
  it('sends known commands on the command channel', () => {
    const sent: unknown[][] = [];
    sendCommand({ send: (...args) => sent.push(args) }, 'toggle-quiet');
    sendCommand({ send: (...args) => sent.push(args) }, 'format-disk' as never);
    expect(sent).toEqual([[CHANNELS.command, 'toggle-quiet']]);
  });
});
