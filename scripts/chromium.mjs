// Finds the Chromium the browser tests drive. Playwright's own browser
// downloads are never used: the tests run Debian's Chromium, or the one
// named by NOC_WALL_CHROMIUM.
import { accessSync, constants } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Chromium flags for a closed network and a container without a sandbox. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium executable to use, or null. */
export function findChromium(env = process.env) {
  const named = env.NOC_WALL_CHROMIUM;
  if (named) return isExecutable(named) ? named : null;
  return CANDIDATES.find(isExecutable) ?? null;
}

/** The message printed when no Chromium is found. */
export function missingChromiumMessage(env = process.env) {
  const named = env.NOC_WALL_CHROMIUM;
  const head = named ? `NOC_WALL_CHROMIUM=${named} is not an executable file.` : `No Chromium found (looked for ${CANDIDATES.join(', ')}).`;
  return `${head} The browser tests need one: on Debian or Ubuntu run "sudo apt-get install chromium", or set NOC_WALL_CHROMIUM to the path of a Chromium or Chrome executable.`;
}
