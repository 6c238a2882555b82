/**
 * `validate` without parsing: `generate` records, per model, the warnings validation gave and the
 * environment names, under a fingerprint of the model files, the price snapshots and archgen's
 * build. Validation is a pure function of those, so while the fingerprint still holds the recorded
 * result is the result (only valid models are ever recorded). Anything else: the full path.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { MANIFEST_PATH, parseManifestDocument, type Fingerprint } from '../output/manifest.js';
import { modelIdOf, staleFingerprint } from './fast-check.js';
import { projectRelative, resolveModelFiles } from './model-files.js';

export interface RecordedModel {
  readonly id: string;
  /** Project-relative path, as diagnostics name it. */
  readonly file: string;
  readonly environmentNames: readonly string[];
}

export interface RecordedValidation {
  readonly models: readonly RecordedModel[];
  /** Warnings of the models, unsorted (validation's own order per model). */
  readonly diagnostics: readonly Diagnostic[];
}

/** The recorded validation of `modelFiles` (every model in model/ when empty), or undefined. */
export async function recordedValidation(root: string, modelFiles: readonly string[], buildId: string | undefined): Promise<RecordedValidation | undefined> {
  if (!buildId) return undefined;
  const text = await readFile(path.join(root, MANIFEST_PATH), 'utf8').catch(() => undefined);
  const manifest = text === undefined ? undefined : parseManifestDocument(text);
  if (!manifest) return undefined;
  let projectFiles: string[];
  try {
    projectFiles = await resolveModelFiles(root, []);
  } catch {
    return undefined;
  }
  const files = await resolveModelFiles(root, modelFiles);
  const projectSet = new Set(projectFiles);
  if (new Set(projectFiles.map(modelIdOf)).size !== projectFiles.length || !files.every((file) => projectSet.has(file))) return undefined;

  const models: RecordedModel[] = [];
  const fingerprints: Fingerprint[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const id = modelIdOf(file);
    const fingerprint = manifest.fingerprints[id];
    const { warnings, environments } = fingerprint ?? {};
    if (!fingerprint || !Array.isArray(warnings) || !Array.isArray(environments) || !environments.every((e) => typeof e === 'string')) return undefined;
    fingerprints.push(fingerprint);
    models.push({ id, file: projectRelative(file, root), environmentNames: environments });
    diagnostics.push(...warnings);
  }
  if (await staleFingerprint(root, projectFiles, fingerprints, buildId)) return undefined;
  return { models, diagnostics };
}
