/**
 * The generate/check pipeline on a temp copy of the project: deterministic output, drift
 * detection (changed, missing, stale), nothing written when a generator throws, atomic writes.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generators as defaultGenerators } from '../../src/generators/index.js';
import { resolvedModelGenerator } from '../../src/generators/resolved-model.js';
import { schemaGenerator } from '../../src/generators/schema.js';
import type { Generator } from '../../src/generators/types.js';
import { MANIFEST_PATH, readManifest } from '../../src/output/manifest.js';
import { writeAtomic } from '../../src/output/write.js';
import { BUILD_ID_PATH } from '../../src/pipeline/build-id.js';
import { GeneratorError } from '../../src/pipeline/generate.js';
import { runCheck, runGenerate } from '../../src/pipeline/workflow.js';
import { runBuiltCli, tempProject } from './helpers.js';

/** Every file under `root` (relative POSIX path → bytes), dot-files included. */
async function tree(root: string, dir = ''): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [k, v] of await tree(root, relative)) out.set(k, v);
    else out.set(relative, await readFile(path.join(root, relative)));
  }
  return out;
}

const disposers: (() => Promise<void>)[] = [];
async function project(): Promise<string> {
  const p = await tempProject();
  disposers.push(p.dispose);
  return p.root;
}
afterEach(async () => {
  while (disposers.length) await disposers.pop()!();
});

/**
 * The real generators run twice in this file (here in UTC, then through the built CLI in Seoul);
 * the drift and failure tests use the two foundation generators, which exercise the same
 * pipeline at a fraction of the cost.
 */
const FOUNDATION: readonly Generator[] = [schemaGenerator, resolvedModelGenerator];

let fullRoot: string;
let fullOnce: Map<string, Buffer>;
let generatedOnce: Map<string, Buffer>;
beforeAll(async () => {
  const previousTz = process.env.TZ;
  process.env.TZ = 'UTC';
  try {
    const full = await tempProject();
    fullRoot = full.root;
    // The built CLI regenerates below: record its build id, so the fingerprints match too.
    const buildId = (JSON.parse(await readFile(BUILD_ID_PATH, 'utf8')) as { buildId: string }).buildId;
    await runGenerate({ root: fullRoot, modelFiles: [], buildId });
    fullOnce = await tree(fullRoot);
  } finally {
    if (previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = previousTz;
  }
  const root = await project();
  await runGenerate({ root, modelFiles: [], generators: FOUNDATION });
  generatedOnce = await tree(root);
  await disposers.pop()!();
});
afterAll(async () => {
  if (fullRoot) await rm(fullRoot, { recursive: true, force: true });
});

const opts = (root: string) => ({ root, modelFiles: [] as string[], generators: FOUNDATION });

async function generatedProject(): Promise<string> {
  const root = await project();
  for (const [file, bytes] of generatedOnce) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), bytes);
  }
  return root;
}

describe('generate with every registered generator', () => {
  it('produces every file the manifest lists, with each generator contributing', () => {
    const manifest = JSON.parse(fullOnce.get(MANIFEST_PATH)!.toString('utf8')) as { files: Record<string, string> };
    for (const file of Object.keys(manifest.files)) expect(fullOnce.has(file), file).toBe(true);
    expect(Object.keys(manifest.files).length).toBeGreaterThanOrEqual(defaultGenerators.length);
    expect(Object.values(manifest.files)).toContain('point-system');
  });

  // The second run is the built CLI in another time zone and locale, on the same files: it must
  // find every byte unchanged (one run proves both determinism and "writes only what changed").
  it('the built CLI in TZ=Asia/Seoul with a Korean locale regenerates the same bytes and rewrites nothing', async () => {
    const before = await stat(path.join(fullRoot, MANIFEST_PATH));
    const run = runBuiltCli(['--format', 'json', '-C', fullRoot, 'generate'], { env: { TZ: 'Asia/Seoul', LANG: 'ko_KR.UTF-8', LC_ALL: 'ko_KR.UTF-8' } });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { files: { path: string; status: string }[] };
    expect(result.files.filter((f) => f.status !== 'unchanged')).toEqual([]);
    const manifest = JSON.parse(fullOnce.get(MANIFEST_PATH)!.toString('utf8')) as { files: Record<string, string> };
    expect(result.files.length).toBe(Object.keys(manifest.files).length + 1);
    expect((await stat(path.join(fullRoot, MANIFEST_PATH))).mtimeMs).toBe(before.mtimeMs);
    const again = await tree(fullRoot);
    expect([...again.keys()].sort()).toEqual([...fullOnce.keys()].sort());
    for (const [file, bytes] of again) expect(bytes.equals(fullOnce.get(file)!), file).toBe(true);
  });

  it('leaves no temp files behind', () => {
    const leftovers = [...fullOnce.keys()].filter((file) => /(^|\/)\.[^/]*\.tmp$/.test(file));
    expect(leftovers).toEqual([]);
  });
});

