/**
 * The helper thread (`--jobs 2`, the default for large models) must not change a byte: the same
 * project generated on one thread and on two gives identical files, the manifest included; `check`
 * agrees either way; an invalid model still stops with exit 2 and writes nothing; a bad `--jobs`
 * is a user error. Runs the built CLI, which is the only place the worker script exists.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticModelYaml } from '../../src/bench/synthetic-model.js';
import { runBuiltCli, tempProject } from '../foundation/helpers.js';

const projects: { root: string; dispose(): Promise<void> }[] = [];
let single: string;
let double: string;

/** A project holding one synthetic model (the seed models would only add time). */
async function project(): Promise<string> {
  const made = await tempProject();
  projects.push(made);
  await mkdir(path.join(made.root, 'model'), { recursive: true });
  for (const file of await readdir(path.join(made.root, 'model'))) if (file.endsWith('.yaml')) await rm(path.join(made.root, 'model', file));
  await writeFile(path.join(made.root, 'model/synthetic-300.yaml'), syntheticModelYaml(300));
  return made.root;
}

async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), await readFile(full));
  }
  return files;
}

beforeAll(async () => {
  single = await project();
  double = await project();
});

afterAll(async () => {
  await Promise.all(projects.map((p) => p.dispose()));
});

describe('generating with a helper thread', () => {
  it('writes the same bytes as one thread, manifest included', async () => {
    const one = runBuiltCli(['--root', single, 'generate', '--quiet', '--jobs', '1']);
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    const two = runBuiltCli(['--root', double, 'generate', '--quiet', '--jobs', '2']);
    expect(two.stderr).toBe('');
    expect(two.status).toBe(0);
    for (const folder of ['output', 'resource']) {
      const a = await tree(path.join(single, folder));
      const b = await tree(path.join(double, folder));
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      expect(a.size).toBeGreaterThan(folder === 'output' ? 30 : 0);
      for (const [file, bytes] of a) expect(b.get(file)!.equals(bytes), `${folder}/${file}`).toBe(true);
    }
  });

  it('lets check --full on one thread find every file two threads wrote in step, and the other way round', () => {
    for (const [root, jobs] of [[double, '1'], [single, '2']] as const) {
      // Nothing is rendered in these projects (renders are listed apart): the generated files must all match.
      const run = runBuiltCli(['--root', root, 'check', '--full', '--jobs', jobs, '--format', 'json']);
      const report = JSON.parse(run.stdout) as { changed: unknown[]; missing: unknown[]; stale: unknown[] };
      expect({ changed: report.changed, missing: report.missing, stale: report.stale }, `check --jobs ${jobs}`).toEqual({ changed: [], missing: [], stale: [] });
    }
  });

  it('stops on an invalid model with exit 2, the position, and nothing written', async () => {
    const root = await project();
    const file = path.join(root, 'model/synthetic-300.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('direction: RIGHT', 'direction: SIDEWAYS'));
    const run = runBuiltCli(['--root', root, 'generate', '--jobs', '2']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/model\/synthetic-300\.yaml:\d+:\d+: error schema\//);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect((await readdir(root)).filter((f) => f === 'output' || f === 'resource')).toEqual([]);
  });

  it('refuses a --jobs that is not a whole number of threads', () => {
    const run = runBuiltCli(['--root', single, 'generate', '--jobs', 'many']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cli/invalid-jobs');
    expect(run.stderr).toContain('hint:');
  });
});
