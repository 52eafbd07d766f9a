// The whole test command: typecheck, lint, unit tests, the web build and the
// browser tests. Every step runs; the summary says which failed and how many
// tests passed and failed in all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium, missingChromiumMessage } from './chromium.mjs';


const chromium = findChromium();
if (!chromium) {
  console.error(`test: ${missingChromiumMessage()}`);
  process.exit(1);
}

// The Prometheus source's tests run the real servers from Debian's packages.
const missingServers = ['/usr/bin/prometheus', '/usr/bin/prometheus-alertmanager'].filter((path) => !existsSync(path));
if (missingServers.length > 0) {
  console.error(`test: ${missingServers.join(' and ')} not found. The Prometheus source's tests need them: on Debian or Ubuntu run "sudo apt-get install prometheus prometheus-alertmanager".`);
  process.exit(1);
}

mkdirSync('artifacts/reports', { recursive: true });
for (const f of ['artifacts/reports/unit.json', 'artifacts/reports/e2e.json']) rmSync(f, { force: true });

const steps = [
  { name: 'typecheck', cmd: ['node', ['scripts/typecheck.mjs']] },
  { name: 'lint', cmd: ['node', ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', '.']] },
  { name: 'audit', cmd: ['node', ['scripts/audit-electron.mjs']] },
  {
    name: 'unit',
    cmd: ['node', ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=artifacts/reports/unit.json']],
  },
  { name: 'build', cmd: ['node', ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']] },
  // Under Xvfb when there is no display, so the Electron smoke test can open
  // a window wherever the Electron binary is installed.
  {
    name: 'e2e',
    cmd:
      !process.env.DISPLAY && existsSync('/usr/bin/xvfb-run')
        ? ['/usr/bin/xvfb-run', ['-a', process.execPath, 'node_modules/@playwright/test/cli.js', 'test']]
        : ['node', ['node_modules/@playwright/test/cli.js', 'test']],
  },
];

const results = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const run = spawnSync(step.cmd[0] === 'node' ? process.execPath : step.cmd[0], step.cmd[1], { stdio: 'inherit', env: { ...process.env, NOC_WALL_CHROMIUM: chromium } });
  results.push({ name: step.name, ok: run.status === 0, seconds: (Date.now() - started) / 1000 });
}

function counts(file, read) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  return read(JSON.parse(readFileSync(file, 'utf8')));
}
const unit = counts('artifacts/reports/unit.json', (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }));
const e2e = counts('artifacts/reports/e2e.json', (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped }));

console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(10)} ${r.seconds.toFixed(1)} s`);
console.log(`unit ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped; browser ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
const stepFailures = results.filter((r) => !r.ok).length;
const failed = unit.failed + e2e.failed + (stepFailures > 0 && unit.failed + e2e.failed === 0 ? stepFailures : 0);
console.log(`${unit.passed + e2e.passed} passed, ${failed} failed, ${unit.skipped + e2e.skipped} skipped`);
process.exit(stepFailures > 0 ? 1 : 0);
