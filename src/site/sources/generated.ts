/**
 * Runs every registered generator in memory, one at a time, so a generator that fails (or is
 * still being written) only blanks the tabs that need it, with its error as the reason.
 */
import { generators as registered } from '../../generators/index.js';
import type { Generator } from '../../generators/types.js';
import type { ArchitectureModel } from '../../model/types.js';
import { generateFiles } from '../../pipeline/generate.js';

export interface GeneratedOutput {
  /** Project-relative path → text, with the model each file belongs to (undefined: project-wide). */
  readonly files: ReadonlyMap<string, { readonly text: string; readonly model?: string; readonly generator: string }>;
  /** Generator name → error message, for generators that threw. */
  readonly failures: ReadonlyMap<string, string>;
  /** Names of the registered generators. */
  readonly names: readonly string[];
}

/** Generators whose files the site shows; the others (reports, schema, CDK) are not run. */
export const SITE_GENERATORS: readonly string[] = ['docs', 'drawio', 'mermaid', 'compare'];

export async function runGenerators(
  selected: readonly ArchitectureModel[],
  all: readonly ArchitectureModel[],
  inputs: ReadonlyMap<string, string>,
  list: readonly Generator[] = registered.filter((g) => SITE_GENERATORS.includes(g.name)),
): Promise<GeneratedOutput> {
  const files = new Map<string, { text: string; model?: string; generator: string }>();
  const failures = new Map<string, string>();
  for (const generator of list) {
    try {
      const set = await generateFiles(selected, all, inputs, { generators: [generator] });
      for (const path of set.paths()) {
        const model = set.modelOf(path);
        files.set(path, { text: Buffer.from(set.get(path)!).toString('utf8'), generator: generator.name, ...(model ? { model } : {}) });
      }
    } catch (error) {
      const cause = error instanceof Error && 'cause' in error && error.cause instanceof Error ? error.cause : error;
      failures.set(generator.name, cause instanceof Error ? cause.message : String(cause));
    }
  }
  return { files, failures, names: list.map((g) => g.name) };
}

/** Why a generator's files are absent: its error, or that it is not registered (yet). */
export function absenceReason(output: GeneratedOutput, generator: string, what: string): string {
  const failure = output.failures.get(generator);
  if (failure) return `The ${generator} generator failed while building the site: ${failure}`;
  if (!output.names.includes(generator)) return `The ${generator} generator is not part of archgen yet, so there is no ${what} to show.`;
  return `The ${generator} generator produced no ${what} for this model.`;
}
