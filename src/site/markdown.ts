/**
 * A small, safe Markdown-to-HTML converter for the subset the document generator emits:
 * ATX headings, paragraphs, nested lists, GFM tables, fenced code, block quotes, rules,
 * and inline code, emphasis, links, images and `<br>`. Raw HTML is never passed through:
 * everything is escaped, so a model's text cannot inject markup into the site.
 */
import { escapeHtml, slug } from './html.js';

export interface MarkdownOptions {
  /** Rewrites a link target; `undefined` drops the link and keeps its text. */
  readonly link?: (href: string) => string | undefined;
  /** Rewrites an image source; `undefined` shows the alt text instead (no request leaves the page). */
  readonly image?: (src: string) => string | undefined;
  /** Renders a fenced block itself (e.g. Mermaid as a prerendered SVG); `undefined` shows the code. */
  readonly code?: (lang: string, code: string) => string | undefined;
  /** Prefix for heading ids, so two documents on one page do not collide. */
  readonly idPrefix?: string;
}

export interface Heading {
  readonly level: number;
  readonly id: string;
  readonly text: string;
}

export interface MarkdownResult {
  readonly html: string;
  readonly headings: readonly Heading[];
}

const SAFE_SCHEME = /^(https?:|mailto:|#|\.{0,2}\/|[\w\-.~%]+(?:[/#?]|$))/i;

/** Converts Markdown to HTML and lists its headings (for a table of contents). */
export function markdownToHtml(source: string, options: MarkdownOptions = {}): MarkdownResult {
  // Only HTML comment blocks (a line starting with `<!--`) are dropped: escaped model text such as
  // `\<!-- x --\>` mid-line is text, and must not swallow everything up to a later `-->`.
  // NUL becomes U+FFFD, as CommonMark requires; here it would also collide with the stash markers.
  const lines = source.replace(/\u0000/g, '\uFFFD').replace(/\r\n?/g, '\n').replace(/^ {0,3}<!--[\s\S]*?-->/gm, '').split('\n');
  const out: string[] = [];
  const headings: Heading[] = [];
  const usedIds = new Map<string, number>();
  let i = 0;

  const uniqueId = (text: string): string => {
    const base = `${options.idPrefix ?? ''}${slug(text)}`;
    const seen = usedIds.get(base) ?? 0;
    usedIds.set(base, seen + 1);
    return seen ? `${base}-${seen}` : base;
  };

  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/.exec(line);
    if (fence) {
      const marker = fence[2]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(marker)) body.push(lines[i++]!);
      i++;
      const lang = fence[3] ?? '';
      const code = body.join('\n');
      const custom = options.code?.(lang, code);
      out.push(custom ?? `<pre><code${lang ? ` class="language-${escapeHtml(lang)}"` : ''}>${escapeHtml(code)}</code></pre>`);
      continue;
    }
    // [^] rather than `.`: a heading may hold U+2028/U+2029, which `.` does not match.
    const heading = /^(#{1,6})\s+([^]*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const text = heading[2]!;
      const id = uniqueId(stripInline(text));
      headings.push({ level, id, text: stripInline(text) });
      out.push(`<h${level} id="${escapeHtml(id)}">${inline(text, options)}</h${level}>`);
      i++;
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push('<hr>');
      i++;
      continue;
    }
    if (/^\s{0,3}>/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && /^\s{0,3}>/.test(lines[i]!)) body.push(lines[i++]!.replace(/^\s{0,3}>\s?/, ''));
      out.push(`<blockquote>${markdownToHtml(body.join('\n'), { ...options, idPrefix: `${options.idPrefix ?? ''}q-` }).html}</blockquote>`);
      continue;
    }
    if (isTableStart(lines, i)) {
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.includes('|') && lines[i]!.trim()) rows.push(lines[i++]!);
      out.push(table(rows, options));
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const block: string[] = [];
      const first = LIST_ITEM.exec(line)!;
      // A sibling item of the other kind (bullet vs number) starts a new list.
      const sameKind = (candidate: string) => {
        const item = LIST_ITEM.exec(candidate);
        return !item || item[1]!.length > first[1]!.length || /\d/.test(item[2]!) === /\d/.test(first[2]!);
      };
      while (i < lines.length && sameKind(lines[i]!) && (LIST_ITEM.test(lines[i]!) || (/^\s+\S/.test(lines[i]!) && block.length) || (!lines[i]!.trim() && i + 1 < lines.length && sameKind(lines[i + 1]!) && /^\s+\S|^\s*([-*+]|\d+[.)])\s/.test(lines[i + 1]!)))) {
        block.push(lines[i++]!);
      }
      out.push(list(block, options));
      continue;
    }
    // The first line always belongs to the paragraph: a line that looks like a block start but no
    // block took must still be consumed, or this loop would never advance.
    const paragraph: string[] = [lines[i++]!.trim()];
    while (i < lines.length && lines[i]!.trim() && !startsBlock(lines, i)) paragraph.push(lines[i++]!.trim());
    out.push(`<p>${inline(paragraph.join('\n'), options).replace(/\n/g, ' ')}</p>`);
  }
  return { html: out.join('\n'), headings };
}

