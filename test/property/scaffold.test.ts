/**
 * Property: the CDK app `archgen scaffold` writes for a random model (any of its environments)
 * type-checks under the app's own strict tsconfig. The TypeScript compiler runs in-process with
 * the parsed declaration files of node_modules cached across runs (aws-cdk-lib alone takes
 * seconds to parse). Apps live under `.tmp/` so they resolve this repository's node_modules.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { randomModel } from './arbitraries/model.js';
import { loadRandom, params, ROOT, runCliCaptured } from './helpers.js';

const WORK = path.join(ROOT, '.tmp', `property-scaffold-${process.pid}`);
afterAll(async () => {
  await rm(WORK, { recursive: true, force: true });
});

const cache = new Map<string, ts.SourceFile | undefined>();

/** Type errors of the app in `dir`, compiled with its tsconfig.json, formatted like `tsc`. */
function typeErrors(dir: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(dir, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  })!;
  const host = ts.createCompilerHost(config.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, onError, fresh) => {
    if (!file.includes(`${path.sep}node_modules${path.sep}`)) return read(file, language, onError, fresh);
    if (!cache.has(file)) cache.set(file, read(file, language, onError, fresh));
    return cache.get(file);
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('property: the scaffolded CDK app compiles', () => {
  it('the in-process compiler check is real: it reports a type error', async () => {
    const dir = path.join(WORK, 'broken');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [], lib: ['es2022'] }, include: ['*.ts'] }));
    await writeFile(path.join(dir, 'a.ts'), 'export const n: number = "not a number";\n');
    expect(typeErrors(dir)).toEqual([expect.stringMatching(/^a\.ts:1 TS2322: /)]);
  });

  it('archgen scaffold exits 0 and the app type-checks under strict', async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(randomModel(), fc.nat(), async (m, envPick) => {
      const model = loadRandom(m);
      const env = model.environmentNames[envPick % model.environmentNames.length]!;
      const dir = path.join(WORK, `run-${n++}`);
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${m.id}.yaml`);
      await writeFile(file, m.yaml);
      const app = path.join(dir, 'app');
      const result = await runCliCaptured(['--root', ROOT, '--format', 'json', 'scaffold', file, '--out', app, '--env', env]);
      expect(result.code, result.stderr || result.stdout).toBe(0);
      const files = (JSON.parse(result.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
      expect(files).toContain('lib/generated/config.ts');
      expect(typeErrors(app)).toEqual([]);
    }), params(2));
  });
});
