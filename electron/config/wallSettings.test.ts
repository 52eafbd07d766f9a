import { describe, expect, it } from 'vitest';
import { testShellConfig } from './testConfig';
import { wallSettingsFor } from './wallSettings';

const config = testShellConfig();

describe('wallSettingsFor', () => {
  it('gives a display without its own settings the shell settings and the feed', () => {
    expect(wallSettingsFor(config, {}, { url: 'http://127.0.0.1:4100', isDemo: true })).toEqual({
      feedUrl: 'http://127.0.0.1:4100',
      isQuiet: false,
      dwellSeconds: 20,
      pages: ['health', 'budgets', 'incidents'],
      isDemo: true,
      theme: 'dark',
      staleAfterSeconds: 15,
      entityStaleAfterMinutes: 5,
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

  it('lays a display override over the shell settings and passes the token', () => {
    const override = { display: { kind: 'index' as const, index: 2 }, quiet: true, pages: ['budgets' as const], dwell: 60, theme: 'light' as const };
    const settings = wallSettingsFor(config, { override }, { url: 'https://feed.example:443', token: 't', isDemo: false });
    expect(settings).toMatchObject({ isQuiet: true, pages: ['budgets'], dwellSeconds: 60, theme: 'light', token: 't', isDemo: false });
  });
});
