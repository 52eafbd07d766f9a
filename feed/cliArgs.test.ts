import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseCliArgs } from './cliArgs';

describe('parseCliArgs', () => {
  it('has defaults and reads every flag, with a space or an =', () => {
    expect(parseCliArgs([])).toEqual({ port: DEFAULT_PORT, host: '127.0.0.1', seed: 1 });
    expect(parseCliArgs(['--port', '0', '--host=0.0.0.0', '--token', 't', '--seed', '7', '--services', '200', '--slos=900', '--heartbeat-ms', '100', '--tick-ms', '250'])).toEqual({
      port: 0,
      host: '0.0.0.0',
      token: 't',
      seed: 7,
      services: 200,
      slos: 900,
      heartbeatMs: 100,
      tickMs: 250,
    });
    expect(parseCliArgs(['--scenario', 'x.yaml', '--speed', '60', '--token-file', '/run/token'])).toMatchObject({ scenario: 'x.yaml', speed: 60, tokenFile: '/run/token' });
    expect(parseCliArgs(['--port', '1', '--help'])).toBe('help');
  });

  it('names the flag, the value and what is allowed', () => {
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow('--port "abc" is not valid: expected an integer from 0 to 65535');
    expect(() => parseCliArgs(['--port', '70000'])).toThrow('--port "70000" is not valid: expected an integer from 0 to 65535');
    expect(() => parseCliArgs(['--services', '1.5'])).toThrow('--services "1.5" is not valid: expected an integer from 1 to 20000');
    expect(() => parseCliArgs(['--scenario', 'a', '--speed', '-2'])).toThrow('--speed "-2" is not valid: expected a number from 0.01 to 100000');
    expect(() => parseCliArgs(['--host', ''])).toThrow('--host must not be empty');
  });

  it('refuses unknown flags, missing values, repeats and combinations that mean nothing', () => {
    expect(() => parseCliArgs(['--prot', '1'])).toThrow(/^unknown flag "--prot" \(flags: --config, --port, --host, /);
    expect(() => parseCliArgs(['8080'])).toThrow(/^unknown argument "8080"/);
    expect(() => parseCliArgs(['--port'])).toThrow('--port needs a value');
    expect(() => parseCliArgs(['--port', '--host', 'x'])).toThrow('--port needs a value');
    expect(() => parseCliArgs(['--port', '1', '--port', '2'])).toThrow('--port is given twice');
    expect(() => parseCliArgs(['--token', 'a', '--token-file', 'b'])).toThrow('--token and --token-file are exclusive');
    expect(() => parseCliArgs(['--speed', '10'])).toThrow('--speed applies only with --scenario');
    expect(() => parseCliArgs(['--scenario', 'a.yaml', '--seed', '3', '--services', '9'])).toThrow('--seed, --services apply to the simulator, not to --scenario');
  });
});
