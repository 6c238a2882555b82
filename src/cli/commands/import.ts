import type { Command } from 'commander';
import path from 'node:path';
import { compareWithModel } from '../../import/compare-with-model.js';
import { formatComparison, formatImportReport } from '../../import/format-report.js';
import { importTemplate } from '../../import/index.js';
import { loadModelOrThrow, toDisplayPath } from '../../load/load-model.js';
import type { CommandContext } from '../context.js';

interface ImportFlags {
  template?: string;
  out?: string;
  id?: string;
  region?: string;
  force?: boolean;
  compare?: string;
  dryRun?: boolean;
}

export function registerImport(program: Command, context: CommandContext): void {
  program
    .command('import')
    .description('Write a first model from a CloudFormation template or a cdk.out assembly, and list what could not be mapped')
    .requiredOption('--template <path>', 'template file (JSON or YAML with !Ref, !GetAtt, !Sub, …) or cdk.out directory')
    .option('-o, --out <file>', 'model file to write (default model/<id>.yaml)')
    .option('--id <id>', 'model id, the output file name without .yaml (default: from -o, else the stack name)')
    .option('--region <region>', 'AWS region (default: from the template\'s availability zones)')
    .option('--force', 'overwrite an existing model file')
    .option('--compare <model>', 'list and explain how the imported model differs from this model')
    .option('--dry-run', 'build and validate the model, write nothing')
    .addHelpText('after', `
Examples:
  $ archgen import --template infra/cdk.out -o model/points.yaml
  $ archgen import --template stack.yaml -o model/orders.yaml --region eu-west-1
  $ archgen import --template cdk.out -o model/seed-import.yaml --compare model/point-system.yaml
  $ archgen import --template stack.yaml -o model/orders.yaml --format json   # mapped, not mapped, guessed

The model validates (schema and semantic rules) before it is written, atomically. Values that
CloudFormation knows only at deploy time are guessed or left out, and listed.
Exit codes: 0 written, 2 invalid template or options, or the file exists (use --force).`)
    .action(context.action(async (printer, flags: ImportFlags) => {
      const root = printer.options.root;
      const result = await importTemplate({
        template: flags.template!, root,
        ...(flags.out !== undefined ? { out: flags.out } : {}), ...(flags.id !== undefined ? { id: flags.id } : {}),
        ...(flags.region !== undefined ? { region: flags.region } : {}), force: Boolean(flags.force), dryRun: Boolean(flags.dryRun),
      });
      const reference = flags.compare ? await loadModelOrThrow(path.resolve(root, flags.compare), root) : undefined;
      const differences = reference ? compareWithModel(result.model, reference, result.report) : undefined;
      const env = result.model.environments[result.model.defaultEnvironment]!;
      const summary = { components: env.components.length, securityGroups: env.securityGroups.length, subnets: env.network.subnets.length, connections: env.connections.length, alarms: env.monitoring.alarms.length };
      if (printer.options.format === 'json') {
        const { mapped, unmapped, notes, warnings, source } = result.report;
        printer.json({
          model: result.file, id: result.model.id, written: result.written, source, summary,
          mapped, unmapped, guessed: notes.filter((n) => n.kind === 'guessed'), dropped: notes.filter((n) => n.kind === 'dropped'), warnings,
          ...(differences ? { comparison: { model: toDisplayPath(flags.compare!, root), differences } } : {}),
        });
        return 0;
      }
      if (!printer.options.quiet) {
        const verb = result.written ? 'wrote' : 'would write';
        printer.out(`${printer.paint.green('✓')} ${verb} ${result.file} (valid): ${summary.components} components, ${summary.securityGroups} security groups, ${summary.subnets} subnets, ${summary.connections} flows, ${summary.alarms} alarms`);
        for (const line of formatImportReport(result.report)) printer.out(line);
        if (differences) {
          printer.out('');
          for (const line of formatComparison(differences, toDisplayPath(flags.compare!, root))) printer.out(line);
        }
        printer.out('');
        printer.out(`next: review ${result.file} (the header says what not to trust), then run \`archgen generate\``);
      }
      return 0;
    }));
}
