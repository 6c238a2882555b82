/**
 * `output/manifest.json` lists every generated path with the model it belongs to (`*` for
 * project-wide files), so `check` can name stale files (generated before, no longer produced)
 * and `generate` can remove them, also when only some models are regenerated. It also holds
 * the sha256 of every generated file and, per model, a fingerprint of everything its files were
 * generated from, so `check` can confirm a clean tree without running the generators.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileSet } from './file-set.js';
import { stableJson } from './stable-json.js';

export const MANIFEST_PATH = 'output/manifest.json';
export const PROJECT = '*';

/** Generated path → the model id it belongs to, or {@link PROJECT}. */
export type Manifest = Readonly<Record<string, string>>;

/**
 * Everything the files of one model (or the project-wide files, key `*`) were generated from.
 * When every field still matches, regenerating would give the same bytes (generators are pure).
 */
export interface Fingerprint {
  /** Build id of the archgen code that generated (see src/pipeline/build-id.ts). */
  readonly build: string;
  /** Node major version and ICU/Unicode versions. */
  readonly runtime: string;
  /** sha256 over every project model file (path and bytes): generators see all models. */
  readonly models: string;
  /** sha256 over every file below `reads` (and `--templates` overlays): templates, price snapshots. */
  readonly inputs: string;
  /** The folders `inputs` covers: what the generators declared, plus the price snapshots validation reads. */
  readonly reads: readonly string[];
  /** sha256 over the paths and hashes of the files this fingerprint covers. */
  readonly outputs: string;
  /** Warnings validation gave for the model (model fingerprints only), printed again by a fast `check` or `validate`. */
  readonly warnings?: readonly Diagnostic[];
  /** The model's environment names, in order (model fingerprints only), for a fast `validate`. */
  readonly environments?: readonly string[];
}

/** The whole manifest file. */
export interface ManifestDocument {
  readonly files: Manifest;
  /** Generated path → sha256 (hex) of its bytes. */
  readonly sha256: Readonly<Record<string, string>>;
  /** Model id (or `*`) → fingerprint; absent for models generated without one. */
  readonly fingerprints: Readonly<Record<string, Fingerprint>>;
}

/** A POSIX path inside the project: not absolute, no `..`, no empty or `.` segments, no backslashes. */
export function isSafeRelativePath(file: string): boolean {
  return file.length > 0 && !file.startsWith('/') && !file.includes('\\') && !/^[A-Za-z]:/.test(file)
    && file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

export async function readManifest(root: string): Promise<Manifest> {
  return (await readManifestDocument(root)).files;
}

/**
 * The previous manifest, tolerant of older formats and hand edits: anything unreadable is
 * empty. The manifest is a committed, editable file: only plain project-relative paths are kept,
 * so nothing outside the project can ever be removed as stale.
 */
export async function readManifestDocument(root: string): Promise<ManifestDocument> {
  const empty: ManifestDocument = { files: {}, sha256: {}, fingerprints: {} };
  let parsed: Partial<Record<keyof ManifestDocument, unknown>>;
  try {
    parsed = JSON.parse(await readFile(path.join(root, MANIFEST_PATH), 'utf8')) as typeof parsed;
  } catch {
    return empty;
  }
  const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isRecord(parsed) || !isRecord(parsed.files)) return empty;
  const files = Object.fromEntries(Object.entries(parsed.files).filter(([file, model]) => typeof model === 'string' && isSafeRelativePath(file))) as Record<string, string>;
  const sha256 = isRecord(parsed.sha256) ? Object.fromEntries(Object.entries(parsed.sha256).filter(([file, hash]) => typeof hash === 'string' && file in files)) as Record<string, string> : {};
  const fingerprints = isRecord(parsed.fingerprints) ? Object.fromEntries(Object.entries(parsed.fingerprints).filter(([, value]) => isRecord(value))) as Record<string, Fingerprint> : {};
  return { files, sha256, fingerprints };
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

const COMMENT = 'Written by `archgen generate`: every generated file, its model and sha256, and what it was generated from. Do not edit.';

/**
 * The whole manifest after a run: {@link nextManifest} for the paths, hashes of the produced
 * files (kept for other models' files), and `fingerprints` replacing those of the regenerated
 * models (`*` included); fingerprints of models that no longer exist are dropped.
 */
export function nextManifestDocument(
  previous: ManifestDocument,
  files: FileSet,
  selected: ReadonlySet<string>,
  existing: ReadonlySet<string> | undefined,
  fingerprints: Readonly<Record<string, Fingerprint>>,
  hashOf: (content: Uint8Array) => string,
): { document: ManifestDocument; stale: string[] } {
  const { manifest, stale } = nextManifest(previous.files, files, selected, existing);
  const sha256: Record<string, string> = {};
  for (const file of Object.keys(manifest)) {
    const content = files.get(file);
    const hash = content ? hashOf(content) : previous.sha256[file];
    if (hash) sha256[file] = hash;
  }
  const kept: Record<string, Fingerprint> = {};
  for (const [model, fingerprint] of Object.entries(previous.fingerprints)) {
    const regenerated = model === PROJECT || selected.has(model) || (existing !== undefined && !existing.has(model));
    if (!regenerated) kept[model] = fingerprint;
  }
  return { document: { files: manifest, sha256, fingerprints: { ...kept, ...fingerprints } }, stale };
}

export function manifestContent(document: ManifestDocument): string {
  return stableJson({ comment: COMMENT, files: document.files, sha256: document.sha256, fingerprints: document.fingerprints });
}

/**
 * The manifest as `check` compares it: without the fingerprints. They only make `check` fast;
 * a stale fingerprint (e.g. after an archgen upgrade that changed no output) is not drift, it
 * just sends `check` down the full path until the next `generate`. Text that is not a manifest
 * is returned as is.
 */
export function comparableManifest(text: string): string {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return text;
    const { fingerprints: _ignored, ...rest } = parsed;
    return stableJson(rest);
  } catch {
    return text;
  }
}

/** Parses manifest text fully (for the fast `check`); undefined when anything is malformed. */
export function parseManifestDocument(text: string): ManifestDocument | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<Record<keyof ManifestDocument, unknown>>;
    const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
    if (!isRecord(parsed) || !isRecord(parsed.files) || !isRecord(parsed.sha256) || !isRecord(parsed.fingerprints)) return undefined;
    if (!Object.values(parsed.files).every((v) => typeof v === 'string') || !Object.values(parsed.sha256).every((v) => typeof v === 'string')) return undefined;
    if (!Object.values(parsed.fingerprints).every(isRecord)) return undefined;
    return parsed as unknown as ManifestDocument;
  } catch {
    return undefined;
  }
}
