/**
 * Handlebars helpers of the document templates. Templates are compiled without HTML escaping
 * (the output is Markdown), so every value goes through one of these helpers, which escape it
 * for the place it lands in: inline text, a table cell, a code span, a link target.
 */
import type Handlebars from 'handlebars';
import { codeSpan, codeSpanInCell, escapeLinkTarget, escapeMarkdown, escapeMarkdownLine, escapeTableCell, fenceFor } from './escape.js';
import { formatMemory, formatNumber, formatUsd, formatUsdWhole, formatVcpu } from './format.js';
import type { Messages } from './locale.js';
import { trimNewlines } from './text.js';

type HelperOptions = Handlebars.HelperOptions;
type Env = typeof Handlebars;

const isOptions = (value: unknown): value is HelperOptions => typeof value === 'object' && value !== null && 'hash' in value && 'data' in value;
const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** The messages of the locale being rendered: passed with each render as `data.messages`, so one compile serves every locale. */
const messagesOf = (options: HelperOptions): Messages => (options.data as { messages: Messages }).messages;

/** Registers the document helpers on `env`; `{{t}}` reads the locale from the render's `data.messages`. */
export function registerHelpers(env: Env): void {
  const safe = (text: string) => new env.SafeString(text);
  const escapeParam = (value: unknown): string => (value instanceof env.SafeString ? value.toString() : escapeMarkdown(str(value)));

  /** `{{t "key" name=value}}`: a locale sentence; parameters are escaped unless already safe. */
  env.registerHelper('t', (key: unknown, options: HelperOptions) => {
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.hash as Record<string, unknown>)) params[name] = escapeParam(value);
    return safe(messagesOf(options).text(str(key), params));
  });
  /** `{{md text}}`: inline Markdown text in the middle of a line. */
  env.registerHelper('md', (value: unknown) => safe(escapeParam(value)));
  /** `{{line text}}`: inline Markdown text that starts a line (paragraph, list item). */
  env.registerHelper('line', (value: unknown) => safe(value instanceof env.SafeString ? value.toString() : escapeMarkdownLine(str(value))));
  /** `{{cell text}}`: a GFM table cell (pipes and line breaks escaped); empty becomes `-`. */
  env.registerHelper('cell', (value: unknown) => {
    if (value instanceof env.SafeString) return value;
    const text = str(value);
    return safe(text === '' ? '-' : escapeTableCell(text));
  });
  /** `{{code text}}` / `{{codecell text}}`: an inline code span (in a table cell). */
  env.registerHelper('code', (value: unknown) => safe(codeSpan(str(value))));
  env.registerHelper('codecell', (value: unknown) => safe(codeSpanInCell(str(value))));
  /** `{{link label href}}`: a Markdown link with an escaped label and target. */
  env.registerHelper('link', (label: unknown, href: unknown) => safe(`[${escapeParam(label)}](${escapeLinkTarget(str(href))})`));
  /** `{{image alt src}}`. */
  env.registerHelper('image', (alt: unknown, src: unknown) => safe(`![${escapeParam(alt)}](${escapeLinkTarget(str(src))})`));
  /** `{{#fence "mermaid"}}…{{/fence}}`: a fenced block whose fence outlasts any fence inside. */
  env.registerHelper('fence', function (this: unknown, info: unknown, options: HelperOptions) {
    const body = trimNewlines(options.fn(this));
    const fence = fenceFor(body);
    return safe(`${fence}${str(info)}\n${body}\n${fence}\n`);
  });
  env.registerHelper('num', (value: unknown) => safe(formatNumber(Number(value))));
  env.registerHelper('usd', (value: unknown) => safe(formatUsd(Number(value))));
  env.registerHelper('usdWhole', (value: unknown) => safe(formatUsdWhole(Number(value))));
  env.registerHelper('vcpu', (value: unknown) => safe(formatVcpu(Number(value))));
  env.registerHelper('memory', (value: unknown) => safe(formatMemory(Number(value))));
  /** `(concat a b …)`: strings joined, for building paths in templates. */
  env.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(str).join(''));
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  env.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  env.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  env.registerHelper('not', (value: unknown) => !value);
  env.registerHelper('length', (value: unknown) => (Array.isArray(value) ? value.length : 0));
  /** `{{join list ", "}}`: list items escaped as inline text and joined; `-` for an empty list. */
  env.registerHelper('join', (list: unknown, separator: unknown) => {
    const sep = isOptions(separator) ? ', ' : str(separator);
    const items = Array.isArray(list) ? list : [];
    return safe(items.length ? items.map(escapeParam).join(sep) : '-');
  });
  /** `{{joincode list}}`: each item as a code span, comma separated. */
  env.registerHelper('joincode', (list: unknown) => safe((Array.isArray(list) ? list : []).map((item) => codeSpan(str(item))).join(', ')));

  /** `{{h2 title}}`, `{{h3 title}}`, `{{h4 title}}`: numbered headings (1., 1.1, 1.1.1) in order of appearance. */
  const heading = (level: 0 | 1 | 2) => (title: unknown, options: HelperOptions) => {
    const counters = (options.data as { headings: number[] }).headings;
    counters[level] = (counters[level] ?? 0) + 1;
    for (let i = level + 1; i < counters.length; i++) counters[i] = 0;
    const number = counters.slice(0, level + 1).join('.');
    return safe(`${'#'.repeat(level + 2)} ${number}${level === 0 ? '.' : ''} ${escapeParam(title)}`);
  };
  env.registerHelper('h2', heading(0));
  env.registerHelper('h3', heading(1));
  env.registerHelper('h4', heading(2));
}
