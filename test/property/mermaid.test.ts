/**
 * Property: every Mermaid diagram archgen writes for a random model with hostile text — the
 * `.mmd` files and the diagrams embedded in the documents — is accepted by Mermaid's own parser,
 * in one headless Chromium page for the whole file.
 */
import fc from 'fast-check';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsGenerator } from '../../src/generators/docs.js';
import { mermaidGenerator } from '../../src/generators/mermaid/index.js';
import { launchBrowser } from '../../src/render/browser.js';
import { MermaidPage } from '../../src/render/mermaid-engine.js';
import { randomModel } from './arbitraries/model.js';
import { generateAll, loadRandom, params } from './helpers.js';

let browser: Browser;
let page: MermaidPage;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await MermaidPage.open(browser);
});
afterAll(async () => {
  await browser?.close();
});

/** Every diagram source of a generated file set: `.mmd` files and ```mermaid blocks of Markdown. */
function diagrams(files: ReadonlyMap<string, string>): { where: string; source: string }[] {
  const out: { where: string; source: string }[] = [];
  for (const [file, text] of files) {
    if (file.endsWith('.mmd')) out.push({ where: file, source: text });
    else if (file.endsWith('.md')) {
      let n = 0;
      for (const match of text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)) out.push({ where: `${file} block ${++n}`, source: match[1]! });
    }
  }
  return out;
}

describe('property: Mermaid accepts every generated diagram', () => {
  it('mermaid.parse succeeds on every .mmd file and every diagram in the documents', async () => {
    let parsed = 0;
    await fc.assert(fc.asyncProperty(randomModel(), async (m) => {
      const files = await generateAll(loadRandom(m), [mermaidGenerator, docsGenerator]);
      const found = diagrams(files);
      expect(found.filter((d) => d.where.endsWith('.mmd')).length, 'at least one .mmd file').toBeGreaterThan(0);
      const failures: string[] = [];
      for (const { where, source } of found) {
        const result = await page.parse(source);
        if ('error' in result) failures.push(`${where}: ${result.error}\n${source}`);
        parsed++;
      }
      expect(failures).toEqual([]);
    }), params(10));
    expect(parsed).toBeGreaterThan(10);
    expect(page.blockedRequests).toEqual([]);
  });
});
