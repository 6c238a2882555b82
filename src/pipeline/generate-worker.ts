/**
 * The helper thread's script (see `helper-thread.ts`): wait for the models the main thread
 * loaded, run the generators it was given, post the encoded files back (transferring their
 * buffers, so nothing is copied).
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../diagnostics/diagnostic.js';
import { generators as allGenerators } from '../generators/index.js';
import { GeneratorError, generateFiles } from './generate.js';
import type { HelperFile, HelperMessage, HelperWork } from './helper-thread.js';
import { received } from './model-transfer.js';

const port = parentPort!;
const post = (message: HelperMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** A view of its own whole buffer can be transferred; a slice of Node's shared pool is copied first. */
function ownBuffer(content: Uint8Array): Uint8Array {
  return content.byteOffset === 0 && content.byteLength === content.buffer.byteLength && content.buffer instanceof ArrayBuffer ? content : new Uint8Array(content);
}

async function run(work: HelperWork): Promise<void> {
  const wanted = new Set(work.generators);
  const list = allGenerators.filter((g) => wanted.has(g.name));
  const all = work.models.map(received);
  const selected = work.selected.map((id) => all.find((m) => m.id === id)!);
  const set = await generateFiles(selected, all, work.inputs, {
    generators: list,
    onProgress: ({ generator, model }) => post({ kind: 'progress', generator, model }),
  });
  const files: HelperFile[] = set.paths().map((path) => ({ path, content: ownBuffer(set.get(path)!), owner: set.ownerOf(path)!, model: set.modelOf(path) }));
  post({ kind: 'done', files }, files.map((f) => f.content.buffer as ArrayBuffer));
}

port.once('message', (work: HelperWork) => {
  run(work).catch((error: unknown) => {
    if (error instanceof UserError) post({ kind: 'user-error', message: error.message, diagnostics: error.diagnostics });
    else if (error instanceof GeneratorError) {
      const cause = error.cause instanceof Error ? error.cause : new Error(String(error.cause));
      post({ kind: 'generator-error', generator: error.generator, model: error.model, message: cause.message, stack: cause.stack });
    } else post({ kind: 'error', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
  });
});
