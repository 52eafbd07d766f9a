import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, USAGE } from './cliArgs';
import { SETTINGS } from './settings';

const dir = mkdtempSync(join(tmpdir(), 'feed-config-'));
let n = 0;
function file(text: string, ext = 'yaml'): string {
  n += 1;
  const path = join(dir, `feed${n}.${ext}`);
  writeFileSync(path, text);
  return path;
}
const PROM_YAML = `
port: 9000
host: 0.0.0.0
token: from-file
heartbeatMs: 2000
source: prometheus
prometheus:
  url: http://prometheus:9090
  interval: 30
  preset: pyrra
  queries: { errorRatio: 'my:ratio{window}', periodRatio: my:ratio30d, objective: my:objective, periodDays: my:days }
  labels: { id: slo_id, service: team_service, name: slo_name }
  windows: { 3d: 4d, 2h: none }
  up: { query: 'up{env="prod"}', jobLabel: app, serviceLabel: svc, services: { checkout: [checkout-api, checkout-worker], search: search } }
alertmanager:
  url: http://alertmanager:9093
  groupBy: [alertname, cluster]
  severityLabel: priority
  severities: { P1: sev1, P2: sev2 }
  serviceLabel: app
  resolvedRetention: 30m
`;

describe('config file', () => {
  it('reads every Prometheus setting from YAML', () => {
    expect(parseCliArgs(['--config', file(PROM_YAML)])).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      token: 'from-file',
      heartbeatMs: 2000,
      source: 'prometheus',
      prometheus: 'http://prometheus:9090',
      interval: 30,
      preset: 'pyrra',
      queryErrorRatio: 'my:ratio{window}',
      queryPeriodRatio: 'my:ratio30d',
      queryObjective: 'my:objective',
      queryPeriodDays: 'my:days',
      labelId: 'slo_id',
      labelService: 'team_service',
      labelName: 'slo_name',
      windows: { '3d': '4d', '2h': 'none' },
      queryUp: 'up{env="prod"}',
      upJobLabel: 'app',
      upServiceLabel: 'svc',
      serviceJobs: { checkout: ['checkout-api', 'checkout-worker'], search: ['search'] },
      alertmanager: 'http://alertmanager:9093',
      groupBy: ['alertname', 'cluster'],
      severityLabel: 'priority',
      severities: { P1: 'sev1', P2: 'sev2' },
      alertServiceLabel: 'app',
      resolvedRetentionMs: 1_800_000,
    });
  });

  it('reads JSON, and resolves relative file names from the config file folder', () => {
    const options = parseCliArgs(['--config', file('{ "scenario": "demo.yaml", "speed": 60, "tokenFile": "secrets/token" }', 'json')]);
    expect(options).toMatchObject({ scenario: join(dir, 'demo.yaml'), speed: 60, tokenFile: join(dir, 'secrets/token') });
    const limits = parseCliArgs(['--config', file('{ "allowedOrigins": ["http://wall.example:8080"], "maxConnections": 50 }', 'json'), '--max-connections', '20']);
    expect(limits).toMatchObject({ allowedOrigins: ['http://wall.example:8080'], maxConnections: 20 });
  });

  it('lets flags win over the file, and a token flag replace the file token', () => {
    const options = parseCliArgs(['--config', file(PROM_YAML), '--port', '0', '--prometheus', 'http://other:9090', '--resolved-retention', '90s', '--token-file', '/run/t', '--severities', 'critical=sev1']);
    expect(options).toMatchObject({ port: 0, prometheus: 'http://other:9090', resolvedRetentionMs: 90_000, tokenFile: '/run/t', severities: { critical: 'sev1' }, interval: 30 });
    expect(options).not.toHaveProperty('token');
  });

  it('drops the file settings of other sources when --source picks one', () => {
    const options = parseCliArgs(['--config', file(PROM_YAML), '--source', 'simulator', '--seed', '3']);
    expect(options).toMatchObject({ source: 'simulator', seed: 3, port: 9000, token: 'from-file' });
    expect(options).not.toHaveProperty('prometheus');
    expect(options).not.toHaveProperty('resolvedRetentionMs');
  });

  it('names the file, the key and what is wrong', () => {
    const missing = join(dir, 'nope.yaml');
    expect(() => parseCliArgs(['--config', missing])).toThrow(`${missing}: no such file`);
    const syntax = file('port: [1,\n');
    expect(() => parseCliArgs(['--config', syntax])).toThrow(new RegExp(`^${syntax}: line \\d+, column \\d+: `));
    const bad = file('prometheus:\n  interval: fast\n');
    expect(() => parseCliArgs(['--config', bad])).toThrow(`${bad}: prometheus.interval: expected a number from 0.5 to 3600 (got "fast")`);
    const typo = file('prometheus: { url: "http://p", intervall: 5 }\nsource: prometheus\n');
    expect(() => parseCliArgs(['--config', typo])).toThrow(`${typo}: prometheus.intervall: unknown key (known under prometheus: url, interval, preset, queries, labels, windows, up)`);
    const sev = file('source: prometheus\nprometheus: { url: "http://p" }\nalertmanager: { severities: { critical: p1 } }\n');
    expect(() => parseCliArgs(['--config', sev])).toThrow(`${sev}: alertmanager.severities: expected a map from name to one of sev1, sev2, sev3, sev4 (got a map)`);
    const shape = file('prometheus: http://p\n');
    expect(() => parseCliArgs(['--config', shape])).toThrow(`${shape}: prometheus: expected a map of settings (got "http://p")`);
    expect(() => parseCliArgs(['--config', file('- port\n')])).toThrow('expected a map of settings at the top (got a list)');
  });

  it('lists every problem of a file at once', () => {
    const path = file('port: -1\nhots: x\nprometheus: { windows: { 4d: 4d } }\n');
    try {
      parseCliArgs(['--config', path]);
      expect.unreachable();
    } catch (error) {
      expect((error as { problems: string[] }).problems).toEqual([
        `${path}: port: expected an integer from 0 to 65535 (got -1)`,
        `${path}: hots: unknown key (known: port, host, token, tokenFile, heartbeatMs, allowedOrigins, maxConnections, source, seed, services, slos, tickMs, scenario, speed, prometheus, alertmanager)`,
        `${path}: prometheus.windows: expected a map from 5m, 30m, 1h, 2h, 6h, 1d, 3d to a string (got a map)`,
      ]);
    }
  });

  it('checks the merged settings, naming where each came from', () => {
    expect(() => parseCliArgs(['--config', file('token: a\ntokenFile: b\n')])).toThrow(/feed\d+\.yaml: token and .*feed\d+\.yaml: tokenFile are exclusive: give one$/);
    const noUrl = file('source: prometheus\n');
    expect(() => parseCliArgs(['--config', noUrl])).toThrow(`${noUrl}: source: prometheus needs --prometheus URL (or prometheus.url in the config file)`);
    const stray = file('source: prometheus\nprometheus: { url: "http://p" }\nseed: 4\n');
    expect(() => parseCliArgs(['--config', stray])).toThrow(`${stray}: seed does not apply to --source prometheus`);
    const noSource = file('prometheus: { url: "http://p" }\n');
    expect(() => parseCliArgs(['--config', noSource])).toThrow(`${noSource}: prometheus.url applies only with --source prometheus`);
    const simulator = file('source: simulator\n');
    expect(() => parseCliArgs(['--config', simulator, '--scenario', 'x.yaml'])).toThrow(`--scenario needs the scenario source, but ${simulator}: source: simulator is given`);
    // The file's source, completed by a flag.
    expect(parseCliArgs(['--config', file('source: prometheus\n'), '--prometheus', 'http://p'])).toMatchObject({ source: 'prometheus', prometheus: 'http://p' });
  });
});

describe('the settings table', () => {
  it('gives every setting a unique key, config path and flag, each flag in --help', () => {
    for (const column of ['key', 'path', 'flag'] as const) {
      const values = SETTINGS.map((s) => s[column]).filter((v) => v !== undefined);
      expect(new Set(values).size, column).toBe(values.length);
    }
    for (const s of SETTINGS) if (s.flag) expect(USAGE).toMatch(new RegExp(`^  ${s.flag} `, 'm'));
    expect(USAGE).toContain('--config FILE');
  });
});
