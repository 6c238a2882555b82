/** Shared steps of the drift tests: run `archgen drift` in-process and capture what it prints. */
import path from 'node:path';
import { runCli } from '../../src/cli/program.js';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const FIXTURE_MODEL = 'test/fixtures/drift/model.yaml';
export const FIXTURE_TEMPLATE = 'test/fixtures/drift/template.yaml';

export interface DriftRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `archgen [globals] drift …args` with the project root; NO_COLOR keeps the text plain. */
export async function runDrift(args: readonly string[], globals: readonly string[] = []): Promise<DriftRun> {
  const out: string[] = [];
  const err: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await runCli(['--root', root, '--no-color', ...globals, 'drift', ...args]);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
}
