import { describe, expect, it } from 'vitest';
import { loadConfig } from './loadConfig';
import type { ConfigFs, ConfigInput } from './loadConfig';

const DIR = '/home/ops/.config/noc-wall';

function memoryFs(files: Record<string, string>): ConfigFs {
  return {
    exists: (path) => path in files,
    readText: (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
  };
}

function load(args: string[], env: Record<string, string> = {}, files: Record<string, string> = {}) {
  const input: ConfigInput = { args, env, configDir: DIR, fs: memoryFs(files) };
  return loadConfig(input);
}

function ok(result: ReturnType<typeof load>) {
  if (result.kind !== 'ok') throw new Error(`expected settings, got ${JSON.stringify(result)}`);
  return result.config;
}

function error(result: ReturnType<typeof load>): string {
  if (result.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.message;
}

describe('loadConfig precedence', () => {
  it('uses the defaults with no flags, environment or file', () => {
    const config = ok(load([]));
    expect(config).toMatchObject({ feedUrl: undefined, isQuiet: false, dwellSeconds: 20, pages: ['health', 'budgets', 'incidents'], theme: 'dark', isKiosk: false, display: { kind: 'primary' } });
  });

  it('lets the file override defaults, the environment override the file and flags override both', () => {
    const files = { [`${DIR}/wall.yaml`]: 'feed: http://file:1\ndwell: 30\nquiet: true\ntheme: light\n' };
    const env = { NOC_WALL_FEED: 'http://env:2', NOC_WALL_DWELL: '40' };
    const config = ok(load(['--dwell', '50'], env, files));
    expect(config.feedUrl).toBe('http://env:2');
    expect(config.dwellSeconds).toBe(50);
    expect(config.isQuiet).toBe(true);
    expect(config.theme).toBe('light');
    expect(ok(load(['--no-quiet'], env, files)).isQuiet).toBe(false);
  });

  it('reads wall.yml or wall.json when there is no wall.yaml, and --config over all of them', () => {
    expect(ok(load([], {}, { [`${DIR}/wall.json`]: '{"dwell": 45}' })).dwellSeconds).toBe(45);
    const files = { [`${DIR}/wall.yaml`]: 'dwell: 30', '/etc/wall.json': '{"dwell": 60}' };
    expect(ok(load(['--config', '/etc/wall.json'], {}, files)).dwellSeconds).toBe(60);
    expect(ok(load([], { NOC_WALL_CONFIG: '/etc/wall.json' }, files)).dwellSeconds).toBe(60);
  });

  it('reads pages, booleans and selectors from text', () => {
    const config = ok(load(['--pages', 'budgets, incidents', '--kiosk', '--display=label:HDMI-1'], { NOC_WALL_QUIET: 'yes' }));
    expect(config.pages).toEqual(['budgets', 'incidents']);
    expect(config.isKiosk).toBe(true);
    expect(config.isQuiet).toBe(true);
    expect(config.display).toEqual({ kind: 'label', label: 'HDMI-1' });
    expect(ok(load(['--kiosk'])).display).toEqual({ kind: 'all' });
  });

  it('reads the token from a file, trimmed, and lets a higher layer token win over a lower token file', () => {
    const files = { '/run/secrets/wall': 's3cret\n', [`${DIR}/wall.yaml`]: 'tokenFile: /run/secrets/wall' };
    expect(ok(load([], {}, files)).token).toBe('s3cret');
    expect(ok(load(['--token', 'flag-token'], {}, files)).token).toBe('flag-token');
    expect(ok(load([], { NOC_WALL_TOKEN_FILE: '/run/secrets/wall' }, files)).token).toBe('s3cret');
  });

  it('keeps per-display settings from the file', () => {
    const files = { [`${DIR}/wall.yaml`]: 'displays:\n  - display: 2\n    pages: [budgets]\n    quiet: true\n  - display: "label:Lobby TV"\n    enabled: false\n' };
    const config = ok(load([], {}, files));
    expect(config.displays).toEqual([
      { display: { kind: 'index', index: 2 }, pages: ['budgets'], quiet: true },
      { display: { kind: 'label', label: 'Lobby TV' }, enabled: false },
    ]);
  });

  it('ignores Chromium switches and asks for help on --help', () => {
    expect(ok(load(['--remote-debugging-port=0', '--enable-logging', '--quiet'])).isQuiet).toBe(true);
    expect(load(['--help']).kind).toBe('help');
  });
});

describe('loadConfig messages', () => {
  const file = (text: string) => ({ [`${DIR}/wall.yaml`]: text });
  const where = `config ${DIR}/wall.yaml`;

  it.each([
    ['dwell: fast', `${where}: dwell: "fast" is not a number of seconds (allowed: 5 to 600)`],
    ['dwell: 2', `${where}: dwell: 2 is not a number of seconds (allowed: 5 to 600)`],
    ['dwel: 20', `${where}: "dwel" is not a setting (allowed: feed, token, tokenFile, quiet, dwell, pages, theme, kiosk, display, autostart, hardwareAcceleration, memoryLimitMb, staleAfter, entityStaleAfter, palette, screenInches, viewingDistance, hold, urgentDwell, chime, chimeQuietHours, nightWindow, displays)`],
    ['feed: ftp://x', `${where}: feed: "ftp://x" is not a feed URL (allowed: http://host:port or https://host:port, without a path, user or password)`],
    ['feed: http://h:1/ns', `${where}: feed: "http://h:1/ns" is not a feed URL (allowed: http://host:port or https://host:port, without a path, user or password)`],
    ['pages: [health, status]', `${where}: pages[1]: "status" is not a page (allowed: health, budgets, incidents)`],
    ['pages: []', `${where}: pages: [] is not a list of pages (allowed: one or more of health, budgets, incidents)`],
    ['pages: [health, health]', `${where}: pages: ["health","health"] is not a list of pages without repeats (allowed: health, budgets, incidents)`],
    ['theme: blue', `${where}: theme: "blue" is not a theme (allowed: dark, light)`],
    ['quiet: maybe', `${where}: quiet: "maybe" is not true or false (allowed: true, false)`],
    ['display: left', `${where}: display: "left" is not a display (allowed: all, primary, a position from 1, id:NUMBER or label:TEXT)`],
    ['memoryLimitMb: 10', `${where}: memoryLimitMb: 10 is not a number of megabytes (allowed: 256 to 16384)`],
    ['displays:\n  - display: all', `${where}: displays[0].display: "all" is not a display (allowed: primary, a position from 1, id:NUMBER or label:TEXT)`],
    ['displays:\n  - display: 1\n    quite: true', `${where}: displays[0]: "quite" is not a setting (allowed: display, enabled, pages, quiet, dwell, theme)`],
    ['displays:\n  - pages: [budgets]', `${where}: displays[0].display: nothing is not a display (allowed: all, primary, a position from 1, id:NUMBER or label:TEXT)`],
    ['- dwell', `${where}: ["dwell"] is not a mapping of settings`],
    ['dwell: [1', `${where}: not valid YAML or JSON: Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 10`],
    ['dwell: 20\ndwell: 30', `${where}: not valid YAML or JSON: Map keys must be unique at line 2, column 1`],
    ['token: a\ntokenFile: /t', `${where}: token and tokenFile are both set (allowed: one of them)`],
    ['tokenFile: /missing', `${where}: tokenFile: "/missing" is not a readable file (ENOENT; allowed: a file holding the token)`],
  ])('file %j', (text, message) => {
    expect(error(load([], {}, file(text)))).toBe(message);
  });

  it.each([
    [['--dwell', 'fast'], 'flag --dwell: "fast" is not a number of seconds (allowed: 5 to 600)'],
    [['--dwell'], 'flag --dwell: needs a value (for example --dwell 20)'],
    [['--pages', 'health,nope'], 'flag --pages: "nope" is not a page (allowed: health, budgets, incidents)'],
    [['--feed', 'localhost:4000'], 'flag --feed: "localhost:4000" is not a feed URL (allowed: http://host:port or https://host:port, without a path, user or password)'],
    [['--kiosk=sometimes'], 'flag --kiosk: "sometimes" is not true or false (allowed: true, false)'],
    [['--config', '/nowhere.yaml'], 'flag --config: "/nowhere.yaml" is not a readable file (allowed: the path of a YAML or JSON config file)'],
    [['--token', 'a', '--token-file', '/t'], 'flag --token and --token-file are both set (allowed: one of them)'],
  ])('flags %j', (args, message) => {
    expect(error(load(args))).toBe(message);
  });

  it('names an unknown flag and lists the known ones', () => {
    expect(error(load(['--fullscreen']))).toMatch(/^flag "--fullscreen" is not a setting \(allowed: --feed, --token, --token-file, --quiet, --dwell, /);
    expect(error(load(['stray']))).toMatch(/^flag "stray" is not a setting/);
  });

  it.each([
    [{ NOC_WALL_DWELL: '1000' }, 'environment NOC_WALL_DWELL: 1000 is not a number of seconds (allowed: 5 to 600)'],
    [{ NOC_WALL_QUIET: 'loud' }, 'environment NOC_WALL_QUIET: "loud" is not true or false (allowed: true, false)'],
    [{ NOC_WALL_THEME: 'neon' }, 'environment NOC_WALL_THEME: "neon" is not a theme (allowed: dark, light)'],
    [{ NOC_WALL_CONFIG: '/nowhere.yaml' }, 'environment NOC_WALL_CONFIG: "/nowhere.yaml" is not a readable file (allowed: the path of a YAML or JSON config file)'],
  ])('environment %j', (env, message) => {
    expect(error(load([], env))).toBe(message);
  });

  it('reports a flag error before a file error, since flags are read first', () => {
    expect(error(load(['--dwell', 'x'], {}, file('dwell: y')))).toMatch(/^flag --dwell/);
  });

  it('refuses an empty token file', () => {
    const files = { '/t': '  \n' };
    expect(error(load(['--token-file', '/t'], {}, files))).toBe('flag --token-file: "/t" does not hold a token (allowed: one line of 1 to 4096 characters)');
  });
});
