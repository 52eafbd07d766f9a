import { z } from 'zod';
import { PALETTES, THEMES, WALL_PAGES } from '../../shared/bridge/wallBridge';
import { parseTimeWindow, parseUrgentDwell } from '../../shared/wall/settingText';

// The main process builds no code at run time, but zod compiles object
// parsers with `new Function` unless told not to; jitless keeps the shell's
// behaviour identical to the renderer's.
z.config({ jitless: true });

/*
 * Every setting of the shell, its schema and its error wording. Each message
 * reads after "<value> is not …", so one line names the field, the value and
 * what is allowed: `dwell: "fast" is not a number of seconds (allowed: 5 to 600)`.
 */

function integer(noun: string, min: number, max: number) {
  const error = `${noun} (allowed: ${min} to ${max})`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

function flag(noun: string) {
  return z.boolean({ error: `${noun} (allowed: true, false)` });
}

const FEED_URL_ERROR = 'a feed URL (allowed: http://host:port or https://host:port, without a path, user or password)';

/** True for an http(s) URL with a host and nothing beyond host and port: a path would be read as a socket.io namespace. */
export function isFeedUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const isHttp = url.protocol === 'http:' || url.protocol === 'https:';
  return isHttp && url.hostname !== '' && url.username === '' && url.password === '' && (url.pathname === '/' || url.pathname === '') && url.search === '' && url.hash === '';
}

const feedUrl = z.string({ error: FEED_URL_ERROR }).refine(isFeedUrl, { error: FEED_URL_ERROR });
const token = z.string({ error: 'a token (allowed: 1 to 4096 characters)' }).min(1, { error: 'a token (allowed: 1 to 4096 characters)' }).max(4096, { error: 'a token (allowed: 1 to 4096 characters)' });
const filePath = z.string({ error: 'a file path (allowed: a path to a readable file)' }).min(1, { error: 'a file path (allowed: a path to a readable file)' });

const PAGE_ERROR = `a page (allowed: ${WALL_PAGES.join(', ')})`;
const pages = z
  .array(z.enum(WALL_PAGES, { error: PAGE_ERROR }), { error: `a list of pages (allowed: ${WALL_PAGES.join(', ')})` })
  .min(1, { error: `a list of pages (allowed: one or more of ${WALL_PAGES.join(', ')})` })
  .refine((list) => new Set(list).size === list.length, { error: `a list of pages without repeats (allowed: ${WALL_PAGES.join(', ')})` });

const theme = z.enum(THEMES, { error: `a theme (allowed: ${THEMES.join(', ')})` });
const palette = z.enum(PALETTES, { error: `a palette (allowed: ${PALETTES.join(', ')})` });

function decimal(noun: string, min: number, max: number) {
  const error = `${noun} (allowed: ${min} to ${max})`;
  return z.number({ error }).min(min, { error }).max(max, { error });
}

const WINDOW_ERROR = 'a time window (allowed: HH:MM-HH:MM in local 24-hour time, such as 22:00-07:00)';
const timeWindow = z.string({ error: WINDOW_ERROR }).transform((value, ctx) => {
  const window = parseTimeWindow(value);
  if (!window) {
    ctx.addIssue({ code: 'custom', message: WINDOW_ERROR, input: value });
    return z.NEVER;
  }
  return window;
});

const URGENT_ERROR = `an urgent dwell (allowed: seconds 5 to 3600, or page:seconds pairs of ${WALL_PAGES.join(', ')} such as incidents:60,budgets:40)`;
const urgentDwell = z.union([z.number(), z.string(), z.record(z.string(), z.unknown())], { error: URGENT_ERROR }).transform((value, ctx) => {
  const text = typeof value === 'object' ? Object.entries(value).map(([page, seconds]) => `${page}:${String(seconds)}`).join(',') : String(value);
  const parsed = Number.isInteger(Number(text)) || text.includes(':') ? parseUrgentDwell(text, 5, 3_600) : undefined;
  if (!parsed || Object.values(parsed).some((n) => !Number.isInteger(n))) {
    ctx.addIssue({ code: 'custom', message: URGENT_ERROR, input: value });
    return z.NEVER;
  }
  return parsed;
});

