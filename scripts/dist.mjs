// `npm run dist`: builds the wall and packages it with electron-builder
// (build/electron-builder.yml): AppImage and deb on Linux, NSIS on Windows,
// dmg on macOS; each on its own OS, or as `npm run dist -- --linux` etc.
// Packaging downloads Electron and its packaging tools once; where there is
// no network for that, it stops with one clear line instead of a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const electronVersion = (await import('../node_modules/electron/package.json', { with: { type: 'json' } })).default.version;
const platformFlag = { linux: '--linux', win32: '--win', darwin: '--mac' }[process.platform];
const args = process.argv.slice(2);
const targets = args.some((a) => ['--linux', '--win', '--mac'].includes(a)) ? [] : [platformFlag];

function step(label, command, commandArgs) {
  const result = spawnSync(process.execPath, [command, ...commandArgs], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`dist: ${label} failed`);
    process.exit(1);
  }
}

function hasCachedElectron() {
  const cache = process.env.electron_config_cache ?? process.env.ELECTRON_CACHE ?? join(homedir(), process.platform === 'darwin' ? 'Library/Caches/electron' : process.platform === 'win32' ? 'AppData/Local/electron/Cache' : '.cache/electron');
  const want = `electron-v${electronVersion}-`;
  const walk = (dir, depth) => existsSync(dir) && readdirSync(dir, { withFileTypes: true }).some((e) => (e.isFile() && e.name.startsWith(want)) || (e.isDirectory() && depth > 0 && walk(join(dir, e.name), depth - 1)));
  return walk(cache, 2);
}

async function canReach(url) {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5_000), redirect: 'manual' });
    return true;
  } catch {
    return false;
  }
}

const mirror = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
if (!hasCachedElectron() && !(await canReach(mirror))) {
  console.error(`dist: cannot download Electron ${electronVersion} for packaging (${new URL(mirror).host} is unreachable); connect this machine, set ELECTRON_MIRROR, or put the Electron zip in the electron cache, then run npm run dist again.`);
  process.exit(1);
}

step('building the wall', 'node_modules/vite/bin/vite.js', ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
step('building the shell', 'scripts/build-electron.mjs', []);

const builder = spawnSync(process.execPath, ['node_modules/electron-builder/cli.js', '--config', 'build/electron-builder.yml', '--publish', 'never', ...targets, ...args], { stdio: ['inherit', 'inherit', 'pipe'], encoding: 'utf8' });
process.stderr.write(builder.stderr ?? '');
if (builder.status !== 0) {
  const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed|getaddrinfo/.test(builder.stderr ?? '');
  console.error(offline ? 'dist: electron-builder could not download what it needs (no network); connect this machine and run npm run dist again.' : 'dist: electron-builder failed; see its output above.');
  process.exit(1);
}
console.log('dist: packages are in release/');
