import type { ShellConfig } from './loadConfig';

/** A resolved shell config with every setting at its default and kiosk on, for tests; `overrides` replaces fields. */
export function testShellConfig(overrides: Partial<ShellConfig> = {}): ShellConfig {
  return {
    isQuiet: false,
    dwellSeconds: 20,
    pages: ['health', 'budgets', 'incidents'],
    theme: 'dark',
    isKiosk: true,
    display: { kind: 'all' },
    displays: [],
    isAutostart: false,
    hasHardwareAcceleration: true,
    memoryLimitMb: 1024,
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
    ...overrides,
  };
}
