/*
 * A wall left open for weeks can leak (a chart library, a long-lived socket
 * buffer). Every poll compares each window's renderer working set, from
 * app.getAppMetrics(), with a limit, and reloads a window past it: a reload
 * costs a second of blank screen, an out-of-memory kill costs more. A
 * window just reloaded is left alone for a cool-down so a page that is big
 * from the start is not reloaded in a loop.
 */

/** The part of Electron's ProcessMetric the watchdog reads. */
export interface ProcessMetricLike {
  pid: number;
  type: string;
  /** Kilobytes, as Electron reports them. */
  memory: { workingSetSize: number };
}

/** A wall window and its renderer's process id (webContents.getOSProcessId()). */
export interface WatchedWindow {
  id: number;
  pid: number | undefined;
}

/** A window to reload, and why. */
export interface MemoryVerdict {
  id: number;
  workingSetMb: number;
}

/** Picks the windows over the limit that were not reloaded within the cool-down. */
export class MemoryWatchdog {
  private readonly reloadedAt = new Map<number, number>();

  constructor(
    private readonly limitMb: number,
    private readonly coolDownMs = 300_000,
  ) {}

  check(metrics: readonly ProcessMetricLike[], windows: readonly WatchedWindow[], now: number): MemoryVerdict[] {
    const byPid = new Map(metrics.map((metric) => [metric.pid, metric]));
    const verdicts: MemoryVerdict[] = [];
    for (const window of windows) {
      const metric = window.pid === undefined ? undefined : byPid.get(window.pid);
      if (!metric) continue;
      const workingSetMb = Math.round(metric.memory.workingSetSize / 1024);
      const last = this.reloadedAt.get(window.id);
      if (workingSetMb <= this.limitMb || (last !== undefined && now - last < this.coolDownMs)) continue;
      this.reloadedAt.set(window.id, now);
      verdicts.push({ id: window.id, workingSetMb });
    }
    return verdicts;
  }

  /** Forgets a closed window. */
  forget(id: number): void {
    this.reloadedAt.delete(id);
  }
}
