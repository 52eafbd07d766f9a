// `npm start`: builds what is out of date, then launches the Electron wall.
// Where the Electron binary is not installed (an offline install), it says
// so in one line and runs the web kiosk with the demo feed instead, so the
// quick-start command always shows the wall.
//   npm start -- [settings]   (the shell's flags; see docs/shell.md)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);

function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && !entry.startsWith('.')) visit(join(path, entry));
    } else if (!/\.test\.tsx?$/.test(path)) latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

function isStale(output, sources) {
  return !existsSync(output) || statSync(output).mtimeMs < newest(sources);
}

function run(label, command, commandArgs) {
  console.log(`start: building ${label}`);
  const result = spawnSync(process.execPath, [command, ...commandArgs], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`start: building ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

if (isStale('dist/renderer/index.html', ['renderer', 'shared', 'package.json'])) {
  run('the wall (renderer)', 'node_modules/vite/bin/vite.js', ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
}

function electronBinary() {
  const pathFile = 'node_modules/electron/path.txt';
  if (!existsSync(pathFile)) return undefined;
  const binary = join('node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const binary = electronBinary();
if (binary) {
  if (isStale('dist/electron/main.cjs', ['electron', 'shared', 'feed', 'web'])) run('the shell (electron)', 'scripts/build-electron.mjs', []);
  forward(spawn(binary, ['.', ...args], { stdio: 'inherit' }));
} else {
  console.log('Electron binary not installed (offline install): running the web kiosk instead');
  // The kiosk takes the feed and wall settings; flags that only mean something to the desktop shell are left out.
  const desktopOnly = /^--(no-)?(kiosk|display|autostart|hardware-acceleration|memory-limit-mb|stale-after|entity-stale-after|config)(=|$)/;
  const kioskArgs = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (!desktopOnly.test(arg)) {
      kioskArgs.push(arg);
      continue;
    }
    const takesValue = !arg.includes('=') && /^--(display|memory-limit-mb|stale-after|entity-stale-after|config)$/.test(arg);
    if (takesValue) i += 1;
  }
  forward(spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'web/cli.ts', ...kioskArgs], { stdio: 'inherit' }));
}
