import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './scenarios';

describe('parseBenchArgs', () => {
  it('runs small, large and burst by default', () => {
    const args = parseBenchArgs([]);
    expect(args.scenarios.map((s) => s.name)).toEqual(['small', 'large', 'burst']);
    expect(args.profile).toBe(false);
    expect(args.dist).toBe('dist/renderer');
    expect(parseBenchArgs(['--dist', '/tmp/old']).dist).toBe('/tmp/old');
    const large = args.scenarios[1]!;
    expect([large.services, large.slos, large.incidents, large.updatesPerSecond]).toEqual([2_000, 6_000, 50, 2_000]);
  });

  it('plays 24 story hours in the endurance minutes, 20 by default', () => {
    const [full] = parseBenchArgs(['--scenario', 'endurance']).scenarios;
    expect(full?.loadSeconds).toBe(1_200);
    expect(full?.speed).toBe(72);
    const [short] = parseBenchArgs(['--scenario', 'endurance', '--endurance-minutes', '4']).scenarios;
    expect(short?.loadSeconds).toBe(240);
    expect((short!.loadSeconds * short!.speed) / 3_600).toBe(24);
    expect(parseBenchArgs(['--endurance-minutes', '4']).scenarios.map((s) => s.name)).toEqual(['small', 'large', 'burst', 'endurance']);
  });

  it('takes a list of scenarios, a load length and the profile flag, and refuses nonsense', () => {
    const args = parseBenchArgs(['--scenario', 'small,burst', '--seconds', '10', '--profile']);
    expect(args.scenarios.map((s) => [s.name, s.loadSeconds])).toEqual([
      ['small', 10],
      ['burst', 0],
    ]);
    expect(args.profile).toBe(true);
    expect(() => parseBenchArgs(['--scenario', 'huge'])).toThrow(/unknown scenario/);
    expect(() => parseBenchArgs(['--endurance-minutes', '30'])).toThrow();
    expect(() => parseBenchArgs(['--seconds'])).toThrow(/needs a value/);
  });
});
