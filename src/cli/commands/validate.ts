import type { Command } from 'commander';
import { sortDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { currentBuildId } from '../../pipeline/build-id.js';
import { recordedValidation } from '../../pipeline/fast-validate.js';
import type { CommandContext } from '../context.js';

export function registerValidate(program: Command, context: CommandContext): void {
  program
    .command('validate')
    .description('Validate models against the JSON Schema and the semantic rules')
    .argument('[models...]', 'model files (default: every model/*.yaml)')
    .option('--full', 'always parse and validate, even when output/manifest.json vouches for the models')
    .addHelpText('after', `
A model whose bytes, price snapshots and archgen build match the fingerprint \`archgen generate\`
recorded in output/manifest.json is reported from that record (validation is a pure function of
them); any other model is parsed and validated.

Examples:
  $ archgen validate                          # every model in model/
  $ archgen validate model/point-system.yaml
  $ archgen validate --format json model/*.yaml

Exit codes: 0 valid, 2 invalid (each error as file:line:col, rule id and hint).`)
    .action(context.action(async (printer, files: string[], opts: { full?: boolean }) => {
      const root = printer.options.root;
      const recorded = opts.full ? undefined : await recordedValidation(root, files, await currentBuildId());
      let models: { id: string; file: string; environmentNames: readonly string[] }[];
      let diagnostics: readonly Diagnostic[];
      if (recorded) {
        ({ diagnostics } = recorded);
        models = [...recorded.models];
      } else {
        // The YAML parser and the validator load only here.
        const { loadModels, resolveModelFiles } = await import('../../pipeline/project.js');
        const loaded = await loadModels(root, await resolveModelFiles(root, files));
        diagnostics = loaded.diagnostics;
        models = loaded.models.map((m) => ({ id: m.id, file: m.source.file, environmentNames: m.environmentNames }));
      }
      const sorted = sortDiagnostics(diagnostics);
      const errors = sorted.filter((d) => d.severity === 'error').length;
      if (printer.options.format === 'json') {
        printer.json({ valid: errors === 0, models: models.map((m) => m.id), diagnostics: sorted });
      } else {
        printer.diagnostics(sorted);
        if (!printer.options.quiet) {
          for (const model of models) printer.out(`${printer.paint.green('✓')} ${model.file} ${printer.paint.dim(`(${model.environmentNames.join(', ')})`)}`);
          if (errors) printer.err(printer.paint.red(`✗ ${errors} error${errors === 1 ? '' : 's'}`));
        }
      }
      return errors ? 2 : 0;
    }));
}