describe('generate (foundation generators)', () => {
  it('produces the manifest and, for every model and environment, the resolved model', async () => {
    const manifest = JSON.parse(generatedOnce.get(MANIFEST_PATH)!.toString('utf8')) as { files: Record<string, string> };
    expect(manifest.files['output/point-system/resolved/prod.json']).toBe('point-system');
    expect(manifest.files['output/point-system/resolved/dev.json']).toBe('point-system');
    expect(manifest.files['model/architecture.schema.json']).toBe('*');
    for (const file of Object.keys(manifest.files)) expect(generatedOnce.has(file), file).toBe(true);
    const dev = JSON.parse(generatedOnce.get('output/point-system/resolved/dev.json')!.toString('utf8')) as { components: { id: string; nodeType?: string }[] };
    expect(dev.components.find((c) => c.id === 'points-cache')?.nodeType).toBe('cache.t3.micro');
  });

  it('rewrites only the files whose bytes change', async () => {
    const root = await generatedProject();
    const target = 'output/point-system/resolved/dev.json';
    await writeFile(path.join(root, target), 'edited by hand\n');
    const { entries } = await runGenerate(opts(root));
    expect(entries.filter((e) => e.status !== 'unchanged')).toEqual([{ path: target, bytes: generatedOnce.get(target)!.byteLength, status: 'changed' }]);
    expect(await tree(root)).toEqual(generatedOnce);
  });

  it('writes nothing when a generator throws, naming the generator', async () => {
    const root = await generatedProject();
    const rewrite: Generator = {
      name: 'rewrite',
      description: 'would change a committed file',
      generate: (model) => [{ path: `output/${model.id}/resolved/prod.json`, content: 'changed\n' }, { path: `output/${model.id}/new-file.txt`, content: 'new\n' }],
    };
    const broken: Generator = { name: 'broken', description: 'throws', generate: () => { throw new Error('boom'); } };
    const failing = runGenerate({ ...opts(root), generators: [schemaGenerator, rewrite, broken] });
    await expect(failing).rejects.toBeInstanceOf(GeneratorError);
    await expect(failing).rejects.toThrow(/generator "broken" failed on model "point-system.*": boom/);
    expect(await tree(root)).toEqual(generatedOnce);
  });

  it('removes files of a generator that no longer produces them, and of a deleted model', async () => {
    const root = await generatedProject();
    const { entries } = await runGenerate({ ...opts(root), generators: [schemaGenerator] });
    const removed = entries.filter((e) => e.status === 'removed').map((e) => e.path);
    expect(removed).toContain('output/point-system/resolved/prod.json');
    expect(removed.every((file) => file.includes('/resolved/'))).toBe(true);
    await expect(stat(path.join(root, 'output/point-system/resolved/prod.json'))).rejects.toThrow(/ENOENT/);

    const again = await generatedProject();
    const [other] = Object.entries(await readManifest(again)).find(([, model]) => model !== '*' && model !== 'point-system') ?? [];
    if (other) {
      const model = (await readManifest(again))[other]!;
      await rm(path.join(again, `model/${model}.yaml`));
      const result = await runGenerate(opts(again));
      expect(result.entries.filter((e) => e.status === 'removed').map((e) => e.path)).toContain(other);
      expect(Object.values(await readManifest(again))).not.toContain(model);
    }
  });

  it('never removes a path outside the project listed in a tampered manifest', async () => {
    const root = await generatedProject();
    const outside = path.join(path.dirname(root), `${path.basename(root)}-victim.txt`);
    await writeFile(outside, 'keep me');
    try {
      const manifest = JSON.parse(generatedOnce.get(MANIFEST_PATH)!.toString('utf8')) as { files: Record<string, string> };
      manifest.files[`../${path.basename(outside)}`] = 'point-system';
      manifest.files[outside] = 'point-system';
      await writeFile(path.join(root, MANIFEST_PATH), JSON.stringify(manifest));
      await runGenerate(opts(root));
      expect(await readFile(outside, 'utf8')).toBe('keep me');
    } finally {
      await rm(outside, { force: true });
    }
  });
});

