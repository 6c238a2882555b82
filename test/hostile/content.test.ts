/**
 * Legal but nasty text: the seed model with every free-text field replaced by a label that tries
 * to break out of a generated format (`</mxCell>`, `"]}`, `-->`, `<script>`, backticks, `${}`,
 * `=cmd|`, `+1`, `@SUM(1)`, pipes, `javascript:` links, line separators, Korean and emoji).
 * `archgen generate` and `archgen scaffold` (the real CLI, in-process) accept it, and every output
 * carries the text as text: draw.io attributes, Mermaid labels (parsed and rendered by Mermaid in
 * Chromium), Markdown tables, HTML without live markup, formula-guarded CSV, JSON, and TypeScript
 * string literals.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { micromark } from 'micromark';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';
import type { Browser } from 'puppeteer-core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFilesRecursive } from '../../src/output/list-files.js';
import { launchBrowser } from '../../src/render/browser.js';
import { MermaidPage } from '../../src/render/mermaid-engine.js';
import { tempProject } from '../foundation/helpers.js';
import { svgText } from '../mermaid/helpers.js';
import { capture, STACK_TRACE } from './cli-capture.js';
import { hostileModelYaml, MARK } from './hostile-model.js';

const { yaml, labels } = hostileModelYaml();
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const markOf = /Ⓗ(\d+)(?!\d)/g;

let root: string;
let dispose: () => Promise<void>;
let browser: Browser;
/** Generated files by project-relative path: every output of the hostile model, and the CDK app. */
const files = new Map<string, string>();
const ofType = (pattern: RegExp) => [...files].filter(([file]) => pattern.test(file));

beforeAll(async () => {
  ({ root, dispose } = await tempProject());
  await writeFile(path.join(root, 'model/hostile.yaml'), yaml);
  const generate = await capture(['-C', root, 'generate', 'model/hostile.yaml']);
  expect(generate.code, generate.stderr).toBe(0);
  expect(generate.stderr).not.toMatch(STACK_TRACE);
  const scaffold = await capture(['-C', root, 'scaffold', 'model/hostile.yaml', '--out', 'cdk-app']);
  expect(scaffold.code, scaffold.stderr).toBe(0);
  for (const folder of ['output/hostile', 'cdk-app']) {
    for (const file of await listFilesRecursive(path.join(root, folder))) files.set(`${folder}/${file}`, await readFile(path.join(root, folder, file), 'utf8'));
  }
  files.set('resource/hostile.drawio', await readFile(path.join(root, 'resource/hostile.drawio'), 'utf8'));
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await dispose?.();
});

/**
 * Where a label's mark shows up in `text`, the whole label must be there too (whitespace
 * squashed: wrapping and one-line contexts may turn line breaks into spaces). Returns how many
 * labels were found, so a test cannot pass by finding none.
 */
function expectLabelsIntact(text: string, where: string, skip: ReadonlySet<number> = new Set()): number {
  const flat = squash(text);
  const found = new Set([...flat.matchAll(markOf)].map((m) => Number(m[1])).filter((n) => !skip.has(n)));
  for (const n of found) {
    const label = labels[n];
    if (label === undefined) continue;
    expect(flat, `${where}: label ${MARK}${n} is not intact`).toContain(squash(label));
  }
  return found.size;
}

const NO_LIVE_MARKUP = { scripts: 0, handlers: 0, jsLinks: 0, injected: 0 };

/** Parses markup in Chromium (DOMParser runs nothing) and counts what a label must never become. */
async function liveMarkup(browser: Browser, markup: string, type: 'text/html' | 'image/svg+xml'): Promise<typeof NO_LIVE_MARKUP> {
  const page = await browser.newPage();
  try {
    return await page.evaluate((source, mime) => {
      const doc = new DOMParser().parseFromString(source, mime as DOMParserSupportedType);
      const all = [...doc.querySelectorAll('*')];
      return {
        scripts: doc.querySelectorAll('script').length,
        handlers: all.filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length,
        jsLinks: all.filter((el) => [...el.attributes].some((a) => /^(href|src|xlink:href|action)$/i.test(a.name) && /^\s*javascript:/i.test(a.value))).length,
        injected: all.filter((el) => /^(mxcell|img)$/i.test(el.localName) && (el.getAttribute('id') === 'evil' || el.getAttribute('src') === 'x')).length,
      };
    }, markup, type);
  } finally {
    await page.close();
  }
}

