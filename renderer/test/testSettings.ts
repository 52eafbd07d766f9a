import type { WallSettings } from '../../shared/bridge/wallBridge';

/** Settings for store and ingest tests: a 20 s dwell and the protocol's default freshness limits. */
export function testSettings(patch: Partial<WallSettings> = {}): WallSettings {
  return {
    feedUrl: 'http://127.0.0.1:1',
    isQuiet: false,
    dwellSeconds: 20,
    pages: ['health', 'budgets', 'incidents'],
    isDemo: false,
    theme: 'dark',
    staleAfterSeconds: 15,
    entityStaleAfterMinutes: 5,
    ...patch,
  };
}
