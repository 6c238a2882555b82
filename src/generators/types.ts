import type { ArchitectureModel } from '../model/types.js';

/** One generated file: a project-relative POSIX path and its exact content. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/**
 * Everything a generator may read besides the model. The pipeline loads it before generators
 * run, so generators stay pure: no I/O, no clock, no randomness.
 */
export interface GeneratorContext {
  /** Every model of the project, for generators that compare architectures. */
  readonly models: readonly ArchitectureModel[];
  /**
   * Text inputs the generators declared in {@link Generator.reads}, keyed by project-relative
   * POSIX path (e.g. `templates/doc/overview.hbs`, `model/pricing/ap-northeast-2.json`).
   * `--templates DIR` overlays files under `templates/`.
   */
  readonly inputs: ReadonlyMap<string, string>;
}

export interface Generator {
  /** Short id used in summaries and errors, e.g. `drawio`. */
  readonly name: string;
  readonly description: string;
  /** Project-relative folders whose files this generator reads through {@link GeneratorContext.inputs}. */
  readonly reads?: readonly string[];
  /** Files for one model. Paths are project-relative (`output/<model>/...`, `resource/...`). */
  generate(model: ArchitectureModel, ctx: GeneratorContext): readonly GeneratedFile[] | Promise<readonly GeneratedFile[]>;
  /** Files that belong to the project as a whole rather than to one model (schema, comparison). */
  generateProject?(ctx: GeneratorContext): readonly GeneratedFile[] | Promise<readonly GeneratedFile[]>;
}
