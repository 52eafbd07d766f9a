// The layer rule is only worth having if it bites: these tests hand the
// linter and the compiler code that breaks it and expect them to refuse.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function lintErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

function typeErrors(tsconfig: string, code: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, tsconfig), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!parsed) throw new Error(`cannot read ${tsconfig}`);
  const file = join(mkdtempSync(join(tmpdir(), 'layer-')), 'probe.ts');
  writeFileSync(file, code);
  const program = ts.createProgram([file], { ...parsed.options, noEmit: true });
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the layer rule', () => {
  it.each([
    ['shared/slo/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/slo/x.ts', "import { create } from 'zustand';"],
    ['shared/slo/x.ts', "import { app } from 'electron';"],
    ['shared/slo/x.ts', "import { Wall } from '../../renderer/Wall';"],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/x.ts', "import { startFeedServer } from '../feed/server';"],
    ['renderer/x.ts', "import { join } from 'node:path';"],
    ['electron/x.ts', "import { useState } from 'react';"],
    ['electron/x.ts', "import { Wall } from '../renderer/Wall';"],
    ['feed/x.ts', "import { app } from 'electron';"],
  ])('lint refuses, in %s: %s', async (filePath, code) => {
    expect(await lintErrors(filePath, `${code}\nexport const x = 1;\n`)).toHaveLength(1);
  });

  it.each([
    ['shared/x.ts', "import { evaluateSlo } from './slo/engine';"],
    ['renderer/x.ts', "import { step } from '../shared/protocol/sequencer';"],
    ['electron/x.ts', "import { step } from '../shared/protocol/sequencer';"],
  ])('lint allows, in %s: %s', async (filePath, code) => {
    expect(await lintErrors(filePath, `${code}\nexport const x = 1;\n`)).toEqual([]);
  });

  it('shared/ compiles without the DOM and without Node', () => {
    expect(typeErrors('shared/tsconfig.json', 'export const w = document.title;').join()).toMatch(/Cannot find name 'document'/);
    expect(typeErrors('shared/tsconfig.json', 'export const p = process.env;').join()).toMatch(/Cannot find name 'process'/);
    expect(typeErrors('shared/tsconfig.json', 'export const n: number = [1, 2].at(-1) ?? 0;')).toEqual([]);
  });

  it('renderer/ has the DOM but not Node; electron/ has Node but not the DOM', () => {
    expect(typeErrors('renderer/tsconfig.json', 'export const w = document.title;')).toEqual([]);
    expect(typeErrors('renderer/tsconfig.json', 'export const p = process.env;').join()).toMatch(/Cannot find name 'process'/);
    expect(typeErrors('electron/tsconfig.json', 'export const p = process.env;')).toEqual([]);
    expect(typeErrors('electron/tsconfig.json', 'export const w = document.title;').join()).toMatch(/Cannot find name 'document'/);
  });
});
