// Bundles the Electron main process and preload with esbuild:
//   electron/main.ts    → dist/electron/main.cjs    (Node, CommonJS, everything but 'electron' inlined,
//                                                    so the package needs no node_modules)
//   electron/preload.ts → dist/electron/preload.cjs (CommonJS for the sandboxed preload, which can
//                                                    require only 'electron')
// and copies the tray icon beside them.
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = 'dist/electron';
mkdirSync(outdir, { recursive: true });

const common = {
  bundle: true,
  format: 'cjs',
  // Electron 45 runs Node 22 and Chromium 140.
  target: 'node22',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  external: ['electron'],
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: `${outdir}/main.cjs`,
    platform: 'node',
    // ws loads these native speedups when present; the wall does without them.
    external: ['electron', 'bufferutil', 'utf-8-validate'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: `${outdir}/preload.cjs`,
    platform: 'browser',
  }),
]);
copyFileSync('build/tray.png', `${outdir}/tray.png`);
copyFileSync('build/tray@2x.png', `${outdir}/tray@2x.png`);
console.log(`build:electron: ${outdir}/main.cjs, ${outdir}/preload.cjs`);
