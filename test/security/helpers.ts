/** Shared helpers of the security tests: fixture cases merged over the base model, the seed, SARIF validation. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse, stringify } from 'yaml';
import { loadModelFromBytes, loadModelOrThrow, type LoadResult } from '../../src/load/load-model.js';
import type { ArchitectureModel } from '../../src/model/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures/security');
export const CASES = path.join(FIXTURES, 'cases');

type Raw = Record<string, unknown>;

export interface ExpectedFinding {
  readonly severity: string;
  readonly target: string;
  readonly path: string;
  readonly message: string;
}

export interface LintCase {
  readonly rule: string;
  readonly trigger: Raw;
  readonly expect: readonly ExpectedFinding[];
  readonly pass: Raw;
  readonly loader?: 'rejects';
}

export const readYaml = (file: string): Raw => parse(readFileSync(file, 'utf8')) as Raw;

export const readCase = (name: string): LintCase => readYaml(path.join(CASES, name)) as unknown as LintCase;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

function merge(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch)) return patch;
  const out: Raw = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = merge(base[key], value);
  }
  return out;
}

/** Merges a list of `{ id }` objects with a patch keyed by id: new ids are appended, `null` removes. */
function mergeById(list: readonly Raw[], patch: Raw): Raw[] {
  const out = list.map((item) => (item.id as string) in patch ? (patch[item.id as string] === null ? undefined : merge(item, patch[item.id as string]) as Raw) : item);
  for (const [id, value] of Object.entries(patch)) {
    if (value !== null && !list.some((item) => item.id === id)) out.push({ id, ...(value as Raw) });
  }
  return out.filter((item): item is Raw => item !== undefined);
}

/** The base fixture model with a case patch applied (see test/fixtures/security/cases/README.md). */
export function patchedBase(patch: Raw): Raw {
  const base = readYaml(path.join(FIXTURES, 'base.yaml'));
  const { securityGroups, components, ...rest } = patch;
  const merged = merge(base, rest) as Raw;
  if (securityGroups) merged.securityGroups = mergeById(base.securityGroups as Raw[], securityGroups as Raw);
  if (components) merged.components = mergeById(base.components as Raw[], components as Raw);
  return merged;
}

/** Loads raw model data through the real loader (YAML text, schema, semantics, normalization). */
export const loadRaw = (raw: Raw, displayFile: string): LoadResult => loadModelFromBytes(displayFile, Buffer.from(stringify(raw, { aliasDuplicateObjects: false }), 'utf8'));

export function loadRawOrThrow(raw: Raw, displayFile: string): ArchitectureModel {
  const result = loadRaw(raw, displayFile);
  if (!result.model) throw new Error(`${displayFile} does not load:\n${result.diagnostics.map((d) => `${d.line}:${d.col} ${d.rule} ${d.message}`).join('\n')}`);
  return result.model;
}

export const loadSeed = (): Promise<ArchitectureModel> => loadModelOrThrow(path.join(ROOT, 'model/point-system.yaml'), ROOT);
export const loadFixture = (name: string): Promise<ArchitectureModel> => loadModelOrThrow(path.join(FIXTURES, name), ROOT);

let sarifValidator: ValidateFunction | undefined;

/**
 * The official SARIF 2.1.0 schema (vendored, draft-07) compiled with ajv. `unicodeRegExp: false`
 * because the schema's `language` pattern is not a valid Unicode-mode regular expression.
 */
export function validateSarif(log: unknown): { valid: boolean; errors: string } {
  if (!sarifValidator) {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-2.1.0.schema.json'), 'utf8')) as Raw;
    const ajv = new Ajv({ unicodeRegExp: false, allErrors: true });
    (addFormatsModule as unknown as (ajv: Ajv) => void)(ajv);
    sarifValidator = ajv.compile(schema);
  }
  const validate = sarifValidator;
  const valid = validate(log) as boolean;
  return { valid, errors: JSON.stringify(validate.errors ?? [], null, 2) };
}

/** Line (1-based) of the first line of `text` matching `pattern` at or after `from`. */
export function lineOf(text: string, pattern: RegExp, from = 1): number {
  const lines = text.split('\n');
  for (let i = from - 1; i < lines.length; i++) if (pattern.test(lines[i]!)) return i + 1;
  throw new Error(`no line matches ${pattern}`);
}

export const CLI = path.join(ROOT, 'dist/app/main.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built CLI (`npm run build` first) without a TTY and without colour variables.
 * Asynchronous, so a slow machine does not block the test worker.
 */
export function runCli(args: readonly string[], cwd = ROOT): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` before the CLI tests`);
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
