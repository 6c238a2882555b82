/** Shared steps of the import tests: run the real CLI in-process and capture what it prints. */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { vi } from 'vitest';
import { runCli } from '../../src/cli/program.js';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const fixture = (name: string) => path.join(root, 'test', 'fixtures', 'import', name);
/** A fixture's path as the CLI names it in messages (relative to the root, where the tests run). */
export const fixtureDisplay = (name: string) => `test/fixtures/import/${name}`;

/** A fresh folder under `.tmp/` of the repository (the output model's schema reference stays relative). */
export async function tempDir(name: string): Promise<string> {
  const dir = path.join(root, '.tmp', `import-test-${process.pid}-${name}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Runs `archgen <args>` in this process with `--root <repo>`; returns exit code and output. */
export async function archgen(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await runCli(['--root', root, ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** `archgen --format json import …`, parsed. */
export async function importJson(args: readonly string[]): Promise<{ code: number; json: any; stderr: string }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const { code, stdout, stderr } = await archgen(['--format', 'json', 'import', ...args]);
  return { code, json: stdout.trim() ? JSON.parse(stdout) : undefined, stderr };
}

/** 1-based line of the first line of `text` that starts with `prefix` (to check reported positions without hard-coding them). */
export function lineOf(text: string, prefix: string): number {
  const index = text.split('\n').findIndex((line) => line.startsWith(prefix));
  if (index < 0) throw new Error(`no line starts with ${JSON.stringify(prefix)}`);
  return index + 1;
}
