/**
 * An imported model is a model like any other: every generator (diagrams, matrices, cost,
 * documents, CDK-facing references) runs over it without error.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generators } from '../../src/generators/index.js';
import { importTemplate } from '../../src/import/index.js';
import { generateFiles } from '../../src/pipeline/generate.js';
import { loadInputs } from '../../src/pipeline/project.js';
import { fixture, root, tempDir } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('generate');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(['web-stack.yaml', 'serverless-api.yaml', 'eks-http-api.yaml'])('the model imported from %s', (name) => {
  it('goes through every generator', async () => {
    const { model } = await importTemplate({ template: fixture(name), out: path.join(dir, `${name.replace(/\.yaml$/, '')}-imported.yaml`), root, dryRun: true });
    const files = await generateFiles([model], [model], await loadInputs(root, generators));
    const paths = files.paths();
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.some((p) => p.endsWith('.drawio'))).toBe(true);
    expect(paths.some((p) => /security/.test(p))).toBe(true);
    for (const p of paths) expect(files.get(p)!.byteLength).toBeGreaterThan(0);
  });
});
