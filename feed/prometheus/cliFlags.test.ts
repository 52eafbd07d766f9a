import { expect, it } from 'vitest';
import { parseCliArgs } from '../cliArgs';

it('reads --source prometheus with its URL and interval', () => {
  expect(parseCliArgs(['--source', 'prometheus', '--prometheus', 'http://prom:9090', '--alertmanager', 'http://am:9093', '--interval', '5'])).toMatchObject({
    alertmanager: 'http://am:9093',
    source: 'prometheus',
    prometheus: 'http://prom:9090',
    interval: 5,
  });
});

it('refuses inconsistent source flags with one line naming them', () => {
  expect(() => parseCliArgs(['--source', 'prometheus'])).toThrow('--source prometheus needs --prometheus URL');
  expect(() => parseCliArgs(['--source', 'prometheus', '--prometheus', 'prom:9090'])).toThrow('expected an http or https URL');
  expect(() => parseCliArgs(['--prometheus', 'http://prom:9090'])).toThrow('--prometheus applies only with --source prometheus');
  expect(() => parseCliArgs(['--source', 'prometheus', '--prometheus', 'http://p', '--seed', '2'])).toThrow('--seed does not apply');
  expect(() => parseCliArgs(['--source', 'graphite'])).toThrow('--source "graphite" is not valid');
});

it('reads the query, label, up and alert flags, lists and maps comma-separated', () => {
  const options = parseCliArgs([
    '--source', 'prometheus', '--prometheus', 'http://p', '--preset', 'pyrra',
    '--query-error-ratio', 'r{window}', '--label-id', 'id', '--windows', '3d=4d,2h=none',
    '--service-jobs', 'checkout=api|worker,search=search', '--up-job-label', 'app',
    '--group-by', 'alertname, cluster', '--severities', 'P1=sev1,P2=sev2', '--resolved-retention', '2h',
  ]);
  expect(options).toMatchObject({
    preset: 'pyrra',
    queryErrorRatio: 'r{window}',
    labelId: 'id',
    windows: { '3d': '4d', '2h': 'none' },
    serviceJobs: { checkout: ['api', 'worker'], search: ['search'] },
    upJobLabel: 'app',
    groupBy: ['alertname', 'cluster'],
    severities: { P1: 'sev1', P2: 'sev2' },
    resolvedRetentionMs: 7_200_000,
  });
  const base = ['--source', 'prometheus', '--prometheus', 'http://p'];
  expect(() => parseCliArgs([...base, '--preset', 'nobl9'])).toThrow('--preset "nobl9" is not valid: expected one of sloth, pyrra');
  expect(() => parseCliArgs([...base, '--severities', 'P1=1'])).toThrow('--severities "P1=1" is not valid: expected name=sev1|sev2|sev3|sev4,… pairs');
  expect(() => parseCliArgs([...base, '--service-jobs', 'checkout'])).toThrow('--service-jobs "checkout" is not valid: expected service=job|job,… pairs');
  expect(() => parseCliArgs([...base, '--resolved-retention', 'soon'])).toThrow('--resolved-retention "soon" is not valid: expected a duration');
  expect(() => parseCliArgs([...base, '--windows', '4d=4d'])).toThrow('--windows "4d=4d" is not valid');
  expect(() => parseCliArgs([...base, '--query-error-ratio', 'my:ratio5m'])).toThrow('--query-error-ratio must contain {window}');
  expect(() => parseCliArgs(['--group-by', 'a'])).toThrow('--group-by applies only with --source prometheus');
});
