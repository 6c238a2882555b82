/**
 * The site built from the bundled models, opened from disk in real headless Chromium: every
 * tab of every model renders what it promises (or says plainly why not), nothing is fetched
 * from anywhere but the site's own files, and nothing logs an error. Screenshots land in
 * test-artifacts/site/.
 */
import { XMLValidator } from 'fast-xml-parser';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import { launchBrowser } from '../../src/render/browser.js';
import { buildSite, type SiteBuildResult } from '../../src/site/build.js';
import { MODEL_TABS } from '../../src/site/layout.js';
import { openPage } from './browser-helpers.js';

const root = path.resolve(__dirname, '../..');
const artifacts = path.join(root, 'test-artifacts/site');
let browser: Browser;
let out: string;
let result: SiteBuildResult;

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  browser = await launchBrowser();
  out = await mkdtemp(path.join(os.tmpdir(), 'archgen-site-'));
  result = await buildSite({ root, modelFiles: [], out, browser });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

const url = (file: string) => `file://${out}/${file}`;
const unavailableOf = (page: Page) => page.evaluate(() => [...document.querySelectorAll('[data-unavailable]')].map((el) => el.textContent ?? ''));

async function checkTab(page: Page, tab: string, model: string): Promise<void> {
  const notices = await unavailableOf(page);
  const reported = result.unavailable.filter((line) => line.startsWith(model ? `${model}/` : 'compare:'));
  if (notices.length) {
    // A missing piece is said plainly on its tab, and the build reported the same reason.
    expect(notices[0]).toMatch(/not available/);
    expect(reported.length).toBeGreaterThan(0);
    return;
  }
  if (tab === 'document') {
    const state = await page.evaluate(() => ({
      panels: [...document.querySelectorAll('[data-lang-panel]')].map((el) => ({ lang: el.getAttribute('data-lang-panel'), hidden: (el as HTMLElement).hidden, headings: el.querySelectorAll('h2').length })),
      images: [...document.querySelectorAll<HTMLImageElement>('article img')].map((img) => img.complete && img.naturalWidth > 0),
      code: document.querySelectorAll('code.language-mermaid').length,
    }));
    expect(state.panels.map((p) => [p.lang, p.hidden])).toEqual([['ko', false], ['en', true]]);
    expect(state.panels.every((p) => p.headings > 3)).toBe(true);
    expect(state.images.every(Boolean)).toBe(true);
    expect(state.code).toBe(0);
    await page.click('button[data-lang="en"]');
    expect(await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-lang-panel]')].map((el) => el.hidden))).toEqual([true, false]);
    await page.click('button[data-lang="ko"]');
  }
  if (tab === 'drawio') {
    await page.waitForFunction(() => document.querySelectorAll('[data-drawio-index]').length === document.querySelectorAll('[data-drawio-index][data-rendered]').length, { timeout: 30_000 });
    const state = await page.evaluate(() => ({
      missing: (window as unknown as { archgenMissingStencils: string[] }).archgenMissingStencils,
      viewers: [...document.querySelectorAll('[data-drawio-index]')].map((el) => ({ shapes: el.querySelectorAll('svg g > *').length, images: el.querySelectorAll('svg image').length })),
    }));
    expect(state.missing).toEqual([]);
    expect(state.viewers.length).toBeGreaterThan(0);
    for (const viewer of state.viewers) expect(viewer.shapes).toBeGreaterThan(10);
    // Every page of every file renders cells, and every AWS icon on it resolves.
    for (const button of await page.$$('.page-tabs button[data-page]')) {
      const [index, name] = await button.evaluate((b) => [b.getAttribute('data-viewer')!, b.textContent!]);
      await button.click();
      await page.waitForFunction((b) => b.getAttribute('aria-pressed') === 'true', {}, button);
      const cells = await page.evaluate((i) => document.querySelectorAll(`[data-drawio-index="${i}"] svg g > *`).length, index);
      expect({ page: name, rendered: cells > 5 }).toEqual({ page: name, rendered: true });
    }
    expect(await page.evaluate(() => (window as unknown as { archgenMissingStencils: string[] }).archgenMissingStencils)).toEqual([]);
  }
  if (tab === 'mermaid') {
    const images = await page.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('img[data-mermaid]')].map((img) => ({ name: img.dataset.mermaid, ok: img.complete && img.naturalWidth > 50 })));
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((i) => !i.ok)).toEqual([]);
    expect(await page.$$('.diagram-error')).toHaveLength(0);
  }
  if (tab === 'security') {
    const rules = (await loadModelOrThrow(path.join(root, `model/${model}.yaml`), root)).environments;
    const declared = Object.values(rules).some((env) => env.securityGroups.some((g) => g.ingress.length > 0));
    if (declared) expect((await page.$$('#sg-matrix tbody tr')).length).toBeGreaterThan(0);
    else expect(await page.$('.empty-matrix')).not.toBeNull();
  }
  if (tab === 'cost') {
    const state = await page.evaluate(() => ({ charts: document.querySelectorAll('svg.chart').length, bars: document.querySelectorAll('svg.chart rect').length, cards: document.querySelectorAll('.card[data-env]').length }));
    expect(state.charts).toBeGreaterThanOrEqual(2);
    expect(state.bars).toBeGreaterThan(9);
    expect(state.cards).toBeGreaterThanOrEqual(1);
  }
  if (tab === 'model') {
    const lines = await page.evaluate(() => document.querySelectorAll('pre.yaml .line[id^="L"]').length);
    expect(lines).toBeGreaterThan(50);
  }
}

