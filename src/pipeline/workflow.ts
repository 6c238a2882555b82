/**
 * The two jobs the CI and users run most: `generate` (write changed files atomically, remove
 * stale ones) and `check` (regenerate in memory, compare with the committed files).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { modelIdOf } from '../load/load-model.js';
import { generators as defaultGenerators } from '../generators/index.js';
import type { Generator } from '../generators/types.js';
import { detectDrift, type DriftReport } from '../output/drift.js';
import type { FileSet } from '../output/file-set.js';
import { MANIFEST_PATH, manifestContent, nextManifestDocument, PROJECT, readManifestDocument, type Fingerprint } from '../output/manifest.js';
import { readIfExists, writeFileSet, type WriteEntry } from '../output/write.js';
import { hasRenderDrift, parseRenderManifest, RENDER_MANIFEST_NAME, renderDrift, type RenderDrift } from '../render/render-manifest.js';
import { currentBuildId } from './build-id.js';
import { fingerprintOf, fingerprintReads, inputsDigest, modelsDigest, sha256Hex } from './fingerprint.js';
import { generateFiles, type GenerateOptions } from './generate.js';
import { HELPER_THREAD_GENERATORS, startHelperThread, wantHelperThread } from './helper-thread.js';
import { prepareModels, type Prepared } from './prepare-models.js';
import { loadInputs, resolveModelFiles } from './project.js';

export interface WorkflowOptions extends GenerateOptions {
  readonly root: string;
  /** Model files named on the command line; empty means every model in `model/`. */
  readonly modelFiles: readonly string[];
  /** Folder overlays for generator inputs, e.g. `{ 'templates/': 'my-templates' }`. */
  readonly overlays?: Readonly<Record<string, string>>;
  /** Build id recorded in the fingerprints; default: the running code's (tests pass their own). */
  readonly buildId?: string;
  /** Threads for generating: 1 keeps everything on the main thread; default: 2 for large models on a 4+ core machine. */
  readonly jobs?: number;
}

export { prepareModels, type Prepared } from './prepare-models.js';

async function produce(options: WorkflowOptions): Promise<{ files: FileSet; stale: string[]; prepared: Prepared }> {
  const generators: readonly Generator[] = options.generators ?? defaultGenerators;
  const { files, prepared } = await generateAcrossThreads(options, generators);
  const previous = await readManifestDocument(options.root);
  // Models deleted from model/ leave stale files; when model/ cannot be listed, assume none was deleted.
  const existing = prepared.projectFiles && new Set([...prepared.projectFiles.map(modelIdOf), ...prepared.selected.map((m) => m.id)]);
  const fingerprints = options.generators && options.generators !== defaultGenerators ? {} : await runFingerprints(options, prepared, files, generators);
  const { document, stale } = nextManifestDocument(previous, files, new Set(prepared.selected.map((m) => m.id)), existing, fingerprints, sha256Hex);
  files.add(MANIFEST_PATH, manifestContent(document), 'manifest');
  return { files, stale, prepared };
}

/**
 * Loads the models and runs the generators, on large models with a helper thread taking a share
 * of them (see `helper-thread.ts`). The file set is the same either way.
 */
async function generateAcrossThreads(options: WorkflowOptions, generators: readonly Generator[]): Promise<{ files: FileSet; prepared: Prepared }> {
  const selectedFiles = await resolveModelFiles(options.root, options.modelFiles);
  const total = generators.length * (selectedFiles.length + 1);
  let index = 0;
  const report = (step: { generator: string; model?: string }) => options.onProgress?.({ generator: step.generator, model: step.model, index: index++, total });
  const shared = generators === defaultGenerators && (await wantHelperThread(options.jobs, () => totalBytes(selectedFiles)));
  // Started first: its modules load while this thread parses the models.
  const helper = shared ? startHelperThread(report) : undefined;
  let prepared: Prepared;
  try {
    prepared = await prepareModels(options.root, options.modelFiles, selectedFiles);
  } catch (error) {
    helper?.cancel();
    throw error;
  }
  const inputs = await loadInputs(options.root, generators, options.overlays);
  const theirs = helper ? generators.filter((g) => HELPER_THREAD_GENERATORS.has(g.name)) : [];
  const helped = theirs.length ? helper!.run(prepared.selected, prepared.all, inputs, theirs.map((g) => g.name)) : undefined;
  if (!helped) helper?.cancel();
  const own = helped ? generators.filter((g) => !HELPER_THREAD_GENERATORS.has(g.name)) : generators;
  let files: FileSet;
  try {
    files = await generateFiles(prepared.selected, prepared.all, inputs, { generators: own, onProgress: report });
  } catch (error) {
    helper?.cancel();
    throw error;
  }
  if (helped) for (const file of await helped) files.add(file.path, file.content, file.owner, file.model);
  return { files, prepared };
}

