import { mkdir, writeFile } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawioXml } from '../../src/generators/drawio/index.js';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import { launchBrowser } from '../../src/render/browser.js';
import { DrawioRenderError, renderDrawio, type RenderedDrawioPage } from '../../src/render/drawio.js';
import { drawioRenderer } from '../../src/render/drawio-renderer.js';
import { drawnShape, parseDrawio, styleOf, type Page } from './helpers.js';

const ARTIFACTS = 'test-artifacts/drawio';

/** Every piece of text the SVG draws (draw.io writes plain labels as one <text> per line). */
function svgTexts(svg: string): Set<string> {
  const texts = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text') (Array.isArray(value) ? value : [value]).forEach((t) => texts.add(String(typeof t === 'object' ? (t as Record<string, unknown>)['#text'] : t)));
        else visit(value);
      }
    }
  };
  visit(new XMLParser({ ignoreAttributes: false, htmlEntities: true }).parse(svg));
  return texts;
}

describe('draw.io rendering with the offline viewer', () => {
  let browser: Browser;
  let pages: Page[];
  let rendered: RenderedDrawioPage[];
  beforeAll(async () => {
    browser = await launchBrowser();
    const xml = await drawioXml(await loadModelOrThrow('model/point-system.yaml'));
    pages = parseDrawio(xml);
    rendered = await renderDrawio(browser, xml, { png: true });
    await mkdir(ARTIFACTS, { recursive: true });
    for (const page of rendered) await writeFile(`${ARTIFACTS}/point-system-${page.id}.png`, page.png!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders every page of the seed diagram to SVG and PNG', () => {
    expect(rendered.map((p) => p.id)).toEqual(pages.map((p) => p.id));
    for (const page of rendered) {
      expect(page.svg.startsWith('<svg')).toBe(true);
      expect(Buffer.from(page.png!).subarray(1, 4).toString()).toBe('PNG');
      expect(page.png!.length).toBeGreaterThan(20_000);
    }
  });

  it('shows every label of every page in the SVG', () => {
    for (const page of pages) {
      const texts = svgTexts(rendered.find((r) => r.id === page.id)!.svg);
      const missing = page.cells.flatMap((c) => c.value.split('\n')).filter((line) => line && !texts.has(line));
      expect(missing, page.id).toEqual([]);
    }
  });

  it('resolves every aws4 shape and group icon to its stencil', () => {
    for (const page of pages) {
      const wanted = new Set(page.cells.flatMap((c) => [drawnShape(c), styleOf(c).grIcon, styleOf(c).shape]).filter((s): s is string => Boolean(s?.startsWith('mxgraph.aws4'))));
      const resolved = new Set(rendered.find((r) => r.id === page.id)!.shapes);
      expect([...wanted].filter((s) => !resolved.has(s)), page.id).toEqual([]);
    }
  });

  it('plugs into archgen render: resource/<model>.drawio → drawio-<page>.svg per page', async () => {
    expect(drawioRenderer.accepts('resource/point-system.drawio')).toBe(true);
    expect(drawioRenderer.accepts('output/point-system/diagrams/architecture.mmd')).toBe(false);
    const xml = await drawioXml(await loadModelOrThrow('model/point-system-serverless.yaml'));
    const session = await drawioRenderer.open(browser, { png: false });
    const images = await session.render({ path: 'resource/point-system-serverless.drawio', content: xml });
    await session.close();
    expect(images.map((i) => i.name)).toEqual(parseDrawio(xml).map((p) => `drawio-${p.id}.svg`));
  });

  it('fails on an unknown aws4 icon instead of drawing a blank square', async () => {
    const xml = `<mxfile><diagram id="p" name="P"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>
      <mxCell id="a" value="ok" style="shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.lambda;" vertex="1" parent="1"><mxGeometry x="10" y="10" width="48" height="48" as="geometry"/></mxCell>
      <mxCell id="b" value="bad" style="shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.no_such_service;" vertex="1" parent="1"><mxGeometry x="100" y="10" width="48" height="48" as="geometry"/></mxCell>
      <mxCell id="c" value="bad too" style="shape=mxgraph.aws4.group_vpc2;" vertex="1" parent="1"><mxGeometry x="200" y="10" width="48" height="48" as="geometry"/></mxCell>
      </root></mxGraphModel></diagram></mxfile>`;
    const error = await renderDrawio(browser, xml).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DrawioRenderError);
    const problems = (error as DrawioRenderError).problems.join('\n');
    expect(problems).toContain('mxgraph.aws4.no_such_service');
    expect(problems).toContain('mxgraph.aws4.group_vpc2');
    expect(problems).not.toContain('mxgraph.aws4.lambda');
  });
});
