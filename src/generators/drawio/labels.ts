/** Label text: the diagram locale, wrapping and the width estimate the layout reserves for it. */
import type { Connection, Text } from '../../model/types.js';

/** Diagrams are labelled in English; the Korean text stays in the documents. */
export const text = (value: Text): string => value.en;

export const FONT_SIZE = 11;
export const LINE_HEIGHT = 14;

/** Splits a label into lines of at most `max` characters at spaces (never inside a word). */
export function wrap(line: string, max = 26): string[] {
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
export const wrapAll = (lines: readonly string[], max?: number): string[] => lines.flatMap((line) => wrap(line, max));

/** Width of each ASCII character at {@link FONT_SIZE}; other characters are looked up in {@link charWidth}. */
const ASCII_WIDTH: readonly number[] = Array.from({ length: 128 }, (_, code) => charWidth(String.fromCharCode(code)));

function charWidth(ch: string): number {
  if (ch.codePointAt(0)! >= 0x1100) return FONT_SIZE * 1.05; // CJK and Hangul are full width
  if ('mwMW@'.includes(ch)) return FONT_SIZE * 0.85;
  if ('il.,:;|!\'ijt '.includes(ch)) return FONT_SIZE * 0.32;
  if (ch >= 'A' && ch <= 'Z') return FONT_SIZE * 0.68;
  return FONT_SIZE * 0.56;
}

/** Width in pixels of one line of text at {@link FONT_SIZE}, erring on the wide side. */
export function textWidth(line: string): number {
  let width = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code < 128) width += ASCII_WIDTH[code]!;
    else {
      // One code point, as `for…of` walks a string: a surrogate pair counts once.
      const point = line.codePointAt(i)!;
      if (point > 0xffff) i++;
      width += charWidth(String.fromCodePoint(point));
    }
  }
  return Math.ceil(width);
}

export const labelSize = (lines: readonly string[]): { width: number; height: number } => ({
  width: Math.max(0, ...lines.map(textWidth)) + 6,
  height: lines.length * LINE_HEIGHT + 4,
});

/** "PostgreSQL :5432" — protocol and port of a connection. */
export const protocolPort = (c: Pick<Connection, 'protocol' | 'port'>): string => (c.port === undefined ? c.protocol : `${c.protocol} :${c.port}`);

/** Edge label of a connection: protocol:port, then purpose (and condition). */
export function connectionLabel(c: Connection): string[] {
  const purpose = c.condition ? `${text(c.purpose)} (${text(c.condition)})` : text(c.purpose);
  return [protocolPort(c), ...wrap(purpose, 28)];
}
