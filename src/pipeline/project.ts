/**
 * Finds the project's models and loads the inputs generators declared, so generators
 * themselves never touch the disk.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadModelFile } from '../load/load-model.js';
import type { ArchitectureModel } from '../model/types.js';
import type { Generator } from '../generators/types.js';
import { listFilesRecursive } from '../output/list-files.js';

/** Generator inputs are templates and price snapshots; anything this big is not one. */
const MAX_INPUT_BYTES = 4 * 1024 * 1024;
import { classAvailabilityWarnings } from '../cost/availability.js';
import { parseSnapshot, snapshotPath } from '../cost/snapshot.js';
import type { PriceSnapshot } from '../cost/types.js';

export { resolveModelFiles } from './model-files.js';

export interface LoadedModels {
  readonly models: ArchitectureModel[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Loads every model, collecting all diagnostics; `models` holds only the valid ones. Valid
 * models are also checked against the project's price snapshot of their region: an instance or
 * node class the Price List does not offer (e.g. `db.t3.small` for Aurora PostgreSQL) is a warning.
 */
export async function loadModels(root: string, files: readonly string[]): Promise<LoadedModels> {
  const models: ArchitectureModel[] = [];
  const diagnostics: Diagnostic[] = [];
  const snapshots = new Map<string, PriceSnapshot>();
  for (const file of files) {
    const result = await loadModelFile(file, root);
    diagnostics.push(...result.diagnostics);
    if (!result.model) continue;
    models.push(result.model);
    for (const env of Object.values(result.model.environments)) await loadSnapshot(root, env.metadata.region, snapshots);
    diagnostics.push(...classAvailabilityWarnings(result.model, snapshots));
  }
  return { models, diagnostics };
}

async function loadSnapshot(root: string, region: string, into: Map<string, PriceSnapshot>): Promise<void> {
  if (into.has(region)) return;
  try {
    const relative = snapshotPath(region);
    into.set(region, parseSnapshot(await readFile(path.join(root, relative), 'utf8'), relative));
  } catch {
    // No snapshot for this region: the availability check has nothing to say; `cost` reports it.
  }
}

/** Reads every file under the folders generators declared; `overlays` remap a folder (e.g. `--templates`). */
export async function loadInputs(
  root: string,
  generators: readonly Generator[],
  overlays: Readonly<Record<string, string>> = {},
): Promise<Map<string, string>> {
  const inputs = new Map<string, string>();
  const folders = [...new Set(generators.flatMap((g) => g.reads ?? []))].sort();
  for (const folder of folders) {
    for (const file of await listFilesRecursive(path.join(root, folder), { maxBytes: MAX_INPUT_BYTES })) {
      inputs.set(`${folder.replace(/\/$/, '')}/${file}`, await readFile(path.join(root, folder, file), 'utf8'));
    }
    const overlay = overlays[folder];
    if (overlay) {
      for (const file of await listFilesRecursive(path.resolve(root, overlay), { maxBytes: MAX_INPUT_BYTES })) {
        inputs.set(`${folder.replace(/\/$/, '')}/${file}`, await readFile(path.resolve(root, overlay, file), 'utf8'));
      }
    }
  }
  return inputs;
}
