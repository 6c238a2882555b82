/**
 * Reads a model file defensively and parses it with `yaml`, keeping source positions.
 * Refuses what a model never needs and an attacker might send: huge files, non-UTF-8 bytes,
 * several documents, duplicate keys and alias expansion bombs.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { NodePath, SourceLocator, SourcePosition } from '../model/types.js';
import { positionTable, type PositionNode } from './position-table.js';
import { firstControlCharacter, firstLoneCarriageReturn, utf16Flavour, MAX_NESTING_DEPTH, structureProblem, tooDeepInText, unclosedQuote } from './limits.js';

/** Room for generated models of several thousand components (5000 ≈ 3 MB); a 50 MB file is still refused unread. */
export const MAX_MODEL_BYTES = 8 * 1024 * 1024;
const MAX_ALIASES = 100;

export interface ParsedYaml {
  readonly data: unknown;
  readonly text: string;
  readonly locator: SourceLocator & { locateKey(path: NodePath): SourcePosition; positionTable(): PositionNode };
}

export type ParseResult = { ok: true; value: ParsedYaml } | { ok: false; diagnostics: Diagnostic[] };

/** The refusal of a file over {@link MAX_MODEL_BYTES}; the loader checks the size before reading. */
export function sizeLimitDiagnostic(file: string, size: number): Diagnostic | undefined {
  if (size <= MAX_MODEL_BYTES) return undefined;
  return { file, line: 1, col: 1, rule: 'yaml/too-large', severity: 'error', message: `file is ${size} bytes, over the ${MAX_MODEL_BYTES}-byte limit`, hint: 'split the model or remove generated content from it' };
}

export function parseModelText(file: string, bytes: Uint8Array): ParseResult {
  const fail = (rule: string, message: string, hint: string, pos: SourcePosition = { line: 1, col: 1 }): ParseResult => ({
    ok: false,
    diagnostics: [{ file, ...pos, rule, severity: 'error', message, hint }],
  });
  const tooLarge = sizeLimitDiagnostic(file, bytes.byteLength);
  if (tooLarge) return { ok: false, diagnostics: [tooLarge] };
  const utf16 = utf16Flavour(bytes);
  if (utf16) return fail('yaml/encoding', `file is ${utf16}, not UTF-8`, 'save the file as UTF-8 (editors and PowerShell redirection often write UTF-16 on Windows)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const lines = new TextDecoder('utf-8').decode(bytes.subarray(0, offset)).split('\n');
    return fail('yaml/encoding', 'file is not valid UTF-8', 'save the file as UTF-8', { line: lines.length, col: (lines.at(-1)?.length ?? 0) + 1 });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const control = firstControlCharacter(text);
  if (control) {
    const name = `U+${control.code.toString(16).toUpperCase().padStart(4, '0')}${control.code === 0 ? ' (NUL)' : ''}`;
    return fail('yaml/control-character', `control character ${name} in the text`, 'a model is plain UTF-8 text: remove the character (NUL bytes usually mean a binary file)', positionBefore(text, control.offset));
  }

  const loneCr = firstLoneCarriageReturn(text);
  if (loneCr !== undefined) {
    return fail('yaml/line-ending', 'line break is a lone CR (classic Mac OS line endings)', 'save the file with LF (or CRLF) line endings', positionBefore(text, loneCr));
  }
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const list = Array.isArray(docs) ? docs : [];
  const tooDeep = (offset: number): ParseResult => fail('yaml/too-deep', `nesting is deeper than ${MAX_NESTING_DEPTH} levels`, 'a model nests a few levels; flatten this structure or close the `[`/`{` you opened', position(offset));
  if (list.some((d) => d.errors.some((e) => /call stack/i.test(e.message)))) {
    const offset = tooDeepInText(text) ?? list.flatMap((d) => d.errors).find((e) => /call stack/i.test(e.message))!.pos[0];
    return tooDeep(offset);
  }
  if (list.length > 1) {
    const second = list[1]!;
    return fail('yaml/multi-document', 'file holds several YAML documents', 'keep one model per file; remove the `---` separator', position(second.range[0]));
  }
  const doc = list[0];
  const contents = doc?.contents;
  if (!doc || contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
    return fail('yaml/empty', 'file holds no model (it is empty, only comments or an empty document)', 'write the model here; model/point-system.yaml is a complete example to start from', doc ? position(doc.range[0]) : undefined);
  }

  const errors = yamlErrors(file, text, doc, position);
  if (errors.length) return { ok: false, diagnostics: errors };

  const problem = structureProblem(doc.contents);
  if (problem?.kind === 'too-deep') return tooDeep(problem.offset);
  if (problem?.kind === 'non-finite-number') return fail('yaml/number', 'number is infinite or not a number (too large, `.inf` or `.nan`)', 'write a finite number', position(problem.offset));
  if (problem) return fail('yaml/collection-key', 'a list or mapping is used as a mapping key', 'keys are plain names such as `id:`; write the key as text', position(problem.offset));
  const unresolved = text.includes('*') ? findUnresolvedAlias(doc.contents, new Set()) : undefined;
  if (unresolved) {
    return fail('yaml/syntax', `alias \`*${unresolved.source}\` refers to no anchor`, `define \`&${unresolved.source}\` before this alias, or write the value out`, position(unresolved.offset));
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const aliasNode = findFirstAlias(doc.contents);
    return fail('yaml/alias-limit', `anchors and aliases expand too much (${(error as Error).message.toLowerCase()})`, 'write the values out instead of using anchors and aliases', aliasNode !== undefined ? position(aliasNode) : undefined);
  }
  return { ok: true, value: { data, text, locator: makeLocator(file, doc, position) } };
}

/** Line and column of `offset`, for checks that run before the parser's line counter exists. */
function positionBefore(text: string, offset: number): SourcePosition {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, col: lines.at(-1)!.length + 1 };
}

