import type { Command } from 'commander';
import { runGenerate } from '../../pipeline/workflow.js';
import type { CommandContext } from '../context.js';
import { JOBS_HELP, workflowOptions } from '../workflow-options.js';

export function registerGenerate(program: Command, context: CommandContext): void {
  program
    .command('generate')
    .description('Generate every artifact (diagrams, matrices, costs, documents) from the models')
    .argument('[models...]', 'model files (default: every model/*.yaml)')
    .option('--templates <dir>', 'folder whose files override templates/ (same relative paths)')
    .option('--jobs <n>', JOBS_HELP)
    .addHelpText('after', `
Examples:
  $ archgen generate                               # all models
  $ archgen generate model/point-system.yaml
  $ archgen generate --templates my-templates/     # override document partials

Only files whose bytes change are written, each atomically; stale files are removed.`)
    .action(context.action(async (printer, files: string[], opts: { templates?: string; jobs?: string }) => {
      const { entries, prepared } = await runGenerate(workflowOptions(printer, files, opts));
      printer.endProgress();
      printer.diagnostics(prepared.warnings);
      const counts = { new: 0, changed: 0, unchanged: 0, removed: 0 };
      for (const entry of entries) counts[entry.status]++;
      if (printer.options.format === 'json') {
        printer.json({ models: prepared.selected.map((m) => m.id), files: entries, counts });
      } else if (!printer.options.quiet) {
        const paint = printer.paint;
        const colour = { new: paint.green, changed: paint.yellow, unchanged: paint.dim, removed: paint.red };
        for (const entry of entries) {
          if (entry.status === 'unchanged') continue;
          printer.out(`${colour[entry.status](entry.status.padEnd(9))} ${entry.path} ${paint.dim(formatBytes(entry.bytes))}`);
        }
        printer.out(`${entries.length - counts.removed} files: ${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.removed} removed`);
      }
      return 0;
    }));
}

export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
