/** The shell's log: one line per event, with a level, so weeks of unattended running can be read back. */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A log that writes timestamped lines through `write` (stderr, a file, or a test's array). */
export function createLog(write: (line: string) => void, now: () => Date = () => new Date()): Log {
  const line = (level: string) => (message: string) => write(`${now().toISOString()} ${level} ${message}`);
  return { info: line('info'), warn: line('warn'), error: line('error') };
}
