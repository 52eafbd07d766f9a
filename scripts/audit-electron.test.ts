import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The audit's own pass over the real shell runs in the test command
// (npm run audit:electron); this checks that it can fail.
describe('audit:electron', () => {
  it('fails on HIGH and MEDIUM findings, prints each, and records them in SARIF', () => {
    const dir = mkdtempSync(join(tmpdir(), 'noc-wall-audit-fixture-'));
    writeFileSync(
      join(dir, 'main.js'),
      [
        "const { BrowserWindow, shell } = require('electron');",
        "const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });",
        'win.webContents.on("did-finish-load", (url) => shell.openExternal(url));',
      ].join('\n'),
    );
    const sarifPath = join(dir, 'out.sarif');
    const run = spawnSync(process.execPath, ['scripts/audit-electron.mjs', '--input', dir, '--sarif', sarifPath], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^FAIL HIGH \w+ CONTEXT_ISOLATION_JS_CHECK /m);
    expect(run.stdout).toMatch(/^FAIL MEDIUM \w+ SANDBOX_JS_CHECK /m);
    expect(run.stdout).toMatch(/^FAIL HIGH \w+ LIMIT_NAVIGATION_GLOBAL_CHECK /m);
    expect(run.stdout).toMatch(/^FAIL MEDIUM \w+ OPEN_EXTERNAL_JS_CHECK /m);
    expect(run.stderr).toMatch(/HIGH or MEDIUM/);
    const sarif = JSON.parse(readFileSync(sarifPath, 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; level: string }> }> };
    rmSync(dir, { recursive: true, force: true });
    expect(sarif.runs[0]?.results.filter((r) => r.level === 'error').map((r) => r.ruleId)).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']));
  });
});
