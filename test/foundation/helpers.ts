/** Shared helpers of the foundation tests: fixture expectations, temp projects, the built CLI. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generators } from '../../src/generators/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const INVALID_DIR = path.join(ROOT, 'test/fixtures/invalid');
export const CLI = path.join(ROOT, 'dist/app/main.js');

export interface Expectation {
  readonly rule: string;
  readonly line: number;
  readonly col: number;
  /** Text the error's message or hint must contain. */
  readonly text?: string;
}

const EXPECT = /^# expect: (\S+) (\d+):(\d+)(?: (.+))?$/;

/** Reads the `# expect:` header of an invalid fixture (non-UTF-8 bytes are tolerated). */
export function expectationsOf(bytes: Uint8Array): Expectation[] {
  const text = new TextDecoder('utf-8').decode(bytes);
  const out: Expectation[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    const match = EXPECT.exec(line.trimEnd());
    if (match) out.push({ rule: match[1]!, line: Number(match[2]), col: Number(match[3]), ...(match[4] ? { text: match[4] } : {}) });
  }
  return out;
}

/** A throw-away copy of the project's inputs (model/, templates/ and whatever generators read) to generate into. */
export async function tempProject(): Promise<{ root: string; dispose(): Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'archgen-test-'));
  const declared = generators.flatMap((g) => g.reads ?? []).map((folder) => folder.replace(/\/$/, ''));
  for (const folder of [...new Set(['model', 'templates', ...declared])].sort()) {
    if (folder.startsWith('model/') || folder.startsWith('templates/')) continue;
    if (existsSync(path.join(ROOT, folder))) await cp(path.join(ROOT, folder), path.join(root, folder), { recursive: true });
  }
  return { root, dispose: () => rm(root, { recursive: true, force: true }) };
}

/** Runs the built CLI (`npm run build` first) without a TTY and with `NO_COLOR` unset unless given. */
export function runBuiltCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): SpawnSyncReturns<string> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` before the CLI tests`);
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 });
}

/** ESC [ ... m colour codes. */
export const ANSI = /\u001b\[[0-9;]*m/;
