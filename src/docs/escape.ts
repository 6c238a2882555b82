/**
 * Escaping for text that reaches Markdown (and, through it, HTML). Model text is data, never
 * markup: every character Markdown would interpret is backslash-escaped.
 */

const MARKDOWN_SPECIAL = /[\\`*[\]|]/g;
/** Every character one of the replacements in {@link escapeMarkdown} looks for. */
const NEEDS_ESCAPE = /[\n\\`*[\]|~_<&]/;

/**
 * Inline Markdown text in the middle of a line: characters that could open emphasis, code, links,
 * HTML or a table cell are escaped, `&` entities neutralized. `_` only at word edges (intraword `_`
 * is never emphasis), `<` only where it could start a tag or autolink, `~` only where it could
 * pair up as strikethrough.
 */
export function escapeMarkdown(text: string): string {
  // Most model text (ids, names, numbers) holds none of the characters below: nothing to escape.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/\r?\n/g, ' ')
    .replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`)
    .replace(/(^|\S)~|~(?=\S)/g, (m) => m.replace('~', '\\~'))
    .replace(/(^|[^A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (m) => m.replace('_', '\\_'))
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;');
}

/**
 * Inline text that starts a line (a paragraph, a list item): additionally escapes what would make
 * the line a heading, list item, quote or setext underline.
 */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdown(text)
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^([-+*])(?=\s|$)/, '\\$1')
    .replace(/^>/, '\\>')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^(=+|-+)$/, (m) => `\\${m}`);
}

/** A GFM table cell: inline-escaped, line breaks become `<br>` so the row stays on one line. */
export function escapeTableCell(text: string): string {
  if (!text.includes('\n')) return escapeMarkdown(text);
  return text
    .split(/\r?\n/)
    .map((line) => escapeMarkdown(line))
    .join('<br>');
}

/** An inline code span that survives backticks in the text (CommonMark: a longer fence). */
export function codeSpan(text: string): string {
  const clean = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** A code span inside a table cell: GFM splits cells on `|` even inside code, so it is escaped. */
export function codeSpanInCell(text: string): string {
  return codeSpan(text).replace(/\|/g, '\\|');
}

/** Link destination: whitespace, parentheses, angle brackets and backslashes percent-encoded (Unicode kept readable). */
export function escapeLinkTarget(href: string): string {
  return href.replace(/[\s()<>\\]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Mermaid code fence content cannot contain a closing fence. */
export function fenceFor(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/^`{3,}/gm)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