describe('hostile labels: legal input, escaped output', () => {
  it('the model really is hostile and every output format was produced', () => {
    expect(labels.length).toBeGreaterThan(100);
    for (const pattern of [/\.drawio$/, /\.mmd$/, /\.md$/, /\.html$/, /\.csv$/, /\.json$/, /\.sarif$/, /^cdk-app\/.*\.ts$/]) {
      expect(ofType(pattern).length, String(pattern)).toBeGreaterThan(0);
    }
  });

  it('draw.io: well-formed XML, plain-text labels (html=0), each label intact in an attribute, no injected cell', () => {
    const [[, xml]] = ofType(/\.drawio$/) as [[string, string]];
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => name === 'mxCell' || name === 'diagram' }).parse(xml) as {
      mxfile: { diagram: { id: string; mxGraphModel: { root: { mxCell: { id: string; value?: string; style?: string }[] } } }[] };
    };
    const cells = doc.mxfile.diagram.flatMap((d) => d.mxGraphModel.root.mxCell);
    expect(cells.some((c) => c.id === 'evil' || c.value === 'pwned')).toBe(false);
    const labelled = cells.filter((c) => c.value && markOf.test(c.value));
    markOf.lastIndex = 0;
    expect(labelled.length).toBeGreaterThan(20);
    for (const cell of labelled) {
      expect(cell.style ?? '', `${cell.id} interprets its label as HTML`).not.toMatch(/(^|;)html=1/);
      expect(expectLabelsIntact(cell.value!, `draw.io ${cell.id}`)).toBeGreaterThan(0);
    }
  });

  describe('Mermaid (parsed and rendered in Chromium)', () => {
    let page: MermaidPage;
    beforeAll(async () => {
      page = await MermaidPage.open(browser);
    }, 60_000);

    it('every diagram parses, and renders each label whole as text, never as markup', async () => {
      let shown = 0;
      for (const [file, source] of ofType(/\.mmd$/)) {
        expect(await page.parse(source), file).not.toHaveProperty('error');
        const svg = await page.render(path.basename(file, '.mmd'), source);
        expect(await liveMarkup(browser, svg, 'image/svg+xml'), file).toEqual(NO_LIVE_MARKUP);
        // Mermaid sanitizes diagram titles itself (tags dropped, `&` shown as `&amp;`): checked for
        // safety above, but only node, edge and participant labels are compared.
        const title = /^title: (.*)$/m.exec(source)?.[1] ?? '';
        shown += expectLabelsIntact(svgText(svg), file, new Set([...title.matchAll(markOf)].map((m) => Number(m[1]))));
      }
      expect(shown).toBeGreaterThan(20);
      expect(page.blockedRequests).toEqual([]);
    }, 120_000);
  });

  it('Markdown: tables keep their column counts, and nothing renders as HTML, a link or a list', () => {
    let tables = 0;
    for (const [file, md] of ofType(/\.md$/)) {
      let width: number | undefined;
      for (const line of md.split('\n')) {
        if (!line.startsWith('|')) {
          width = undefined;
          continue;
        }
        // GFM splits cells on every unescaped pipe, code spans included.
        const cells = line.replace(/\\\\/g, '').split(/(?<!\\)\|/).length;
        if (width === undefined) {
          width = cells;
          tables++;
        }
        expect(cells, `${file}: ${line}`).toBe(width);
      }
      // Rendered as GitHub would, but with raw HTML allowed: an unescaped tag would come through.
      const html = micromark(md, { allowDangerousHtml: true, extensions: [gfmTable()], htmlExtensions: [gfmTableHtml()] });
      expect(html, file).not.toMatch(/<script|<img|<mxCell|<!-- not a comment|href="javascript:/i);
      // Code blocks (Mermaid sources) hold labels in Mermaid's own escaping: checked as Mermaid above.
      expectLabelsIntact(html.replace(/<pre>[\s\S]*?<\/pre>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'), file);
    }
    expect(tables).toBeGreaterThan(5);
  });

  describe('HTML (loaded in Chromium)', () => {

    it('runs no script, has no javascript: link or event handler, and shows each label as text', async () => {
      for (const [file, html] of ofType(/\.html$/)) {
        const page = await browser.newPage();
        const dialogs: string[] = [];
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        await page.setContent(html, { waitUntil: 'load' });
        const text = await page.evaluate(() => document.body.innerText);
        await page.close();
        expect(await liveMarkup(browser, html, 'text/html'), file).toEqual(NO_LIVE_MARKUP);
        expect(dialogs, file).toEqual([]);
        expect(expectLabelsIntact(text, file), file).toBeGreaterThan(0);
      }
    }, 120_000);
  });

  it('CSV: rectangular, and no cell a spreadsheet would run as a formula', () => {
    let guarded = 0;
    for (const [file, csv] of ofType(/\.csv$/)) {
      const rows = parseCsv(csv, { relax_column_count: false, bom: true }) as string[][];
      expect(rows.length, file).toBeGreaterThan(0);
      for (const cell of rows.flat()) {
        if (/^-?\d+(\.\d+)?%?$/.test(cell)) continue; // plain (negative) numbers stay numbers
        expect(cell, `${file}: formula-like cell`).not.toMatch(/^[=+\-@\t\r]/);
        if (/^'[=+\-@]/.test(cell)) guarded++;
      }
      expectLabelsIntact(rows.flat().map((c) => c.replace(/^'(?=[=+\-@\t\r])/, '')).join('\n'), file);
    }
    expect(guarded, 'some hostile cells needed the guard').toBeGreaterThan(0);
  });

  it('JSON and SARIF: parse, and carry each label exactly', () => {
    let found = 0;
    for (const [file, text] of ofType(/\.(json|sarif)$/)) {
      const strings: string[] = [];
      JSON.parse(text, (_key, value: unknown) => (typeof value === 'string' && strings.push(value), value));
      for (const s of strings) {
        for (const m of s.matchAll(markOf)) {
          const label = labels[Number(m[1])]!;
          // JSON is lossless: the exact label, line breaks included, unless the field is a one-line summary.
          expect(s.includes(label) || squash(s).includes(squash(label)), `${file}: ${s}`).toBe(true);
          found++;
        }
      }
    }
    expect(found).toBeGreaterThan(50);
  });

  it('generated CDK TypeScript: labels only inside string literals, and the files parse', () => {
    let literals = 0;
    for (const [file, source] of ofType(/^cdk-app\/.*\.ts$/)) {
      const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      expect((sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics, file).toEqual([]);
      const ranges: [number, number][] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ranges.push([node.getStart(sf), node.getEnd()]);
        node.forEachChild(visit);
      };
      visit(sf);
      for (const m of source.matchAll(markOf)) {
        const at = m.index!;
        expect(ranges.some(([start, end]) => start < at && at < end), `${file}: mark ${m[0]} outside a string literal`).toBe(true);
        literals++;
      }
      // The payload that would run if it escaped its literal never appears as code.
      expect(source.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""'), file).not.toMatch(/process\.exit\(1\)|alert\(1\)/);
    }
    expect(literals).toBeGreaterThan(0);
  });
});
