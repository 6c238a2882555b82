/**
 * The fast `check` (fingerprints in output/manifest.json) never reports clean when the full
 * regenerate-and-diff path would not: every kind of change is caught, and on a clean tree both
 * paths agree. One real generate of the three bundled models; each case works on a copy.
 */
import { cp, mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_PATH, parseManifestDocument } from '../../src/output/manifest.js';
import { stableJson } from '../../src/output/stable-json.js';
import { computeBuildId } from '../../src/pipeline/build-id.js';
import { sortDiagnostics } from '../../src/diagnostics/diagnostic.js';
import { fastCheck } from '../../src/pipeline/fast-check.js';
import { recordedValidation } from '../../src/pipeline/fast-validate.js';
import { loadModels, resolveModelFiles } from '../../src/pipeline/project.js';
import { runCheck, runGenerate } from '../../src/pipeline/workflow.js';
import { renderManifestContent, sha256, type RenderManifest } from '../../src/render/render-manifest.js';
import { tempProject } from './helpers.js';

/** A fixed build id: the real one hashes src/, which other people edit while tests run. */
const BUILD = 'build-under-test';
const SEED = 'model/point-system.yaml';

let base: string;
let disposeBase: () => Promise<void>;
const copies: string[] = [];

/** What `archgen render` would record for a model's current sources, without drawing anything. */
async function recordRenders(root: string): Promise<void> {
  const manifest = parseManifestDocument(await readFile(path.join(root, MANIFEST_PATH), 'utf8'))!;
  const ids = new Set(Object.values(manifest.files).filter((m) => m !== '*'));
  for (const id of ids) {
    const sources: Record<string, RenderManifest['sources'][string]> = {};
    for (const file of Object.keys(manifest.files)) {
      if ((file.startsWith(`output/${id}/diagrams/`) && file.endsWith('.mmd')) || file === `resource/${id}.drawio`) {
        sources[file] = { sha256: sha256(await readFile(path.join(root, file))), renderer: 'test', outputs: [] };
      }
    }
    const target = path.join(root, 'output', id, 'rendered', 'manifest.json');
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, renderManifestContent({ version: 1, tools: { test: '1' }, sources }));
  }
}

async function copy(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'archgen-fast-'));
  copies.push(root);
  await cp(base, root, { recursive: true });
  return root;
}

const fast = (root: string, modelFiles: string[] = [], buildId: string = BUILD, overlays = {}) => fastCheck({ root, modelFiles, buildId, overlays });
const full = (root: string, modelFiles: string[] = [], overlays = {}) => runCheck({ root, modelFiles, overlays });
const drifted = (result: Awaited<ReturnType<typeof full>>) => result.report.changed.length + result.report.missing.length + result.report.stale.length + result.renders.length > 0;

beforeAll(async () => {
  ({ root: base, dispose: disposeBase } = await tempProject());
  await runGenerate({ root: base, modelFiles: [], buildId: BUILD });
  await recordRenders(base);
}, 120_000);

afterAll(async () => {
  await disposeBase?.();
  for (const root of copies) await rm(root, { recursive: true, force: true });
});

describe('fast check on a clean tree', () => {
  it('is clean, and agrees with the full path on the file count and the warnings', async () => {
    for (const selection of [[], [SEED]]) {
      const quick = await fast(base, selection);
      const slow = await full(base, selection);
      expect(drifted(slow)).toBe(false);
      expect(quick.fast, JSON.stringify(quick)).toBe(true);
      if (!quick.fast) continue;
      expect(quick.unchanged).toBe(slow.report.unchanged);
      expect(quick.warnings).toEqual(slow.prepared.warnings);
      expect(quick.renders).toEqual([]);
    }
  }, 120_000);

  it('records the seed warning in the fingerprint (fast check prints it without validating)', async () => {
    const quick = await fast(base, [SEED]);
    expect(quick.fast && quick.warnings.map((d) => d.rule)).toContain('cost/class-not-offered');
  });

  it('a second generate changes nothing (fingerprints are deterministic)', async () => {
    const root = await copy();
    const before = await readFile(path.join(root, MANIFEST_PATH));
    const { entries } = await runGenerate({ root, modelFiles: [], buildId: BUILD });
    expect(entries.filter((e) => e.status !== 'unchanged')).toEqual([]);
    expect(await readFile(path.join(root, MANIFEST_PATH))).toEqual(before);
  }, 120_000);
});

