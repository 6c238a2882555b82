/** Label text: the diagram locale, wrapping and the width estimate the layout reserves for it. */
import type { Connection, Text } from '../../model/types.js';

/** Diagrams are labelled in English; the Korean text stays in the documents. */
export const text = (value: Text): string => value.en;

export const FONT_SIZE = 11;
export const LINE_HEIGHT = 14;

/** Whether `code` is whitespace as `\s` matches it, other than a plain space. */
const otherSpace = (code: number): boolean =>
  (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)
  || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;

/** Whether {@link wrap} would change the spacing of `line`: leading, trailing or doubled spaces, or other whitespace. */
function unevenSpace(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 32) {
      if (i === 0 || i === line.length - 1 || line.charCodeAt(i + 1) === 32) return true;
    } else if (otherSpace(code)) return true;
  }
  return false;
}

/** Splits a label into lines of at most `max` characters at spaces (never inside a word). */
export function wrap(line: string, max = 26): string[] {
  // Most lines are short and single-spaced: they come back as they are, without splitting.
  if (line.length <= max && !unevenSpace(line)) return [line];
  const words = line.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && (current + ' ' + word).length > max) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines.length ? lines : [''];
}

/** Wraps every line of a label. */
export function wrapAll(lines: readonly string[], max?: number): string[] {
  const out: string[] = [];
  for (const line of lines) for (const part of wrap(line, max)) out.push(part);
  return out;
}

const FULL_WIDTH = FONT_SIZE * 1.05; // CJK and Hangul
const NARROW_WIDTH = FONT_SIZE * 0.32;
const CAPITAL_WIDTH = FONT_SIZE * 0.68;
const WIDE_WIDTH = FONT_SIZE * 0.85;
const OTHER_WIDTH = FONT_SIZE * 0.56;

/** Width of each ASCII character at {@link FONT_SIZE}. */
const ASCII_WIDTH = Float64Array.from({ length: 128 }, (_, code) => {
  const ch = String.fromCharCode(code);
  if ('mwMW@'.includes(ch)) return WIDE_WIDTH;
  if ('il.,:;|!\'ijt '.includes(ch)) return NARROW_WIDTH;
  if (ch >= 'A' && ch <= 'Z') return CAPITAL_WIDTH;
  return OTHER_WIDTH;
});

/** Width in pixels of one line of text at {@link FONT_SIZE}, erring on the wide side. */
export function textWidth(line: string): number {
  let width = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code < 128) width += ASCII_WIDTH[code]!;
    else if (code < 0x1100) width += OTHER_WIDTH;
    else {
      width += FULL_WIDTH;
      // A surrogate pair is one character.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) {
        const next = line.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
  }
  return Math.ceil(width);
}

/** Box a label needs: its widest line, and a line height per line. */
export function labelSize(lines: readonly string[]): { width: number; height: number } {
  let widest = 0;
  for (const line of lines) widest = Math.max(widest, textWidth(line));
  return { width: widest + 6, height: lines.length * LINE_HEIGHT + 4 };
}

/** "PostgreSQL :5432" — protocol and port of a connection. */
export const protocolPort = (c: Pick<Connection, 'protocol' | 'port'>): string => (c.port === undefined ? c.protocol : `${c.protocol} :${c.port}`);

/** Edge label of a connection: protocol:port, then purpose (and condition). */
export function connectionLabel(c: Connection): string[] {
  const purpose = c.condition ? `${text(c.purpose)} (${text(c.condition)})` : text(c.purpose);
  return [protocolPort(c), ...wrap(purpose, 28)];
}
