import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../feed/scenario/parse';
import { createScenarioSource } from '../../feed/scenario/scenarioSource';
import { startFeedServer } from '../../feed/server';
import type { FeedServer } from '../../feed/server';
import type { WallBridge, WallCommand, WallSettings, WallStatus } from '../../shared/bridge/wallBridge';
import { createWallStore } from '../store/store';
import { testSettings } from '../test/testSettings';
import { startWall } from './startWall';

/*
 * The data path end to end in Node: socket.io-client against the reference
 * feed over loopback, into the store, driven by a stand-in for the shell.
 */

const servers: FeedServer[] = [];
const stops: Array<() => void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function feed(serviceIds: string[], token?: string, log?: (line: string) => void): Promise<FeedServer> {
  const scenario = parseScenario({ services: serviceIds.map((id) => ({ id })), steps: [{ at: '0s', all: 'healthy' }] });
  const server = await startFeedServer({
    source: createScenarioSource(scenario),
    port: 0,
    ...(token === undefined ? {} : { token }),
    ...(log === undefined ? {} : { log }),
  });
  servers.push(server);
  return server;
}

function fakeBridge(settings: WallSettings) {
  const commands: Array<(c: WallCommand) => void> = [];
  const changes: Array<(s: WallSettings) => void> = [];
  const reports: WallStatus[] = [];
  const bridge: WallBridge = {
    getSettings: async () => settings,
    onCommand: (listener) => (commands.push(listener), () => commands.splice(commands.indexOf(listener), 1)),
    onSettingsChanged: (listener) => (changes.push(listener), () => changes.splice(changes.indexOf(listener), 1)),
    openExternal: () => undefined,
    reportStatus: (status) => reports.push(status),
  };
  return { bridge, reports, send: (c: WallCommand) => commands.forEach((l) => l(c)), change: (s: WallSettings) => changes.forEach((l) => l(s)), listeners: () => commands.length + changes.length };
}

// Node has no animation frames: flush on the next turn of the event loop.
const schedule = (flush: () => void): void => void setTimeout(flush, 0);

describe('startWall', () => {
  it('goes live with the feed state, follows shell commands and reports its status', async () => {
    const server = await feed(['a', 'b']);
    const settings = testSettings({ feedUrl: server.url });
    const store = createWallStore(settings, Date.now());
    const shell = fakeBridge(settings);
    stops.push(startWall(store, shell.bridge, { schedule }));

    await vi.waitFor(() => expect(store.getState().connection).toBe('live'));
    expect([...store.getState().entities.services.keys()].sort()).toEqual(['a', 'b']);
    shell.send('toggle-quiet');
    expect(store.getState().rotation.isQuiet).toBe(true);
    expect(shell.reports.at(-1)).toMatchObject({ connection: 'live', page: 'quiet', isQuiet: true });
    shell.send('toggle-pause');
    expect(shell.reports.at(-1)?.isPaused).toBe(true);
  });

  it('connects to the new feed when the shell changes the feed address', async () => {
    const first = await feed(['a']);
    const second = await feed(['x', 'y', 'z']);
    const settings = testSettings({ feedUrl: first.url });
    const store = createWallStore(settings, Date.now());
    const shell = fakeBridge(settings);
    stops.push(startWall(store, shell.bridge, { schedule }));
    await vi.waitFor(() => expect(store.getState().entities.services.has('a')).toBe(true));

    shell.change({ ...settings, feedUrl: second.url });
    await vi.waitFor(() => expect([...store.getState().entities.services.keys()].sort()).toEqual(['x', 'y', 'z']));
    await vi.waitFor(() => expect(first.clientCount).toBe(0));
    expect(second.clientCount).toBe(1);
  });

  it('shows a refused token as refused and does not try again', async () => {
    const lines: string[] = [];
    const server = await feed(['a'], 'right', (line) => lines.push(line));
    const store = createWallStore(testSettings({ feedUrl: server.url, token: 'wrong' }), Date.now());
    stops.push(startWall(store, null, { schedule }));
    await vi.waitFor(() => expect(store.getState().connection).toBe('refused'));
    await new Promise((done) => setTimeout(done, 2_500));
    expect(store.getState().socket).toBe('refused');
    expect(lines.filter((line) => line.startsWith('refused'))).toHaveLength(1);
    expect(server.clientCount).toBe(0);
  });

  it('stops everything: socket, clock and shell listeners', async () => {
    const server = await feed(['a']);
    const settings = testSettings({ feedUrl: server.url });
    const store = createWallStore(settings, Date.now());
    const shell = fakeBridge(settings);
    const stop = startWall(store, shell.bridge, { schedule });
    await vi.waitFor(() => expect(server.clientCount).toBe(1));
    stop();
    await vi.waitFor(() => expect(server.clientCount).toBe(0));
    expect(shell.listeners()).toBe(0);
  });
});
