// `npm run audit:electron`: Electronegativity over the shell's sources and
// over the bundle that ships, offline. Electronegativity exits 0 whatever it
// finds, so this script collects its findings, writes them as SARIF
// (artifacts/electronegativity.sarif, severity in each result), reads that
// SARIF back and fails on any HIGH or MEDIUM finding, printing each one.
//
// Offline: Electronegativity fetches translations and Electron's release list
// with `got`; a stub that refuses at once takes got's place before it loads,
// and the release-list check (AvailableSecurityFixesGlobalCheck) is left out.
//
// Usage: node scripts/audit-electron.mjs [--input DIR ...] [--no-build] [--sarif FILE]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ENG = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const ELECTRON_VERSION = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;

function stubNetwork() {
  const refuse = () => Promise.reject(new Error('network disabled for the offline audit'));
  const got = Object.assign(refuse, { head: refuse, get: refuse, default: refuse });
  const gotPath = require.resolve('got', { paths: [join(ENG, 'dist', 'locales')] });
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: got };
}

async function scan(input) {
  const run = require(join(ENG, 'dist', 'runner.js'));
  const quiet = console.log;
  // Its one line about translations is noise here.
  console.log = () => undefined;
  try {
    return await run({ input, customScan: [], excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()), isRelative: false, isVerbose: false, electronVersionOverride: ELECTRON_VERSION, parserPlugins: [] }, false);
  } finally {
    console.log = quiet;
  }
}

function annotated(file, line, id) {
  if (!existsSync(file)) return false;
  const text = readFileSync(file, 'utf8').split('\n')[line - 1] ?? '';
  return new RegExp(`eng-disable[\\w \\t]*\\b${id}\\b`).test(text);
}

/** The bundle's findings in our own code map back to source lines; an eng-disable there holds for the bundle too. */
function mapToSource(issue, maps) {
  const map = maps.get(issue.file);
  if (!map || !issue.location?.line) return undefined;
  const entry = map.findEntry(issue.location.line - 1, issue.location.column ?? 0);
  if (!entry?.originalSource) return undefined;
  const source = resolve(dirname(issue.file), entry.originalSource.replace(/^file:\/\//, ''));
  return { file: source, line: (entry.originalLine ?? 0) + 1 };
}

function bundleCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'noc-wall-audit-'));
  const maps = new Map();
  // Electronegativity reads only .js/.ts/.html files, so the .cjs bundles are scanned under .js names.
  for (const name of ['main', 'preload']) {
    const target = join(dir, `${name}.js`);
    copyFileSync(`dist/electron/${name}.cjs`, target);
    const mapFile = `dist/electron/${name}.cjs.map`;
    if (existsSync(mapFile)) {
      const payload = JSON.parse(readFileSync(mapFile, 'utf8'));
      payload.sources = payload.sources.map((s) => resolve('dist/electron', s));
      maps.set(target, new SourceMap(payload));
    }
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'noc-wall-bundle', devDependencies: { electron: ELECTRON_VERSION } }));
  return { dir, maps };
}

const LEVEL = { HIGH: 'error', MEDIUM: 'error', LOW: 'warning', INFORMATIONAL: 'note' };

function toSarif(findings) {
  const rules = [...new Set(findings.map((f) => f.id))].map((id) => ({ id, helpUri: `https://github.com/doyensec/electronegativity/wiki/${id}` }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Electronegativity', informationUri: 'https://github.com/doyensec/electronegativity', rules } },
        results: findings.map((f) => ({
          ruleId: f.id,
          level: LEVEL[f.severity] ?? 'warning',
          message: { text: f.description },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.file }, region: { startLine: Math.max(1, f.line) } } }],
          properties: { severity: f.severity, confidence: f.confidence, manualReview: f.manualReview, scan: f.scan },
        })),
      },
    ],
  };
}

/** The HIGH and MEDIUM findings in a SARIF log written by toSarif. */
export function blockingFindings(sarif) {
  return sarif.runs.flatMap((run) => run.results).filter((r) => r.properties?.severity === 'HIGH' || r.properties?.severity === 'MEDIUM');
}

async function main() {
  const argv = process.argv.slice(2);
  const inputs = argv.flatMap((arg, i) => (arg === '--input' ? [argv[i + 1]] : []));
  const SARIF_PATH = argv.includes('--sarif') ? argv[argv.indexOf('--sarif') + 1] : 'artifacts/electronegativity.sarif';
  process.env.LANG = 'en-US';
  stubNetwork();

  const findings = [];
  const errors = [];
  const collect = (result, scanName, accept = () => true) => {
    errors.push(...result.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`));
    for (const issue of result.issues) {
      const finding = { id: issue.id, severity: issue.severity.name, confidence: issue.confidence.name, manualReview: issue.manualReview, description: issue.description, file: issue.file === 'N/A' ? scanName : relative('.', issue.file), line: issue.location?.line ?? 1, sample: issue.sample, scan: scanName };
      if (accept(issue, finding)) findings.push(finding);
    }
  };

  if (inputs.length > 0) {
    for (const input of inputs) collect(await scan(resolve(input)), input);
  } else {
    collect(await scan(resolve('electron')), 'electron/');
    if (!argv.includes('--no-build')) {
      const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (built.status !== 0) throw new Error('build:electron failed');
    }
    const bundle = bundleCopy();
    try {
      collect(await scan(bundle.dir), 'dist/electron (bundle)', (issue, finding) => {
        const source = mapToSource(issue, bundle.maps);
        if (source) {
          finding.file = relative('.', source.file);
          finding.line = source.line;
        } else if (issue.file !== 'N/A') {
          finding.file = join('dist/electron', relative(bundle.dir, issue.file));
        }
        return !(source && annotated(source.file, source.line, issue.id));
      });
    } finally {
      rmSync(bundle.dir, { recursive: true, force: true });
    }
  }

  mkdirSync(dirname(SARIF_PATH), { recursive: true });
  writeFileSync(SARIF_PATH, JSON.stringify(toSarif(findings), null, 2));
  const sarif = JSON.parse(readFileSync(SARIF_PATH, 'utf8'));
  const blocking = blockingFindings(sarif);
  for (const f of findings) {
    const mark = f.severity === 'HIGH' || f.severity === 'MEDIUM' ? 'FAIL' : 'note';
    console.log(`${mark} ${f.severity} ${f.confidence} ${f.id} ${f.file}:${f.line} [${f.scan}]${f.manualReview ? ' (review)' : ''}`);
  }
  for (const e of errors) console.log(`FAIL parse error ${e}`);
  const summary = `audit:electron: ${findings.length} findings, ${blocking.length} HIGH or MEDIUM, ${errors.length} files unreadable; SARIF in ${SARIF_PATH}`;
  if (blocking.length > 0 || errors.length > 0) {
    console.error(summary);
    process.exit(1);
  }
  console.log(summary);
}

await main();
