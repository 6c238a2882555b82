import type { Command } from 'commander';
import { askMissing, resolveInitOptions, writeStarterModel } from '../../init/index.js';
import { runGenerate } from '../../pipeline/workflow.js';
import type { CommandContext } from '../context.js';

interface InitFlags {
  name?: string;
  region?: string;
  azs?: string;
  out?: string;
  force?: boolean;
  generate: boolean;
  prompt: boolean;
}

export function registerInit(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description('Create a starter model (ALB → ECS Fargate → Aurora) that validates and generates')
    .option('--name <name>', 'system name', undefined)
    .option('--region <region>', 'AWS region code (default ap-northeast-2)')
    .option('--azs <n>', 'availability zones, 1 to 3 (default 2)')
    .option('--out <file>', 'model file to write (default model/<name>.yaml)')
    .option('--force', 'overwrite an existing model file')
    .option('--no-generate', 'only write and validate the model')
    .option('--no-prompt', 'never ask, even on a terminal (missing options take their defaults)')
    .addHelpText('after', `
Examples:
  $ archgen init                                  # asks on a terminal
  $ archgen init --name "Free points" --region ap-northeast-2 --azs 2
  $ archgen init --name Sandbox --azs 1 --out model/sandbox.yaml --no-generate

Exit codes: 0 written (and generated), 2 invalid option or existing file.`)
    .action(context.action(async (printer, flags: InitFlags) => {
      const given = { name: flags.name, region: flags.region, azs: flags.azs, out: flags.out };
      const interactive = flags.prompt && process.stdin.isTTY === true && process.stdout.isTTY === true && printer.options.format !== 'json';
      const options = resolveInitOptions(interactive ? await askMissing(given) : given);
      const root = printer.options.root;
      const { model } = await writeStarterModel(root, options, flags.force);
      const generated = flags.generate ? (await runGenerate({ root, modelFiles: [options.out] })).entries.filter((e) => e.status !== 'unchanged').length : 0;
      if (printer.options.format === 'json') {
        printer.json({ model: options.out, id: model.id, environments: model.environmentNames, generated });
      } else if (!printer.options.quiet) {
        printer.out(`${printer.paint.green('✓')} wrote ${options.out} (${model.environmentNames.join(', ')}), valid`);
        if (flags.generate) printer.out(`${printer.paint.green('✓')} generated ${generated} files; see output/${model.id}/architecture.ko.md`);
        printer.out(`next: edit ${options.out}, then run \`archgen generate\``);
      }
      return 0;
    }));
}
