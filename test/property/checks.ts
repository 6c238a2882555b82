/**
 * Format checks of generated files: each returns the problems it found (empty when the file is
 * fine), so a property can report every broken file of a run at once.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lint } from 'markdownlint/sync';
import { micromark } from 'micromark';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';
import { validateSarif } from '../security/helpers.js';

/** Characters XML 1.0 forbids, raw or as a character reference. */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&#(x0*([0-8bcef]|1[0-9a-f])|0*([0-8]|1[1-24-9]|2\d|3[01]));/i;
const ENTITY = /^&(#\d+|#x[0-9a-f]+|lt|gt|amp|quot|apos);/i;

/**
 * Well-formed XML: fast-xml-parser's validator, plus what it lets through — a raw `<` or a bare
 * `&` inside an attribute value, and characters XML 1.0 does not allow.
 */
export function xmlProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  const result = XMLValidator.validate(text);
  if (result !== true) problems.push(`${file}: not well-formed XML: ${result.err.msg} at ${result.err.line}:${result.err.col}`);
  const forbidden = XML_FORBIDDEN.exec(text);
  if (forbidden) problems.push(`${file}: character not allowed in XML ${JSON.stringify(forbidden[0])} at offset ${forbidden.index}`);
  for (const match of text.matchAll(/\s[\w:.-]+="([^"]*)"/g)) {
    const value = match[1]!;
    if (value.includes('<')) problems.push(`${file}: raw < in attribute ${JSON.stringify(match[0].slice(0, 80))}`);
    for (let i = value.indexOf('&'); i >= 0; i = value.indexOf('&', i + 1)) {
      if (!ENTITY.test(value.slice(i))) problems.push(`${file}: bare & in attribute ${JSON.stringify(match[0].slice(0, 80))}`);
    }
  }
  return problems;
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the XML entities and character references of an attribute value. */
export const decodeXml = (value: string): string =>
  value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return NAMED[name] ?? whole;
  });

/** Every `value` attribute of every `mxCell` in a draw.io file, decoded. */
export function drawioValues(xml: string): string[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: false, parseAttributeValue: false, isArray: (_name, _path, _leaf, isAttribute) => !isAttribute });
  const values: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'mxCell') for (const cell of child as { value?: string }[]) if (typeof cell.value === 'string') values.push(decodeXml(cell.value));
      walk(child);
    }
  };
  walk(parser.parse(xml));
  return values;
}

export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** JSON that parses; SARIF logs also validate against the official SARIF 2.1.0 schema. */
export function jsonProblems(file: string, text: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return [`${file}: invalid JSON: ${(error as Error).message}`];
  }
  if (file.endsWith('.sarif')) {
    const { valid, errors } = validateSarif(data);
    if (!valid) return [`${file}: SARIF does not validate: ${errors.slice(0, 600)}`];
  }
  return [];
}

/** A number as a spreadsheet reads it: a leading sign here is no formula. */
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/** Strict RFC 4180 (no loose quotes, equal column counts) and no cell that starts a formula. */
export function csvProblems(file: string, text: string): string[] {
  let rows: string[][];
  try {
    rows = parseCsv(text, { relax_quotes: false, relax_column_count: false, skip_empty_lines: false }) as string[][];
  } catch (error) {
    return [`${file}: invalid CSV: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (rows.length === 0) problems.push(`${file}: no header row`);
  for (const cell of rows.flat()) {
    if (/^[=+\-@\t\r]/.test(cell) && !NUMBER.test(cell)) problems.push(`${file}: formula-like cell ${JSON.stringify(cell.slice(0, 80))}`);
  }
  return problems;
}

/**
 * GFM tables keep their shape: markdownlint finds no ragged row or pipe-style break, and every
 * source line that looks like a table row (`| … |`) became a row of a rendered table, so no
 * stray line break or pipe split one.
 */
export function markdownProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  const issues = lint({ strings: { [file]: text }, config: { default: false, MD055: true, MD056: true } })[file] ?? [];
  for (const i of issues) problems.push(`${file}:${i.lineNumber} ${i.ruleNames.join('/')} ${i.errorDetail ?? ''} ${JSON.stringify(i.errorContext ?? '')}`);
  const html = micromark(text, { extensions: [gfmTable()], htmlExtensions: [gfmTableHtml()] });
  const rendered = (html.match(/<tr>/g) ?? []).length;
  const source = text.split('\n').filter((line) => /^\s*\|.*\|\s*$/.test(line) && !/^\s*\|(\s*:?-+:?\s*\|)+\s*$/.test(line)).length;
  const fenced = fencedTableLikeLines(text);
  if (rendered !== source - fenced) problems.push(`${file}: ${source - fenced} table-like lines but ${rendered} rendered table rows`);
  return problems;
}

/** Table-looking lines inside code fences (they are not tables). */
function fencedTableLikeLines(text: string): number {
  let inFence = false;
  let count = 0;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    else if (inFence && /^\s*\|.*\|\s*$/.test(line) && !/^\s*\|(\s*:?-+:?\s*\|)+\s*$/.test(line)) count++;
  }
  return count;
}

/** Markup from the model's hostile labels that must never reach HTML (or Markdown, which passes HTML through) unescaped. */
const INJECTED = ['<script>alert(1)', '<img src=x onerror=alert(2)>'];

export function htmlProblems(file: string, text: string): string[] {
  return INJECTED.filter((markup) => text.includes(markup)).map((markup) => `${file}: unescaped ${markup}`);
}

/** Every problem of every file of a generated set, by extension. */
export function fileProblems(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [file, text] of files) {
    if (/\.(drawio|svg|xml)$/.test(file)) problems.push(...xmlProblems(file, text));
    else if (/\.(json|sarif)$/.test(file)) problems.push(...jsonProblems(file, text));
    else if (file.endsWith('.csv')) problems.push(...csvProblems(file, text));
    else if (file.endsWith('.md')) problems.push(...markdownProblems(file, text));
    else if (file.endsWith('.html')) problems.push(...htmlProblems(file, text));
  }
  return problems;
}
