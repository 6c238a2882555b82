import type { Command } from 'commander';
import path from 'node:path';
import { modelIdOf } from '../../load/load-model.js';
import { resolveModelFiles } from '../../pipeline/project.js';
import { renderModels } from '../../render/render-files.js';
import { EXIT, type CommandContext } from '../context.js';

export function registerRender(program: Command, context: CommandContext): void {
  program
    .command('render')
    .description('Render the generated diagram sources to SVG (and PNG) with one headless Chromium')
    .argument('[models...]', 'model files (default: every model/*.yaml)')
    .option('--png', 'also write a PNG next to every SVG')
    .option('--out <dir>', 'write to <dir>/<model>/ instead of output/<model>/rendered/')
    .addHelpText('after', `
Examples:
  $ archgen generate && archgen render          # SVG for every model
  $ archgen render model/point-system.yaml --png
  $ archgen render --out /tmp/diagrams --format json

Renders output/<model>/diagrams/*.mmd in one browser page with Mermaid loaded once (no network).
Each run records the sha256 of every rendered source in rendered/manifest.json, so a stale
render is found by comparing sources, not font-dependent image bytes.
Chromium: /usr/bin/chromium, or PUPPETEER_EXECUTABLE_PATH. Korean text needs fonts-noto-cjk.

Exit codes: 0 all rendered, 1 a source failed to render (named with the parse error), 2 usage error.`)
    .action(context.action(async (printer, files: string[], opts: { png?: boolean; out?: string }) => {
      const root = printer.options.root;
      const modelIds = (await resolveModelFiles(root, files)).map((file) => modelIdOf(file));
      const summary = await renderModels({
        root,
        modelIds,
        png: Boolean(opts.png),
        ...(opts.out ? { out: path.relative(root, path.resolve(opts.out)) || '.' } : {}),
        onProgress: (done, total, source) => printer.progress(`[${done}/${total}] ${source}`),
      });
      printer.endProgress();
      const counts = { new: 0, changed: 0, unchanged: 0, removed: 0 };
      for (const file of summary.files) counts[file.status]++;
      if (printer.options.format === 'json') {
        printer.json({ models: modelIds, sources: summary.sources, files: summary.files, counts, failures: summary.failures });
        return summary.failures.length ? EXIT.findings : EXIT.ok;
      }
      const paint = printer.paint;
      if (!printer.options.quiet) {
        const colour = { new: paint.green, changed: paint.yellow, unchanged: paint.dim, removed: paint.red };
        for (const file of summary.files) if (file.status !== 'unchanged') printer.out(`${colour[file.status](file.status.padEnd(9))} ${file.path}`);
      }
      for (const failure of summary.failures) {
        printer.err(paint.red(`✗ ${failure.source}: render failed`));
        for (const line of failure.message.split('\n')) printer.err(`  ${line}`);
      }
      if (summary.failures.length) {
        printer.err(paint.red(`✗ ${summary.failures.length} of ${summary.sources} diagrams failed to render`));
        return EXIT.findings;
      }
      if (!printer.options.quiet) printer.out(`${paint.green('✓')} ${summary.sources} diagrams rendered: ${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.removed} removed files`);
      return EXIT.ok;
    }));
}
