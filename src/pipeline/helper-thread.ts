/**
 * A second thread for large models. It starts before the models are loaded (its modules load
 * while the main thread parses), receives the loaded models as plain data (`model-transfer.ts`)
 * and runs a share of the generators, handing back the encoded files. Generators are pure, so
 * which thread ran one does not change a byte.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ArchitectureModel } from '../model/types.js';
import { GeneratorError } from './generate.js';
import { transferable, type TransferredModel } from './model-transfer.js';

/**
 * Generators the helper thread runs. `docs` stays on the main thread with the generators whose
 * work it reuses most (Mermaid bodies, cost estimates); it computes the default environment's
 * security analysis again there. In-process on the 1000-component model the two shares take
 * about 1.1 s (drawio, security, resolved) and 1.6 s (docs, Mermaid, cost).
 */
export const HELPER_THREAD_GENERATORS: ReadonlySet<string> = new Set(['drawio', 'security', 'resolved']);

/** Below this much model text a second thread costs more (start-up, copying the model) than it saves. */
export const PARALLEL_MIN_MODEL_BYTES = 192 * 1024;

/**
 * Cores a machine needs before a helper thread is used unasked. Each thread is its own V8 isolate
 * that compiles the generators and collects garbage on background threads: on 2 cores those
 * already fill the second core, and `generate` of the 1000-component model took the same time
 * with and without the helper (5.03 s against 5.06 s, medians of 5).
 */
export const PARALLEL_MIN_CORES = 4;

const WORKER_FILE = fileURLToPath(new URL('./generate-worker.js', import.meta.url));

/** What the main thread sends once the models are loaded. */
export interface HelperWork {
  readonly models: readonly TransferredModel[];
  /** Ids of the models to generate, in order. */
  readonly selected: readonly string[];
  readonly inputs: ReadonlyMap<string, string>;
  readonly generators: readonly string[];
}

export interface HelperFile {
  readonly path: string;
  readonly content: Uint8Array;
  readonly owner: string;
  readonly model: string | undefined;
}

/** Messages from the worker (`generate-worker.ts`). */
export type HelperMessage =
  | { readonly kind: 'progress'; readonly generator: string; readonly model?: string }
  | { readonly kind: 'done'; readonly files: readonly HelperFile[] }
  | { readonly kind: 'user-error'; readonly message: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'generator-error'; readonly generator: string; readonly model?: string; readonly message: string; readonly stack?: string }
  | { readonly kind: 'error'; readonly message: string; readonly stack?: string };

export interface HelperThread {
  /**
   * Hands the loaded models over; the files come back. Undefined when a model cannot be handed
   * over (then the caller runs these generators itself).
   */
  run(selected: readonly ArchitectureModel[], all: readonly ArchitectureModel[], inputs: ReadonlyMap<string, string>, generators: readonly string[]): Promise<readonly HelperFile[]> | undefined;
  /** Stops the thread (an error came first, or it is not needed). */
  cancel(): void;
}

/**
 * Whether to use a helper thread: `jobs` from `--jobs` (1 = never, 2+ = always when possible),
 * otherwise when the machine has {@link PARALLEL_MIN_CORES} cores and the selected models are
 * large. Only the built CLI has the worker script (tests running the TypeScript sources stay on
 * one thread).
 */
export async function wantHelperThread(jobs: number | undefined, selectedModelBytes: () => Promise<number>): Promise<boolean> {
  if (!existsSync(WORKER_FILE)) return false;
  if (jobs !== undefined) return jobs >= 2;
  return availableParallelism() >= PARALLEL_MIN_CORES && (await selectedModelBytes()) >= PARALLEL_MIN_MODEL_BYTES;
}

export function startHelperThread(onProgress: (step: { generator: string; model?: string }) => void): HelperThread {
  const worker = new Worker(WORKER_FILE);
  let settled = false;
  let fail: (error: Error) => void = () => {
    settled = true;
  };
  const result = new Promise<readonly HelperFile[]>((resolve, reject) => {
    fail = (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
      void worker.terminate();
    };
    worker.on('message', (message: HelperMessage) => {
      switch (message.kind) {
        case 'progress':
          onProgress(message);
          return;
        case 'done':
          settled = true;
          resolve(message.files);
          void worker.terminate();
          return;
        case 'user-error':
          return fail(new UserError(message.message, message.diagnostics));
        case 'generator-error': {
          const cause = Object.assign(new Error(message.message), { stack: message.stack });
          return fail(new GeneratorError(message.generator, message.model, cause));
        }
        case 'error':
          return fail(Object.assign(new Error(`helper thread failed: ${message.message}`), { stack: message.stack }));
      }
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => fail(new Error(`helper thread exited with code ${code} before finishing`)));
  });
  // Nobody waits on a cancelled thread.
  result.catch(() => undefined);
  return {
    run(selected, all, inputs, generators) {
      const models = all.map(transferable);
      if (models.some((m) => m === undefined)) return undefined;
      const work: HelperWork = { models: models as TransferredModel[], selected: selected.map((m) => m.id), inputs, generators };
      try {
        worker.postMessage(work);
      } catch {
        return undefined; // something in a model cannot be cloned: the main thread does the work
      }
      return result;
    },
    cancel: () => fail(new Error('helper thread cancelled')),
  };
}
