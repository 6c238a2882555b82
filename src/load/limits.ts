/**
 * What a model file may not contain even where YAML allows it (or where the parser would give a
 * puzzling message): deep nesting, collections as keys, control characters, lone CR line
 * breaks. The walks are iterative, so a hostile file cannot exhaust the stack here.
 */
import { isCollection, isMap, isPair, isScalar, isSeq, Parser, type Node } from 'yaml';

/** A model nests a few levels (components → container → environment); 64 leaves ample room. */
export const MAX_NESTING_DEPTH = 64;

export type StructureProblem = { readonly kind: 'too-deep' | 'collection-key' | 'non-finite-number'; readonly offset: number };

/**
 * The first collection nested deeper than {@link MAX_NESTING_DEPTH} or used as a mapping key, or
 * the first number that is not finite (`.inf`, `.nan`, `1e400`: JSON Schema's `integer` lets
 * Infinity through), in a composed document.
 */
export function structureProblem(contents: unknown): StructureProblem | undefined {
  const stack: [unknown, number][] = [[contents, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (isScalar(node) && typeof node.value === 'number' && !Number.isFinite(node.value)) return { kind: 'non-finite-number', offset: node.range?.[0] ?? 0 };
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_NESTING_DEPTH) return { kind: 'too-deep', offset: (node as Node).range?.[0] ?? 0 };
    for (const item of node.items as unknown[]) {
      if (isPair(item) && isCollection(item.key)) return { kind: 'collection-key', offset: item.key.range?.[0] ?? 0 };
      if (isPair(item)) stack.push([item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

interface CstToken {
  readonly type: string;
  readonly offset: number;
  readonly source?: string;
  readonly key?: CstToken | null;
  readonly value?: CstToken | null;
  readonly items?: readonly { key?: CstToken | null; value?: CstToken | null }[];
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/** Every token of the concrete syntax tree with its collection depth; the CST parser keeps its own explicit stack. */
function* cstTokens(text: string): Generator<[CstToken, number]> {
  for (const document of new Parser().parse(text)) {
    const stack: [CstToken | null | undefined, number][] = [[document as CstToken, 0]];
    while (stack.length) {
      const [token, depth] = stack.pop()!;
      if (!token) continue;
      const level = COLLECTIONS.has(token.type) ? depth + 1 : depth;
      yield [token, level];
      stack.push([token.value, level], [token.key, level]);
      for (const item of [...(token.items ?? [])].reverse()) stack.push([item.value, level], [item.key, level]);
    }
  }
}

/** The depth limit on text the composer could not handle (it recurses and overflows the stack first). */
export function tooDeepInText(text: string): number | undefined {
  for (const [token, level] of cstTokens(text)) if (level > MAX_NESTING_DEPTH) return token.offset;
  return undefined;
}

/** Offset of the opening quote of the first quoted scalar that is never closed (the parser reports the end of the file). */
export function unclosedQuote(text: string): number | undefined {
  for (const [token] of cstTokens(text)) {
    const quote = token.type === 'single-quoted-scalar' ? "'" : token.type === 'double-quoted-scalar' ? '"' : undefined;
    const source = token.source ?? '';
    if (quote && !(source.length >= 2 && source.endsWith(quote))) return token.offset;
  }
  return undefined;
}

/** YAML allows tab, LF and CR among the C0 controls; DEL and the C1 range (but NEL) are not printable either. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/** Offset and code point of the first character YAML does not allow in a stream, if any. */
export function firstControlCharacter(text: string): { offset: number; code: number } | undefined {
  const match = CONTROL.exec(text);
  return match ? { offset: match.index, code: match[0].charCodeAt(0) } : undefined;
}

/** Offset of the first CR not followed by LF (classic Mac line breaks, which the parser misreads). */
export function firstLoneCarriageReturn(text: string): number | undefined {
  const match = /\r(?!\n)/.exec(text);
  return match?.index;
}

/** `UTF-16 LE`/`UTF-16 BE` (with or without byte-order mark) when the bytes look like it: ASCII text has every other byte zero. */
export function utf16Flavour(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe) return 'UTF-16 LE (with byte-order mark)';
  if (a === 0xfe && b === 0xff) return 'UTF-16 BE (with byte-order mark)';
  if (bytes.length < 4) return undefined;
  if (a !== 0 && b === 0 && c !== 0 && d === 0) return 'UTF-16 LE';
  if (a === 0 && b !== 0 && c === 0 && d !== 0) return 'UTF-16 BE';
  return undefined;
}
