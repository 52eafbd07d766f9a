// postinstall: fetches the Electron binary (Electron's own install step,
// which this project does not let npm run by itself), with a time limit.
// Where it cannot be fetched (an offline machine, a blocked network) it says
// so in one line and succeeds: `npm start` then runs the web kiosk instead.
// Set ELECTRON_SKIP_BINARY_DOWNLOAD=1 to skip the attempt.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TIMEOUT_MS = 120_000;
const install = 'node_modules/electron/install.js';

try {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || !existsSync(install)) process.exit(0);
  const run = spawnSync(process.execPath, [install], { stdio: ['ignore', 'ignore', 'pipe'], timeout: TIMEOUT_MS, encoding: 'utf8' });
  if (run.status !== 0 || !existsSync('node_modules/electron/path.txt')) {
    const why = run.error?.code === 'ETIMEDOUT' ? `no answer within ${TIMEOUT_MS / 1000} s` : (run.stderr ?? '').split('\n').find((line) => /Error|ENOTFOUND|EAI_AGAIN|ECONN/.test(line))?.trim().slice(0, 120) || 'download failed';
    console.log(`electron-binary: the Electron binary is not available (${why}); npm start will run the web kiosk instead.`);
  }
} catch (error) {
  console.log(`electron-binary: the Electron binary is not available (${error instanceof Error ? error.message : String(error)}); npm start will run the web kiosk instead.`);
}
process.exit(0);
