/**
 * HTML building blocks for the site: every interpolated value is escaped unless it is already
 * {@link SafeHtml}, so no model text can inject markup.
 */

/** Markup that is already safe to place in a page. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`; arrays are joined; null/false vanish. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Trusts `markup` as HTML: only for output of this module's own builders. */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

/** Joins parts into one safe fragment. */
export const join = (parts: readonly Part[]): SafeHtml => new SafeHtml(render(parts));

/** A stable, URL- and id-safe slug: lowercase letters, digits, `-`; keeps Hangul. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-') || 'section';
}

/** Number with thousands separators and fixed decimals, locale independent. */
export function formatNumber(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** US dollars with two decimals, e.g. `$1,234.50`. */
export const formatUsd = (value: number): string => `${value < 0 ? '-' : ''}$${formatNumber(Math.abs(value), 2)}`;
