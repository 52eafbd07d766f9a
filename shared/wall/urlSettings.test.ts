import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isFeedUrl, parsePages, settingsFromUrl } from './urlSettings';

describe('settingsFromUrl', () => {
  it('reads every parameter and the token from the fragment', () => {
    const s = settingsFromUrl('?feed=http%3A%2F%2F127.0.0.1%3A4000&quiet=1&dwell=7&pages=incidents,health&theme=light&demo=1&stale=30&entityStale=2', '#token=s3cr%20t');
    expect(s).toEqual({
      feedUrl: 'http://127.0.0.1:4000',
      isQuiet: true,
      dwellSeconds: 7,
      pages: ['incidents', 'health'],
      isDemo: true,
      theme: 'light',
      staleAfterSeconds: 30,
      entityStaleAfterMinutes: 2,
      token: 's3cr t',
      palette: 'safe',
      screenInches: 55,
      viewingDistanceMeters: 3,
      holdSeconds: 120,
      urgentDwellSeconds: {},
      chime: false,
      chimeQuietHours: null,
      nightWindow: null,
    });
  });

  it('falls back to the defaults for missing or bad values', () => {
    const s = settingsFromUrl('?feed=ftp://x&dwell=abc&theme=neon&quiet=0&bad=%E0%A4%A', '');
    expect(s).toEqual({ ...DEFAULT_SETTINGS, feedUrl: null, pages: ['health', 'budgets', 'incidents'] });
    expect(s.token).toBeUndefined();
  });

  it('reads the screen, rotation and chime settings', () => {
    const s = settingsFromUrl('?palette=classic&screen=65&distance=4.5&hold=30&urgentDwell=incidents:60&chime=1&chimeQuiet=22:00-07:00&night=23:30-06:00', '');
    expect(s).toMatchObject({
      palette: 'classic',
      screenInches: 65,
      viewingDistanceMeters: 4.5,
      holdSeconds: 30,
      urgentDwellSeconds: { incidents: 60 },
      chime: true,
      chimeQuietHours: { from: '22:00', to: '07:00' },
      nightWindow: { from: '23:30', to: '06:00' },
    });
  });

  it('falls back to the defaults of the new settings for bad values', () => {
    const s = settingsFromUrl('?palette=neon&screen=x&hold=-5&urgentDwell=quiet:9&chimeQuiet=late&night=22:00', '');
    expect(s).toMatchObject({ palette: 'safe', screenInches: 55, holdSeconds: 0, urgentDwellSeconds: {}, chimeQuietHours: null, nightWindow: null });
    expect(DEFAULT_SETTINGS).toMatchObject({ palette: 'safe', screenInches: 55, viewingDistanceMeters: 3, holdSeconds: 120, chime: false });
  });

  it('clamps the dwell into its range', () => {
    expect(settingsFromUrl('?dwell=0.1', '').dwellSeconds).toBe(1);
    expect(settingsFromUrl('?dwell=99999', '').dwellSeconds).toBe(3_600);
  });
});

describe('parsePages and isFeedUrl', () => {
  it('keeps known pages once, in the given order', () => {
    expect(parsePages('budgets,nope,budgets,health')).toEqual(['budgets', 'health']);
    expect(parsePages('nope')).toEqual(['health', 'budgets', 'incidents']);
  });

  it('accepts only http and https feeds with a host', () => {
    expect(isFeedUrl('https://feed.example:443')).toBe(true);
    expect(isFeedUrl('http://')).toBe(false);
    expect(isFeedUrl('javascript:alert(1)')).toBe(false);
  });
});
