import type { WorkflowOptions } from '../pipeline/workflow.js';
import type { Printer } from './output.js';

/** Options of `generate` and `check`: the models named, `--templates`, and progress on the terminal. */
export function workflowOptions(printer: Printer, modelFiles: readonly string[], opts: { templates?: string }): WorkflowOptions {
  return {
    root: printer.options.root,
    modelFiles,
    overlays: opts.templates ? { 'templates/': opts.templates } : {},
    onProgress: ({ generator, model, index, total }) => printer.progress(`[${index + 1}/${total}] ${generator}${model ? ` ${model}` : ''}`),
  };
}
