// A Chromium with no DevTools client, as a kiosk runs it. Playwright's
// DevTools session watches every WebSocket frame (its network domain), which
// costs seconds on a 44 MB message; a page opened this way reports its
// figures back over HTTP instead.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const { CHROMIUM_ARGS } = (await import('../chromium.mjs' as string)) as { CHROMIUM_ARGS: string[] };

/** Opens `url` in a headless Chromium of its own; the returned function closes it and removes its profile. */
export function openPlainChromium(executablePath: string, url: string): () => Promise<void> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'noc-wall-bench-'));
  // In a process group of its own: Debian's chromium is a script that starts the browser as its child.
  const browser = spawn(executablePath, [...CHROMIUM_ARGS, '--headless=new', '--window-size=1920,1080', `--user-data-dir=${profile}`, url], { stdio: 'ignore', detached: true });
  const exited = new Promise((resolve) => browser.once('exit', resolve));
  return async () => {
    try {
      process.kill(-browser.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await exited;
    // The browser's children may still be writing their profile for a moment.
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
}
