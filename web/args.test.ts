import { describe, expect, it } from 'vitest';
import { parseWebArgs } from './args';

function ok(args: string[], env: Record<string, string> = {}) {
  const result = parseWebArgs(args, env);
  if (!result.ok) throw new Error(result.message);
  return result.args;
}
function error(args: string[], env: Record<string, string> = {}) {
  const result = parseWebArgs(args, env);
  if (result.ok) throw new Error('expected an error');
  return result.message;
}

describe('parseWebArgs', () => {
  it('defaults to loopback port 8080 and the demo feed', () => {
    expect(ok([])).toMatchObject({ port: 8080, host: '127.0.0.1', root: 'dist/renderer', feedUrl: undefined, isHelp: false });
  });

  it('reads flags over environment', () => {
    const args = ok(['--port', '0', '--feed=http://10.0.0.5:4000', '--quiet', '--pages', 'budgets,incidents'], { NOC_WALL_FEED: 'http://env:1', NOC_WALL_DWELL: '30', NOC_WALL_TOKEN: 't' });
    expect(args).toMatchObject({ port: 0, feedUrl: 'http://10.0.0.5:4000', isQuiet: true, pages: ['budgets', 'incidents'], dwellSeconds: 30, token: 't' });
  });

  it.each([
    [['--port', 'http'], 'flag --port: "http" is not a port (allowed: 0 to 65535; 0 picks a free one)'],
    [['--port', '70000'], 'flag --port: 70000 is not a port (allowed: 0 to 65535; 0 picks a free one)'],
    [['--feed', 'ws://x:1'], 'flag --feed: "ws://x:1" is not a feed URL (allowed: http://host:port or https://host:port, without a path, user or password)'],
    [['--pages', 'health,nope'], 'flag --pages: "nope" is not a page (allowed: health, budgets, incidents)'],
    [['--dwell'], 'flag --dwell: needs a value'],
    [['--token', 'a', '--token-file', '/t'], 'token and token file are both set (allowed: one of them)'],
  ])('refuses %j', (args, message) => {
    expect(error(args)).toBe(message);
  });

  it('names an unknown flag and a bad variable', () => {
    expect(error(['--kiosk'])).toMatch(/^flag "--kiosk" is not a setting \(allowed: --port, --host, --root, --feed,/);
    expect(error([], { NOC_WALL_QUIET: 'loud' })).toBe('environment NOC_WALL_QUIET: "loud" is not true or false (allowed: true, false)');
  });
});
