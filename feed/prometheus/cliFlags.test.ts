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
