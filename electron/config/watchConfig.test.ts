import { describe, expect, it } from 'vitest';
import { loadConfig } from './loadConfig';
import type { ConfigFs, ShellConfig } from './loadConfig';
import { watchConfig } from './watchConfig';
import type { WatchDeps } from './watchConfig';

const DIR = '/config';

function fakes() {
  const files = new Map<string, string>();
  const fs: ConfigFs = {
    exists: (path) => files.has(path),
    readText: (path) => {
      const text = files.get(path);
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return text;
    },
  };
  let listener: ((event: string, filename: string | null) => void) | null = null;
  let closed = false;
  const timers: Array<{ run: () => void; at: number } | null> = [];
  let now = 0;
  const deps: WatchDeps = {
    watch: (dir, l) => {
      expect(dir).toBe(DIR);
      listener = l;
      return { close: () => (closed = true) };
    },
    setTimeout: (run, ms) => timers.push({ run, at: now + ms }) - 1,
    clearTimeout: (handle) => (timers[handle as number] = null),
  };
  const advance = (ms: number) => {
    now += ms;
    timers.forEach((t, i) => {
      if (t !== null && t.at <= now) {
        timers[i] = null;
        t.run();
      }
    });
  };
  const load = () => loadConfig({ args: [], env: {}, configDir: DIR, fs });
  return { files, deps, advance, load, fire: (name: string | null) => listener?.('change', name), isClosed: () => closed };
}

describe('watchConfig', () => {
  it('re-reads the config once per burst of events and passes on a corrected token', () => {
    const f = fakes();
    f.files.set(`${DIR}/wall.yaml`, 'feed: http://127.0.0.1:8090\ntoken: wrong\n');
    const first = f.load();
    if (first.kind !== 'ok') throw new Error('config');
    const changes: ShellConfig[] = [];
    const errors: string[] = [];
    const stop = watchConfig({ configDir: DIR, reload: f.load, onChange: (c) => changes.push(c), onError: (m) => errors.push(m), deps: f.deps }, first.config);

    f.files.set(`${DIR}/wall.yaml`, 'feed: http://127.0.0.1:8090\ntoken: right\n');
    f.fire('wall.yaml');
    f.fire('wall.yaml');
    f.advance(200);
    expect(changes).toHaveLength(0);
    f.advance(200);
    expect(changes.map((c) => c.token)).toEqual(['right']);

    // Other files in the folder, and saves that change nothing, are ignored.
    f.fire('gpu-fallback.json');
    f.fire('wall.yaml');
    f.advance(400);
    expect(changes).toHaveLength(1);

    // A broken edit keeps the walls as they are and says why.
    f.files.set(`${DIR}/wall.yaml`, 'feed: not a url\n');
    f.fire('wall.yaml');
    f.advance(400);
    expect(changes).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('feed');

    stop();
    expect(f.isClosed()).toBe(true);
  });
});
