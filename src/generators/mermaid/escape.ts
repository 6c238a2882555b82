/**
 * Escaping for Mermaid sources. Labels are written with Mermaid's entity codes (`#35;`,
 * `#quot;`), which every diagram type decodes, so a label can hold any text — quotes,
 * brackets, `#`, `;`, `<>`, backticks, Korean — without ending the statement, opening a
 * shape, starting a comment or being read as HTML/Markdown.
 */

/**
 * Characters that mean something to one of Mermaid's grammars: `#` starts an entity, `"` ends
 * a quoted label, `;` ends a sequence statement, `<>&` would be read as HTML, a backtick opens
 * a markdown string, `|` ends an edge label and `%%` starts a comment. Brackets, colons and
 * other punctuation are safe inside the positions this generator uses (quoted flowchart and pie
 * labels, sequence text after `:` or `as`), which the hostile-label tests check with Mermaid's
 * own parser, so the sources stay readable.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '#': '#35;',
  '"': '#quot;',
  ';': '#59;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '`': '#96;',
  '|': '#124;',
  '%': '#37;',
};

const SPECIAL = /[#";<>&`|%]/g;

/**
 * One line of label text for any Mermaid label position (node, subgraph title, edge label,
 * sequence message or participant, pie slice). Line breaks and other control characters
 * become spaces; use {@link mermaidLines} for multi-line labels.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .trim()
    .replace(SPECIAL, (ch) => ENTITIES[ch]!);
}

/** A multi-line flowchart label: each line escaped, joined with Mermaid's `<br/>`. Empty lines are dropped. */
export function mermaidLines(lines: readonly (string | undefined)[]): string {
  return lines.filter((line): line is string => Boolean(line && line.trim())).map(mermaidText).join('<br/>');
}

/** A label in double quotes, as flowchart nodes, subgraphs and edge labels take it. */
export const quoted = (escaped: string): string => `"${escaped}"`;

/** Words that end or open blocks in Mermaid grammars; never usable as bare ids. */
const RESERVED = new Set(['end', 'graph', 'flowchart', 'subgraph', 'style', 'class', 'classdef', 'click', 'linkstyle', 'direction', 'default', 'call', 'href']);

/**
 * A Mermaid-safe identifier for a model id: ASCII letters, digits and `_`, prefixed so it
 * never starts with a digit, a reserved word or an edge-marker letter (`o`, `x`).
 * Distinct model ids can collide after sanitizing; {@link IdAllocator} resolves that.
 */
export function mermaidId(prefix: string, raw: string): string {
  const body = raw.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  const id = `${prefix}_${body || 'x'}`;
  return RESERVED.has(id.toLowerCase()) ? `${id}_` : id;
}

/** Hands out unique Mermaid ids for model keys, stable for the same insertion order. */
export class IdAllocator {
  private readonly byKey = new Map<string, string>();
  private readonly used = new Set<string>();

  /** The id for `key` (allocated on first use) — `prefix_sanitized`, with `_2`, `_3`… on collision. */
  id(prefix: string, key: string): string {
    const full = `${prefix}\u0000${key}`;
    const existing = this.byKey.get(full);
    if (existing) return existing;
    const base = mermaidId(prefix, key);
    let candidate = base;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${base}_${n}`;
    this.used.add(candidate);
    this.byKey.set(full, candidate);
    return candidate;
  }
}

/** A YAML double-quoted scalar for Mermaid's front matter (`title:`); JSON strings are valid YAML. */
export const frontMatterString = (text: string): string => JSON.stringify(text.replace(/[\u0000-\u001f\u007f]+/g, ' '));
