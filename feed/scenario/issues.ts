import type { z } from 'zod';

/** Every problem found in a scenario file, each one line that names where it is. */
export class ScenarioError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    super(`${source}: ${problems[0] ?? 'invalid scenario'}${more}`);
    this.name = 'ScenarioError';
  }
}

/** A value as an error message shows it: short, quoted when a string. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 37)}…` : json;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * One line per zod issue: `prefix.path: what is allowed (got value)`. A
 * missing field reads "is required" rather than zod's "expected string,
 * received undefined".
 */
export function describeZodIssues(error: z.ZodError, input: unknown, prefix: string): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), prefix);
    const where = path ? `${path}: ` : '';
    if (issue.code === 'unrecognized_keys') return `${where}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    const value = valueAt(input, issue.path);
    if (value === undefined && issue.code === 'invalid_type') return `${where}is required`;
    return `${where}${issue.message} (got ${show(value)})`;
  });
}
