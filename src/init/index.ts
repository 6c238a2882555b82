/**
 * `archgen init`: writes a starter model, validates it, and (unless told not to) generates its
 * artifacts, so a new project starts from a model that goes through every generator.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../diagnostics/diagnostic.js';
import { loadModelFile } from '../load/load-model.js';
import type { ArchitectureModel } from '../model/types.js';
import type { InitOptions } from './options.js';
import { starterModel } from './starter.js';

export { askMissing } from './prompt.js';
export { DEFAULTS, resolveInitOptions, slugOf, type InitOptions } from './options.js';
export { starterModel } from './starter.js';

/** Writes the starter model under `root` and loads it back; refuses to overwrite unless `force`. */
export async function writeStarterModel(root: string, options: InitOptions, force = false): Promise<{ file: string; model: ArchitectureModel }> {
  const file = path.resolve(root, options.out);
  if (existsSync(file) && !force) {
    throw new UserError(`${options.out} already exists`, [
      { file: options.out, line: 1, col: 1, rule: 'init/file-exists', severity: 'error', message: 'refusing to overwrite an existing model', hint: 'choose another --out, or pass --force to replace it' },
    ]);
  }
  const schema = path.relative(path.dirname(file), path.join(root, 'model', 'architecture.schema.json')).split(path.sep).join('/');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, starterModel(options, schema.startsWith('.') ? schema : `./${schema}`));
  const loaded = await loadModelFile(file, root);
  if (!loaded.model) throw new UserError(`the starter model ${options.out} does not validate (a bug in archgen init)`, loaded.diagnostics);
  return { file, model: loaded.model };
}
