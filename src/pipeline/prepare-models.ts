/**
 * Loads the models a run works on: the selected ones (all must be valid) and every project model
 * for project-wide views such as the comparison.
 */
import path from 'node:path';
import { UserError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { modelIdOf } from '../load/load-model.js';
import type { ArchitectureModel } from '../model/types.js';
import { loadModels, resolveModelFiles } from './project.js';

export interface Prepared {
  readonly selected: ArchitectureModel[];
  readonly all: ArchitectureModel[];
  readonly warnings: Diagnostic[];
  /** Every model file in `model/`, or undefined when the folder cannot be listed. */
  readonly projectFiles: readonly string[] | undefined;
}

/**
 * Loads the selected models (all must be valid) and every project model for project-wide views.
 * `resolved` is `resolveModelFiles(root, modelFiles)` when the caller already has it.
 */
export async function prepareModels(root: string, modelFiles: readonly string[], resolved?: readonly string[]): Promise<Prepared> {
  const selectedFiles = resolved ?? (await resolveModelFiles(root, modelFiles));
  const projectFiles = modelFiles.length ? await resolveModelFiles(root, []).catch(() => undefined) : selectedFiles;
  const selectedSet = new Set(selectedFiles);
  // Project order (model/ by name) whatever the selection: project-wide files list every model in it.
  const loaded = await loadModels(root, [...new Set([...(projectFiles ?? []), ...selectedFiles])]);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error' && selectedSet.has(path.resolve(root, d.file)));
  if (errors.length) throw new UserError(`${errors.length} error${errors.length === 1 ? '' : 's'} in the model${selectedFiles.length === 1 ? '' : 's'}`, errors);
  // Selected models in the order asked for (compare shows them that way); `all` stays in project order.
  const byId = new Map(loaded.models.map((m) => [m.id, m]));
  const selected = [...new Set(selectedFiles.map(modelIdOf))].flatMap((id) => byId.get(id) ?? []);
  const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning' && selectedSet.has(path.resolve(root, d.file)));
  return { selected, all: loaded.models, warnings, projectFiles };
}

