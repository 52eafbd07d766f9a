// Typechecks each runtime with its own tsconfig, so a layer that reaches for
// another runtime's globals fails here.
import { spawnSync } from 'node:child_process';

const projects = ['shared/tsconfig.json', 'renderer/tsconfig.json', 'electron/tsconfig.json', 'feed/tsconfig.json', 'web/tsconfig.json', 'tsconfig.test.json'];
let failed = 0;
for (const project of projects) {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`typecheck: ${project} failed`);
  }
}
if (failed > 0) process.exit(1);
console.log(`typecheck: ${projects.length} projects clean`);
