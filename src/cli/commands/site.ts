import type { Command } from 'commander';
import { buildSite, DEFAULT_SITE_DIR } from '../../site/build.js';
import type { CommandContext } from '../context.js';
import { runWatch, type WatchCliOptions } from './watch.js';

interface SiteOptions extends WatchCliOptions {
  readonly watch?: boolean;
}

export function registerSite(program: Command, context: CommandContext): void {
  program
    .command('site')
    .description('Build a static, offline site: document, diagrams, security matrix, costs, model source')
    .argument('[models...]', 'model files (default: every model/*.yaml)')
    .option('-o, --out <dir>', 'output folder (a build artifact; git-ignored)', DEFAULT_SITE_DIR)
    .option('--templates <dir>', 'folder whose files override templates/ (site assets live in templates/site/)')
    .option('-w, --watch', 'rebuild on every save and live-reload the page (same as `archgen watch`)')
    .option('--port <port>', 'port of the live-reload server with --watch (0: any free port)', '4173')
    .addHelpText('after', `
Examples:
  $ archgen site                          # every model → site/index.html (open it from disk)
  $ archgen site model/point-system.yaml --out /tmp/site
  $ archgen site --watch                  # serve on http://127.0.0.1:4173 and reload on save

The site makes no network request: draw.io's viewer and the AWS icons are bundled.
Exit codes: 0 built, 2 invalid model or usage, 3 internal error.`)
    .action(context.action(async (printer, files: string[], opts: SiteOptions) => {
      if (opts.watch) return runWatch(printer, files, opts);
      const overlays: Record<string, string> = opts.templates ? { 'templates/': opts.templates } : {};
      printer.progress('building the site…');
      const result = await buildSite({ root: printer.options.root, modelFiles: files, out: opts.out ?? DEFAULT_SITE_DIR, overlays });
      printer.endProgress();
      printer.diagnostics(result.warnings);
      if (printer.options.format === 'json') {
        printer.json({ out: result.out, models: result.models, files: result.files, written: result.written, unchanged: result.unchanged, removed: result.removed, bytes: result.bytes, diagrams: result.diagrams, unavailable: result.unavailable });
        return 0;
      }
      for (const line of result.unavailable) printer.err(printer.paint.yellow(`not available: ${line}`));
      if (!printer.options.quiet) {
        printer.out(`${printer.paint.green('✓')} site for ${result.models.join(', ')}: ${result.files} files (${result.written} written, ${result.removed} removed), ${(result.bytes / 1024 / 1024).toFixed(1)} MB; Mermaid: ${result.diagrams.rendered} rendered, ${result.diagrams.reused} reused`);
        printer.out(`  open ${result.out}/index.html`);
      }
      return 0;
    }));
}