/** Each change: the fast path must decline; where the change reaches the output, the full path reports drift. */
describe('every kind of change sends check down the full path', () => {
  const cases: { name: string; change: (root: string) => Promise<void>; fullDrifts: boolean; selection?: string[]; buildId?: string; overlays?: (root: string) => Record<string, string> }[] = [
    {
      name: 'model edit (the VPC name)',
      change: async (root) => {
        const file = path.join(root, SEED);
        const text = await readFile(file, 'utf8');
        expect(text).toContain('en: Points VPC }');
        await writeFile(file, text.replace('en: Points VPC }', 'en: Points VPC renamed }'));
      },
      fullDrifts: true,
    },
    { name: 'model edit that changes no output (a comment)', change: async (root) => writeFile(path.join(root, SEED), `${await readFile(path.join(root, SEED), 'utf8')}# note\n`), fullDrifts: false },
    { name: 'another model edited, checking only the seed (project-wide files see all models)', change: async (root) => writeFile(path.join(root, 'model/point-system-eks.yaml'), `${await readFile(path.join(root, 'model/point-system-eks.yaml'), 'utf8')}# note\n`), fullDrifts: false, selection: [SEED] },
    { name: 'output file edit', change: async (root) => writeFile(path.join(root, 'output/point-system/architecture.en.md'), `${await readFile(path.join(root, 'output/point-system/architecture.en.md'), 'utf8')}\nedited\n`), fullDrifts: true },
    { name: 'deleted output', change: (root) => unlink(path.join(root, 'output/point-system/resolved/prod.json')), fullDrifts: true },
    {
      name: 'extra stale file listed in the manifest',
      change: async (root) => {
        const manifest = JSON.parse(await readFile(path.join(root, MANIFEST_PATH), 'utf8')) as { files: Record<string, string>; sha256: Record<string, string> };
        const stale = 'output/point-system/old-report.md';
        await writeFile(path.join(root, stale), 'old\n');
        manifest.files[stale] = 'point-system';
        manifest.sha256[stale] = sha256('old\n');
        // Written as `generate` would format it, so only the listing itself differs.
        await writeFile(path.join(root, MANIFEST_PATH), stableJson(manifest));
      },
      fullDrifts: true,
    },
    { name: 'a model deleted from model/ (its files are stale)', change: (root) => unlink(path.join(root, 'model/point-system-serverless.yaml')), fullDrifts: true },
    { name: 'a new model in model/', change: (root) => cp(path.join(root, SEED), path.join(root, 'model/point-system-copy.yaml')), fullDrifts: true },
    { name: 'template edit', change: async (root) => writeFile(path.join(root, 'templates/doc/architecture.md.hbs'), `${await readFile(path.join(root, 'templates/doc/architecture.md.hbs'), 'utf8')}\nTemplate edited.\n`), fullDrifts: true },
    { name: 'a new, unused file under templates/', change: (root) => writeFile(path.join(root, 'templates/doc/unused.txt'), 'x\n'), fullDrifts: false },
    {
      name: 'price snapshot edit',
      change: async (root) => {
        const file = path.join(root, 'model/pricing/ap-northeast-2.json');
        const text = await readFile(file, 'utf8');
        await writeFile(file, text.replace(/("price": )(\d+(?:\.\d+)?)/g, (_, head: string, value: string) => `${head}${Number(value) + 1}`));
      },
      fullDrifts: true,
    },
    { name: 'changed build id', change: async () => undefined, buildId: 'another-build', fullDrifts: false },
    {
      name: '--templates overlay on check only',
      change: async (root) => {
        await mkdir(path.join(root, 'my-templates/doc'), { recursive: true });
        await cp(path.join(root, 'templates/doc/architecture.md.hbs'), path.join(root, 'my-templates/doc/architecture.md.hbs'));
      },
      overlays: () => ({ 'templates/': 'my-templates' }),
      fullDrifts: false,
    },
    { name: 'manifest reformatted', change: async (root) => writeFile(path.join(root, MANIFEST_PATH), JSON.stringify(JSON.parse(await readFile(path.join(root, MANIFEST_PATH), 'utf8')))), fullDrifts: false },
    { name: 'no manifest', change: (root) => unlink(path.join(root, MANIFEST_PATH)), fullDrifts: true },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const root = await copy();
      await c.change(root);
      const overlays = c.overlays?.(root) ?? {};
      const quick = await fast(root, c.selection ?? [], c.buildId ?? BUILD, overlays);
      expect(quick.fast, 'fast path must decline').toBe(false);
      const slow = await full(root, c.selection ?? [], overlays);
      expect(drifted(slow), JSON.stringify({ ...slow.report, changed: slow.report.changed.map((x) => x.path), renders: slow.renders })).toBe(c.fullDrifts);
    }, 120_000);
  }
});