describe('writeAtomic', () => {
  it('cleans up its temp file when the rename fails', async () => {
    const root = await project();
    await mkdir(path.join(root, 'out/target'), { recursive: true });
    await expect(writeAtomic(path.join(root, 'out/target'), 'x')).rejects.toThrow();
    expect(await readdir(path.join(root, 'out'))).toEqual(['target']);
  });

  it('replaces a file whole', async () => {
    const root = await project();
    const file = path.join(root, 'a/b.txt');
    await writeAtomic(file, 'one');
    await writeAtomic(file, 'two');
    expect(await readFile(file, 'utf8')).toBe('two');
    expect(await readdir(path.join(root, 'a'))).toEqual(['b.txt']);
  });
});

describe('check', () => {
  it('passes on freshly generated files', async () => {
    const root = await generatedProject();
    const { report } = await runCheck(opts(root));
    expect({ changed: report.changed, missing: report.missing, stale: report.stale }).toEqual({ changed: [], missing: [], stale: [] });
    const manifest = JSON.parse(generatedOnce.get(MANIFEST_PATH)!.toString('utf8')) as { files: Record<string, string> };
    expect(report.unchanged).toBe(Object.keys(manifest.files).length + 1);
  });

  it('finds a changed file (with a unified diff), a missing file and a stale file, and changes nothing', async () => {
    const root = await generatedProject();
    const changedFile = 'output/point-system/resolved/prod.json';
    const original = generatedOnce.get(changedFile)!.toString('utf8');
    await writeFile(path.join(root, changedFile), original.replace('"minTasks": 2', '"minTasks": 3'));
    await rm(path.join(root, 'output/point-system/resolved/dev.json'));
    const staleFile = 'output/point-system/old-diagram.svg';
    const manifest = JSON.parse(generatedOnce.get(MANIFEST_PATH)!.toString('utf8')) as { files: Record<string, string> };
    manifest.files[staleFile] = 'point-system';
    await writeFile(path.join(root, MANIFEST_PATH), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFile(path.join(root, staleFile), '<svg/>');
    const before = await tree(root);

    const { report } = await runCheck(opts(root));
    expect(report.changed.map((c) => c.path).sort()).toEqual([MANIFEST_PATH, changedFile].sort());
    const diff = report.changed.find((c) => c.path === changedFile)!.diff;
    expect(diff).toMatch(/^--- a\/output\/point-system\/resolved\/prod\.json/m);
    expect(diff).toMatch(/^\+\+\+ b\/output\/point-system\/resolved\/prod\.json/m);
    expect(diff).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@/m);
    expect(diff).toMatch(/^-\s+"minTasks": 3,?$/m);
    expect(diff).toMatch(/^\+\s+"minTasks": 2,?$/m);
    expect(report.missing).toEqual(['output/point-system/resolved/dev.json']);
    expect(report.stale).toEqual([staleFile]);
    expect(await tree(root)).toEqual(before);
  });
});
