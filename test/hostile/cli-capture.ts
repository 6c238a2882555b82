/** Runs the real CLI in this process and checks what a person would see on a refusal. */
import { vi } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import type { Expectation } from '../foundation/helpers.js';

export interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `runCli(args)` with stdout and stderr captured. */
export async function capture(args: readonly string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await runCli(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Stack frames, internal-error reports and `SomethingError:` prefixes: none may reach a user. */
export const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|<anonymous>\)?)$|internal error|^\w*Error( \[\w+\])?:|node:internal|\(node:\d+\) Warning/m;

/** `file:line:col: error rule:` lines of the text report, as `rule line:col`. */
export function reportedErrors(stderr: string, file: string): string[] {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...stderr.matchAll(new RegExp(`^${escaped}:(\\d+):(\\d+): error (\\S+):`, 'gm'))].map((m) => `${m[3]} ${m[1]}:${m[2]}`).sort();
}

export const expectedKeys = (list: readonly Expectation[]): string[] => list.map((e) => `${e.rule} ${e.line}:${e.col}`).sort();
