/**
 * `archgen drift`: compares a model with the CloudFormation its infrastructure code synthesizes
 * (a template file or a CDK `cdk.out` directory) and reports what is missing, what is not
 * modelled, and which values differ, as text, JSON, Markdown (pull-request comments) or SARIF.
 *
 * The report format is `--output-format`: the root program's global `--format text|json` is
 * parsed wherever it appears, so a subcommand option of that name could never receive `md`.
 * `--format json` still works and means `--output-format json`. Nothing here loads aws-cdk-lib.
 */
import { Option, type Command } from 'commander';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { observeTemplateSet, readConstructPaths } from '../../cfn/observe/index.js';
import { readTemplateSet } from '../../cfn/read/index.js';
import type { CfnTemplateSet } from '../../cfn/types.js';
import { didYouMean, UserError } from '../../diagnostics/diagnostic.js';
import { detectDrift, hasDrift } from '../../drift/index.js';
import { loadModelOrThrow, modelIdOf } from '../../load/load-model.js';
import type { ArchitectureModel } from '../../model/types.js';
import { resolveModelFiles } from '../../pipeline/model-files.js';
import { pascalCase } from '../../scaffold/names.js';
import type { CommandContext } from '../context.js';

type ReportFormat = 'text' | 'json' | 'md' | 'sarif';

interface DriftOptions {
  template?: string;
  env?: string;
  outputFormat?: ReportFormat;
}

const usage = (message: string, hint: string): UserError =>
  new UserError(message, [{ file: '<command line>', line: 1, col: 1, rule: 'cli/drift-usage', severity: 'error', message, hint }]);

/** The stack-name prefix `archgen scaffold` gives a model's stacks: `PointSystem-Prod` for `point-system`, `prod`. */
const stackPrefix = (modelId: string): string => `${pascalCase(modelId, 'App')}-`;

/** The model the template was scaffolded from: the given one, else the project model whose stack names it carries. */
async function modelFile(root: string, given: string | undefined, set: CfnTemplateSet): Promise<string> {
  if (given) return path.resolve(root, given);
  const files = await resolveModelFiles(root, []);
  const byStack = files.filter((f) => set.stacks.some((s) => s.path.startsWith(stackPrefix(modelIdOf(f)))));
  if (byStack.length === 1) return byStack[0]!;
  if (files.length === 1) return files[0]!;
  throw usage(`no model given, and ${files.length ? 'no single project model matches the template\'s stack names' : 'the project has no model'}`,
    'pass the model file: archgen drift model/<name>.yaml --template <path>');
}

/** The environment asked for, else the one the stack name says (`…-Dev` → dev), else the model's default. */
function environmentOf(model: ArchitectureModel, asked: string | undefined, set: CfnTemplateSet): string {
  if (asked !== undefined) {
    if (model.environments[asked]) return asked;
    const suggestion = didYouMean(asked, model.environmentNames);
    throw usage(`model ${model.id} has no environment "${asked}"`, suggestion ? `did you mean "${suggestion}"?` : `choose one of: ${model.environmentNames.join(', ')}`);
  }
  const prefix = stackPrefix(model.id);
  const fromStack = model.environmentNames.find((env) => set.stacks.some((s) => s.path.split('/')[0] === `${prefix}${pascalCase(env, 'Env')}`));
  return fromStack ?? model.defaultEnvironment;
}

export function registerDrift(program: Command, context: CommandContext): void {
  program
    .command('drift')
    .description('Compare a model with a CloudFormation template or CDK cloud assembly: missing, unmodelled and changed elements')
    .argument('[model]', 'model file (default: the project model whose scaffolded stack the template is, or the only one)')
    .requiredOption('--template <path>', 'CloudFormation template (JSON or YAML, short-form tags allowed) or a cdk.out directory')
    .option('--env <name>', 'environment to compare (default: the one the stack name says, else the model\'s default)')
    .addOption(new Option('--output-format <format>', 'report format on stdout (the global --format json also selects json)').choices(['text', 'json', 'md', 'sarif']))
    .addHelpText('after', `
Examples:
  $ archgen drift model/point-system.yaml --template infra/cdk.out            # all stacks, nested included
  $ archgen drift --template infra/cdk.out --env prod                         # model found by stack name
  $ archgen drift model/point-system.yaml --template stack.yaml --output-format md > drift.md   # PR comment
  $ archgen drift model/point-system.yaml --template infra/cdk.out --output-format sarif > drift.sarif
  $ archgen --format json drift model/point-system.yaml --template template.json

Findings: drift/missing (in the model, not in the template), drift/unmodelled (in the template,
not in the model), drift/changed (both, with the model and template values). Each names the
model's file:line:col and the template's logical id. Values CloudFormation decides at deploy
time (GetAtt, imports, parameters without defaults) are listed as unknown, never as drift;
the scaffold's documented substitutions (lib/generated/REPORT.md) are listed as notes.
Exit codes: 0 no drift, 1 drift, 2 invalid model, template or usage, 3 internal error.`)
    .action(context.action(async (printer, given: string | undefined, opts: DriftOptions) => {
      const root = printer.options.root;
      if (!opts.template) throw usage('--template is required', 'pass a template file or a cdk.out directory');
      const templatePath = path.resolve(root, opts.template);
      printer.progress('reading the template…');
      const set = await readTemplateSet(templatePath);
      const isAssembly = await stat(templatePath).then((s) => s.isDirectory(), () => false);
      printer.progress('loading the model…');
      const model = await loadModelOrThrow(await modelFile(root, given, set), root);
      const environment = environmentOf(model, opts.env, set);
      printer.progress('comparing…');
      const observed = observeTemplateSet(set, isAssembly ? { constructPaths: await readConstructPaths(templatePath) } : {});
      const report = detectDrift(model, environment, observed);
      printer.endProgress();
      const format: ReportFormat = opts.outputFormat ?? (printer.options.format === 'json' ? 'json' : 'text');
      const emit = (document: string) => printer.out(document.replace(/\n$/, ''));
      // Only the asked-for format's module is loaded.
      if (format === 'json') emit((await import('../../drift/format-json.js')).renderDriftJson(report));
      else if (format === 'md') emit((await import('../../drift/format-markdown.js')).renderDriftMarkdown(report));
      else if (format === 'sarif') emit((await import('../../drift/format-sarif.js')).renderDriftSarif(report));
      else for (const line of (await import('../../drift/format-text.js')).renderDriftText(report, printer.paint)) printer.out(line);
      return hasDrift(report) ? 1 : 0;
    }));
}
