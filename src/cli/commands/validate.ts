import type { Command } from 'commander';
import { sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { loadModels, resolveModelFiles } from '../../pipeline/project.js';
import type { CommandContext } from '../context.js';

export function registerValidate(program: Command, context: CommandContext): void {
  program
    .command('validate')
    .description('Validate models against the JSON Schema and the semantic rules')
    .argument('[models...]', 'model files (default: every model/*.yaml)')
    .addHelpText('after', `
Examples:
  $ archgen validate                          # every model in model/
  $ archgen validate model/point-system.yaml
  $ archgen validate --format json model/*.yaml

Exit codes: 0 valid, 2 invalid (each error as file:line:col, rule id and hint).`)
    .action(context.action(async (printer, files: string[]) => {
      const root = printer.options.root;
      const resolved = await resolveModelFiles(root, files);
      const { models, diagnostics } = await loadModels(root, resolved);
      const sorted = sortDiagnostics(diagnostics);
      const errors = sorted.filter((d) => d.severity === 'error').length;
      if (printer.options.format === 'json') {
        printer.json({ valid: errors === 0, models: models.map((m) => m.id), diagnostics: sorted });
      } else {
        printer.diagnostics(sorted);
        if (!printer.options.quiet) {
          for (const model of models) printer.out(`${printer.paint.green('✓')} ${model.source.file} ${printer.paint.dim(`(${model.environmentNames.join(', ')})`)}`);
          if (errors) printer.err(printer.paint.red(`✗ ${errors} error${errors === 1 ? '' : 's'}`));
        }
      }
      return errors ? 2 : 0;
    }));
}
