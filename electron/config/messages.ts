import type { z } from 'zod';

/** Where a bad value came from, and how that source names a field. */
export interface SettingSource {
  /** "config /etc/noc-wall/wall.yaml", "flag" or "environment". */
  where: string;
  /** The name the user typed for the field at `path` ("dwell", "--dwell", "NOC_WALL_DWELL", "displays[1].pages"). */
  nameOf(path: readonly PropertyKey[]): string;
  /** The source and field together: "config /x.yaml: dwell", "flag --dwell", "environment NOC_WALL_DWELL". */
  label(path: readonly PropertyKey[]): string;
  /** The keys allowed in the object at `path`, for an unknown-key message. */
  allowedKeysAt(path: readonly PropertyKey[]): readonly string[];
}

/** A dotted path with list indices in brackets: `displays[1].pages[0]`. */
export function dottedPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * One line for the first problem zod found: it names the source, the field,
 * the value and what is allowed, so an operator at a TV can fix it from the
 * message alone.
 */
export function formatIssue(source: SettingSource, issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const [key] = issue.keys;
    return `${source.label(issue.path)}: ${show(key)} is not a setting (allowed: ${source.allowedKeysAt(issue.path).join(', ')})`;
  }
  return `${source.label(issue.path)}: ${show(issue.input)} is not ${issue.message}`;
}
