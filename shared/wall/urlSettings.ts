import type { Palette, Theme, WallPage, WallSettings } from '../bridge/wallBridge';
import { PALETTES, THEMES, WALL_PAGES } from '../bridge/wallBridge';
import { parseTimeWindow, parseUrgentDwell } from './settingText';

/*
 * The web build's settings, read from its address:
 *   ?feed=http://host:port&quiet=1&dwell=20&pages=health,budgets&theme=light
 *    &demo=1&stale=15&entityStale=5&palette=classic&screen=65&distance=4
 *    &hold=120&urgentDwell=incidents:60&chime=1&chimeQuiet=22:00-07:00
 *    &night=23:00-06:00#token=…
 * The token sits in the fragment so it never reaches a server's access log.
 */

/** Defaults of every setting the address may leave out; the optional settings of the bridge are always filled in. */
export const DEFAULT_SETTINGS: Omit<Required<WallSettings>, 'feedUrl' | 'token'> = Object.freeze({
  isQuiet: false,
  dwellSeconds: 20,
  pages: [...WALL_PAGES],
  isDemo: false,
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

/** Bounds of the numeric settings the address may set; the shell uses the same ones. */
export const SETTING_RANGES = Object.freeze({
  screenInches: { min: 10, max: 300 },
  viewingDistanceMeters: { min: 0.3, max: 50 },
  holdSeconds: { min: 0, max: 3_600 },
  urgentDwellSeconds: { min: 1, max: 3_600 },
});

/** Dwell bounds in seconds: below one second nobody can read a page; an hour is a wall that does not rotate. */
export const DWELL_RANGE = Object.freeze({ min: 1, max: 3_600 });

function params(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const body = text.replace(/^[?#]/, '');
  if (body === '') return out;
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    try {
      const key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      if (!out.has(key)) out.set(key, decodeURIComponent(rawValue.replace(/\+/g, ' ')));
    } catch {
      // A malformed escape leaves that one parameter out, not the whole address.
    }
  }
  return out;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  return value === '' || value === '1' || value.toLowerCase() === 'true' || value.toLowerCase() === 'yes';
}

function number(value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** True for an `http:` or `https:` URL with a host: the only feed addresses the wall dials. */
export function isFeedUrl(value: string): boolean {
  return /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i.test(value);
}

/** The pages named in a comma-separated list, in its order, without repeats or unknown names; all pages when none is valid. */
export function parsePages(value: string | undefined): WallPage[] {
  if (value === undefined) return [...WALL_PAGES];
  const pages: WallPage[] = [];
  for (const name of value.split(',').map((s) => s.trim().toLowerCase())) {
    if ((WALL_PAGES as readonly string[]).includes(name) && !pages.includes(name as WallPage)) pages.push(name as WallPage);
  }
  return pages.length > 0 ? pages : [...WALL_PAGES];
}

/** Settings read from an address, and the feed URL when it names a usable one. */
export interface UrlSettings extends Omit<Required<WallSettings>, 'feedUrl' | 'token'> {
  token?: string;
  /** The feed to dial, or null when the address names none (or a bad one). */
  feedUrl: string | null;
}

/**
 * Reads settings from the `search` and `hash` parts of the wall's address.
 * Bad values fall back to the defaults rather than failing: a wall across
 * the room should come up with something sensible.
 */
export function settingsFromUrl(search: string, hash: string): UrlSettings {
  const q = params(search);
  const h = params(hash);
  const feed = q.get('feed');
  const theme = q.get('theme');
  const token = h.get('token');
  const palette = q.get('palette');
  const urgent = q.get('urgentDwell');
  const chimeQuiet = q.get('chimeQuiet');
  const night = q.get('night');
  const r = SETTING_RANGES;
  const settings: UrlSettings = {
    feedUrl: feed !== undefined && isFeedUrl(feed) ? feed : null,
    isQuiet: flag(q.get('quiet'), DEFAULT_SETTINGS.isQuiet),
    dwellSeconds: number(q.get('dwell'), DEFAULT_SETTINGS.dwellSeconds, DWELL_RANGE.min, DWELL_RANGE.max),
    pages: parsePages(q.get('pages')),
    isDemo: flag(q.get('demo'), DEFAULT_SETTINGS.isDemo),
    theme: theme !== undefined && (THEMES as readonly string[]).includes(theme) ? (theme as Theme) : DEFAULT_SETTINGS.theme,
    staleAfterSeconds: number(q.get('stale'), DEFAULT_SETTINGS.staleAfterSeconds, 1, 3_600),
    entityStaleAfterMinutes: number(q.get('entityStale'), DEFAULT_SETTINGS.entityStaleAfterMinutes, 0.1, 1_440),
    palette: palette !== undefined && (PALETTES as readonly string[]).includes(palette) ? (palette as Palette) : DEFAULT_SETTINGS.palette,
    screenInches: number(q.get('screen'), DEFAULT_SETTINGS.screenInches, r.screenInches.min, r.screenInches.max),
    viewingDistanceMeters: number(q.get('distance'), DEFAULT_SETTINGS.viewingDistanceMeters, r.viewingDistanceMeters.min, r.viewingDistanceMeters.max),
    holdSeconds: number(q.get('hold'), DEFAULT_SETTINGS.holdSeconds, r.holdSeconds.min, r.holdSeconds.max),
    urgentDwellSeconds: (urgent !== undefined ? parseUrgentDwell(urgent, r.urgentDwellSeconds.min, r.urgentDwellSeconds.max) : undefined) ?? {},
    chime: flag(q.get('chime'), DEFAULT_SETTINGS.chime),
    chimeQuietHours: (chimeQuiet !== undefined ? parseTimeWindow(chimeQuiet) : undefined) ?? null,
    nightWindow: (night !== undefined ? parseTimeWindow(night) : undefined) ?? null,
  };
  if (token !== undefined && token !== '') settings.token = token;
  return settings;
}
