/** Escaping for the report formats: every model-derived string passes through one of these. */

const HTML: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML[c]!);

/** Markdown table cell: escapes the characters that change meaning inline, and pipes/newlines. */
export const escapeMarkdown = (text: string): string =>
  (/[\\`*_{}[\]<>#|!~\n]/.test(text) ? text.replace(/[\\`*_{}[\]<>#|!~]/g, '\\$&').replace(/\r?\n/g, ' ') : text);

/** RFC 4180 field; also defuses spreadsheet formulas (`=`, `+`, `-`, `@` at the start of text). */
export function escapeCsv(value: string | number | undefined): string {
  if (value === undefined || value === '') return '';
  if (typeof value === 'number') return Number.isInteger(value) || Math.abs(value) >= 1e-6 ? String(value) : value.toFixed(12).replace(/0+$/, '');
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

// One formatter each: `toLocaleString` with options builds a new one per call (a third of the cost report's time at scale).
const CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const THOUSANDTHS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/**
 * `format` remembered per value: a report at scale formats thousands of amounts, most of them
 * repeated (zero, the same unit prices). Bounded.
 */
function remembered(format: (n: number) => string): (n: number) => string {
  const known = new Map<number, string>();
  return (n) => {
    if (Object.is(n, -0)) return format(n); // a Map key -0 is 0, but "-0.00" is not "0.00"
    let text = known.get(n);
    if (text === undefined) {
      if (known.size >= 10_000) known.clear();
      known.set(n, (text = format(n)));
    }
    return text;
  };
}

/** USD with thousands separators and cents. */
export const usd = remembered((n) => `$${CENTS.format(n)}`);

/** Unit price with enough significant digits for tiny per-request prices. */
export const unitUsd = (n: number | undefined): string => (n === undefined ? '' : unitPrice(n));

const unitPrice = remembered((n) => {
  if (n === 0) return '$0';
  const precise = Number(n.toPrecision(4));
  return `$${n >= 1 ? n.toFixed(2) : precise.toFixed(12).replace(/0+$/, '').replace(/\.$/, '')}`;
});

/** Quantities: integers with separators, fractions to three decimals. */
export const quantity = remembered((n) => THOUSANDTHS.format(n));
