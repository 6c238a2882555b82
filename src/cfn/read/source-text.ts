/**
 * A template file's text with an offset → line/col index, and the positions of every mapping
 * key and sequence item of the values parsed from it. Positions live beside the data (in a
 * WeakMap keyed by the parsed objects), so templates stay plain JSON values.
 */
import type { TemplatePosition } from '../types.js';

export class SourceText {
  private lineStarts: number[] | undefined;

  constructor(
    /** Display path of the file (relative to the current directory when possible). */
    readonly file: string,
    readonly text: string,
    /**
     * Finds the keys or items of the container written at an offset, for parsers that record
     * only where containers start (JSON: a 1 MB template has ~50,000 containers, and a map of
     * children for each would cost more than the parse itself).
     */
    readonly childOffsets?: (start: number) => Map<string | number, number>,
  ) {}

  /** 1-based line and column of a character offset. */
  position(offset: number): TemplatePosition {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { file: this.file, line: low + 1, col: offset - starts[low]! + 1 };
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

interface ContainerOffsets {
  readonly source: SourceText;
  /** Where the mapping or sequence itself starts. */
  readonly start: number;
  /** Offset of each key (mappings) or item (sequences); found on first use when not given. */
  children?: Map<string | number, number>;
}

const offsets = new WeakMap<object, ContainerOffsets>();

/**
 * Records where a parsed mapping or sequence is written, and its children when known (else
 * `source.childOffsets` finds them when asked).
 */
export function recordOffsets(container: object, source: SourceText, start: number, children?: Map<string | number, number>): void {
  offsets.set(container, children ? { source, start, children } : { source, start });
}

/**
 * Where a parsed template value is written: the key `key` of a mapping (or item `key` of a
 * sequence), or the container itself when `key` is omitted or unknown. `undefined` for values
 * that were not read from a file (built in code).
 */
export function positionOf(container: object, key?: string | number): TemplatePosition | undefined {
  const entry = offsets.get(container);
  if (!entry) return undefined;
  if (key !== undefined && !entry.children) entry.children = entry.source.childOffsets?.(entry.start) ?? new Map();
  const offset = key === undefined ? undefined : entry.children!.get(key);
  return entry.source.position(offset ?? entry.start);
}

/** The first position found along `path` from `root`: the deepest container that has one. */
export function positionAt(root: object, path: readonly (string | number)[]): TemplatePosition | undefined {
  let node: unknown = root;
  let best = positionOf(root);
  for (const segment of path) {
    if (!node || typeof node !== 'object') break;
    best = positionOf(node, segment) ?? best;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return best;
}
