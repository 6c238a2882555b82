/**
 * `output/manifest.json` lists every generated path with the model it belongs to (`*` for
 * project-wide files), so `check` can name stale files (generated before, no longer produced)
 * and `generate` can remove them, also when only some models are regenerated.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileSet } from './file-set.js';
import { stableJson } from './stable-json.js';

export const MANIFEST_PATH = 'output/manifest.json';
const PROJECT = '*';

export type Manifest = Readonly<Record<string, string>>;

/** A POSIX path inside the project: not absolute, no `..`, no empty or `.` segments, no backslashes. */
export function isSafeRelativePath(file: string): boolean {
  return file.length > 0 && !file.startsWith('/') && !file.includes('\\') && !/^[A-Za-z]:/.test(file)
    && file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

export async function readManifest(root: string): Promise<Manifest> {
  try {
    const parsed = JSON.parse(await readFile(path.join(root, MANIFEST_PATH), 'utf8')) as { files?: unknown };
    const files = parsed.files;
    if (!files || typeof files !== 'object' || Array.isArray(files)) return {};
    // The manifest is a committed, editable file: only plain project-relative paths may be removed as stale.
    return Object.fromEntries(Object.entries(files).filter(([file, model]) => typeof model === 'string' && isSafeRelativePath(file)));
  } catch {
    return {};
  }
}

/**
 * The manifest after a run over `selected` models: their entries and the project-wide ones are
 * replaced by what the run produced; other models' entries are kept, except those of models that
 * no longer exist in the project (`existing`, when known), whose files are stale too.
 */
export function nextManifest(
  previous: Manifest,
  files: FileSet,
  selected: ReadonlySet<string>,
  existing?: ReadonlySet<string>,
): { manifest: Manifest; stale: string[] } {
  const next: Record<string, string> = {};
  const stale: string[] = [];
  for (const [file, model] of Object.entries(previous)) {
    const regenerated = model === PROJECT || selected.has(model) || (existing !== undefined && !existing.has(model));
    if (!regenerated) next[file] = model;
    else if (files.get(file) === undefined) stale.push(file);
  }
  for (const file of files.paths()) if (file !== MANIFEST_PATH) next[file] = files.modelOf(file) ?? PROJECT;
  return { manifest: next, stale: stale.sort() };
}

export function manifestContent(manifest: Manifest): string {
  return stableJson({ comment: 'Written by `archgen generate`: every generated file and its model. Do not edit.', files: manifest });
}
