import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { observeTemplateSet, readConstructPaths } from '../cfn/observe/index.js';
import { readTemplateSet } from '../cfn/read/index.js';
import { detectDrift } from '../drift/index.js';
import { loadModelOrThrow } from '../load/load-model.js';
import { loadFeatureFlags, loadPinnedVersions, loadScaffoldTemplates } from '../scaffold/inputs.js';
import { scaffoldApp } from '../scaffold/scaffold.js';
import { writeScaffold } from '../scaffold/write.js';
import { timeMedian, type Benchmark } from './types.js';

const run = promisify(execFile);

/**
 * `archgen drift` of the seed model against its own synthesized scaffold (the "no drift
 * in under 2 s after synthesis"): the whole CLI as a user runs it, and the in-process steps.
 * The synthesis itself is set-up, not measured (the scaffold benchmark times it).
 */
export const driftBenchmark: Benchmark = {
  name: 'drift',
  async run() {
    const root = process.cwd();
    const model = await loadModelOrThrow(path.join(root, 'model/point-system.yaml'), root);
    const result = scaffoldApp(model, { environment: 'prod', templates: await loadScaffoldTemplates(), versions: await loadPinnedVersions(), featureFlags: loadFeatureFlags() });
    // Inside the repository, so the app resolves the project's own aws-cdk-lib without an install.
    const appDir = path.join(root, '.tmp', `bench-drift-${process.pid}`);
    await rm(appDir, { recursive: true, force: true });
    try {
      await writeScaffold(appDir, result.files, false);
      const assembly = path.join(appDir, 'cdk.out');
      const context = JSON.parse(await readFile(path.join(appDir, 'cdk.json'), 'utf8')).context;
      const env = { ...process.env, CDK_OUTDIR: assembly, CDK_CONTEXT_JSON: JSON.stringify(context) };
      await run(path.join(root, 'node_modules', '.bin', 'tsx'), [`bin/${result.appFile}.ts`], { cwd: appDir, env, maxBuffer: 64 * 1024 * 1024 });

      const cli = path.join(root, 'dist', 'app', 'main.js');
      let stdout = '';
      const cliMs = await timeMedian(5, async () => {
        stdout = (await run(process.execPath, [cli, '--no-color', 'drift', 'model/point-system.yaml', '--template', assembly], { cwd: root })).stdout;
      });
      if (!/no drift/.test(stdout)) throw new Error(`drift of the seed's own scaffold is not clean:\n${stdout}`);
      const validateMs = await timeMedian(5, () => run(process.execPath, [cli, '--no-color', '--quiet', 'validate', 'model/point-system.yaml'], { cwd: root }));
      // CPU time of one cold CLI run (start-up included): unlike wall time, it hardly depends on
      // what else the machine is running.
      const cpuOf = async (args: readonly string[]): Promise<number> => {
        const script = `const { runCli } = await import(${JSON.stringify(new URL('../cli/program.js', import.meta.url).href)});
await runCli(${JSON.stringify(['--root', root, '--no-color', '--quiet', ...args])});
const u = process.cpuUsage(); process.stderr.write(String((u.user + u.system) / 1000));`;
        const times: number[] = [];
        for (let i = 0; i < 3; i++) times.push(Number((await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root })).stderr.trim().split('\n').at(-1)));
        return times.sort((a, b) => a - b)[1]!;
      };
      const driftCpu = await cpuOf(['drift', 'model/point-system.yaml', '--template', assembly]);
      const validateCpu = await cpuOf(['validate', 'model/point-system.yaml']);

      let resources = 0;
      let matched = 0;
      const readMs = await timeMedian(10, async () => {
        const set = await readTemplateSet(assembly);
        resources = set.stacks.reduce((n, s) => n + s.resources.length, 0);
      });
      const set = await readTemplateSet(assembly);
      const paths = await readConstructPaths(assembly);
      const compareMs = await timeMedian(10, () => {
        matched = detectDrift(model, 'prod', observeTemplateSet(set, { constructPaths: paths })).matched.length;
      });
      return [
        { name: 'archgen drift seed vs its synthesized scaffold (CLI, wall)', ms: cliMs, budgetMs: 2000, notes: [`validate alone: ${validateMs.toFixed(0)} ms`, `drift/validate: ${(cliMs / validateMs).toFixed(2)}x`] },
        { name: 'the same, CPU time of one cold run (user + system)', ms: driftCpu, notes: [`validate: ${validateCpu.toFixed(0)} ms`, `drift/validate: ${(driftCpu / validateCpu).toFixed(2)}x`] },
        { name: 'read the cdk.out assembly (in process)', ms: readMs, notes: [`${resources} resources`] },
        { name: 'observe + match + compare (in process)', ms: compareMs, notes: [`${matched} model elements matched`] },
      ];
    } finally {
      await rm(appDir, { recursive: true, force: true });
    }
  },
};