const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+/;

function startsBlock(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  return /^(#{1,6})\s/.test(line) || /^\s*(`{3,}|~{3,})/.test(line) || /^\s{0,3}>/.test(line) || LIST_ITEM.test(line) || isTableStart(lines, i) || /^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line);
}

function isTableStart(lines: readonly string[], i: number): boolean {
  return lines[i]!.includes('|') && i + 1 < lines.length && /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(lines[i + 1]!);
}

function splitRow(row: string): string[] {
  const trimmed = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells: string[] = [];
  // The cell so far is `current` plus trimmed[start, k): text is sliced, not appended a character at a time.
  let current = '';
  let start = 0;
  let inCode = false;
  for (let k = 0; k < trimmed.length; k++) {
    const c = trimmed.charCodeAt(k);
    if (c === BACKSLASH && trimmed.charCodeAt(k + 1) === PIPE) {
      current += `${trimmed.slice(start, k)}|`;
      start = k + 2;
      k++;
    } else if (c === BACKTICK) {
      inCode = !inCode;
    } else if (c === PIPE && !inCode) {
      cells.push((current + trimmed.slice(start, k)).trim());
      current = '';
      start = k + 1;
    }
  }
  cells.push((current + trimmed.slice(start)).trim());
  return cells;
}

const BACKSLASH = 0x5c;
const PIPE = 0x7c;
const BACKTICK = 0x60;

function table(rows: readonly string[], options: MarkdownOptions): string {
  const head = splitRow(rows[0]!);
  const aligns = splitRow(rows[1]!).map((cell) => (cell.startsWith(':') && cell.endsWith(':') ? 'center' : cell.endsWith(':') ? 'right' : cell.startsWith(':') ? 'left' : undefined));
  const cell = (tag: string, text: string, k: number) => `<${tag}${aligns[k] ? ` style="text-align:${aligns[k]}"` : ''}>${inline(text, options)}</${tag}>`;
  const body = rows.slice(2).map((row) => `<tr>${splitRow(row).map((text, k) => cell('td', text, k)).join('')}</tr>`);
  return `<div class="table-wrap"><table><thead><tr>${head.map((text, k) => cell('th', text, k)).join('')}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}

function list(block: readonly string[], options: MarkdownOptions): string {
  const first = LIST_ITEM.exec(block[0]!)!;
  const indent = first[1]!.length;
  const ordered = /\d/.test(first[2]!);
  const items: string[][] = [];
  for (const line of block) {
    const match = LIST_ITEM.exec(line);
    if (match && match[1]!.length <= indent) items.push([line.slice(match[0].length)]);
    else items[items.length - 1]!.push(line.length > indent ? line.slice(Math.min(indent + 2, line.search(/\S|$/))) : line);
  }
  const start = ordered ? Number.parseInt(first[2]!, 10) : 1;
  const tag = ordered ? 'ol' : 'ul';
  const rendered = items.map((item) => {
    const [text, ...rest] = item;
    const nested = rest.join('\n').trim() ? markdownToHtml(rest.join('\n'), options).html : '';
    const task = /^\[([ xX])\]\s+/.exec(text!);
    const label = task ? `<input type="checkbox" disabled${task[1] !== ' ' ? ' checked' : ''}> ${inline(text!.slice(task[0].length), options)}` : inline(text!, options);
    return `<li>${label}${nested}</li>`;
  });
  return `<${tag}${ordered && start !== 1 ? ` start="${start}"` : ''}>${rendered.join('')}</${tag}>`;
}

/** Plain text of inline Markdown, for heading ids and tables of contents. */
export function stripInline(text: string): string {
  return text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '').replace(/<br\s*\/?>/gi, ' ');
}

/** Inline Markdown to HTML: code spans first (their content is literal), then links, emphasis. */
function inline(text: string, options: MarkdownOptions): string {
  // Each pass below needs its marker character; most table cells hold none of them. A pass is
  // skipped only where its pattern cannot match, so the result is the same as running them all.
  if (!INLINE_MARKERS.test(text)) return escapeHtml(text);
  const spans: string[] = [];
  const stash = (markup: string) => `\u0000${spans.push(markup) - 1}\u0000`;
  let s = text;
  // One left-to-right pass, so an escaped backtick (\`) never opens a code span and a backslash inside code stays literal.
  if (s.includes('\\') || s.includes('`')) {
    s = s.replace(/\\([\\`*_{}[\]()#+\-.!|<>])|(`+)([\s\S]*?[^`])\2(?!`)/g, (_, escaped: string | undefined, __, code: string) =>
      stash(escaped !== undefined ? escapeHtml(escaped) : `<code>${escapeHtml(code.trim())}</code>`));
  }
  // An entity reference means its character (CommonMark), as it does in HTML: pass it through instead of escaping its `&`.
  if (s.includes('&')) s = s.replace(/&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g, (entity) => stash(entity));
  if (s.includes('<')) s = s.replace(/<br\s*\/?>/gi, () => stash('<br>'));
  if (s.includes('](')) {
    s = s.replace(/!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_, alt: string, src: string) => {
      const resolved = options.image ? options.image(src) : undefined;
      return stash(resolved ? `<img src="${escapeHtml(resolved)}" alt="${escapeHtml(alt)}" loading="lazy">` : `<span class="missing-image">[${escapeHtml(alt || src)}]</span>`);
    });
    s = s.replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_, label: string, href: string) => {
      const target = options.link ? options.link(href) : SAFE_SCHEME.test(href) ? href : undefined;
      const inner = emphasis(escapeHtml(label));
      return stash(target && SAFE_SCHEME.test(target) ? `<a href="${escapeHtml(target)}">${inner}</a>` : inner);
    });
  }
  if (s.includes('<')) s = s.replace(/<(https?:\/\/[^>\s]+)>/g, (_, url: string) => stash(`<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`));
  s = emphasis(escapeHtml(s));
  // Stashed markup may itself hold stashes (a code span inside a link label).
  const marker = /\u0000(\d+)\u0000/;
  while (marker.test(s)) s = s.replace(/\u0000(\d+)\u0000/g, (_, n: string) => spans[Number(n)]!);
  return s;
}

/** Characters some inline pass needs (escapes, code, entities, tags, links, emphasis, stash marks). */
const INLINE_MARKERS = /[\\`&<[*_~\u0000]/;

function emphasis(escaped: string): string {
  let s = escaped;
  if (s.includes('*')) s = s.replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>');
  if (s.includes('_')) s = s.replace(/__(?=\S)([\s\S]*?\S)__/g, '<strong>$1</strong>');
  if (s.includes('*')) s = s.replace(/(^|[^*\w])\*(?=\S)([\s\S]*?\S)\*(?!\*)/g, '$1<em>$2</em>');
  if (s.includes('_')) s = s.replace(/(^|[^_\w])_(?=\S)([\s\S]*?\S)_(?![_\w])/g, '$1<em>$2</em>');
  if (s.includes('~')) s = s.replace(/~~(?=\S)([\s\S]*?\S)~~/g, '<del>$1</del>');
  return s;
}
