/**
 * Runs every generator over the selected models and collects their files into one
 * {@link FileSet}. Nothing is written here: `generate` writes the set, `check` compares it
 * with the disk.
 */
import { generators as defaultGenerators } from '../generators/index.js';
import type { Generator, GeneratorContext } from '../generators/types.js';
import type { ArchitectureModel } from '../model/types.js';
import { FileSet } from '../output/file-set.js';
import { UserError } from '../diagnostics/diagnostic.js';

export interface GenerateOptions {
  readonly generators?: readonly Generator[];
  /** Called before each step, for progress output. */
  readonly onProgress?: (step: { generator: string; model?: string; index: number; total: number }) => void;
}

/** A generator threw: an internal bug, not a user mistake, reported with the generator's name. */
export class GeneratorError extends Error {
  constructor(readonly generator: string, readonly model: string | undefined, override readonly cause: unknown) {
    super(`generator "${generator}" failed${model ? ` on model "${model}"` : ''}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'GeneratorError';
  }
}

/**
 * @param selected models whose files to produce
 * @param all every valid model of the project (project-wide generators such as `compare` see them all)
 */
export async function generateFiles(
  selected: readonly ArchitectureModel[],
  all: readonly ArchitectureModel[],
  inputs: ReadonlyMap<string, string>,
  options: GenerateOptions = {},
): Promise<FileSet> {
  const list = options.generators ?? defaultGenerators;
  const ctx: GeneratorContext = { models: all, inputs };
  const files = new FileSet();
  const total = list.length * (selected.length + 1);
  let index = 0;
  for (const generator of list) {
    options.onProgress?.({ generator: generator.name, index: index++, total });
    if (generator.generateProject) {
      for (const file of await run(generator, undefined, () => generator.generateProject!(ctx))) files.add(file.path, file.content, generator.name);
    }
    for (const model of selected) {
      options.onProgress?.({ generator: generator.name, model: model.id, index: index++, total });
      for (const file of await run(generator, model.id, () => generator.generate(model, ctx))) files.add(file.path, file.content, generator.name, model.id);
    }
  }
  return files;
}

async function run<T>(generator: Generator, model: string | undefined, produce: () => T | Promise<T>): Promise<T> {
  try {
    return await produce();
  } catch (error) {
    // A user mistake found while generating (a missing template partial, a broken price snapshot) stays a UserError.
    if (error instanceof UserError) throw error;
    throw new GeneratorError(generator.name, model, error);
  }
}
