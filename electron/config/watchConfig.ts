import { watch } from 'node:fs';
import type { ConfigResult, ShellConfig } from './loadConfig';
import { CONFIG_FILE_NAMES } from './loadConfig';

/** The file system and timers the watcher uses; Node's in the app, fakes in tests. */
export interface WatchDeps {
  /** Watches a folder (fs.watch): editors often replace a file rather than write it in place. */
  watch(dir: string, listener: (event: string, filename: string | null) => void): { close(): void };
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What to watch and whom to tell. */
export interface WatchConfigOptions {
  configDir: string;
  /** Reads the settings again (flags and environment included, as at startup). */
  reload(): ConfigResult;
  /** The settings changed: push them to the walls. */
  onChange(config: ShellConfig): void;
  /** The edited file is invalid: the walls keep their settings, and the log says why. */
  onError(message: string): void;
  deps: WatchDeps;
  /** Quiet time after the last event before reading: one save fires several events. Default 300 ms. */
  debounceMs?: number;
}

/**
 * Watches the shell's config folder and re-reads the settings when a config
 * file changes, so a corrected token or feed address reaches the walls
 * without a restart. Returns a function that stops watching.
 */
export function watchConfig(options: WatchConfigOptions, initial: ShellConfig): () => void {
  const { deps } = options;
  const debounceMs = options.debounceMs ?? 300;
  let last = JSON.stringify(initial);
  let pending: unknown;

  const read = () => {
    pending = undefined;
    const result = options.reload();
    if (result.kind === 'error') return options.onError(result.message);
    if (result.kind !== 'ok') return;
    const key = JSON.stringify(result.config);
    if (key === last) return;
    last = key;
    options.onChange(result.config);
  };

  const watcher = deps.watch(options.configDir, (_event, filename) => {
    if (filename !== null && !CONFIG_FILE_NAMES.includes(filename)) return;
    if (pending !== undefined) deps.clearTimeout(pending);
    pending = deps.setTimeout(read, debounceMs);
  });

  return () => {
    if (pending !== undefined) deps.clearTimeout(pending);
    watcher.close();
  };
}

/** Node's fs.watch on a folder; a folder that cannot be watched leaves the config as it was read. */
export function nodeWatchDir(dir: string, listener: (event: string, filename: string | null) => void): { close(): void } {
  try {
    const watcher = watch(dir, { persistent: false }, (event, filename) => listener(event, filename === null ? null : String(filename)));
    watcher.on('error', () => watcher.close());
    return watcher;
  } catch {
    return { close: () => undefined };
  }
}