async function totalBytes(files: readonly string[]): Promise<number> {
  const sizes = await Promise.all(files.map((file) => stat(file).then((s) => s.size, () => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}

/**
 * Fingerprints of the models this run generated and of the project-wide files. None when the
 * build id is unknown or model/ cannot be listed (then `check` always takes the full path), and
 * none for a custom generator list, which the build id does not describe.
 */
async function runFingerprints(options: WorkflowOptions, prepared: Prepared, files: FileSet, generators: readonly Generator[]): Promise<Record<string, Fingerprint>> {
  const build = options.buildId ?? (await currentBuildId());
  if (!build || !prepared.projectFiles) return {};
  const root = options.root;
  const reads = fingerprintReads(generators.flatMap((g) => g.reads ?? []));
  const modelFiles = [...new Set([...prepared.projectFiles, ...prepared.selected.map((m) => path.resolve(root, m.source.file))])];
  const facts = { build, reads, models: await modelsDigest(root, modelFiles), inputs: await inputsDigest(root, reads, options.overlays) };
  const hashes: Record<string, string> = {};
  const byModel = new Map<string, string[]>();
  for (const file of files.paths()) {
    hashes[file] = sha256Hex(files.get(file)!);
    const model = files.modelOf(file) ?? PROJECT;
    const list = byModel.get(model);
    if (list) list.push(file);
    else byModel.set(model, [file]);
  }
  const fingerprints: Record<string, Fingerprint> = { [PROJECT]: fingerprintOf(facts, hashes, byModel.get(PROJECT) ?? []) };
  for (const model of prepared.selected) {
    const warnings = prepared.warnings.filter((d) => d.file === model.source.file);
    fingerprints[model.id] = fingerprintOf(facts, hashes, byModel.get(model.id) ?? [], { warnings, environments: model.environmentNames });
  }
  return fingerprints;
}

export async function runGenerate(options: WorkflowOptions): Promise<{ entries: WriteEntry[]; prepared: Prepared }> {
  const { files, stale, prepared } = await produce(options);
  const entries = await writeFileSet(options.root, files, stale);
  return { entries, prepared };
}

export async function runCheck(options: WorkflowOptions): Promise<{ report: DriftReport; renders: ModelRenderDrift[]; prepared: Prepared }> {
  const { files, stale, prepared } = await produce(options);
  const report = await detectDrift(options.root, files, stale);
  const renders: ModelRenderDrift[] = [];
  for (const model of prepared.selected) {
    const manifestText = await readIfExists(path.join(options.root, 'output', model.id, 'rendered', RENDER_MANIFEST_NAME));
    const drift = renderDrift(parseRenderManifest(manifestText?.toString('utf8')), renderableSources(files, model.id));
    if (hasRenderDrift(drift)) renders.push({ model: model.id, ...drift });
  }
  return { report, renders, prepared };
}

export interface ModelRenderDrift extends RenderDrift {
  readonly model: string;
}

/**
 * The sources `archgen render` draws for a model (Mermaid sources and the draw.io file). Rendered
 * images depend on fonts, so `check` compares the source hashes recorded at render time instead.
 */
function renderableSources(files: FileSet, modelId: string): Map<string, Uint8Array> {
  const sources = new Map<string, Uint8Array>();
  for (const file of files.paths()) {
    const isMermaid = file.startsWith(`output/${modelId}/diagrams/`) && file.endsWith('.mmd');
    if (isMermaid || file === `resource/${modelId}.drawio`) sources.set(file, files.get(file)!);
  }
  return sources;
}
