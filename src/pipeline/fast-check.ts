/**
 * `check` without running the generators: when the manifest's fingerprints show that nothing
 * the files were generated from has changed (model files, templates, price snapshots, archgen's
 * code, the runtime) and every generated file on disk still has its recorded sha256, regenerating
 * would give exactly the files on disk, so the tree is clean. Any difference, or anything this
 * module cannot vouch for, sends `check` down the full regenerate-and-diff path, which names the
 * drift. Loads neither the YAML parser nor the generators.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isSafeRelativePath, manifestContent, MANIFEST_PATH, parseManifestDocument, PROJECT, type Fingerprint } from '../output/manifest.js';
import { hasRenderDrift, parseRenderManifest, RENDER_MANIFEST_NAME, renderDrift } from '../render/render-manifest.js';
import type { ModelRenderDrift } from './workflow.js';
import { runtimeId } from './build-id.js';
import { inputsDigest, modelsDigest, outputsDigest, sha256Hex } from './fingerprint.js';
import { resolveModelFiles } from './model-files.js';

export interface FastCheckOptions {
  readonly root: string;
  /** Model files named on the command line; empty means every model in `model/`. */
  readonly modelFiles: readonly string[];
  readonly overlays?: Readonly<Record<string, string>>;
  /** Build id of the running code; undefined never matches. */
  readonly buildId: string | undefined;
}

export type FastCheckResult =
  | { readonly fast: true; readonly unchanged: number; readonly warnings: readonly Diagnostic[]; readonly renders: readonly ModelRenderDrift[] }
  | { readonly fast: false; readonly reason: string };

export const modelIdOf = (file: string): string => path.basename(file).replace(/\.ya?ml$/i, '');

/**
 * Why one of `fingerprints` no longer describes the project (another build or runtime, a model
 * file or an input changed), or undefined when all still hold.
 */
export async function staleFingerprint(
  root: string,
  projectFiles: readonly string[],
  fingerprints: readonly Fingerprint[],
  buildId: string,
  overlays: Readonly<Record<string, string>> = {},
): Promise<string | undefined> {
  const models = await modelsDigest(root, projectFiles);
  const runtime = runtimeId();
  const inputs = new Map<string, string>();
  for (const fingerprint of fingerprints) {
    if (fingerprint.build !== buildId) return 'archgen changed since generate';
    if (fingerprint.runtime !== runtime) return 'another Node.js/ICU version generated';
    if (fingerprint.models !== models) return 'a model file changed';
    const reads = Array.isArray(fingerprint.reads) && fingerprint.reads.every((r) => typeof r === 'string') ? fingerprint.reads : undefined;
    if (!reads) return 'malformed fingerprint';
    const key = JSON.stringify(reads);
    if (!inputs.has(key)) inputs.set(key, await inputsDigest(root, reads, overlays));
    if (fingerprint.inputs !== inputs.get(key)) return 'templates or price snapshots changed';
  }
  return undefined;
}

/**
 * Clean (every generated file as the full path would generate it, with the warnings and the
 * rendered-image drift the full path would report) or the first reason the full path is needed.
 */
export async function fastCheck(options: FastCheckOptions): Promise<FastCheckResult> {
  const miss = (reason: string): FastCheckResult => ({ fast: false, reason });
  const { root } = options;
  if (!options.buildId) return miss('no build id (run `npm run build`)');
  const manifestText = await readFile(path.join(root, MANIFEST_PATH), 'utf8').catch(() => undefined);
  const manifest = manifestText === undefined ? undefined : parseManifestDocument(manifestText);
  // Only the exact bytes `generate` writes: anything else would show as drift on the full path.
  if (!manifest || manifestContent(manifest) !== manifestText) return miss('no manifest with fingerprints');
  // A hand-edited path outside the project is never read; the full path ignores such entries too.
  if (!Object.keys(manifest.files).every(isSafeRelativePath)) return miss('the manifest lists a path outside the project');

  const projectFiles = await resolveModelFiles(root, []);
  const selectedFiles = await resolveModelFiles(root, options.modelFiles);
  const projectIds = new Set(projectFiles.map(modelIdOf));
  if (projectIds.size !== projectFiles.length) return miss('two model files share an id');
  const projectSet = new Set(projectFiles);
  if (!selectedFiles.every((file) => projectSet.has(file))) return miss('a model outside model/');
  const selectedIds = [...new Set(selectedFiles.map(modelIdOf))];
  // Files of models no longer in model/ are stale; let the full path name them.
  if (Object.values(manifest.files).some((model) => model !== PROJECT && !projectIds.has(model))) return miss('the manifest lists a deleted model');

  const groups = [PROJECT, ...selectedIds];
  const fingerprints: Fingerprint[] = [];
  for (const group of groups) {
    const fingerprint = manifest.fingerprints[group];
    if (!fingerprint) return miss(`no fingerprint for ${group}`);
    fingerprints.push(fingerprint);
  }
  const stale = await staleFingerprint(root, projectFiles, fingerprints, options.buildId, options.overlays);
  if (stale) return miss(stale);

  const wanted = new Set(groups);
  const paths = Object.keys(manifest.files).filter((file) => wanted.has(manifest.files[file]!));
  const onDisk = new Map<string, Buffer>();
  for (const [index, group] of groups.entries()) {
    const own = paths.filter((file) => manifest.files[file] === group);
    if (fingerprints[index]!.outputs !== outputsDigest(manifest.sha256, own)) return miss(`the manifest's file list of ${group} was edited`);
  }
  for (const file of paths) {
    const bytes = await readFile(path.join(root, file)).catch(() => undefined);
    if (!bytes) return miss(`${file} is missing`);
    if (sha256Hex(bytes) !== manifest.sha256[file]) return miss(`${file} changed`);
    onDisk.set(file, bytes);
  }

  // Rendered images are judged on the hashes of their sources, as on the full path (same order: model/ by name).
  const selectedSet = new Set(selectedIds);
  const ordered = projectFiles.map(modelIdOf).filter((id) => selectedSet.has(id));
  const renders: ModelRenderDrift[] = [];
  for (const id of ordered) {
    const text = await readFile(path.join(root, 'output', id, 'rendered', RENDER_MANIFEST_NAME), 'utf8').catch(() => undefined);
    const sources = new Map<string, Uint8Array>();
    for (const [file, bytes] of onDisk) {
      if ((file.startsWith(`output/${id}/diagrams/`) && file.endsWith('.mmd')) || file === `resource/${id}.drawio`) sources.set(file, bytes);
    }
    const drift = renderDrift(parseRenderManifest(text), sources);
    if (hasRenderDrift(drift)) renders.push({ model: id, ...drift });
  }

  const warnings = ordered.flatMap((id) => manifest.fingerprints[id]!.warnings ?? []);
  return { fast: true, unchanged: paths.length + 1, warnings, renders };
}
