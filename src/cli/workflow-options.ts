import { UserError } from '../diagnostics/diagnostic.js';
import type { WorkflowOptions } from '../pipeline/workflow.js';
import type { Printer } from './output.js';

/** Help line of `--jobs`, shared by `generate` and `check`. */
export const JOBS_HELP = 'threads for generating: 1 keeps everything on one thread, 2 shares the generators with a second (default: 2 for models over 192 KiB on a machine with 4+ cores)';

/** Options of `generate` and `check`: the models named, `--templates`, `--jobs`, and progress on the terminal. */
export function workflowOptions(printer: Printer, modelFiles: readonly string[], opts: { templates?: string; jobs?: string }): WorkflowOptions {
  return {
    root: printer.options.root,
    modelFiles,
    overlays: opts.templates ? { 'templates/': opts.templates } : {},
    jobs: opts.jobs === undefined ? undefined : parseJobs(opts.jobs),
    onProgress: ({ generator, model, index, total }) => printer.progress(`[${index + 1}/${total}] ${generator}${model ? ` ${model}` : ''}`),
  };
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (/^\s*\d+\s*$/.test(value) && jobs >= 1) return jobs;
  throw new UserError(`--jobs ${value} is not a number of threads`, [
    { file: '<command line>', line: 1, col: 1, rule: 'cli/invalid-jobs', severity: 'error', message: `--jobs takes a whole number, 1 or more (got "${value}")`, hint: 'use --jobs 1 to stay on one thread, --jobs 2 to share the generators with a second thread' },
  ]);
}
