/**
 * The hostile corpus through the real CLI: every broken input (test/fixtures/hostile, the
 * older test/fixtures/invalid, and the generated ones: 50 MB, 10 000 levels, binary, encodings,
 * FIFO, symlink loop, …) exits 2 with exactly its expected `file:line:col` diagnostics, each with
 * a rule and a hint, and nothing resembling a stack trace; `--format json` carries the same
 * diagnostics. Legal oddities (UTF-8 BOM, CRLF) load. A few go through a real child process.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, expectationsOf, INVALID_DIR, ROOT, type Expectation } from '../foundation/helpers.js';
import { capture, expectedKeys, reportedErrors, STACK_TRACE } from './cli-capture.js';
import { writeGeneratedCases, type GeneratedCase } from './generated-inputs.js';

const HOSTILE_DIR = path.join(ROOT, 'test/fixtures/hostile');
const committed = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort()
  .map((name) => ({ arg: path.relative(ROOT, path.join(dir, name)), expect: expectationsOf(readFileSync(path.join(dir, name))) }));
const hostileFixtures = committed(HOSTILE_DIR);
const invalidFixtures = committed(INVALID_DIR);

let tempDir: string;
let generated: GeneratedCase[];
beforeAll(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'archgen-hostile-'));
  generated = await writeGeneratedCases(tempDir, path.join(HOSTILE_DIR, 'legal/mini.yaml'));
});
afterAll(async () => rm(tempDir, { recursive: true, force: true }));

/** How the CLI names a file given as `arg` with `-C root`. */
const displayOf = (arg: string) => arg.split(path.sep).join('/');

async function expectRefused(root: string, arg: string, expected: readonly Expectation[]): Promise<void> {
  const text = await capture(['-C', root, 'validate', arg]);
  const file = displayOf(arg);
  expect(text.code, text.stderr).toBe(2);
  expect(text.stdout).toBe('');
  expect(reportedErrors(text.stderr, file), text.stderr).toEqual(expectedKeys(expected));
  expect(text.stderr.match(/^ {2}hint: \S/gm)?.length, 'one hint per error').toBe(expected.length);
  expect(text.stderr).toContain(`✗ ${expected.length} error`);
  expect(text.stderr).not.toMatch(STACK_TRACE);
  for (const { text: wanted, rule } of expected) if (wanted) expect(text.stderr, `${rule} should mention "${wanted}"`).toContain(wanted);

  const json = await capture(['-C', root, '--format', 'json', 'validate', arg]);
  expect(json.code).toBe(2);
  expect(json.stderr).toBe('');
  const parsed = JSON.parse(json.stdout) as { valid: boolean; diagnostics: { file: string; rule: string; line: number; col: number; severity: string; message: string; hint?: string }[] };
  expect(parsed.valid).toBe(false);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.rule} ${d.line}:${d.col}`).sort()).toEqual(expectedKeys(expected));
  for (const d of errors) {
    expect(d.file).toBe(file);
    expect(d.hint?.trim()).toBeTruthy();
    expect(d.message).not.toMatch(STACK_TRACE);
  }
}

describe('hostile corpus: committed broken models (test/fixtures/hostile)', () => {
  it('holds at least 35 cases, each with expectations', () => {
    expect(hostileFixtures.length).toBeGreaterThanOrEqual(35);
    for (const f of hostileFixtures) expect(f.expect, f.arg).not.toEqual([]);
  });
  it.each(hostileFixtures)('$arg', async ({ arg, expect: expected }) => expectRefused(ROOT, arg, expected));
});

describe('hostile corpus: the invalid-model fixtures through the CLI (test/fixtures/invalid)', () => {
  it.each(invalidFixtures)('$arg', async ({ arg, expect: expected }) => expectRefused(ROOT, arg, expected));
});

describe('hostile corpus: generated inputs (size, nesting, binary, encodings, line endings, file system)', () => {
  it('covers every category, with at least 25 refusals', () => {
    const refused = generated.filter((c) => c.expect.length);
    expect(refused.length).toBeGreaterThanOrEqual(25);
    expect(new Set(generated.map((c) => c.category))).toEqual(new Set(['size', 'nesting', 'binary', 'encoding', 'legal', 'line-endings', 'empty', 'file-system']));
  });

  it('each illegal one is refused with its diagnostics, hints and no stack trace', async () => {
    for (const c of generated.filter((g) => g.expect.length)) {
      await expectRefused(tempDir, c.arg, c.expect).catch((error: Error) => {
        error.message = `${c.name}: ${error.message}`;
        throw error;
      });
    }
  });

  it('a UTF-8 BOM and CRLF line endings are legal: the model loads', async () => {
    for (const c of generated.filter((g) => !g.expect.length)) {
      const run = await capture(['-C', tempDir, 'validate', c.arg]);
      expect(run.code, `${c.name}\n${run.stderr}`).toBe(0);
      expect(run.stdout).toContain(`✓ ${c.arg}`);
    }
  });
});

/** Runs the built CLI as a child process without blocking this worker. */
function spawnCli(args: readonly string[], cwd: string): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const env = { ...process.env, NO_COLOR: '1' };
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
}

describe('hostile corpus: real child processes (built CLI)', () => {
  const sample = ['size-50mb.yaml', 'a-fifo.yaml', 'deep-flow-seq-10000.yaml', 'deep-indentation-1400.yaml', 'nul-byte-in-value.yaml', 'utf16le-no-bom.yaml', 'a-directory.yaml', 'loop-a.yaml', 'binary-png-header.yaml'];

  it('validate exits 2 naming every file:line:col and rule, with no stack trace (a FIFO does not block it)', async () => {
    const run = await spawnCli(['validate', ...sample, path.join(ROOT, 'test/fixtures/hostile/yaml-alias-bomb-mappings.yaml')], tempDir);
    expect(run.signal, 'killed by the time-out: something blocked').toBeNull();
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    for (const name of sample) {
      const c = generated.find((g) => g.name === name)!;
      expect(reportedErrors(run.stderr, name), name).toEqual(expectedKeys(c.expect));
    }
    expect(run.stderr).toContain('test/fixtures/hostile/yaml-alias-bomb-mappings.yaml');
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('--format json prints one parseable document with the diagnostics', async () => {
    const run = await spawnCli(['--format', 'json', 'validate', ...sample], tempDir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('');
    const parsed = JSON.parse(run.stdout) as { valid: boolean; diagnostics: { file: string; rule: string; hint: string }[] };
    expect(parsed.valid).toBe(false);
    expect(new Set(parsed.diagnostics.map((d) => d.file))).toEqual(new Set(sample));
    expect(parsed.diagnostics.every((d) => d.hint.length > 0)).toBe(true);
  });

  it('generate and check refuse a hostile model with exit 2 and write nothing', async () => {
    for (const command of ['generate', 'check']) {
      const run = await spawnCli(['-C', tempDir, command, 'deep-flow-map-10000.yaml'], tempDir);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/^deep-flow-map-10000\.yaml:2:\d+: error yaml\/too-deep:/m);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
    expect(readdirSync(tempDir)).not.toContain('output');
  });
});