function makeLocator(file: string, doc: Document, position: (offset: number) => SourcePosition): ParsedYaml['locator'] {
  const walk = (path: NodePath, wantKey: boolean): SourcePosition => {
    let node: unknown = doc.contents;
    let at: number = doc.contents?.range?.[0] ?? 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        const isLast = i === path.length - 1;
        const keyRange = (pair.key as Node).range;
        if (isLast && wantKey && keyRange) return position(keyRange[0]);
        node = pair.value;
        at = (pair.value as Node | null)?.range?.[0] ?? keyRange?.[0] ?? at;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) break;
        node = item;
        at = item.range?.[0] ?? at;
      } else {
        break;
      }
    }
    return position(at);
  };
  return {
    file,
    locate: (path) => walk(path, false),
    locateKey: (path) => walk(path, true),
    positionTable: () => positionTable(doc, position),
  };
}

/**
 * Duplicate keys are independent mistakes: all are reported. Of the syntax errors only the first
 * is: the parser's later complaints are mostly echoes of it. A tab in the indentation, which
 * YAML forbids, is named as such instead of the parser's puzzling follow-up message.
 */
function yamlErrors(file: string, text: string, doc: Document, position: (offset: number) => SourcePosition): Diagnostic[] {
  const duplicates = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((error): Diagnostic => {
    const key = /^("[^"]*"|'[^']*'|[^:,{}[\]\s][^:,{}[\]]*?)\s*:/.exec(text.slice(error.pos[0]))?.[1] ?? 'this key';
    return {
      file, ...position(error.pos[0]), rule: 'yaml/duplicate-key', severity: 'error',
      message: `duplicate key ${key.startsWith('"') || key.startsWith("'") ? key : `"${key}"`}: it already appears earlier in the same mapping`,
      hint: 'each key may appear once in a mapping; remove one or merge their values',
    };
  });
  const syntax = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY').sort((a, b) => a.pos[0] - b.pos[0]);
  if (!syntax.length) return duplicates;
  const first = syntax[0]!;
  const tab = /^( *)\t/m.exec(text);
  if (tab && tab.index + tab[1]!.length <= first.pos[0]) {
    return [...duplicates, {
      file, ...position(tab.index + tab[1]!.length), rule: 'yaml/syntax', severity: 'error',
      message: 'tab character in the indentation', hint: 'YAML indents with spaces only; replace the tab with spaces',
    }];
  }
  const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  // Point at the opening quote rather than the end of the file, and at the misaligned key rather than its indentation.
  const opening = /^Missing closing .?quote/.test(first.message) ? unclosedQuote(text) : undefined;
  const at = opening ?? first.pos[0] + (/same column/.test(first.message) ? /^ */.exec(text.slice(first.pos[0]))![0].length : 0);
  return [...duplicates, {
    file, ...position(at), rule: 'yaml/syntax', severity: 'error',
    message: message.charAt(0).toLowerCase() + message.slice(1),
    hint: 'check the indentation (spaces, same column for keys of one mapping), quotes, and that every `{` and `[` is closed',
  }];
}

/** The first alias used before (or without) its anchor, which `toJS` would reject. */
function findUnresolvedAlias(node: unknown, anchors: Set<string>): { source: string; offset: number } | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if (isAlias(node)) return anchors.has(node.source) ? undefined : { source: node.source, offset: node.range?.[0] ?? 0 };
  const anchor = (node as { anchor?: string }).anchor;
  if (anchor) anchors.add(anchor);
  const children: unknown[] = isMap(node) ? node.items.flatMap((pair) => [pair.key, pair.value]) : isSeq(node) ? node.items : [];
  for (const child of children) {
    const found = findUnresolvedAlias(child, anchors);
    if (found) return found;
  }
  return undefined;
}

function findFirstAlias(node: unknown): number | undefined {
  if (isAlias(node)) return node.range?.[0];
  if (isMap(node)) {
    for (const pair of node.items) {
      const found = findFirstAlias(pair.value);
      if (found !== undefined) return found;
    }
  }
  if (isSeq(node)) {
    for (const item of node.items) {
      const found = findFirstAlias(item);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const extra = lead < 0x80 ? 0 : lead >> 5 === 0b110 ? 1 : lead >> 4 === 0b1110 ? 2 : lead >> 3 === 0b11110 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if (i + k >= bytes.length || bytes[i + k]! >> 6 !== 0b10) return i;
    i += extra + 1;
  }
  return bytes.length;
}
