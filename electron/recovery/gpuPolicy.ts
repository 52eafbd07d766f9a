/*
 * What to do when the GPU process dies. Chromium restarts it and the
 * windows go on, but a wall's canvas charts may be left blank, so every
 * window reloads. A driver that keeps killing the GPU process wins: after
 * `maxCrashes` within `windowMs` the app restarts without hardware
 * acceleration and remembers that, so it does not fall into the same loop
 * on the next boot.
 */

/** Tuning of the GPU policy. */
export interface GpuOptions {
  maxCrashes: number;
  windowMs: number;
}

/** Defaults: three GPU deaths within ten minutes turn acceleration off. */
export const DEFAULT_GPU: GpuOptions = { maxCrashes: 3, windowMs: 600_000 };

/** The decision for one GPU process exit. */
export type GpuDecision = { action: 'ignore' } | { action: 'reload-windows'; crashes: number } | { action: 'disable-acceleration'; crashes: number };

/** Counts GPU deaths in a sliding window. */
export class GpuPolicy {
  private crashes: number[] = [];

  constructor(private readonly options: GpuOptions = DEFAULT_GPU) {}

  /** Decides what follows a `child-process-gone` of type GPU with this reason at `now` (ms). */
  onGpuGone(reason: string, now: number): GpuDecision {
    if (reason === 'clean-exit') return { action: 'ignore' };
    this.crashes = [...this.crashes.filter((at) => now - at < this.options.windowMs), now];
    const crashes = this.crashes.length;
    return crashes >= this.options.maxCrashes ? { action: 'disable-acceleration', crashes } : { action: 'reload-windows', crashes };
  }
}

/** The remembered fallback, stored as JSON in the app's data folder. */
export interface GpuFallback {
  /** The Electron version that crashed; a new version (new GPU code) tries acceleration again. */
  electronVersion: string;
  since: string;
  reason: string;
}

/** Reads the remembered fallback; anything unreadable or for another Electron version means none. */
export function parseGpuFallback(text: string | undefined, electronVersion: string): GpuFallback | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    if (record.electronVersion !== electronVersion || typeof record.since !== 'string' || typeof record.reason !== 'string') return undefined;
    return { electronVersion, since: record.since, reason: record.reason };
  } catch {
    return undefined;
  }
}
