import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SnapshotMessage } from '../shared/protocol/messages';
import { validateSnapshot } from '../shared/protocol/validate';
import { connectRecorder } from './testClient';

const ROOT = join(import.meta.dirname, '..');

/** Runs the CLI the way `npm run feed` does (tsx), in one process so signals reach it directly. */
function runCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'feed/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /feed: serving (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`exited ${code} before serving: ${stderr}`)));
  });
  // A run expected to fail never serves: its url is never awaited.
  url.catch(() => undefined);
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

describe('feed CLI', () => {
  it('serves a feed a plain socket.io client can read, and closes cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feed-cli-'));
    writeFileSync(join(dir, 'token'), 'cli-token\n');
    const cli = runCli(['--port', '0', '--token-file', join(dir, 'token'), '--seed', '4', '--services', '12']);
    const url = await cli.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(connectRecorder(url, 'nope')).rejects.toThrow('unauthorized');
    const client = await connectRecorder(url, 'cli-token');
    const snapshot = (await client.next('feed:snapshot')).payload as SnapshotMessage;
    const checked = validateSnapshot(snapshot);
    expect(checked.ok && checked.dropped).toEqual([]);
    expect(snapshot.services).toHaveLength(12);
    client.close();
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    const { stdout } = cli.output();
    expect(stdout).toContain('token required');
    expect(stdout).toMatch(/refused .*wrong token/);
    expect(stdout).toMatch(/SIGTERM: closing/);
    expect(stdout).not.toContain('cli-token');
  });

  it('exits non-zero with one line naming a bad flag, or a bad scenario step', async () => {
    const bad = runCli(['--port', 'eighty']);
    expect(await bad.exited).toBe(2);
    expect(bad.output().stderr.trim()).toBe('feed: --port "eighty" is not valid: expected an integer from 0 to 65535 (see --help)');

    const dir = mkdtempSync(join(tmpdir(), 'feed-cli-'));
    writeFileSync(join(dir, 'bad.yaml'), 'services: [{ id: a }]\nsteps:\n  - at: 5s\n    service: { id: a, status: melting }\n');
    const scenario = runCli(['--scenario', join(dir, 'bad.yaml')]);
    expect(await scenario.exited).toBe(2);
    expect(scenario.output().stderr.trim()).toBe(
      'feed: --scenario bad.yaml: step 1 (at 5s): service.status: must be one of ok, degraded, down, maintenance, unknown (got "melting")',
    );
  });

  it('reads a config file with flags over it, and refuses a bad one listing every problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feed-cli-'));
    writeFileSync(join(dir, 'token'), 'file-token\n');
    // The port in the file is taken; the flag wins. The token file is found beside the config.
    writeFileSync(join(dir, 'feed.yaml'), 'port: 1\ntokenFile: token\nservices: 3\nseed: 9\n');
    const cli = runCli(['--config', join(dir, 'feed.yaml'), '--port', '0']);
    const client = await connectRecorder(await cli.url, 'file-token');
    const snapshot = (await client.next('feed:snapshot')).payload as SnapshotMessage;
    expect(snapshot.services).toHaveLength(3);
    client.close();
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);

    writeFileSync(join(dir, 'bad.yaml'), 'prometheus:\n  interval: fast\nhots: 1\n');
    const bad = runCli(['--config', join(dir, 'bad.yaml')]);
    expect(await bad.exited).toBe(2);
    expect(bad.output().stderr.trim().split('\n')).toEqual([
      `feed: ${join(dir, 'bad.yaml')}: prometheus.interval: expected a number from 0.5 to 3600 (got "fast")`,
      expect.stringMatching(/^feed: {3}also: .*bad\.yaml: hots: unknown key \(known: port, host, /),
    ]);
  });
});
