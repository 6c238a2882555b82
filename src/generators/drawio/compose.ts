/**
 * Layout of big pages by composition: every group is laid out on its own, bottom-up, with its
 * child groups as fixed boxes, and the results are nested. ELK's whole-hierarchy mode
 * (`INCLUDE_CHILDREN`) grows much faster than linearly (seconds at a few hundred components)
 * and fails outright on some large graphs ("Expected n hierarchical ports"); one ELK call per
 * group costs tens of milliseconds each, so the groups are arranged here instead, in linear time,
 * straight from the diagram tree (no ELK graph is built).
 *
 * Inside a group, children are put in columns along the flow (layers) by the longest path over
 * the edges between them (an edge between two deeper nodes counts for the children holding its
 * ends), after the partition and last-layer constraints the builders set; a long layer wraps into
 * several columns. Edges get no bend points: draw.io's orthogonal router draws them on opening.
 */
import type { DiagramNode, DiagramPage } from './diagram.js';
import { labelSize } from './labels.js';

/** Space inside a group around its children. */
export interface Padding { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number }

/** What the composition needs besides the tree: the spacing ELK would use and each group's frame. */
export interface ComposeSpec {
  readonly nodeGap: number;
  readonly layerGap: number;
  /** Padding of the page itself around its top-level nodes. */
  readonly pagePadding: Padding;
  /** Padding inside a group and its minimum size. */
  groupFrame(node: DiagramNode): { readonly padding: Padding; readonly minimum: { readonly width: number; readonly height: number } };
}

/** A node's box after composition: position relative to its parent, size, and its children's boxes in order. */
export interface ComposedBox {
  x: number;
  y: number;
  width: number;
  height: number;
  readonly children: ComposedBox[];
}

interface Lifted { readonly from: number; readonly to: number }

/** Lays out `page` group by group. Returns the page's box, with one child box per top-level node. */
export function composeLayout(page: DiagramPage, spec: ComposeSpec): ComposedBox {
  // Every node by id with the chain of groups holding it; the page itself is the empty chain.
  const chainOf = new Map<string, readonly DiagramNode[]>();
  const index = (nodes: readonly DiagramNode[], chain: readonly DiagramNode[]): void => {
    for (const node of nodes) {
      const own = [...chain, node];
      chainOf.set(node.id, own);
      if (node.children.length) index(node.children, own);
    }
  };
  index(page.nodes, []);

  // Each edge belongs to the lowest group (or the page) holding both ends; there it joins the two children that contain them.
  const lifted = new Map<DiagramNode | undefined, { from: DiagramNode; to: DiagramNode }[]>();
  for (const edge of page.edges) {
    if (edge.routing === 'side') continue;
    const a = chainOf.get(edge.source);
    const b = chainOf.get(edge.target);
    if (!a || !b) continue;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (i >= a.length || i >= b.length) continue; // one end contains the other: nothing to order
    const owner = i === 0 ? undefined : a[i - 1];
    const list = lifted.get(owner);
    const pair = { from: a[i]!, to: b[i]! };
    if (list) list.push(pair);
    else lifted.set(owner, [pair]);
  }

  const horizontal = page.direction === 'RIGHT' || page.direction === 'LEFT';
  const reversed = page.direction === 'LEFT' || page.direction === 'UP';
  const layoutChildren = (children: readonly DiagramNode[], owner: DiagramNode | undefined, frame: Frame): ComposedBox => {
    const boxes = children.map((child) => (child.kind === 'group' ? layoutChildren(child.children, child, groupFrame(child)) : leaf(child)));
    const position = new Map(children.map((c, i) => [c, i]));
    const edges = (lifted.get(owner) ?? []).map(({ from, to }): Lifted => ({ from: position.get(from)!, to: position.get(to)! }));
    return arrange(children, boxes, edges, frame, spec, horizontal, reversed);
  };
  const groupFrame = (node: DiagramNode): Frame => ({ ...spec.groupFrame(node), partitioned: node.children.some((c) => c.partition !== undefined) });
  return layoutChildren(page.nodes, undefined, { padding: spec.pagePadding, minimum: { width: 0, height: 0 }, partitioned: false });
}

interface Frame {
  readonly padding: Padding;
  readonly minimum: { readonly width: number; readonly height: number };
  /** Whether the children's partitions order the layers (some child has one). */
  readonly partitioned: boolean;
}

/** An icon or note: its own size, placed later by its parent. */
const leaf = (node: DiagramNode): ComposedBox => ({ x: 0, y: 0, width: node.width, height: node.height, children: [] });

/** Layer a child is pinned after: its partition; last-layer children after every partition. */
function rankOf(node: DiagramNode, partitioned: boolean): number {
  if (node.last) return Infinity;
  return partitioned ? node.partition ?? 0 : 0;
}

