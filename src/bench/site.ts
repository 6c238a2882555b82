/**
 * The site: a full build of the seed model's site (generators, analyses, Mermaid rendering,
 * pages, assets), cold and with unchanged diagrams reused; and in watch mode, the time from
 * saving the model to the open page showing the change after its reload.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../render/browser.js';
import { buildSite } from '../site/build.js';
import { clearRenderCache } from '../site/sources/mermaid.js';
import { startWatch } from '../site/watch.js';
import { timeMedian, type Benchmark, type BenchResult } from './types.js';

export const siteBenchmark: Benchmark = {
  name: 'site',
  async run() {
    const root = process.cwd();
    const seed = path.join(root, 'model/point-system.yaml');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'archgen-bench-site-'));
    const results: BenchResult[] = [];
    try {
      let info = '';
      const coldMs = await timeMedian(3, async () => {
        clearRenderCache();
        const result = await buildSite({ root, modelFiles: [seed], out: path.join(dir, 'cold'), reuseRenders: false });
        info = `${result.files} files, ${(result.bytes / 1048576).toFixed(1)} MB, ${result.diagrams.rendered} diagrams rendered`;
      });
      results.push({ name: 'site build, seed model, cold (browser + all rendering)', ms: coldMs, notes: [info] });

      const browser = await launchBrowser();
      try {
        await buildSite({ root, modelFiles: [seed], out: path.join(dir, 'warm'), browser });
        const warmMs = await timeMedian(3, () => buildSite({ root, modelFiles: [seed], out: path.join(dir, 'warm'), browser }));
        results.push({ name: 'site rebuild, seed model, open browser, diagrams reused', ms: warmMs, notes: [`cold/warm: ${(coldMs / warmMs).toFixed(1)}x`] });
      } finally {
        await browser.close();
      }

      results.push(await saveToReload(root, seed, dir));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return results;
  },
};

/** Watch mode: write the model, wait until the open page shows the new name after reloading. */
async function saveToReload(root: string, seed: string, dir: string): Promise<BenchResult> {
  const model = path.join(dir, 'point-system.yaml');
  await copyFile(seed, model);
  const original = await readFile(model, 'utf8');
  const session = await startWatch({ root, modelFiles: [model], out: path.join(dir, 'watch'), port: 0 });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${session.server.url}point-system/index.html`);
    await page.waitForFunction(() => document.body.getAttribute('data-live') === 'ok');
    let round = 0;
    const ms = await timeMedian(5, async () => {
      const name = `Free point system ${++round}`;
      await writeFile(model, original.replace('    en: Free point system\n', `    en: ${name}\n`));
      for (;;) {
        const shown = await page.evaluate(() => document.querySelector('.model-name')?.textContent).catch(() => undefined);
        if (shown === name) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    return { name: 'watch: model saved → page reloaded with the change', ms, notes: ['median of 5 saves of a metadata name edit; unchanged diagrams reused'] };
  } finally {
    await browser.close();
    await session.close();
  }
}
