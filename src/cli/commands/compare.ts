import type { Command } from 'commander';
import { compareModels, renderComparison } from '../../compare/index.js';
import { UserError } from '../../diagnostics/diagnostic.js';
import { compareGenerator } from '../../generators/compare.js';
import type { Locale } from '../../model/types.js';
import { loadInputs } from '../../pipeline/project.js';
import { prepareModels } from '../../pipeline/workflow.js';
import type { CommandContext } from '../context.js';

export function registerCompare(program: Command, context: CommandContext): void {
  program
    .command('compare')
    .description('Compare architectures side by side: monthly cost, components, operational trade-offs')
    .argument('[models...]', 'two or more model files (default: every model/*.yaml)')
    .option('--locale <locale>', 'document language: ko or en', 'ko')
    .option('--templates <dir>', 'folder whose files override templates/ (same relative paths)')
    .addHelpText('after', `
Examples:
  $ archgen compare model/point-system*.yaml
  $ archgen compare --locale en model/point-system.yaml model/point-system-eks.yaml
  $ archgen compare --format json > comparison.json

Prints Markdown (or JSON with --format json). Costs come from model/pricing/<region>.json.
Exit codes: 0 compared, 2 invalid model or fewer than two models.`)
    .action(context.action(async (printer, files: string[], opts: { locale: string; templates?: string }) => {
      if (opts.locale !== 'ko' && opts.locale !== 'en') {
        throw new UserError(`unknown locale "${opts.locale}"`, [
          { file: '<command line>', line: 1, col: 1, rule: 'cli/unknown-locale', severity: 'error', message: `--locale ${opts.locale} is not supported`, hint: 'use --locale ko or --locale en' },
        ]);
      }
      const root = printer.options.root;
      const { selected, warnings } = await prepareModels(root, files);
      printer.diagnostics(warnings);
      if (selected.length < 2) {
        throw new UserError(`compare needs at least two models, got ${selected.length}`, [
          { file: '<command line>', line: 1, col: 1, rule: 'cli/compare-needs-two', severity: 'error', message: 'fewer than two models to compare', hint: 'name two or more model files, e.g. `archgen compare model/point-system*.yaml`' },
        ]);
      }
      const inputs = await loadInputs(root, [compareGenerator], opts.templates ? { 'templates/': opts.templates } : {});
      const comparison = compareModels(selected, inputs);
      if (printer.options.format === 'json') printer.json(comparison);
      else printer.out(renderComparison(comparison, inputs, opts.locale as Locale, 'output/').replace(/\n$/, ''));
      return 0;
    }));
}
