/**
 * Loads one model file: parse with positions, validate against the schema and the semantic
 * rules, then normalize every environment. All errors of a file come back at once.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { environmentNames, normalizeEnvironment } from '../model/normalize.js';
import type { ArchitectureModel, ResolvedEnvironment } from '../model/types.js';
import { validateModelData } from '../validate/model-validation.js';
import { parseModelText, sizeLimitDiagnostic } from './parse-yaml.js';
import type { PositionNode } from './position-table.js';

export interface LoadResult {
  readonly model?: ArchitectureModel;
  /** Errors and warnings, sorted by position. A model is returned only when there are no errors. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Model id: the file name without extension (`model/point-system.yaml` → `point-system`). */
export const modelIdOf = (file: string): string => path.basename(file).replace(/\.ya?ml$/i, '');

const positionTables = new WeakMap<ArchitectureModel['source'], () => PositionNode>();

/** Every source position of a loaded model as plain data (for handing the model to a worker thread). */
export function positionTableOf(model: ArchitectureModel): PositionNode | undefined {
  return positionTables.get(model.source)?.();
}

/** Validates and normalizes model text; `displayFile` is how diagnostics name the file. */
export function loadModelFromBytes(displayFile: string, bytes: Uint8Array): LoadResult {
  const parsed = parseModelText(displayFile, bytes);
  if (!parsed.ok) return { diagnostics: parsed.diagnostics };
  const { data, locator, text } = parsed.value;
  const raw = data as Record<string, unknown>;
  const semantic = validateModelData(raw, locator);
  if (semantic.some((d) => d.severity === 'error')) return { diagnostics: semantic };

  const id = modelIdOf(displayFile);
  const names = environmentNames(raw);
  const environments: Record<string, ResolvedEnvironment> = {};
  for (const name of names) environments[name] = normalizeEnvironment(raw, id, name);
  const source = { file: locator.file, locate: locator.locate };
  positionTables.set(source, locator.positionTable);
  const model: ArchitectureModel = {
    id,
    source,
    text,
    environmentNames: names,
    environments,
    defaultEnvironment: names.includes('prod') ? 'prod' : names[0]!,
  };
  return { model, diagnostics: semantic };
}

/** Reads and loads a model file; `root` makes the diagnostics' file path project-relative. */
export async function loadModelFile(file: string, root = process.cwd()): Promise<LoadResult> {
  const displayFile = toDisplayPath(file, root);
  const unreadable = (message: string, hint: string): LoadResult => ({ diagnostics: [{ file: displayFile, line: 1, col: 1, rule: 'io/unreadable', severity: 'error', message, hint }] });
  let bytes: Uint8Array;
  try {
    // Look before reading: a FIFO would block forever, and a huge file is refused unread.
    const info = await stat(file);
    if (info.isDirectory()) return unreadable('is a directory, not a model file', 'pass a .yaml file, or none to use every model/*.yaml');
    if (!info.isFile()) return unreadable('is not a regular file (a pipe, socket or device)', 'pass the model file itself; models are read only from regular files');
    const tooLarge = sizeLimitDiagnostic(displayFile, info.size);
    if (tooLarge) return { diagnostics: [tooLarge] };
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return unreadable('file does not exist', 'check the path; models live in model/*.yaml');
    if (code === 'ELOOP') return unreadable('symbolic link loop (ELOOP)', 'the link points back to itself through other links: point it at the model file');
    if (code === 'ENOTDIR') return unreadable('a folder in the path is a file (ENOTDIR)', 'check the path; models live in model/*.yaml');
    return unreadable(`cannot read file (${code ?? 'unknown error'})`, 'check the file\'s permissions');
  }
  return loadModelFromBytes(displayFile, bytes);
}

/** Loads a model or throws a {@link UserError} carrying all its diagnostics. */
export async function loadModelOrThrow(file: string, root = process.cwd()): Promise<ArchitectureModel> {
  const result = await loadModelFile(file, root);
  if (!result.model) throw new UserError(`${toDisplayPath(file, root)} is not a valid model`, result.diagnostics);
  return result.model;
}

export function toDisplayPath(file: string, root: string): string {
  const relative = path.relative(root, path.resolve(root, file));
  return (relative.startsWith('..') ? path.resolve(root, file) : relative).split(path.sep).join('/');
}
