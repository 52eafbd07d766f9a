/** A loop that runs `poll` every interval, backing off while it fails. */
export interface Poller {
  start(): void;
  stop(): void;
}

/** How to run one poll loop. */
export interface PollerOptions {
  /** Names the loop in log lines: "prometheus", "alertmanager". */
  name: string;
  /** Where it reads from, for the `recovered` line. */
  url: string;
  /** What is kept while it fails, for the `failing` line: "last values". */
  keeps: string;
  intervalMs: number;
  /** Longest wait between retries while failing. */
  maxBackoffMs: number;
  poll: () => Promise<void>;
  log: (line: string) => void;
}

/**
 * Runs `poll` at once, then every `intervalMs`. The first failure is logged
 * (later ones are the same outage), the wait doubles up to `maxBackoffMs`,
 * and the first success after failures logs `recovered`.
 */
export function createPoller(options: PollerOptions): Poller {
  const { name, log } = options;
  let timer: NodeJS.Timeout | undefined;
  let isStopped = false;
  let isFailing = false;
  let delayMs = options.intervalMs;

  const schedule = (ms: number) => {
    if (isStopped) return;
    timer = setTimeout(() => {
      options.poll().then(
        () => {
          if (isFailing && !isStopped) log(`${name}: recovered (${options.url})`);
          isFailing = false;
          delayMs = options.intervalMs;
          schedule(options.intervalMs);
        },
        (error: Error) => {
          // Only the change of state is news: a server going down answers oddly, then refuses, then times out.
          if (!isFailing && !isStopped) log(`${name}: failing, keeping ${options.keeps}: ${error.message}`);
          isFailing = true;
          delayMs = Math.min(options.maxBackoffMs, delayMs * 2);
          schedule(delayMs);
        },
      );
    }, ms);
  };

  return {
    start: () => schedule(0),
    stop() {
      isStopped = true;
      clearTimeout(timer);
    },
  };
}
