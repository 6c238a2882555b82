import type { Command } from 'commander';
import path from 'node:path';
import { UserError } from '../../diagnostics/diagnostic.js';
import { loadModelOrThrow, toDisplayPath } from '../../load/load-model.js';
import { resolveModelFiles } from '../../pipeline/project.js';
import { loadFeatureFlags, loadPinnedVersions, loadScaffoldTemplates } from '../../scaffold/inputs.js';
import { scaffoldApp } from '../../scaffold/scaffold.js';
import { writeScaffold } from '../../scaffold/write.js';
import type { CommandContext } from '../context.js';

interface ScaffoldOptions {
  out: string;
  env?: string;
  force?: boolean;
  templates?: string;
}

export function registerScaffold(program: Command, context: CommandContext): void {
  program
    .command('scaffold')
    .description('Write a deployable AWS CDK v2 (TypeScript) app for one environment of a model')
    .argument('[model]', 'model file (default: the only model in model/)')
    .requiredOption('-o, --out <dir>', 'folder of the CDK app (created if missing)')
    .option('-e, --env <name>', 'environment of the model (default: its first, usually prod)')
    .option('-f, --force', 'overwrite generated files even if they were edited by hand, or scaffold into a non-empty folder')
    .option('--templates <dir>', 'folder whose files override templates/cdk/ (same relative paths)')
    .addHelpText('after', `
Examples:
  $ archgen scaffold model/point-system.yaml --out ../points-cdk
  $ archgen scaffold model/point-system.yaml --out ../points-cdk-dev --env dev
  $ cd ../points-cdk && npm install && npx cdk synth     # offline; cdk-nag runs on every synth

Re-running updates lib/generated/** and test/generated/**; files you own (bin/, lib/<app>-stack.ts,
test/<app>.test.ts, package.json, cdk.json, tsconfig.json, README.md) are created once and never
overwritten. A generated file edited by hand stops the run unless --force.
Model elements the app cannot express are listed (and written to lib/generated/REPORT.md).

Exit codes: 0 written, 2 invalid model, unknown environment or a refused overwrite.`)
    .action(context.action(async (printer, modelArg: string | undefined, opts: ScaffoldOptions) => {
      const root = printer.options.root;
      const modelFile = await pickModel(root, modelArg);
      const model = await loadModelOrThrow(modelFile, root);
      const environment = opts.env ?? model.defaultEnvironment;
      printer.progress(`scaffolding ${model.id} (${environment})`);
      const result = scaffoldApp(model, {
        environment,
        templates: await loadScaffoldTemplates(opts.templates ? path.resolve(root, opts.templates) : undefined),
        versions: await loadPinnedVersions(),
        featureFlags: loadFeatureFlags(),
      });
      const outDir = path.resolve(root, opts.out);
      const plan = await writeScaffold(outDir, result.files, Boolean(opts.force));
      printer.endProgress();

      const notExpressed = result.notExpressed.map((n) => ({ ...model.source.locate(n.loc), path: n.path, reason: n.reason }));
      if (printer.options.format === 'json') {
        printer.json({ model: model.id, environment, out: outDir, stack: result.stackName, files: plan.files.map((f) => ({ path: f.path, action: f.action })), notExpressed });
        return 0;
      }
      if (!printer.options.quiet) {
        const paint = printer.paint;
        const colour = { new: paint.green, updated: paint.yellow, overwritten: paint.red, removed: paint.red, unchanged: paint.dim, kept: paint.dim };
        for (const file of plan.files) printer.out(`${colour[file.action](file.action.padEnd(11))} ${file.path}`);
        for (const n of notExpressed) {
          printer.err(paint.yellow(`${model.source.file}:${n.line}:${n.col}: not expressed ${n.path}: ${n.reason}`));
        }
        printer.out(`${paint.green('✓')} ${toDisplayPath(outDir, root)}: stack ${result.stackName}, ${plan.files.length} files, ${notExpressed.length} model elements not expressed (see lib/generated/REPORT.md)`);
        printer.out(paint.dim(`next: cd ${toDisplayPath(outDir, root)} && npm install && npx cdk synth`));
      }
      return 0;
    }));
}

async function pickModel(root: string, given: string | undefined): Promise<string> {
  if (given) return path.resolve(root, given);
  const files = await resolveModelFiles(root, []);
  if (files.length === 1) return files[0]!;
  throw new UserError(files.length ? 'more than one model in model/: name the one to scaffold' : 'no model found', [{
    file: 'model/', line: 1, col: 1, rule: 'scaffold/which-model', severity: 'error',
    message: files.length ? `${files.length} models found` : 'no model/*.yaml',
    hint: files.length ? `e.g. archgen scaffold ${toDisplayPath(files[0]!, root)} --out DIR` : 'pass a model file',
  }]);
}
