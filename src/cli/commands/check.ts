import type { Command } from 'commander';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DriftReport } from '../../output/drift.js';
import { currentBuildId } from '../../pipeline/build-id.js';
import { fastCheck } from '../../pipeline/fast-check.js';
import type { ModelRenderDrift } from '../../pipeline/workflow.js';
import type { CommandContext } from '../context.js';
import type { Printer } from '../output.js';
import { JOBS_HELP, workflowOptions } from '../workflow-options.js';

export function registerCheck(program: Command, context: CommandContext): void {
  program
    .command('check')
    .description('Fail when committed artifacts drift from the models (for CI)')
    .argument('[models...]', 'model files (default: every model/*.yaml)')
    .option('--templates <dir>', 'folder whose files override templates/')
    .option('--jobs <n>', JOBS_HELP)
    .option('--full', 'always regenerate and compare, even when the fingerprints in output/manifest.json match')
    .addHelpText('after', `
When output/manifest.json shows that no model, template, price snapshot or archgen itself changed
since \`archgen generate\`, and every generated file still has its recorded sha256, check is clean
without running the generators. Anything else regenerates in memory and diffs.

Examples:
  $ archgen check                  # in CI, after checkout
  $ archgen check --format json
  $ archgen check --full           # regenerate and diff regardless of the fingerprints

Exit codes: 0 in step, 1 drift (a unified diff per changed file, missing and stale files listed), 2 invalid model.`)
    .action(context.action(async (printer, files: string[], opts: { templates?: string; full?: boolean; jobs?: string }) => {
      const options = workflowOptions(printer, files, opts);
      let outcome: CheckOutcome | undefined;
      if (!opts.full) {
        const fast = await fastCheck({ root: options.root, modelFiles: files, overlays: options.overlays ?? {}, buildId: await currentBuildId() });
        if (fast.fast) outcome = { report: { changed: [], missing: [], stale: [], unchanged: fast.unchanged }, renders: fast.renders, warnings: fast.warnings, fast: true };
      }
      if (!outcome) {
        // The full path loads the model loader and every generator (elkjs, handlebars, …): only now.
        const { runCheck } = await import('../../pipeline/workflow.js');
        const { report, renders, prepared } = await runCheck(options);
        outcome = { report, renders, warnings: prepared.warnings, fast: false };
      }
      printer.endProgress();
      return printOutcome(printer, outcome);
    }));
}

interface CheckOutcome {
  readonly report: DriftReport;
  readonly renders: readonly ModelRenderDrift[];
  readonly warnings: readonly Diagnostic[];
  /** True when the fingerprints matched and no generator ran. */
  readonly fast: boolean;
}

/** Prints what `check` found, the same way whichever path found it; returns the exit code. */
function printOutcome(printer: Printer, { report, renders, warnings, fast }: CheckOutcome): number {
  printer.diagnostics(warnings);
  const drifted = report.changed.length + report.missing.length + report.stale.length > 0;
  const drift = drifted || renders.length > 0;
  if (printer.options.format === 'json') {
    printer.json({ drift, changed: report.changed.map((c) => c.path), missing: report.missing, stale: report.stale, renders, unchanged: report.unchanged, diffs: Object.fromEntries(report.changed.map((c) => [c.path, c.diff])), fast });
    return drift ? 1 : 0;
  }
  const paint = printer.paint;
  for (const change of report.changed) {
    printer.out(paint.yellow(`changed: ${change.path}`));
    if (!printer.options.quiet) {
      for (const line of change.diff.split('\n').slice(2)) {
        printer.out(line.startsWith('+') ? paint.green(line) : line.startsWith('-') ? paint.red(line) : line.startsWith('@@') ? paint.cyan(line) : line);
      }
    }
  }
  for (const file of report.missing) printer.out(paint.red(`missing: ${file}`));
  for (const file of report.stale) printer.out(paint.red(`stale:   ${file} (no longer generated)`));
  for (const render of renders) {
    for (const file of render.stale) printer.out(paint.red(`render stale: ${file} changed since \`archgen render\` drew it`));
    for (const file of render.unrendered) printer.out(paint.red(`not rendered: ${file}`));
    for (const file of render.orphaned) printer.out(paint.red(`orphaned render: ${file} (source no longer generated)`));
  }
  if (renders.length) printer.err(paint.red(`✗ rendered images are out of date for ${renders.map((r) => r.model).join(', ')}: run \`archgen render --png\` and commit output/<model>/rendered/.`));
  if (drifted) {
    printer.err(paint.red(`✗ drift: ${report.changed.length} changed, ${report.missing.length} missing, ${report.stale.length} stale. Run \`archgen generate\` and commit the result.`));
    return 1;
  }
  if (!printer.options.quiet) printer.out(`${paint.green('✓')} ${report.unchanged} generated files match the models${fast ? paint.dim(' (fingerprints unchanged, no generator ran)') : ''}`);
  return 0;
}
