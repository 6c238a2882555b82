/**
 * Every generated document (three models × two locales): Markdown that passes markdownlint,
 * links and image paths that resolve, HTML with the rendered diagrams, byte-stable output, and
 * model text that cannot break out of its Markdown or HTML context.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { lint } from 'markdownlint/promise';
import { beforeAll, describe, expect, it } from 'vitest';
import { generators } from '../../src/generators/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { generateFiles } from '../../src/pipeline/generate.js';
import { loadInputs } from '../../src/pipeline/project.js';
import { mermaidRenderer } from '../../src/render/mermaid-renderer.js';
import { renderedDir, renderModels } from '../../src/render/render-files.js';
import { stemOf } from '../../src/render/renderer.js';
import type { FileSet } from '../../src/output/file-set.js';
import { docInputs, documents, LINT_CONFIG, projectModels, ROOT, seedVariant } from './helpers.js';


let models: ArchitectureModel[];
let files: FileSet;
const text = (p: string) => new TextDecoder().decode(files.get(p)!);
const docPaths = () => files.paths().filter((p) => /^output\/[^/]+\/architecture\.(ko|en)\.md$/.test(p));

beforeAll(async () => {
  models = await projectModels();
  files = await generateFiles(models, models, await loadInputs(ROOT, generators));
});

describe('generated documents', () => {
  it('exist for every bundled model in Korean and English, Markdown and HTML', () => {
    for (const model of models) {
      for (const name of ['architecture.ko.md', 'architecture.en.md', 'architecture.ko.html', 'architecture.en.html']) {
        expect(files.get(`output/${model.id}/${name}`), `${model.id}/${name}`).toBeDefined();
      }
    }
    expect(models.map((m) => m.id).sort()).toEqual(['point-system', 'point-system-eks', 'point-system-serverless']);
  });

  it('every per-model generator produces files for every bundled model', () => {
    const perModel = generators.filter((g) => files.paths().some((p) => files.ownerOf(p) === g.name && files.modelOf(p) !== undefined));
    expect(perModel.map((g) => g.name)).toContain('docs');
    for (const generator of perModel) {
      for (const model of models) {
        const produced = files.paths().filter((p) => files.ownerOf(p) === generator.name && files.modelOf(p) === model.id);
        expect(produced.length, `${generator.name} on ${model.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('pass markdownlint', async () => {
    const strings = Object.fromEntries(docPaths().map((p) => [p, text(p)]));
    expect(Object.keys(strings)).toHaveLength(6);
    const result = await lint({ strings, config: LINT_CONFIG });
    expect(result.toString()).toBe('');
  });

  it('link only to files that exist or are generated, and to images archgen render writes', () => {
    const broken: string[] = [];
    for (const doc of docPaths()) {
      const model = models.find((m) => doc.startsWith(`output/${m.id}/`))!;
      // The seed's next document lives in its own document series, outside this project.
      const external = new Set([model.environments[model.defaultEnvironment]!.metadata.next?.href]);
      for (const [, target] of text(doc).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target!) || target!.startsWith('#') || external.has(target)) continue;
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(doc), decodeURI(target!)));
        if (resolved.startsWith(`${renderedDir(model.id)}/`)) {
          // An image `archgen render` writes from a generated Mermaid source of the same stem.
          const stem = stemOf(resolved);
          const source = files.paths().find((p) => p.startsWith(`output/${model.id}/`) && p.endsWith('.mmd') && stemOf(p) === stem);
          if (!source) broken.push(`${doc}: ${target} (no Mermaid source renders to it)`);
          continue;
        }
        if (!files.get(resolved) && !existsSync(path.join(ROOT, resolved))) broken.push(`${doc}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('point at the images archgen render really writes (Mermaid in Chromium)', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'archgen-render-'));
    try {
      for (const p of files.paths().filter((f) => f.startsWith('output/point-system/diagrams/'))) {
        await mkdir(path.dirname(path.join(root, p)), { recursive: true });
        await writeFile(path.join(root, p), files.get(p)!);
      }
      const summary = await renderModels({ root, modelIds: ['point-system'], png: false, renderers: [mermaidRenderer] });
      expect(summary.failures).toEqual([]);
      const doc = 'output/point-system/architecture.ko.md';
      const images = [...text(doc).matchAll(/\]\((rendered\/[^)]+)\)/g)].map((m) => m[1]!);
      expect(images.length).toBeGreaterThanOrEqual(6);
      expect(images.filter((image) => !existsSync(path.join(root, 'output/point-system', image)))).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('show each known diagram as its rendered image in HTML', () => {
    const html = text('output/point-system/architecture.ko.html');
    for (const name of ['architecture', 'network', 'request-sequence', 'security-groups', 'cicd-pipeline', 'cost']) {
      expect(html).toContain(`<img src="rendered/${name}.svg"`);
    }
    expect(html).toContain('href="../point-system-serverless/architecture.ko.html"');
    expect(html).not.toMatch(/<script/i);
  });

  it('are byte-identical when generated twice', async () => {
    const inputs = await docInputs();
    const model = models.find((m) => m.id === 'point-system-eks')!;
    expect(documents(model, models, inputs)).toEqual(documents(model, models, inputs));
  });

  it('keep model text inside its Markdown and HTML context', async () => {
    const hostile = '<script>alert(1)</script> | **bold** `tick` [x](javascript:alert(1)) # not a heading';
    const model = seedVariant('hostile', (yaml) => yaml
      .replace('name: { ko: 사용자 (인터넷), en: Users (Internet) }', `name: ${JSON.stringify(hostile)}`)
      .replace('description: { ko: ALB에서 애플리케이션 포트만 허용, en: Application port from the ALB only }', `description: ${JSON.stringify(`- ${hostile}`)}`));
    const docs = documents(model, [model], await docInputs());
    const md = docs.get('output/hostile/architecture.en.md')!;
    const html = docs.get('output/hostile/architecture.en.html')!;
    // Fenced code (the Mermaid sources) is literal text; everywhere else the tag must be escaped.
    const prose = md.replace(/```[\s\S]*?```/g, '');
    expect(prose).not.toMatch(/(^|[^\\])<\/?script/m);
    expect(prose).toContain('\\<script>');
    expect(md).toContain('\\| \\*\\*bold\\*\\* \\`tick\\` \\[x\\](javascript:alert(1))');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | **bold**');
    const result = await lint({ strings: { md }, config: LINT_CONFIG });
    expect(result.toString()).toBe('');
    // Tables keep their column count: the hostile `|` is escaped inside cells.
    for (const line of md.split('\n').filter((l) => l.startsWith('| ') && l.includes('ECS Security Group'))) {
      expect(line.replace(/\\\|/g, '').split('|').length, line).toBe(8);
    }
  });
});
