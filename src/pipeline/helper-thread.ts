/**
 * A second thread for large models: it loads the same model files itself (parsing is the one
 * step that cannot be shared, and it runs alongside the main thread's own load) and runs a share
 * of the generators, handing back the encoded files. Generators are pure, so which thread ran
 * one does not change a byte; the main thread checks that both threads read the same models.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { GeneratorError } from './generate.js';

/**
 * Generators the helper thread runs. They share no memoized analysis with `docs` (which reuses
 * the security, cost and Mermaid computations on the main thread), and together take about as
 * long as the main thread's share on large models (see `npm run bench per-generator`).
 */
export const HELPER_THREAD_GENERATORS: ReadonlySet<string> = new Set(['drawio', 'security', 'resolved']);

/** Below this much model text a second thread costs more (start-up, a second parse) than it saves. */
export const PARALLEL_MIN_MODEL_BYTES = 192 * 1024;

const WORKER_FILE = fileURLToPath(new URL('./generate-worker.js', import.meta.url));

export interface HelperRequest {
  readonly root: string;
  readonly modelFiles: readonly string[];
  readonly overlays: Readonly<Record<string, string>>;
  readonly generators: readonly string[];
}

export interface HelperFile {
  readonly path: string;
  readonly content: Uint8Array;
  readonly owner: string;
  readonly model: string | undefined;
}

export interface HelperResult {
  readonly files: readonly HelperFile[];
  /** Text of every model the helper loaded, by id: must equal what the main thread loaded. */
  readonly modelTexts: readonly (readonly [string, string])[];
}

/** Messages from the worker (`generate-worker.ts`). */
export type HelperMessage =
  | { readonly kind: 'progress'; readonly generator: string; readonly model?: string }
  | { readonly kind: 'done'; readonly result: HelperResult }
  | { readonly kind: 'user-error'; readonly message: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'generator-error'; readonly generator: string; readonly model?: string; readonly message: string; readonly stack?: string }
  | { readonly kind: 'error'; readonly message: string; readonly stack?: string };

export interface HelperThread {
  readonly result: Promise<HelperResult>;
  /** Stops the thread (the main thread found an error first); `result` then rejects. */
  cancel(): void;
}

/**
 * Whether to use a helper thread: `jobs` from `--jobs` (1 = never, 2+ = always when possible),
 * otherwise when the machine has two cores and the selected models are large. Only the built
 * CLI has the worker script (tests running the TypeScript sources stay on one thread).
 */
export function wantHelperThread(jobs: number | undefined, selectedModelBytes: number): boolean {
  if (!existsSync(WORKER_FILE)) return false;
  if (jobs !== undefined) return jobs >= 2;
  return availableParallelism() >= 2 && selectedModelBytes >= PARALLEL_MIN_MODEL_BYTES;
}

export function startHelperThread(request: HelperRequest, onProgress: (step: { generator: string; model?: string }) => void): HelperThread {
  const worker = new Worker(WORKER_FILE, { workerData: request });
  let settled = false;
  let fail: (error: Error) => void = () => undefined;
  const result = new Promise<HelperResult>((resolve, reject) => {
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
          resolve(message.result);
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
  // The caller may stop waiting (cancel) without handling the rejection.
  result.catch(() => undefined);
  return {
    result,
    cancel: () => fail(new Error('helper thread cancelled')),
  };
}
