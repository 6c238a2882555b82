/**
 * Fingerprints of a generate run (see {@link Fingerprint}): digests of the model files, of the
 * generator inputs, and of the produced files. Kept free of the loader and the generators so
 * the fast `check` can compute the same digests in a few milliseconds.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { listFilesRecursive } from '../output/list-files.js';
import type { Fingerprint } from '../output/manifest.js';
import { runtimeId } from './build-id.js';
import { projectRelative } from './model-files.js';

export const sha256Hex = (content: string | Uint8Array): string => createHash('sha256').update(content).digest('hex');

/**
 * Folders whose files feed validation or generation besides the models: what the generators
 * declare in `reads`, and the price snapshots, which validation reads for its class warnings.
 */
export function fingerprintReads(generatorReads: readonly string[]): string[] {
  return [...new Set([...generatorReads, 'model/pricing/'])].sort();
}

/** sha256 over the project-relative path and bytes of each model file; unreadable files count as such. */
export async function modelsDigest(root: string, files: readonly string[]): Promise<string> {
  const lines: string[] = [];
  for (const file of files) {
    const bytes = await readFile(file).catch(() => undefined);
    lines.push(`${projectRelative(file, root)}\0${bytes ? sha256Hex(bytes) : 'unreadable'}`);
  }
  return sha256Hex([...new Set(lines)].sort().join('\n'));
}

/**
 * sha256 over every file below the `reads` folders and their overlays (`--templates`), by path
 * and bytes. Raw bytes of every file, large ones included: a superset of what the generators see.
 */
export async function inputsDigest(root: string, reads: readonly string[], overlays: Readonly<Record<string, string>> = {}): Promise<string> {
  const lines: string[] = [];
  for (const folder of [...reads].sort()) {
    const sources: [string, string][] = [[folder, path.join(root, folder)]];
    const overlay = overlays[folder];
    if (overlay) sources.push([`overlay:${folder}`, path.resolve(root, overlay)]);
    for (const [label, dir] of sources) {
      for (const file of await listFilesRecursive(dir)) {
        const bytes = await readFile(path.join(dir, file)).catch(() => undefined);
        lines.push(`${label}\0${file}\0${bytes ? sha256Hex(bytes) : 'unreadable'}`);
      }
    }
  }
  return sha256Hex(lines.join('\n'));
}

/** sha256 over the sorted `path hash` pairs of a set of generated files. */
export function outputsDigest(hashes: Readonly<Record<string, string>>, paths: readonly string[]): string {
  return sha256Hex([...paths].sort().map((file) => `${file}\0${hashes[file] ?? 'none'}`).join('\n'));
}

export interface RunFacts {
  readonly build: string;
  readonly models: string;
  readonly inputs: string;
  readonly reads: readonly string[];
}

/** The fingerprint of one model's (or, without `model`, the project-wide) files of a run. */
export function fingerprintOf(facts: RunFacts, hashes: Readonly<Record<string, string>>, paths: readonly string[], model?: { warnings: readonly Diagnostic[]; environments: readonly string[] }): Fingerprint {
  return {
    build: facts.build,
    runtime: runtimeId(),
    models: facts.models,
    inputs: facts.inputs,
    reads: facts.reads,
    outputs: outputsDigest(hashes, paths),
    ...(model ? { warnings: model.warnings.map((d) => ({ ...d })), environments: [...model.environments] } : {}),
  };
}
