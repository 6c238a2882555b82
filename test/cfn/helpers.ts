/** Shared by the template-reading tests: temporary templates and assertions on user errors. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { UserError, type Diagnostic } from '../../src/diagnostics/diagnostic.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/cfn');

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temporary directory, removed after the test file. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'archgen-cfn-'));
  dirs.push(dir);
  return dir;
}

/** Writes `content` as `name` in a fresh temporary directory and returns its path. */
export async function tempFile(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(await tempDir(), name);
  await writeFile(file, content);
  return file;
}

/**
 * Awaits `promise`, which must reject with a `UserError` whose diagnostics include `rule` at
 * `line:col`; returns that diagnostic for further checks.
 */
export async function expectProblem(promise: Promise<unknown>, rule: string, line: number, col: number): Promise<Diagnostic> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  expect(error, 'expected a UserError').toBeInstanceOf(UserError);
  const diagnostics = (error as UserError).diagnostics;
  const found = diagnostics.find((d) => d.rule === rule);
  expect(found, `no ${rule} in ${JSON.stringify(diagnostics)}`).toBeDefined();
  expect(`${found!.line}:${found!.col}`).toBe(`${line}:${col}`);
  expect(found!.hint ?? '').not.toBe('');
  expect(found!.severity).toBe('error');
  return found!;
}

/** 1-based line and column of the `nth` (0-based) occurrence of `needle` in `text`. */
export function locate(text: string, needle: string, nth = 0): { line: number; col: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${nth + 1} times`);
  }
  const before = text.slice(0, index).split('\n');
  return { line: before.length, col: before.at(-1)!.length + 1 };
}
