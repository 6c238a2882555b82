/**
 * Escaping for every format the security report is written in. Model text (descriptions,
 * names, reasons) is untrusted: it may hold `|`, `,`, `"`, `<script>` or `=HYPERLINK(`.
 */

/** Text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  if (!/[&<>"']/.test(text)) return text;
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Inline Markdown text that renders literally, also inside a table cell: emphasis, code, link,
 * table and strikethrough punctuation is backslash-escaped, HTML-significant characters become
 * entities, block markers at the start are neutralised, and line breaks become spaces (a cell
 * cannot span lines).
 */
export function escapeMarkdown(text: string): string {
  // Nothing to do for most names and ids: none of the passes below would match.
  if (!/[\r\n\\`*_[\]|~&<>]|^[-+=#]|^\d+[.)]/.test(text)) return text;
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    .replace(/^([-+=#])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Characters that make spreadsheet applications treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field. A value starting like a formula gets a leading `'` so spreadsheets show
 * it as text instead of evaluating it; fields with a comma, quote or line break are quoted.
 */
export function csvField(value: string | number | boolean): string {
  if (value === '') return ''; // most cells of a big matrix
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: header plus rows, CRLF line ends as RFC 4180 asks. */
export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number | boolean)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
