import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AutostartFs } from '../autostart/autostart';
import type { ConfigFs } from '../config/loadConfig';

/** Config reads through node:fs. */
export const nodeConfigFs: ConfigFs = {
  exists: (path) => existsSync(path),
  readText: (path) => readFileSync(path, 'utf8'),
};

/** Autostart entry writes through node:fs. */
export const nodeAutostartFs: AutostartFs = {
  write: (path, text) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, { mode: 0o644 });
  },
  remove: (path) => rmSync(path, { force: true }),
  exists: (path) => existsSync(path),
};

/** Writes a small state file, creating its folder. */
export function writeTextFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A log sink that appends to a file and keeps one older file, so weeks of running stay a few megabytes. */
export function fileLogSink(path: string, maxBytes = 5 * 1024 * 1024): (line: string) => void {
  mkdirSync(dirname(path), { recursive: true });
  return (line) => {
    try {
      if (existsSync(path) && statSync(path).size > maxBytes) renameSync(path, `${path}.1`);
      appendFileSync(path, `${line}\n`);
    } catch {
      // A full disk must not take the wall down with it; stderr still has the line.
    }
  };
}
