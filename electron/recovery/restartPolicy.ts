/*
 * What to do when a wall window's renderer process dies. A wall runs
 * unattended for weeks, so it reloads by itself, backing off so a page that
 * crashes on load does not spin a CPU, and after too many crashes in a row
 * it shows a static error page that keeps retrying slowly. Crashes far
 * enough apart count as new trouble, not the same one.
 */

/** Tuning of the restart policy. */
export interface RestartOptions {
  /** Delay before the first reload. */
  baseDelayMs: number;
  /** The longest delay between reloads. */
  maxDelayMs: number;
  /** Reloads tried before the error page. */
  maxAttempts: number;
  /** A crash this long after the previous one starts counting from 1 again. */
  stableAfterMs: number;
  /** How often the error page retries the wall. */
  errorRetryMs: number;
}

/** Defaults: 1, 2, 4, 8, 16 s, then the error page retrying every minute; a quiet 10 minutes forgives. */
export const DEFAULT_RESTART: RestartOptions = { baseDelayMs: 1_000, maxDelayMs: 30_000, maxAttempts: 5, stableAfterMs: 600_000, errorRetryMs: 60_000 };

/** The decision for one renderer exit. */
export type RestartDecision =
  | { action: 'ignore' }
  | { action: 'reload'; delayMs: number; attempt: number }
  | { action: 'error-page'; retryInMs: number; attempt: number };

/** Backoff with a cap, for one window. */
export class RestartPolicy {
  private attempts = 0;
  private lastCrashAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: RestartOptions = DEFAULT_RESTART) {}

  /** Decides what follows a `render-process-gone` with this reason at `now` (ms). */
  onGone(reason: string, now: number): RestartDecision {
    // A clean exit is the window closing or the app quitting, not a failure.
    if (reason === 'clean-exit') return { action: 'ignore' };
    if (now - this.lastCrashAt >= this.options.stableAfterMs) this.attempts = 0;
    this.lastCrashAt = now;
    this.attempts += 1;
    if (this.attempts > this.options.maxAttempts) return { action: 'error-page', retryInMs: this.options.errorRetryMs, attempt: this.attempts };
    const delayMs = Math.min(this.options.baseDelayMs * 2 ** (this.attempts - 1), this.options.maxDelayMs);
    return { action: 'reload', delayMs, attempt: this.attempts };
  }

  /** True while the window is past its cap and shows the error page. */
  get isGivingUp(): boolean {
    return this.attempts > this.options.maxAttempts;
  }
}