/**
 * Which display a setting means: `all`, `primary`, a 1-based position in the
 * system's display list (`2`), `id:NUMBER` (Electron's display id) or
 * `label:TEXT` (the name the system gives the screen).
 */
export type DisplaySelector = { kind: 'all' } | { kind: 'primary' } | { kind: 'index'; index: number } | { kind: 'id'; id: number } | { kind: 'label'; label: string };

const SELECTOR_ERROR = 'a display (allowed: all, primary, a position from 1, id:NUMBER or label:TEXT)';

/** Reads a display selector from its text or number form; undefined when it is neither. */
export function parseDisplaySelector(value: unknown): DisplaySelector | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 64 ? { kind: 'index', index: value } : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === 'all' || text === 'primary') return { kind: text };
  if (/^[1-9]\d?$/.test(text)) return parseDisplaySelector(Number(text));
  const id = /^id:(\d{1,15})$/.exec(text);
  if (id?.[1]) return { kind: 'id', id: Number(id[1]) };
  const label = /^label:(.+)$/s.exec(text);
  if (label?.[1] && label[1].trim() !== '') return { kind: 'label', label: label[1].trim() };
  return undefined;
}

const display = z.union([z.string(), z.number()], { error: SELECTOR_ERROR }).transform((value, ctx) => {
  const selector = parseDisplaySelector(value);
  if (!selector) {
    ctx.addIssue({ code: 'custom', message: SELECTOR_ERROR, input: value });
    return z.NEVER;
  }
  return selector;
});

/** The schemas of the settings that flags, environment and file share. */
export const SCALAR_FIELDS = {
  feed: feedUrl,
  token,
  tokenFile: filePath,
  quiet: flag('true or false'),
  dwell: integer('a number of seconds', 5, 600),
  pages,
  theme,
  kiosk: flag('true or false'),
  display,
  autostart: flag('true or false'),
  hardwareAcceleration: flag('true or false'),
  memoryLimitMb: integer('a number of megabytes', 256, 16384),
  staleAfter: integer('a number of seconds', 5, 600),
  entityStaleAfter: integer('a number of minutes', 1, 1440),
  palette,
  screenInches: decimal('a screen diagonal in inches', 10, 300),
  viewingDistance: decimal('a viewing distance in metres', 0.3, 50),
  hold: integer('a number of seconds', 0, 3600),
  urgentDwell,
  chime: flag('true or false'),
  chimeQuietHours: timeWindow,
  nightWindow: timeWindow,
} as const;

/** The name of a setting shared by flags, environment and file. */
export type ScalarField = keyof typeof SCALAR_FIELDS;

const displayOverride = z.strictObject(
  {
    display: z.union([z.string(), z.number()], { error: SELECTOR_ERROR }).transform((value, ctx) => {
      const selector = parseDisplaySelector(value);
      if (!selector || selector.kind === 'all') {
        ctx.addIssue({ code: 'custom', message: 'a display (allowed: primary, a position from 1, id:NUMBER or label:TEXT)', input: value });
        return z.NEVER;
      }
      return selector;
    }),
    enabled: flag('true or false').optional(),
    pages: pages.optional(),
    quiet: flag('true or false').optional(),
    dwell: integer('a number of seconds', 5, 600).optional(),
    theme: theme.optional(),
  },
  { error: 'a display setting (allowed keys: display, enabled, pages, quiet, dwell, theme)' },
);

/** Settings for one display, matched by its selector. */
export type DisplayOverride = z.output<typeof displayOverride>;

/** The schema of a config file: every scalar setting plus per-display settings. */
export const fileSchema = z
  .strictObject(SCALAR_FIELDS, { error: 'a mapping of settings' })
  .partial()
  .extend({
    displays: z.array(displayOverride, { error: 'a list of display settings (allowed: a list of { display, enabled, pages, quiet, dwell, theme })' }).max(64, { error: 'a list of at most 64 display settings' }).optional(),
  });

/** One layer of settings (flags, environment or file) after validation. */
export type SettingsLayer = z.output<typeof fileSchema>;
