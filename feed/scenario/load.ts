import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { YAMLParseError, parse as parseYaml } from 'yaml';
import { ScenarioError } from './issues';
import { parseScenario } from './parse';
import type { Scenario } from './scenario';

/** Reads scenario text: JSON or YAML (YAML is a superset of JSON, one parser reads both). */
export function parseScenarioText(text: string, source = 'scenario'): Scenario {
  let raw: unknown;
  try {
    // uniqueKeys: two `burn:` keys in one step would otherwise keep the last silently.
    raw = parseYaml(text, { uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0] ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}: ` : '';
      throw new ScenarioError(source, [`${where}${error.message.split('\n')[0]}`]);
    }
    throw error;
  }
  return parseScenario(raw, source);
}

/** Reads and checks a scenario file. Throws a ScenarioError naming the file and each problem. */
export function loadScenarioFile(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScenarioError(path, [code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? String(error)})`]);
  }
  return parseScenarioText(text, basename(path));
}
