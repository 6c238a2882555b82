import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadModelOrThrow } from '../load/load-model.js';
import { loadFeatureFlags, loadPinnedVersions, loadScaffoldTemplates } from '../scaffold/inputs.js';
import { scaffoldApp, type ScaffoldOptions } from '../scaffold/scaffold.js';
import { writeScaffold } from '../scaffold/write.js';
import { timeMedian, type Benchmark } from './types.js';

const run = promisify(execFile);

/**
 * `archgen scaffold` of the seed model (prod): the pure model → files step, writing the app,
 * and an offline synthesis of it with cdk-nag, the way `cdk synth` runs it (cdk.json context).
 */
export const scaffoldBenchmark: Benchmark = {
  name: 'scaffold',
  async run() {
    const root = process.cwd();
    const model = await loadModelOrThrow(path.join(root, 'model/point-system.yaml'), root);
    const options: ScaffoldOptions = { environment: 'prod', templates: await loadScaffoldTemplates(), versions: await loadPinnedVersions(), featureFlags: loadFeatureFlags() };
    let files = 0;
    const scaffoldMs = await timeMedian(10, () => {
      files = scaffoldApp(model, options).files.length;
    });

    // Inside the repository, so the app resolves the project's own aws-cdk-lib without an install.
    const appDir = path.join(root, '.tmp', `bench-scaffold-${process.pid}`);
    await rm(appDir, { recursive: true, force: true });
    const result = scaffoldApp(model, options);
    const writeMs = await timeMedian(1, () => writeScaffold(appDir, result.files, false));
    const context = JSON.parse(await readFile(path.join(appDir, 'cdk.json'), 'utf8')).context;
    const env = { ...process.env, CDK_OUTDIR: path.join(appDir, 'cdk.out'), CDK_CONTEXT_JSON: JSON.stringify(context) };
    try {
      const synthMs = await timeMedian(1, () => run(path.join(root, 'node_modules', '.bin', 'tsx'), [`bin/${result.appFile}.ts`], { cwd: appDir, env, maxBuffer: 64 * 1024 * 1024 }));
      const template = JSON.parse(await readFile(path.join(appDir, 'cdk.out', `${result.stackName}.template.json`), 'utf8')) as { Resources: object };
      return [
        { name: 'scaffold seed model, prod (model → files, in memory)', ms: scaffoldMs, notes: [`${files} files`, `${result.notExpressed.length} elements not expressed`] },
        { name: 'write the app (atomic, empty folder)', ms: writeMs },
        { name: 'synth the app offline with cdk-nag (tsx bin/<app>.ts)', ms: synthMs, notes: [`${Object.keys(template.Resources).length} CloudFormation resources`] },
        { name: 'scaffold + write + synth', ms: scaffoldMs + writeMs + synthMs },
      ];
    } finally {
      await rm(appDir, { recursive: true, force: true });
    }
  },
};
