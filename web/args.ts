import { z } from 'zod';
import { THEMES, WALL_PAGES } from '../shared/bridge/wallBridge';

// The kiosk server builds no code at run time; jitless keeps zod from trying.
z.config({ jitless: true });

/** The web kiosk's settings: flags over NOC_WALL_* variables over defaults. */
export interface WebArgs {
  port: number;
  host: string;
  root: string;
  feedUrl?: string;
  token?: string;
  tokenFile?: string;
  isQuiet?: boolean;
  dwellSeconds?: number;
  pages?: string[];
  theme?: string;
  isHelp: boolean;
}

const FEED_ERROR = 'a feed URL (allowed: http://host:port or https://host:port, without a path, user or password)';
function isFeedUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash;
  } catch {
    return false;
  }
}

const FIELDS = {
  port: z.number({ error: 'a port (allowed: 0 to 65535; 0 picks a free one)' }).int({ error: 'a port (allowed: 0 to 65535; 0 picks a free one)' }).min(0, { error: 'a port (allowed: 0 to 65535; 0 picks a free one)' }).max(65535, { error: 'a port (allowed: 0 to 65535; 0 picks a free one)' }),
  host: z.string().regex(/^[A-Za-z0-9.:[\]-]+$/, { error: 'a host to listen on (allowed: an address such as 127.0.0.1, 0.0.0.0 or ::)' }),
  root: z.string().min(1, { error: 'a folder (allowed: the built wall, dist/renderer)' }),
  feed: z.string().refine(isFeedUrl, { error: FEED_ERROR }),
  token: z.string().min(1, { error: 'a token (allowed: 1 to 4096 characters)' }).max(4096, { error: 'a token (allowed: 1 to 4096 characters)' }),
  tokenFile: z.string().min(1, { error: 'a file path (allowed: a path to a readable file)' }),
  quiet: z.boolean({ error: 'true or false (allowed: true, false)' }),
  dwell: z.number({ error: 'a number of seconds (allowed: 5 to 600)' }).int({ error: 'a number of seconds (allowed: 5 to 600)' }).min(5, { error: 'a number of seconds (allowed: 5 to 600)' }).max(600, { error: 'a number of seconds (allowed: 5 to 600)' }),
  pages: z.array(z.enum(WALL_PAGES, { error: `a page (allowed: ${WALL_PAGES.join(', ')})` })).min(1, { error: `a list of pages (allowed: one or more of ${WALL_PAGES.join(', ')})` }),
  theme: z.enum(THEMES, { error: `a theme (allowed: ${THEMES.join(', ')})` }),
} as const;
type Field = keyof typeof FIELDS;

const kebab = (field: string) => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const flagOf = (field: string) => `--${kebab(field)}`;
const envOf = (field: string) => `NOC_WALL_${kebab(field).replace(/-/g, '_').toUpperCase()}`;
const BOOLEAN: ReadonlySet<Field> = new Set(['quiet']);
const NUMBER: ReadonlySet<Field> = new Set(['port', 'dwell']);

function fromText(field: Field, text: string): unknown {
  const t = text.trim();
  if (NUMBER.has(field)) return /^\d+$/.test(t) ? Number(t) : text;
  if (BOOLEAN.has(field)) return ({ '1': true, true: true, yes: true, on: true, '0': false, false: false, no: false, off: false } as Record<string, boolean>)[t.toLowerCase()] ?? text;
  if (field === 'pages') return t.split(',').map((p) => p.trim()).filter(Boolean);
  return t;
}

function check(label: string, field: Field, value: unknown): string | undefined {
  const parsed = FIELDS[field].safeParse(value, { reportInput: true });
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return `${label}: ${JSON.stringify(issue?.input ?? value)} is not ${issue?.message ?? 'valid'}`;
}

/** Reads the kiosk's flags and environment; a bad value gives one message naming it, its value and what is allowed. */
export function parseWebArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>>): { ok: true; args: WebArgs } | { ok: false; message: string } {
  const values = new Map<Field, unknown>();
  const fields = Object.keys(FIELDS) as Field[];
  for (const field of fields) {
    const text = env[envOf(field)];
    if (text === undefined || text === '' || field === 'root') continue;
    const value = fromText(field, text);
    const problem = check(`environment ${envOf(field)}`, field, value);
    if (problem) return { ok: false, message: problem };
    values.set(field, value);
  }
  let isHelp = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const [name = '', inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--help' || name === '-h') {
      isHelp = true;
      continue;
    }
    if (name === '--no-quiet') {
      values.set('quiet', false);
      continue;
    }
    const field = fields.find((f) => flagOf(f) === name);
    if (!field) return { ok: false, message: `flag ${JSON.stringify(arg)} is not a setting (allowed: ${fields.map(flagOf).join(', ')}, --help)` };
    let text = inline;
    if (text === undefined && BOOLEAN.has(field)) text = 'true';
    if (text === undefined) {
      text = args[i + 1];
      if (text === undefined || text.startsWith('--')) return { ok: false, message: `flag ${name}: needs a value` };
      i += 1;
    }
    const value = fromText(field, text);
    const problem = check(`flag ${name}`, field, value);
    if (problem) return { ok: false, message: problem };
    values.set(field, value);
  }
  if (values.has('token') && values.has('tokenFile')) return { ok: false, message: 'token and token file are both set (allowed: one of them)' };
  const get = <T>(field: Field) => values.get(field) as T | undefined;
  return {
    ok: true,
    args: {
      port: get<number>('port') ?? 8080,
      host: get<string>('host') ?? '127.0.0.1',
      root: get<string>('root') ?? 'dist/renderer',
      feedUrl: get<string>('feed'),
      token: get<string>('token'),
      tokenFile: get<string>('tokenFile'),
      isQuiet: get<boolean>('quiet'),
      dwellSeconds: get<number>('dwell'),
      pages: get<string[]>('pages'),
      theme: get<string>('theme'),
      isHelp,
    },
  };
}

/** The text `--help` prints. */
export const WEB_HELP = `npm run web -- [settings]

Serves the built wall (dist/renderer) for any browser, with the embedded demo feed unless --feed is given.

  --port P          port to listen on (default 8080; 0 picks a free one)    NOC_WALL_PORT
  --host H          address to listen on (default 127.0.0.1; 0.0.0.0 for other machines)  NOC_WALL_HOST
  --feed URL        the feed, http(s)://host:port                            NOC_WALL_FEED
  --token T         the feed token (goes in the URL fragment, never to this server)  NOC_WALL_TOKEN
  --token-file F    a file holding the feed token                            NOC_WALL_TOKEN_FILE
  --quiet           start in quiet mode                                      NOC_WALL_QUIET
  --dwell S         seconds per page, 5 to 600                               NOC_WALL_DWELL
  --pages LIST      pages to rotate, from health,budgets,incidents           NOC_WALL_PAGES
  --theme NAME      dark or light                                            NOC_WALL_THEME
  --root DIR        the built wall (default dist/renderer)`;
