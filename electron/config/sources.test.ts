import { describe, expect, it } from 'vitest';
import { envName, flagName, fromText, userArgs } from './sources';

describe('userArgs', () => {
  it('drops the executable of a packaged app', () => {
    expect(userArgs(['/opt/noc-wall/noc-wall', '--kiosk', '--dwell', '30'], true)).toEqual(['--kiosk', '--dwell', '30']);
  });

  it('drops the app path of an unpackaged run, wherever Chromium switches put it', () => {
    expect(userArgs(['electron', '.', '--quiet'], false)).toEqual(['--quiet']);
    expect(userArgs(['electron', '--inspect=0', '--remote-debugging-port=0', 'dist/electron/main.cjs', '--kiosk'], false)).toEqual(['--inspect=0', '--remote-debugging-port=0', '--kiosk']);
  });
});

describe('names and text', () => {
  it('derives flag and variable names from field names', () => {
    expect(flagName('memoryLimitMb')).toBe('--memory-limit-mb');
    expect(envName('tokenFile')).toBe('NOC_WALL_TOKEN_FILE');
  });

  it('reads numbers, booleans and lists from text and leaves anything else for the schema', () => {
    expect(fromText('dwell', ' 30 ')).toBe(30);
    expect(fromText('dwell', '30s')).toBe('30s');
    expect(fromText('quiet', 'ON')).toBe(true);
    expect(fromText('kiosk', 'no')).toBe(false);
    expect(fromText('kiosk', 'maybe')).toBe('maybe');
    expect(fromText('pages', 'health,,budgets ')).toEqual(['health', 'budgets']);
  });
});
