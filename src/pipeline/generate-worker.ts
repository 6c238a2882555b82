/**
 * The helper thread's script (see `helper-thread.ts`): load the models, run the generators it was
 * given, post the encoded files back (transferring their buffers, so nothing is copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../diagnostics/diagnostic.js';
import { generators as allGenerators } from '../generators/index.js';
import { GeneratorError, generateFiles } from './generate.js';
import type { HelperFile, HelperMessage, HelperRequest } from './helper-thread.js';
import { loadInputs } from './project.js';
import { prepareModels } from './prepare-models.js';

const port = parentPort!;
const request = workerData as HelperRequest;
const post = (message: HelperMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** A view of its own whole buffer can be transferred; a slice of Node's shared pool is copied first. */
function ownBuffer(content: Uint8Array): Uint8Array {
  return content.byteOffset === 0 && content.byteLength === content.buffer.byteLength && content.buffer instanceof ArrayBuffer ? content : new Uint8Array(content);
}

try {
  const wanted = new Set(request.generators);
  const list = allGenerators.filter((g) => wanted.has(g.name));
  const prepared = await prepareModels(request.root, request.modelFiles);
  const inputs = await loadInputs(request.root, list, request.overlays);
  const set = await generateFiles(prepared.selected, prepared.all, inputs, {
    generators: list,
    onProgress: ({ generator, model }) => post({ kind: 'progress', generator, model }),
  });
  const files: HelperFile[] = set.paths().map((path) => ({ path, content: ownBuffer(set.get(path)!), owner: set.ownerOf(path)!, model: set.modelOf(path) }));
  post({ kind: 'done', result: { files, modelTexts: prepared.all.map((m) => [m.id, m.text] as const) } }, files.map((f) => f.content.buffer as ArrayBuffer));
} catch (error) {
  if (error instanceof UserError) post({ kind: 'user-error', message: error.message, diagnostics: error.diagnostics });
  else if (error instanceof GeneratorError) {
    const cause = error.cause instanceof Error ? error.cause : new Error(String(error.cause));
    post({ kind: 'generator-error', generator: error.generator, model: error.model, message: cause.message, stack: cause.stack });
  } else post({ kind: 'error', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
}
