/** Shared steps of the property tests: load a random model through the real loader, run every generator. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { generators } from '../../src/generators/index.js';
import { loadModelFromBytes } from '../../src/load/load-model.js';
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

/** fast-check parameters of one property: the fixed seed, `numRuns` runs, no time limit. */
export const params = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns, endOnFailure: false });

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

/** Every registered generator over one model (as the only model of the project): path → text. */
export async function generateAll(model: ArchitectureModel): Promise<Map<string, string>> {
  inputs ??= loadInputs(ROOT, generators);
  const files = await generateFiles([model], [model], await inputs);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return new Map(files.paths().map((p) => {
    const content = files.get(p)!;
    return [p, typeof content === 'string' ? content : decoder.decode(content)];
  }));
}
