import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mermaidFiles } from '../../src/generators/mermaid/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { launchBrowser } from '../../src/render/browser.js';
import { MermaidPage } from '../../src/render/mermaid-engine.js';
import { renderModels } from '../../src/render/render-files.js';
import { parseRenderManifest, renderDrift, sha256 } from '../../src/render/render-manifest.js';
import { ROOT, seedModel, svgText } from './helpers.js';

/** A project root holding only the seed's generated diagram sources. */
async function tempProject(model: ArchitectureModel): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'archgen-mermaid-'));
  for (const file of mermaidFiles(model)) {
    await mkdir(path.dirname(path.join(root, file.path)), { recursive: true });
    await writeFile(path.join(root, file.path), file.content);
  }
  return root;
}

const sourcesOf = (model: ArchitectureModel) => new Map(mermaidFiles(model).map((f) => [f.path, f.content as string]));

/** The machine is shared; rendering is measured by the benchmark, so timeouts here only catch hangs. */
const SLOW = 600_000;

describe('rendering the seed', () => {
  let model: ArchitectureModel;
  let browser: Browser;
  let root: string;
  let first: Awaited<ReturnType<typeof renderModels>>;
  beforeAll(async () => {
    model = await seedModel();
    browser = await launchBrowser();
    root = await tempProject(model);
    first = await renderModels({ root, modelIds: [model.id], png: true, browser });
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    if (root) await rm(root, { recursive: true, force: true });
  }, SLOW);

  it('renders every diagram to SVG in Chromium with every label of the model present', async () => {
    expect(first.failures).toEqual([]);
    const prod = model.environments[model.defaultEnvironment]!;
    const dir = path.join(root, 'output', model.id, 'rendered');
    const text = async (name: string) => svgText(await readFile(path.join(dir, name), 'utf8'));

    const architecture = await text('architecture.svg');
    for (const c of prod.components) expect(architecture, c.id).toContain(c.name.ko);
    for (const s of prod.network.subnets) expect(architecture).toContain(`${s.id} · ${s.cidr}`);
    const sequence = await text('request-sequence.svg');
    for (const label of ['Route 53', 'Application Load Balancer', '포인트 API (ECS 서비스)', 'ElastiCache (Redis)', 'RDS (Aurora PostgreSQL) Writer', 'RDS (Aurora PostgreSQL) Reader', '캐시 히트', '캐시 미스']) {
      expect(sequence).toContain(label);
    }
    const groups = await text('security-groups.svg');
    for (const g of prod.securityGroups) expect(groups).toContain(g.name.ko);
    const network = await text('network.svg');
    for (const s of prod.network.subnets) expect(network).toContain(s.cidr);
    expect(await text('cicd-pipeline.svg')).toContain('AWS CodeBuild');

    const png = await readFile(path.join(dir, 'architecture.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThan(800);
  }, SLOW);

  it('records the source hashes, so drift is judged on sources and not on pixels', async () => {
    const manifest = parseRenderManifest(await readFile(path.join(root, 'output', model.id, 'rendered', 'manifest.json'), 'utf8'));
    expect(manifest?.tools.mermaid).toMatch(/^\d+\.\d+\.\d+$/);
    const sources = sourcesOf(model);
    for (const [file, content] of sources) expect(manifest!.sources[file]!.sha256).toBe(sha256(content));
    expect(renderDrift(manifest, sources)).toEqual({ stale: [], unrendered: [], orphaned: [] });

    const edited = new Map(sources);
    edited.set(`output/${model.id}/diagrams/network.mmd`, `${sources.get(`output/${model.id}/diagrams/network.mmd`)}%% edit\n`);
    edited.delete(`output/${model.id}/diagrams/cicd-pipeline.mmd`);
    edited.set(`output/${model.id}/diagrams/cost.mmd`, 'pie\n');
    expect(renderDrift(manifest, edited)).toEqual({
      stale: [`output/${model.id}/diagrams/network.mmd`],
      unrendered: [`output/${model.id}/diagrams/cost.mmd`],
      orphaned: [`output/${model.id}/diagrams/cicd-pipeline.mmd`],
    });
  }, SLOW);

  it('is byte-stable: a second run changes nothing, and render order does not matter', async () => {
    const again = await renderModels({ root, modelIds: [model.id], png: false, browser });
    const svgs = again.files.filter((f) => f.path.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(0);
    expect(svgs.filter((f) => f.status !== 'unchanged')).toEqual([]);

    const page = await MermaidPage.open(browser);
    try {
      const files = mermaidFiles(model);
      const forward = [];
      for (const f of files) forward.push(await page.render(`x-${path.basename(f.path, '.mmd')}`, f.content as string));
      const backward = [];
      for (const f of [...files].reverse()) backward.push(await page.render(`x-${path.basename(f.path, '.mmd')}`, f.content as string));
      expect(backward.reverse()).toEqual(forward);
      expect(page.blockedRequests).toEqual([]);
    } finally {
      await page.close();
    }
  }, SLOW);

  it('removes the images of a source that no longer exists', async () => {
    await rm(path.join(root, 'output', model.id, 'diagrams', 'cicd-pipeline.mmd'));
    const summary = await renderModels({ root, modelIds: [model.id], png: false, browser });
    expect(summary.files).toContainEqual({ path: `output/${model.id}/rendered/cicd-pipeline.svg`, status: 'removed' });
    expect(existsSync(path.join(root, 'output', model.id, 'rendered', 'cicd-pipeline.svg'))).toBe(false);
  }, SLOW);

  it('names the failing .mmd file with Mermaid\'s parse error and still renders the others', async () => {
    const broken = `output/${model.id}/diagrams/broken.mmd`;
    await writeFile(path.join(root, broken), 'flowchart LR\n  a --> \n  b[unclosed\n');
    const summary = await renderModels({ root, modelIds: [model.id], png: false, browser });
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0]!.source).toBe(broken);
    expect(summary.failures[0]!.message).toMatch(/Parse error on line \d+/);
    expect(existsSync(path.join(root, 'output', model.id, 'rendered', 'network.svg'))).toBe(true);

    const cli = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), '--root', root, 'render', 'model/point-system.yaml'], {
      cwd: ROOT, encoding: 'utf8', timeout: SLOW, env: { ...process.env, NO_COLOR: '1' },
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`✗ ${broken}: render failed`);
    expect(cli.stderr).toMatch(/Parse error on line \d+/);
    await rm(path.join(root, broken));
  }, SLOW);
});
