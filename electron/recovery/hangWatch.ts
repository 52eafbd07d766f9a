import type { Timers } from './timers';

/**
 * Watches one window's `unresponsive` and `responsive` events. A renderer
 * busy for a moment (a huge snapshot) comes back by itself; one still hung
 * after the grace period is crashed on purpose, so render-process-gone's
 * reload takes over and the TV does not freeze on a stale frame.
 */
export class HangWatch {
  private timer: unknown;

  constructor(
    private readonly graceMs: number,
    private readonly timers: Timers,
    private readonly onHung: (hungForMs: number) => void,
  ) {}

  /** The window's `unresponsive` event. Repeats while already waiting change nothing. */
  unresponsive(): void {
    if (this.timer !== undefined) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.onHung(this.graceMs);
    }, this.graceMs);
  }

  /** The window's `responsive` event: it recovered by itself. */
  responsive(): void {
    if (this.timer === undefined) return;
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** True while a hang is being timed. */
  get isWaiting(): boolean {
    return this.timer !== undefined;
  }

  dispose(): void {
    this.responsive();
  }
}
