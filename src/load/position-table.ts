/**
 * Source positions of a parsed model as plain data, so a loaded model can cross to a worker
 * thread (structured clone) without its `yaml` Document. The table answers `locate` exactly as
 * the Document walk does: the position of the node at a path, or of its nearest existing ancestor.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { NodePath, SourceLocator, SourcePosition } from '../model/types.js';

/** One node: its position (value start, or the key's when the value is empty) and its children. */
export interface PositionNode {
  readonly line: number;
  readonly col: number;
  /** Mapping entries by key text (first occurrence wins, as in the walk). */
  readonly entries?: ReadonlyMap<string, PositionNode>;
  readonly items?: readonly PositionNode[];
}

/** Builds the table of a Document's contents; `position` turns an offset into line and column. */
export function positionTable(doc: Document, position: (offset: number) => SourcePosition): PositionNode {
  const build = (node: unknown, at: number): PositionNode => {
    const { line, col } = position(at);
    if (isMap(node)) {
      const entries = new Map<string, PositionNode>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (entries.has(key)) continue;
        const keyStart = (pair.key as Node).range?.[0];
        const value = pair.value as Node | null;
        entries.set(key, build(value, value?.range?.[0] ?? keyStart ?? at));
      }
      return { line, col, entries };
    }
    if (isSeq(node)) {
      const items = (node.items as (Node | null)[]).map((item) => build(item, item?.range?.[0] ?? at));
      return { line, col, items };
    }
    return { line, col };
  };
  return build(doc.contents, doc.contents?.range?.[0] ?? 0);
}

/** `locate` over a table, with the same fall-back to the nearest existing ancestor. */
export function tableLocator(file: string, table: PositionNode): SourceLocator {
  return {
    file,
    locate(path: NodePath): SourcePosition {
      let node = table;
      for (const segment of path) {
        const next = node.entries ? node.entries.get(String(segment)) : node.items && typeof segment === 'number' ? node.items[segment] : undefined;
        if (!next) break;
        node = next;
      }
      return { line: node.line, col: node.col };
    },
  };
}
