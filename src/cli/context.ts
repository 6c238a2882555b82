/**
 * Wraps every command action: builds the printer from the global options, turns user errors
 * into diagnostics with exit code 2, output that cannot be written into a plain message (exit 3),
 * and internal errors into a report with a stack (exit 3).
 */
import type { Command } from 'commander';
import path from 'node:path';
import { UserError } from '../diagnostics/diagnostic.js';
import { OutputWriteError } from '../output/write-error.js';
import { createPrinter, type GlobalOptions, type Printer } from './output.js';

export type ActionBody = (printer: Printer, ...args: any[]) => Promise<number>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface CommandContext {
  action(body: ActionBody): (...args: unknown[]) => Promise<void>;
}

export const EXIT = { ok: 0, findings: 1, invalid: 2, internal: 3 } as const;

export function createCommandContext(setExitCode: (code: number) => void): CommandContext {
  return {
    action: (body) => async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const globals = command.optsWithGlobals() as { root?: string; quiet?: boolean; format?: string; color?: boolean };
      const options: GlobalOptions = {
        root: path.resolve(globals.root ?? process.cwd()),
        quiet: Boolean(globals.quiet),
        format: globals.format === 'json' ? 'json' : 'text',
        color: globals.color !== false,
      };
      const printer = createPrinter(options);
      try {
        setExitCode(await body(printer, ...args.slice(0, -1)));
      } catch (error) {
        printer.endProgress();
        setExitCode(reportError(printer, error));
      }
    },
  };
}

export function reportError(printer: Printer, error: unknown): number {
  if (error instanceof UserError) {
    if (printer.options.format === 'json') {
      printer.json({ error: error.message, diagnostics: error.diagnostics });
    } else {
      printer.diagnostics(error.diagnostics);
      printer.err(printer.paint.red(`✗ ${error.message}`));
    }
    return EXIT.invalid;
  }
  if (error instanceof OutputWriteError) {
    const unchanged = error.written === 0 ? 'nothing was changed: every existing output file is as it was' : `${error.written} file(s) were replaced whole before the failure; the others are as they were`;
    if (printer.options.format === 'json') printer.json({ error: error.message, file: error.file, code: error.code, hint: error.hint, written: error.written });
    else {
      printer.err(printer.paint.red(`✗ ${error.message}`));
      printer.err(`  hint: ${error.hint}`);
      printer.err(`  ${unchanged}; no temp files left`);
    }
    return EXIT.internal;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  printer.err(printer.paint.red(`internal error: ${err.message}`));
  printer.err(printer.paint.dim(err.stack ?? ''));
  printer.err('This is a bug in archgen, not in your model; please report it with the output above.');
  return EXIT.internal;
}
