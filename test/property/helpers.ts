/** Shared steps of the property tests: load a random model through the real loader, run every generator. */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { generators } from '../../src/generators/index.js';
import { loadModelFromBytes } from '../../src/load/load-model.js';
import type { Generator } from '../../src/generators/types.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { generateFiles } from '../../src/pipeline/generate.js';
import { loadInputs } from '../../src/pipeline/project.js';
import type { RandomModel } from './arbitraries/model.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * One fixed seed for every property, so CI runs are reproducible; set `PROPERTY_SEED` to explore
 * other models. fast-check prints the seed and the shrunk counter-example of a failure.
 */
export const SEED = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : 20261125;

/** Multiplies every property's `numRuns` (`PROPERTY_RUNS=10` for a deeper local search). */
const RUNS_FACTOR = process.env.PROPERTY_RUNS ? Number(process.env.PROPERTY_RUNS) : 1;

/** fast-check parameters of one property: the fixed seed and `numRuns` runs (times `PROPERTY_RUNS`). */
export const params = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: Math.max(1, Math.round(numRuns * RUNS_FACTOR)) });

/** Loads a random model through the real loader; a model that does not load is a broken arbitrary. */
export function loadRandom(m: RandomModel): ArchitectureModel {
  const result = loadModelFromBytes(`model/${m.id}.yaml`, new TextEncoder().encode(m.yaml));
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.model || errors.length) {
    throw new Error(`the arbitrary produced an invalid model:\n${errors.map((d) => `${d.line}:${d.col} ${d.rule} ${d.message}`).join('\n')}\n${m.yaml}`);
  }
  return result.model;
}

let inputs: Promise<Map<string, string>> | undefined;

/** Every registered generator (or the given ones) over one model, the only model of the project: path → text. */
export async function generateAll(model: ArchitectureModel, only: readonly Generator[] = generators): Promise<Map<string, string>> {
  inputs ??= loadInputs(ROOT, generators);
  const files = await generateFiles([model], [model], await inputs, { generators: only });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return new Map(files.paths().map((p) => {
    const content = files.get(p)!;
    return [p, typeof content === 'string' ? content : decoder.decode(content)];
  }));
}

/** Runs the CLI in-process (`runCli`), capturing what it prints; resolves with the exit code and output. */
export async function runCliCaptured(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { runCli } = await import('../../src/cli/program.js');
  const out: string[] = [];
  const err: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await runCli(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
}

/**
 * A throw-away project holding one random model as `model/<id>.yaml`, plus the inputs generators
 * read (templates/, model/pricing/) copied from this repository.
 */
export async function tempProjectWith(m: RandomModel): Promise<{ root: string; dispose(): Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'archgen-property-'));
  const folders = [...new Set(generators.flatMap((g) => g.reads ?? []))].map((f) => f.replace(/\/$/, '')).sort();
  for (const folder of folders) await cp(path.join(ROOT, folder), path.join(root, folder), { recursive: true });
  await mkdir(path.join(root, 'model'), { recursive: true });
  await writeFile(path.join(root, 'model', `${m.id}.yaml`), m.yaml);
  return { root, dispose: () => rm(root, { recursive: true, force: true }) };
}
