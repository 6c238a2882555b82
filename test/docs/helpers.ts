/** Shared helpers of the document tests: the project's models and the inputs the docs generator reads. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'markdownlint';
import { fileURLToPath } from 'node:url';
import { docsGenerator, documentFiles } from '../../src/generators/docs.js';
import type { GeneratedFile } from '../../src/generators/types.js';
import { loadModelFromBytes } from '../../src/load/load-model.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { loadInputs, loadModels, resolveModelFiles } from '../../src/pipeline/project.js';

/** markdownlint defaults, except line length (long Korean sentences and tables) and `<br>` in table cells. */
export const LINT_CONFIG: Configuration = { default: true, MD013: false, MD033: { allowed_elements: ['br'] } };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function projectModels(): Promise<ArchitectureModel[]> {
  const { models, diagnostics } = await loadModels(ROOT, await resolveModelFiles(ROOT, []));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`bundled models do not validate: ${JSON.stringify(errors)}`);
  return models;
}

/** Inputs of the docs generator, optionally with `--templates DIR` overlaid. */
export const docInputs = (templates?: string): Promise<Map<string, string>> =>
  loadInputs(ROOT, [docsGenerator], templates ? { 'templates/': templates } : {});

/** The documents of one model as a path → text map. */
export function documents(model: ArchitectureModel, models: readonly ArchitectureModel[], inputs: ReadonlyMap<string, string>): Map<string, string> {
  return new Map(documentFiles(model, { models, inputs }).map((f: GeneratedFile) => [f.path, String(f.content)]));
}

/** The seed model with some YAML text replaced, loaded as `model/<id>.yaml`. */
export function seedVariant(id: string, edit: (yaml: string) => string): ArchitectureModel {
  const yaml = edit(readFileSync(path.join(ROOT, 'model/point-system.yaml'), 'utf8'));
  const result = loadModelFromBytes(`model/${id}.yaml`, new TextEncoder().encode(yaml));
  if (!result.model) throw new Error(`variant does not validate: ${JSON.stringify(result.diagnostics)}`);
  return result.model;
}
