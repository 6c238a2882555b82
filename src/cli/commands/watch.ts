import type { Command } from 'commander';
import { formatDiagnostic, UserError } from '../../diagnostics/diagnostic.js';
import { DEFAULT_SITE_DIR } from '../../site/build.js';
import { startWatch } from '../../site/watch.js';
import type { CommandContext } from '../context.js';
import type { Printer } from '../output.js';

export interface WatchCliOptions {
  readonly out?: string;
  readonly templates?: string;
  readonly port?: string;
}

/** Runs the watch session until Ctrl-C; shared by `archgen watch` and `archgen site --watch`. */
export async function runWatch(printer: Printer, files: string[], opts: WatchCliOptions): Promise<number> {
  const port = Number(opts.port ?? '4173');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UserError(`--port must be a number from 0 to 65535, not "${opts.port}"`);
  }
  const paint = printer.paint;
  const session = await startWatch({
    root: printer.options.root,
    modelFiles: files,
    out: opts.out ?? DEFAULT_SITE_DIR,
    overlays: opts.templates ? { 'templates/': opts.templates } : ({} as Record<string, string>),
    port,
    onBuild: (event) => {
      const time = new Date().toISOString().slice(11, 19);
      if (event.ok) printer.out(`${paint.dim(time)} ${paint.green('✓')} built ${event.result.models.join(', ')} in ${event.ms.toFixed(0)} ms (${event.result.written} files changed)`);
      else {
        printer.err(`${paint.dim(time)} ${paint.red('✗')} ${event.error instanceof Error ? event.error.message : String(event.error)}; the last good build stays on disk`);
        if (event.error instanceof UserError) for (const d of event.error.diagnostics) printer.err(paint.dim(`  ${formatDiagnostic(d)}`));
      }
    },
  });
  printer.out(`watching; open ${paint.cyan(session.server.url)} (Ctrl-C stops)`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await session.close();
  return 0;
}

export function registerWatch(program: Command, context: CommandContext): void {
  program
    .command('watch')
    .description('Rebuild the site on every save of the models or templates and live-reload the page')
    .argument('[models...]', 'model files (default: every model/*.yaml)')
    .option('-o, --out <dir>', 'output folder', DEFAULT_SITE_DIR)
    .option('--templates <dir>', 'folder whose files override templates/')
    .option('--port <port>', 'port on 127.0.0.1 (0: any free port)', '4173')
    .addHelpText('after', `
Examples:
  $ archgen watch                          # http://127.0.0.1:4173
  $ archgen watch model/point-system.yaml --port 0

An invalid model shows its errors (file:line:col, rule id) in the page; the last good build stays on disk.`)
    .action(context.action(async (printer, files: string[], opts: WatchCliOptions) => runWatch(printer, files, opts)));
}
