/**
 * Finding the project's model files, without loading the YAML parser or the validator: the fast
 * `check` needs the list of models and nothing else of the loader.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../diagnostics/diagnostic.js';

/** `file` relative to `root` with `/` separators, or absolute when it lies outside the project. */
export function projectRelative(file: string, root: string): string {
  const relative = path.relative(root, path.resolve(root, file));
  return (relative.startsWith('..') ? path.resolve(root, file) : relative).split(path.sep).join('/');
}

/** Model files: the given ones, or every `model/*.yaml` in name order. */
export async function resolveModelFiles(root: string, given: readonly string[]): Promise<string[]> {
  if (given.length) return given.map((file) => path.resolve(root, file));
  const dir = path.join(root, 'model');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new UserError(`no model given and ${projectRelative(dir, root)}/ does not exist`, [
      { file: 'model/', line: 1, col: 1, rule: 'io/no-models', severity: 'error', message: 'no models found', hint: 'pass a model file, or run `archgen init` to create one' },
    ]);
  }
  return names.filter((name) => /\.ya?ml$/i.test(name)).sort().map((name) => path.join(dir, name));
}