describe('archgen site, opened from disk', () => {
  it('builds a page for every tab of every bundled model', async () => {
    const models = (await readdir(path.join(root, 'model'))).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
    expect([...result.models].sort()).toEqual(models);
    const files = await readdir(out, { recursive: true });
    for (const model of models) for (const tab of MODEL_TABS) expect(files).toContain(`${model}/${tab.file}`);
    expect(files).toContain('index.html');
    if (models.length > 1) expect(files).toContain('compare.html');
  });

  it('has every piece for the bundled models: no tab says "not available"', () => {
    expect(result.unavailable).toEqual([]);
  });

  it('writes every Mermaid SVG as well-formed XML, so it shows as an image', async () => {
    const files = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.svg'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const verdict = XMLValidator.validate(await readFile(path.join(out, file), 'utf8'));
      expect({ file, verdict }).toEqual({ file, verdict: true });
    }
  });

  it('renders every tab of every model with no request leaving the page and no console error', async () => {
    const pages = ['index.html', ...(result.models.length > 1 ? ['compare.html'] : [])];
    for (const model of result.models) for (const tab of MODEL_TABS) pages.push(`${model}/${tab.file}`);
    for (const file of pages) {
      const { page, external, errors } = await openPage(browser, url(file));
      const model = file.includes('/') ? file.split('/')[0]! : '';
      const tab = MODEL_TABS.find((t) => file.endsWith(`/${t.file}`))?.id ?? 'home';
      await checkTab(page, tab, model).catch((error: Error) => {
        throw new Error(`${file}: ${error.message}`);
      });
      await page.screenshot({ path: path.join(artifacts, `${file.replace(/\//g, '__').replace(/\.html$/, '')}.png`) });
      expect({ file, external, errors }).toEqual({ file, external: [], errors: [] });
      await page.close();
    }
  });

  it('filters and sorts the security-group matrix', async () => {
    const { page } = await openPage(browser, url('point-system/security.html'));
    const visible = () => page.evaluate(() => [...document.querySelectorAll<HTMLTableRowElement>('#sg-matrix tbody tr')].filter((r) => !r.hidden).map((r) => [...r.cells].map((c) => c.textContent!.trim())));
    const all = await visible();
    expect(all.length).toBeGreaterThan(2);
    await page.type('input[data-filter-for="sg-matrix"]', '5432');
    const filtered = await visible();
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all.length);
    expect(filtered.every((row) => row.join(' ').includes('5432'))).toBe(true);
    expect(await page.$eval('[data-count-for="sg-matrix"]', (el) => el.textContent)).toBe(`${filtered.length} of ${all.length} rows`);

    await page.click('input[data-filter-for="sg-matrix"]', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.select('select[data-filter-for="sg-matrix"]', 'ecs-sg');
    const byDestination = await visible();
    expect(byDestination.length).toBeGreaterThan(0);
    expect(byDestination.every((row) => row[1] === 'ecs-sg')).toBe(true);
    await page.select('select[data-filter-for="sg-matrix"]', '');

    const ports = async () => (await visible()).map((row) => Number.parseInt(row[4]!, 10));
    await page.click('#sg-matrix th:nth-child(5) button');
    const ascending = await ports();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.click('#sg-matrix th:nth-child(5) button');
    const descending = await ports();
    expect(descending).toEqual([...ascending].sort((a, b) => b - a));
    expect(await page.$eval('#sg-matrix th:nth-child(5)', (th) => th.getAttribute('aria-sort'))).toBe('descending');
    await page.screenshot({ path: path.join(artifacts, 'security-sorted.png') });
    await page.close();
  });

  it('links findings and matrix rules to their line of the model', async () => {
    const { page } = await openPage(browser, url('point-system/security.html'));
    const link = await page.$('#findings a[href*="model.html#L"], #sg-matrix a[href*="model.html#L"]');
    expect(link).not.toBeNull();
    const href = await link!.evaluate((a) => a.getAttribute('href')!);
    const line = Number(/#L(\d+)$/.exec(href)![1]);
    await Promise.all([page.waitForNavigation(), link!.click()]);
    expect(page.url()).toMatch(new RegExp(`/point-system/model\\.html#L${line}$`));
    const target = await page.evaluate(() => document.querySelector(':target')?.id);
    expect(target).toBe(`L${line}`);
    await page.screenshot({ path: path.join(artifacts, 'model-line-target.png') });
    await page.close();
  });

  it('moves between tabs from the keyboard and hides navigation when printed', async () => {
    const { page } = await openPage(browser, url('point-system/index.html'));
    await Promise.all([page.waitForNavigation(), page.keyboard.press('5')]);
    expect(page.url()).toMatch(/\/point-system\/cost\.html$/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.emulateMediaType('print');
    expect(await page.$eval('.tabs', (el) => getComputedStyle(el).display)).toBe('none');
    await page.close();
  });

  it('forbids requests to other origins in its Content-Security-Policy', async () => {
    const { page, external } = await openPage(browser, url('point-system/index.html'));
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content')!);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    // A script that tries to fetch elsewhere is stopped by the policy, before any interception.
    const blocked = await page.evaluate(async () => {
      try {
        await fetch('https://example.com/x');
        return false;
      } catch {
        return true;
      }
    });
    expect(blocked).toBe(true);
    expect(external).toEqual([]);
    await page.close();
  });
});
