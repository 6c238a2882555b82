/**
 * `archgen watch` end to end: a real server on 127.0.0.1, a real page in Chromium connected
 * over Server-Sent Events, and a copy of the seed model edited on disk. A good save reloads
 * the page with the change; a broken save shows the errors with their position; fixing the
 * model brings the page back. The last good build stays on disk throughout.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/render/browser.js';
import { startWatch, type WatchSession } from '../../src/site/watch.js';
import { openPage } from './browser-helpers.js';

const root = path.resolve(__dirname, '../..');
const artifacts = path.join(root, 'test-artifacts/site');
let browser: Browser;
let session: WatchSession;
let dir: string;
let modelFile: string;
let original: string;

/** Polls the page across reloads until `predicate` holds in it. */
async function until(page: Page, predicate: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await page.evaluate(predicate).catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${predicate}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  dir = await mkdtemp(path.join(os.tmpdir(), 'archgen-watch-'));
  modelFile = path.join(dir, 'point-system.yaml');
  await copyFile(path.join(root, 'model/point-system.yaml'), modelFile);
  original = await readFile(modelFile, 'utf8');
  browser = await launchBrowser();
  session = await startWatch({ root, modelFiles: [modelFile], out: path.join(dir, 'site'), port: 0 });
}, 600_000);

afterAll(async () => {
  await session?.close();
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('archgen watch', () => {
  it('serves on 127.0.0.1 and follows edits, errors and fixes of the model', async () => {
    expect(session.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(session.server.state.kind).toBe('ok');
    const { page, external, errors } = await openPage(browser, `${session.server.url}point-system/index.html`, [session.server.url]);
    await until(page, `document.body.getAttribute('data-live') === 'ok'`);
    expect(await page.$eval('.model-name', (el) => el.textContent)).toBe('Free point system');

    // 1. A good edit: the page reloads and shows it.
    await writeFile(modelFile, original.replace('    en: Free point system\n', '    en: Free point system EDITED\n'));
    await until(page, `document.querySelector('.model-name')?.textContent === 'Free point system EDITED'`);
    await page.screenshot({ path: path.join(artifacts, 'watch-1-edited.png') });

    // 2. A broken edit: the page shows the error with file:line:col and rule id instead of the stale page.
    const broken = original.replace('  natGateways: per-az\n', '  natGateways: sometimes\n');
    const line = broken.split('\n').findIndex((l) => l.includes('natGateways: sometimes')) + 1;
    await writeFile(modelFile, broken);
    await until(page, `Boolean(document.getElementById('live-errors'))`);
    const shown = await page.evaluate(() => ({
      positions: [...document.querySelectorAll('#live-errors .position')].map((el) => el.textContent),
      rules: [...document.querySelectorAll('#live-errors .rule')].map((el) => el.textContent),
      mainHidden: document.getElementById('main')!.hidden,
    }));
    expect(shown.positions.some((p) => new RegExp(`point-system\\.yaml:${line}:\\d+$`).test(p ?? ''))).toBe(true);
    expect(shown.rules.every((r) => /^[a-z-]+\/[a-z-]+$/.test(r ?? ''))).toBe(true);
    expect(shown.mainHidden).toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'watch-2-error.png') });
    // The last good build is still on disk.
    expect(await readFile(path.join(dir, 'site/point-system/index.html'), 'utf8')).toContain('Free point system EDITED');

    // 3. The fix: the page recovers.
    await writeFile(modelFile, original);
    await until(page, `!document.getElementById('live-errors') && document.querySelector('.model-name')?.textContent === 'Free point system'`);
    expect(await page.$eval('#main', (el) => (el as HTMLElement).hidden)).toBe(false);
    await page.screenshot({ path: path.join(artifacts, 'watch-3-fixed.png') });

    expect(external).toEqual([]);
    expect(errors.filter((e) => !/EventSource|ERR_INCOMPLETE_CHUNKED_ENCODING|net::ERR_ABORTED/.test(e))).toEqual([]);
    await page.close();
  });

  it('shows the errors of a model that is invalid from the start, then the site once it is fixed', async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), 'archgen-watch-broken-'));
    const file = path.join(other, 'point-system.yaml');
    await writeFile(file, original.replace('  natGateways: per-az\n', '  natGateways: sometimes\n'));
    const broken = await startWatch({ root, modelFiles: [file], out: path.join(other, 'site'), port: 0 });
    try {
      expect(broken.server.state.kind).toBe('error');
      const { page, external } = await openPage(browser, `${broken.server.url}point-system/index.html`, [broken.server.url]);
      await until(page, `Boolean(document.querySelector('#live-errors .rule'))`);
      expect(await page.$eval('#live-errors .rule', (el) => el.textContent)).toBe('schema/enum');
      await writeFile(file, original);
      await until(page, `document.querySelector('.model-name')?.textContent === 'Free point system'`);
      expect(external).toEqual([]);
      await page.close();
    } finally {
      await broken.close();
      await rm(other, { recursive: true, force: true });
    }
  });
});