/** Rendered images are judged on source hashes; the fast path reports the same render drift as the full path. */
describe('rendered-image staleness', () => {
  const cases: { name: string; change: (root: string) => Promise<void> }[] = [
    {
      name: 'a source changed since it was rendered',
      change: async (root) => {
        const file = path.join(root, 'output/point-system/rendered/manifest.json');
        const manifest = JSON.parse(await readFile(file, 'utf8')) as RenderManifest;
        const first = Object.keys(manifest.sources)[0]!;
        await writeFile(file, renderManifestContent({ ...manifest, sources: { ...manifest.sources, [first]: { ...manifest.sources[first]!, sha256: sha256('older source') } } }));
      },
    },
    { name: 'never rendered', change: (root) => rm(path.join(root, 'output/point-system/rendered'), { recursive: true }) },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const root = await copy();
      await c.change(root);
      const quick = await fast(root);
      const slow = await full(root);
      expect(slow.renders.length).toBeGreaterThan(0);
      expect(quick.fast).toBe(true);
      if (quick.fast) expect(quick.renders).toEqual(slow.renders);
      expect(slow.report.changed.length + slow.report.missing.length + slow.report.stale.length).toBe(0);
    }, 120_000);
  }
});

/** `validate` from the record gives exactly what parsing and validating gives, and only while the fingerprint holds. */
describe('recorded validation', () => {
  it('equals the full validation on the clean tree (all models, and the seed alone)', async () => {
    for (const selection of [[], [SEED]]) {
      const recorded = await recordedValidation(base, selection, BUILD);
      const loaded = await loadModels(base, await resolveModelFiles(base, selection));
      expect(recorded).toBeDefined();
      expect(recorded!.models).toEqual(loaded.models.map((m) => ({ id: m.id, file: m.source.file, environmentNames: m.environmentNames })));
      expect(sortDiagnostics(recorded!.diagnostics)).toEqual(sortDiagnostics(loaded.diagnostics));
    }
  });

  const changes: { name: string; change: (root: string) => Promise<void>; buildId?: string }[] = [
    { name: 'the model now has an error', change: async (root) => writeFile(path.join(root, SEED), (await readFile(path.join(root, SEED), 'utf8')).replace('en: Points VPC }', 'en: Points VPC }\n    bogusField: 1')) },
    { name: 'another model edited (comment only)', change: async (root) => writeFile(path.join(root, 'model/point-system-eks.yaml'), `${await readFile(path.join(root, 'model/point-system-eks.yaml'), 'utf8')}# note\n`) },
    { name: 'price snapshot edited (class warnings read it)', change: async (root) => writeFile(path.join(root, 'model/pricing/ap-northeast-2.json'), (await readFile(path.join(root, 'model/pricing/ap-northeast-2.json'), 'utf8')).replace('db.t3.small is not offered', 'db.t3.small is not sold')) },
    { name: 'another build', change: async () => undefined, buildId: 'another-build' },
  ];
  for (const c of changes) {
    it(`is not used when ${c.name}`, async () => {
      const root = await copy();
      await c.change(root);
      expect(await recordedValidation(root, [SEED], c.buildId ?? BUILD)).toBeUndefined();
    });
  }
});

describe('build id', () => {
  it('changes when any compiled file changes, and not otherwise', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'archgen-build-'));
    copies.push(dir);
    await writeFile(path.join(dir, 'a.js'), 'export const a = 1;\n');
    await writeFile(path.join(dir, 'notes.txt'), 'not code\n');
    const first = await computeBuildId(dir, ['.js']);
    expect(await computeBuildId(dir, ['.js'])).toBe(first);
    await writeFile(path.join(dir, 'notes.txt'), 'still not code\n');
    expect(await computeBuildId(dir, ['.js'])).toBe(first);
    await writeFile(path.join(dir, 'a.js'), 'export const a = 2;\n');
    expect(await computeBuildId(dir, ['.js'])).not.toBe(first);
  });
});
