import { SEVERITIES } from '../shared/protocol/entities';
import { parseDuration } from './scenario/duration';

/**
 * What a setting holds, and how it reads from a flag (always a string) or
 * from the config file (YAML/JSON values). Lists and maps are comma-separated
 * on the command line: `--group-by alertname,service`,
 * `--severities critical=sev1,warning=sev3`, `--service-jobs checkout=api|worker`.
 */
export type Kind =
  | { int: [min: number, max: number] }
  | { number: [min: number, max: number] }
  /** Milliseconds; written `90s`, `30m`, `1h`, `2d` or a number of seconds. */
  | { duration: [minMs: number, maxMs: number] }
  | 'string'
  | 'url'
  | { oneOf: readonly string[] }
  /** Non-empty list of names. */
  | 'list'
  /** Name → value; values limited to `map` unless 'any', names limited to `keys` when given. */
  | { map: readonly string[] | 'any'; keys?: readonly string[] }
  /** Name → list of names (a service and its Prometheus jobs). */
  | 'jobs';

/** The Kind of severity mappings: alert label value → sev1..sev4. */
export const SEVERITY_MAP: Kind = { map: SEVERITIES };

/** The Kind of window names: a protocol window → the name put in `{window}`, or `none` to skip it. */
export const WINDOW_MAP: Kind = { map: 'any', keys: ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] };

const isName = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const splitList = (text: string) => text.split(',').map((s) => s.trim()).filter((s) => s !== '');

/** What a setting of this kind must be, for error messages. */
export function describeKind(kind: Kind, fromFlag: boolean): string {
  if (kind === 'string') return 'a non-empty string';
  if (kind === 'url') return 'an http or https URL';
  if (kind === 'list') return fromFlag ? 'a comma-separated list of names' : 'a list of names';
  if (kind === 'jobs') return fromFlag ? 'service=job|job,… pairs' : 'a map from service to a job name or a list of job names';
  if ('int' in kind) return `an integer from ${kind.int[0]} to ${kind.int[1]}`;
  if ('number' in kind) return `a number from ${kind.number[0]} to ${kind.number[1]}`;
  if ('duration' in kind) return `a duration (90s, 30m, 1h, 2d or seconds) from ${kind.duration[0] / 1000} s to ${kind.duration[1] / 1000} s`;
  if ('oneOf' in kind) return `one of ${kind.oneOf.join(', ')}`;
  const values = kind.map === 'any' ? 'name' : kind.map.join('|');
  const keys = kind.keys ? kind.keys.join('|') : 'name';
  return fromFlag ? `${keys}=${values},… pairs` : `a map from ${kind.keys ? `${kind.keys.join(', ')}` : 'name'} to ${kind.map === 'any' ? 'a string' : `one of ${kind.map.join(', ')}`}`;
}

function pairs(text: string): [string, string][] | undefined {
  const out: [string, string][] = [];
  for (const part of splitList(text)) {
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1) return undefined;
    out.push([part.slice(0, eq).trim(), part.slice(eq + 1).trim()]);
  }
  return out.length > 0 ? out : undefined;
}

function readMap(kind: { map: readonly string[] | 'any'; keys?: readonly string[] }, raw: unknown): Record<string, string> | undefined {
  const entries = typeof raw === 'string' ? pairs(raw) : raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? Object.entries(raw) : undefined;
  if (!entries || entries.length === 0) return undefined;
  const ok = entries.every(([k, v]) => isName(k) && isName(v) && (kind.map === 'any' || kind.map.includes(v)) && (!kind.keys || kind.keys.includes(k)));
  return ok ? Object.fromEntries(entries as [string, string][]) : undefined;
}

function readJobs(raw: unknown): Record<string, string[]> | undefined {
  let entries: [string, unknown][] | undefined;
  if (typeof raw === 'string') entries = pairs(raw)?.map(([k, v]) => [k, v.split('|').map((s) => s.trim())]);
  else if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) entries = Object.entries(raw);
  if (!entries || entries.length === 0) return undefined;
  const out: Record<string, string[]> = {};
  for (const [service, jobs] of entries) {
    const list = typeof jobs === 'string' ? [jobs] : jobs;
    if (!isName(service) || !Array.isArray(list) || list.length === 0 || !list.every(isName)) return undefined;
    out[service] = list;
  }
  return out;
}

/** Reads one value of `kind`; undefined when it is not valid. Strings from flags are parsed as numbers where the kind asks. */
export function readKind(kind: Kind, raw: unknown): unknown {
  if (kind === 'string') return isName(raw) ? raw : undefined;
  if (kind === 'url') return typeof raw === 'string' && /^https?:\/\/\S+$/.test(raw) ? raw : undefined;
  if (kind === 'list') {
    const list = typeof raw === 'string' ? splitList(raw) : Array.isArray(raw) && raw.every(isName) ? raw.map((s) => s.trim()) : [];
    return list.length > 0 ? list : undefined;
  }
  if (kind === 'jobs') return readJobs(raw);
  if ('oneOf' in kind) return typeof raw === 'string' && kind.oneOf.includes(raw) ? raw : undefined;
  if ('map' in kind) return readMap(kind, raw);
  if ('duration' in kind) {
    const ms = parseDuration(typeof raw === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw);
    return ms !== null && ms >= kind.duration[0] && ms <= kind.duration[1] ? ms : undefined;
  }
  const isInt = 'int' in kind;
  const [min, max] = isInt ? kind.int : kind.number;
  if (typeof raw === 'string' && raw.trim() === '') return undefined;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  return Number.isFinite(value) && (!isInt || Number.isInteger(value)) && value >= min && value <= max ? value : undefined;
}
