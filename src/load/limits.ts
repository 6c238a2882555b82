/**
 * What a model file may not contain even where YAML allows it (or where the parser would give a
 * puzzling message): deep nesting, collections as keys, control characters, lone CR line
 * breaks. The walks are iterative, so a hostile file cannot exhaust the stack here.
 */
import { isCollection, isMap, isPair, isSeq, Parser, type Node } from 'yaml';

/** A model nests a few levels (components → container → environment); 64 leaves ample room. */
export const MAX_NESTING_DEPTH = 64;

export type StructureProblem = { readonly kind: 'too-deep' | 'collection-key'; readonly offset: number };

/** The first collection nested deeper than {@link MAX_NESTING_DEPTH}, or used as a mapping key, in a composed document. */
export function structureProblem(contents: unknown): StructureProblem | undefined {
  const stack: [unknown, number][] = [[contents, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
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
  readonly value?: CstToken;
  readonly items?: readonly { key?: CstToken | null; value?: CstToken | null }[];
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * The same limit on the concrete syntax tree, for text the composer could not handle (it
 * recurses and overflows the stack first); the CST parser keeps its own explicit stack.
 */
export function tooDeepInText(text: string): number | undefined {
  for (const document of new Parser().parse(text)) {
    const stack: [CstToken | null | undefined, number][] = [[document as CstToken, 0]];
    while (stack.length) {
      const [token, depth] = stack.pop()!;
      if (!token) continue;
      const level = COLLECTIONS.has(token.type) ? depth + 1 : depth;
      if (level > MAX_NESTING_DEPTH) return token.offset;
      if (token.value) stack.push([token.value, level]);
      for (const item of token.items ?? []) stack.push([item.key, level], [item.value, level]);
    }
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