/** Layers by longest path within each rank; edges against the ranks or closing a cycle are ignored. */
function layersOf(children: readonly DiagramNode[], edges: readonly Lifted[], partitioned: boolean): number[] {
  const rank = children.map((c) => rankOf(c, partitioned));
  const outgoing = children.map((): number[] => []);
  const indegree = children.map(() => 0);
  const seen = new Set<number>();
  for (const { from: a, to: b } of edges) {
    const key = a * children.length + b;
    if (a === b || rank[a]! !== rank[b]! || seen.has(key)) continue;
    seen.add(key);
    outgoing[a]!.push(b);
    indegree[b]!++;
  }
  const local = children.map(() => 0);
  const done = children.map(() => false);
  // Kahn's algorithm; when a cycle blocks it, the first unplaced child in model order goes next.
  const queue = children.map((_, i) => i).filter((i) => indegree[i] === 0);
  for (let head = 0, next = 0; ; head++) {
    if (head === queue.length) {
      while (next < children.length && done[next]) next++;
      if (next === children.length) break;
      queue.push(next);
    }
    const v = queue[head]!;
    if (done[v]) continue;
    done[v] = true;
    for (const w of outgoing[v]!) {
      if (done[w]) continue;
      local[w] = Math.max(local[w]!, local[v]! + 1);
      if (--indegree[w]! === 0) queue.push(w);
    }
  }
  // Ranks one after another: every layer of rank r before any of rank r + 1.
  const depth = new Map<number, number>();
  children.forEach((_, i) => depth.set(rank[i]!, Math.max(depth.get(rank[i]!) ?? 0, local[i]! + 1)));
  const offset = new Map<number, number>();
  let total = 0;
  for (const r of [...depth.keys()].sort((a, b) => a - b)) { offset.set(r, total); total += depth.get(r)!; }
  return children.map((_, i) => offset.get(rank[i]!)! + local[i]!);
}

/** Positions the children's boxes inside a new box for their parent, sized to hold them. */
function arrange(children: readonly DiagramNode[], boxes: ComposedBox[], edges: readonly Lifted[], frame: Frame, spec: ComposeSpec, horizontal: boolean, reversed: boolean): ComposedBox {
  const { padding: pad, minimum } = frame;
  const gap = spec.nodeGap;
  const between = spec.layerGap;
  if (!children.length) {
    return { x: 0, y: 0, width: Math.max(minimum.width, pad.left + pad.right), height: Math.max(minimum.height, pad.top + pad.bottom), children: boxes };
  }
  // An icon's box includes its label below it.
  const box = children.map((c, i) => {
    const own = boxes[i]!;
    const label = c.kind === 'icon' ? labelSize(c.label) : undefined;
    const width = Math.max(own.width, label?.width ?? 0);
    return { width, height: own.height + (label ? label.height + 6 : 0), inset: (width - own.width) / 2 };
  });
  const layer = layersOf(children, edges, frame.partitioned);
  const layers: number[][] = [];
  children.forEach((_, i) => (layers[layer[i]!] ??= []).push(i));
  // Position across the flow a builder asked for (`order`), for ordering within a layer.
  const across = children.map((c) => (c.order === undefined ? undefined : c.order * 1000 + 0));
  const ordered = layers.filter(Boolean).map((members) =>
    members.some((i) => across[i] !== undefined) ? [...members].sort((a, b) => (across[a] ?? 0) - (across[b] ?? 0) || a - b) : members);
  // A layer longer than the square root of the group wraps into several columns.
  const perColumn = Math.max(6, Math.ceil(Math.sqrt(children.length)));
  const columns = ordered.flatMap((members) => Array.from({ length: Math.ceil(members.length / perColumn) }, (_, k) => members.slice(k * perColumn, (k + 1) * perColumn)));
  if (reversed) columns.reverse();

  let along = horizontal ? pad.left : pad.top;
  let acrossEnd = 0;
  for (const column of columns) {
    let thickness = -Infinity;
    for (const i of column) thickness = Math.max(thickness, horizontal ? box[i]!.width : box[i]!.height);
    let at = horizontal ? pad.top : pad.left;
    for (const i of column) {
      const c = boxes[i]!;
      const b = box[i]!;
      if (horizontal) { c.x = along + (thickness - b.width) / 2 + b.inset; c.y = at; at += b.height + gap; }
      else { c.x = at + b.inset; c.y = along + (thickness - b.height) / 2; at += b.width + gap; }
    }
    acrossEnd = Math.max(acrossEnd, at - gap);
    along += thickness + between;
  }
  along -= between;
  const width = horizontal ? along + pad.right : acrossEnd + pad.right;
  const height = horizontal ? acrossEnd + pad.bottom : along + pad.bottom;
  return { x: 0, y: 0, width: Math.max(minimum.width, Math.round(width)), height: Math.max(minimum.height, Math.round(height)), children: boxes };
}
