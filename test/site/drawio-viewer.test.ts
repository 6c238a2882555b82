/**
 * draw.io's own viewer inside the site, offline: a two-page AWS diagram renders from disk with
 * page tabs and zoom, the AWS icons resolve from the bundled stencils, and nothing is fetched.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import { launchBrowser } from '../../src/render/browser.js';
import { readSiteAssets } from '../../src/site/build.js';
import { renderSite } from '../../src/site/render.js';
import { missing, available, type SiteModel } from '../../src/site/types.js';
import { writeSite } from '../../src/site/write.js';
import { openPage } from './browser-helpers.js';

const root = path.resolve(__dirname, '../..');
const artifacts = path.join(root, 'test-artifacts/site');
let browser: Browser;
let dir: string;

async function siteWith(xml: string): Promise<string> {
  const model = await loadModelOrThrow(path.join(root, 'model/point-system.yaml'), root);
  const none = missing<never>('not part of this test');
  const site: SiteModel = { model, documents: none, drawio: available([{ path: 'resource/point-system.drawio', xml }]), mermaid: none, documentDiagrams: [], security: none, cost: none };
  const out = await mkdtemp(path.join(os.tmpdir(), 'archgen-drawio-'));
  await writeSite(out, await renderSite({ models: [site], comparison: none, live: false }, await readSiteAssets(root)));
  return out;
}

beforeAll(async () => {
  browser = await launchBrowser();
  dir = await siteWith(await readFile(path.join(__dirname, 'fixtures/two-pages.drawio'), 'utf8'));
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('draw.io viewer in the site', () => {
  it('renders every cell with resolved AWS icons, page tabs and zoom, without any request leaving the page', async () => {
    const { page, external, errors } = await openPage(browser, `file://${dir}/point-system/drawio.html`);
    await page.waitForSelector('[data-drawio-index][data-rendered] svg', { timeout: 20_000 });
    const state = await page.evaluate(() => {
      const viewer = document.querySelector('[data-drawio-index]')!;
      const text = viewer.querySelector('svg')!.textContent ?? '';
      return {
        missing: (window as unknown as { archgenMissingStencils: string[] }).archgenMissingStencils,
        labels: ['Fargate', 'VPC', 'RDS'].filter((label) => text.includes(label)),
        // Icons are stencil paths drawn inside the cells: a resolved resource icon adds many.
        paths: viewer.querySelectorAll('svg path').length,
        pager: viewer.textContent?.includes('1 / 2') ?? false,
        buttons: viewer.querySelectorAll('[title]').length,
      };
    });
    expect(state.missing).toEqual([]);
    expect(state.labels).toEqual(['Fargate', 'VPC', 'RDS']);
    expect(state.paths).toBeGreaterThan(5);
    expect(state.pager).toBe(true);

    // Zoom in with the viewer's own button, from the keyboard.
    const before = await page.evaluate(() => document.querySelector('[data-drawio-index] svg')!.getBoundingClientRect().width);
    await page.focus('[data-drawio-index] [title="Zoom In"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction((width) => (document.querySelector('[data-drawio-index] svg')?.getBoundingClientRect().width ?? 0) > width, { timeout: 5_000 }, before);
    await page.screenshot({ path: path.join(artifacts, 'drawio-fixture-page1.png') });

    // Next page through the viewer's own page tabs.
    const clicked = await page.evaluate(() => {
      const next = [...document.querySelectorAll('[data-drawio-index] [title]')].find((el) => /next/i.test(el.getAttribute('title') ?? ''));
      (next as HTMLElement | undefined)?.click();
      return Boolean(next);
    });
    expect(clicked).toBe(true);
    await page.waitForFunction(() => document.querySelector('[data-drawio-index] svg')?.textContent?.includes('ALB'), { timeout: 5_000 });
    expect(await page.evaluate(() => document.querySelector('[data-drawio-index]')!.textContent!.includes('2 / 2'))).toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'drawio-fixture-page2.png') });
    expect(await page.$eval('.page-tabs button[data-page="1"]', (b) => b.getAttribute('aria-pressed'))).toBe('true');

    // Back to the first page with the page buttons above the viewer.
    await page.click('.page-tabs button[data-page="0"]');
    await page.waitForFunction(() => document.querySelector('[data-drawio-index] svg')?.textContent?.includes('Fargate'), { timeout: 5_000 });
    expect(await page.$eval('.page-tabs button[data-page="0"]', (b) => b.getAttribute('aria-pressed'))).toBe('true');

    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reports a stencil draw.io does not have instead of silently drawing an empty box', async () => {
    const broken = (await readFile(path.join(__dirname, 'fixtures/two-pages.drawio'), 'utf8')).replace('resIcon=mxgraph.aws4.fargate', 'resIcon=mxgraph.aws4.no_such_icon');
    const other = await siteWith(broken);
    try {
      const { page, external } = await openPage(browser, `file://${other}/point-system/drawio.html`);
      await page.waitForSelector('[data-drawio-index][data-rendered] svg', { timeout: 20_000 });
      expect(await page.evaluate(() => (window as unknown as { archgenMissingStencils: string[] }).archgenMissingStencils)).toContain('mxgraph.aws4.no_such_icon');
      expect(external).toEqual([]);
      await page.close();
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
