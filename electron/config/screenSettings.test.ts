import { describe, expect, it } from 'vitest';
import { loadConfig } from './loadConfig';
import type { ConfigInput } from './loadConfig';

/* The settings of the wall's screen care, legibility, rotation by importance and chime, from every source. */

const DIR = '/home/ops/.config/noc-wall';

function load(args: string[], env: Record<string, string> = {}, file?: string) {
  const path = `${DIR}/wall.yaml`;
  const input: ConfigInput = {
    args,
    env,
    configDir: DIR,
    fs: { exists: (p) => file !== undefined && p === path, readText: () => file ?? '' },
  };
  return loadConfig(input);
}

function message(result: ReturnType<typeof load>): string {
  if (result.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.message;
}

describe('screen, rotation and chime settings', () => {
  it('defaults to the safe palette, a 55-inch screen at 3 m, a 2-minute hold and no chime or night window', () => {
    const result = load([]);
    if (result.kind !== 'ok') throw new Error(JSON.stringify(result));
    expect(result.config).toMatchObject({ palette: 'safe', screenInches: 55, viewingDistanceMeters: 3, holdSeconds: 120, urgentDwellSeconds: {}, chime: false, chimeQuietHours: null, nightWindow: null });
  });

  it('reads flags, variables and the file, flags winning', () => {
    const file = 'palette: classic\nscreenInches: 43\nurgentDwell: { incidents: 90 }\nnightWindow: "23:00-06:00"\nhold: 300\n';
    const result = load(['--screen-inches', '65', '--viewing-distance=4.5', '--chime', '--chime-quiet-hours', '22:00-07:00', '--urgent-dwell', 'budgets:40,incidents:60'], { NOC_WALL_HOLD: '60' }, file);
    if (result.kind !== 'ok') throw new Error(JSON.stringify(result));
    expect(result.config).toMatchObject({
      palette: 'classic',
      screenInches: 65,
      viewingDistanceMeters: 4.5,
      holdSeconds: 60,
      urgentDwellSeconds: { budgets: 40, incidents: 60 },
      chime: true,
      chimeQuietHours: { from: '22:00', to: '07:00' },
      nightWindow: { from: '23:00', to: '06:00' },
    });
  });

  it('one number of urgent dwell applies to every page', () => {
    const result = load(['--urgent-dwell', '45']);
    if (result.kind !== 'ok') throw new Error(JSON.stringify(result));
    expect(result.config.urgentDwellSeconds).toEqual({ health: 45, budgets: 45, incidents: 45 });
  });

  it('names the setting, the value and what is allowed when a value is bad', () => {
    expect(message(load(['--palette', 'neon']))).toBe('flag --palette: "neon" is not a palette (allowed: safe, classic)');
    expect(message(load([], { NOC_WALL_SCREEN_INCHES: 'big' }))).toBe('environment NOC_WALL_SCREEN_INCHES: "big" is not a screen diagonal in inches (allowed: 10 to 300)');
    expect(message(load(['--viewing-distance', '900']))).toBe('flag --viewing-distance: 900 is not a viewing distance in metres (allowed: 0.3 to 50)');
    expect(message(load(['--hold', '5000']))).toBe('flag --hold: 5000 is not a number of seconds (allowed: 0 to 3600)');
    expect(message(load(['--chime=loud']))).toContain('flag --chime: "loud" is not true or false');
    expect(message(load([], {}, 'nightWindow: "late"\n'))).toBe(`config ${DIR}/wall.yaml: nightWindow: "late" is not a time window (allowed: HH:MM-HH:MM in local 24-hour time, such as 22:00-07:00)`);
    expect(message(load(['--chime-quiet-hours', '22:00-22:00']))).toContain('flag --chime-quiet-hours: "22:00-22:00" is not a time window');
    expect(message(load(['--urgent-dwell', 'quiet:30']))).toContain('flag --urgent-dwell: "quiet:30" is not an urgent dwell (allowed: seconds 5 to 3600');
    expect(message(load([], {}, 'urgentDwell: { incidents: 2 }\n'))).toContain('urgentDwell: {"incidents":2} is not an urgent dwell');
  });
});
