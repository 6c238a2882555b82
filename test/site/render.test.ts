/** The page builders without a browser: escaping of model text, plain notices, diagram errors. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelFromBytes } from '../../src/load/load-model.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { readSiteAssets } from '../../src/site/build.js';
import { renderSite, type SiteAssets } from '../../src/site/render.js';
import { available, missing, type SiteModel } from '../../src/site/types.js';

const root = path.resolve(__dirname, '../..');
let model: ArchitectureModel;
let assets: SiteAssets;

beforeAll(async () => {
  const text = (await readFile(path.join(root, 'model/point-system.yaml'), 'utf8')).replace('    en: Free point system\n', '    en: "<script>alert(1)</script> & co"\n');
  const result = loadModelFromBytes('model/point-system.yaml', Buffer.from(text));
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  model = result.model!;
  assets = await readSiteAssets(root);
});

const site = (overrides: Partial<SiteModel> = {}): SiteModel => ({
  model, documents: missing('the docs generator is switched off in this test'), drawio: missing('no drawio here'), mermaid: missing('no mermaid here'),
  documentDiagrams: [], security: missing('no analysis here'), cost: missing('no prices here'), ...overrides,
});

const text = (content: string | Uint8Array | undefined) => (typeof content === 'string' ? content : Buffer.from(content ?? []).toString('utf8'));

describe('renderSite', () => {
  it('escapes model text everywhere it appears', async () => {
    const files = await renderSite({ models: [site()], comparison: missing('one model'), live: false }, assets);
    for (const [file, content] of files) {
      if (!file.endsWith('.html')) continue;
      expect(text(content)).not.toContain('<script>alert(1)');
    }
    expect(text(files.get('index.html'))).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(text(files.get('point-system/model.html'))).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says plainly on each tab which piece is missing and why', async () => {
    const files = await renderSite({ models: [site()], comparison: missing('one model'), live: false }, assets);
    expect(text(files.get('point-system/cost.html'))).toMatch(/Cost estimate not available<\/h2><p>no prices here<\/p>/);
    expect(text(files.get('point-system/drawio.html'))).toMatch(/draw\.io diagrams not available<\/h2><p>no drawio here<\/p>/);
    // No draw.io viewer is shipped when no page needs it, and no live-reload client in a static build.
    expect([...files.keys()].some((f) => f.startsWith('assets/drawio/'))).toBe(false);
    expect(files.has('assets/live.js')).toBe(false);
  });

  it('shows a diagram Mermaid could not render as its error and source, without an image', async () => {
    const diagram = { name: 'broken', title: 'Broken', sourcePath: 'output/point-system/diagrams/broken.mmd', source: 'flowchart LR\n  a -->', svg: '', error: 'Parse error on line 2' };
    const files = await renderSite({ models: [site({ mermaid: available([diagram]) })], comparison: missing('one model'), live: false }, assets);
    const page = text(files.get('point-system/mermaid.html'));
    expect(page).toContain('Mermaid could not render this diagram: <code>Parse error on line 2</code>');
    expect(page).not.toContain('data-mermaid="broken"');
    expect(files.has('point-system/mermaid/broken.svg')).toBe(false);
  });

  it('gives the same bytes for the same content', async () => {
    const content = { models: [site()], comparison: missing<never>('one model'), live: false };
    const a = await renderSite(content, assets);
    const b = await renderSite(content, assets);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [file, bytes] of a) expect(text(b.get(file))).toBe(text(bytes));
  });
});
