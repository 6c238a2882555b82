/**
 * Layout of big pages by composition: every group is laid out on its own, bottom-up, with its
 * child groups as fixed boxes, and the results are nested. ELK's whole-hierarchy mode
 * (`INCLUDE_CHILDREN`) grows much faster than linearly (seconds at a few hundred components)
 * and fails outright on some large graphs ("Expected n hierarchical ports"); one ELK call per
 * group costs tens of milliseconds each, so the groups are arranged here instead, in linear time.
 *
 * Inside a group, children are put in columns along the flow (layers) by the longest path over
 * the edges between them (an edge between two deeper nodes counts for the children holding its
 * ends), after the partition and last-layer constraints the builders set; a long layer wraps into
 * several columns. Edges get no bend points: draw.io's orthogonal router draws them on opening.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';

interface Lifted { readonly from: string; readonly to: string }

/**
 * Lays out `graph` (an {@link ElkNode} as `elkGraph` builds it) group by group. Returns the shape
 * ELK returns: node coordinates relative to the parent; no edge has sections.
 */
export function composeLayout(graph: ElkNode): ElkNode {
  const rootOptions = graph.layoutOptions ?? {};
  const parentOf = new Map<string, string>();
  const index = (node: ElkNode) => node.children?.forEach((child) => { parentOf.set(child.id, node.id); index(child); });
  index(graph);

  // Each edge belongs to the lowest group holding both ends; there it joins the two children that contain them.
  const lifted = new Map<string, Lifted[]>();
  const chain = (id: string): string[] => {
    const out = [id];
    for (let p = parentOf.get(id); p !== undefined; p = parentOf.get(p)) out.push(p);
    return out.reverse();
  };
  for (const edge of graph.edges ?? []) {
    const a = chain(edge.sources[0]!);
    const b = chain(edge.targets[0]!);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (i === 0 || i >= a.length || i >= b.length) continue; // one end contains the other: nothing to order
    const owner = a[i - 1]!;
    const list = lifted.get(owner) ?? [];
    list.push({ from: a[i]!, to: b[i]! });
    lifted.set(owner, list);
  }

  const direction = rootOptions['elk.direction'] ?? 'RIGHT';
  const layoutGroup = (group: ElkNode): void => {
    for (const child of group.children ?? []) if (child.children) layoutGroup(child);
    arrange(group, lifted.get(group.id) ?? [], { ...rootOptions, ...group.layoutOptions }, direction);
  };
  layoutGroup(graph);
  return { ...graph, edges: (graph.edges ?? []).map((e): ElkExtendedEdge => ({ ...e, sections: [] })) };
}

/** Layer a child is pinned after: its partition; last-layer children after every partition. */
function rankOf(node: ElkNode, partitioned: boolean): number {
  const options = node.layoutOptions ?? {};
  if (options['elk.layered.layering.layerConstraint'] === 'LAST') return Infinity;
  return partitioned ? Number(options['elk.partitioning.partition'] ?? 0) : 0;
}

/** Position across the flow a builder asked for (`elk.position`), for ordering within a layer. */
function acrossOf(node: ElkNode): number | undefined {
  const match = /\(([-\d.]+),\s*([-\d.]+)\)/.exec(node.layoutOptions?.['elk.position'] ?? '');
  return match ? Number(match[1]) + Number(match[2]) : undefined;
}

function parseSize(text: string | undefined): { width: number; height: number } {
  const match = /\(([\d.]+),\s*([\d.]+)\)/.exec(text ?? '');
  return match ? { width: Number(match[1]), height: Number(match[2]) } : { width: 0, height: 0 };
}

function parsePadding(text: string | undefined): { top: number; left: number; bottom: number; right: number } {
  const value = (key: string) => Number(new RegExp(`${key}=([\\d.]+)`).exec(text ?? '')?.[1] ?? 20);
  return { top: value('top'), left: value('left'), bottom: value('bottom'), right: value('right') };
}

/** Layers by longest path within each rank; edges against the ranks or closing a cycle are ignored. */
function layersOf(children: readonly ElkNode[], edges: readonly Lifted[], partitioned: boolean): number[] {
  const position = new Map(children.map((c, i) => [c.id, i]));
  const rank = children.map((c) => rankOf(c, partitioned));
  const outgoing = children.map((): number[] => []);
  const indegree = children.map(() => 0);
  const seen = new Set<string>();
  for (const { from, to } of edges) {
    const a = position.get(from)!;
    const b = position.get(to)!;
    const key = `${a}>${b}`;
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
  const ranks = [...new Set(rank)].sort((a, b) => a - b);
  const depth = new Map(ranks.map((r) => [r, Math.max(...children.map((_, i) => (rank[i] === r ? local[i]! : 0))) + 1]));
  const offset = new Map<number, number>();
  let total = 0;
  for (const r of ranks) { offset.set(r, total); total += depth.get(r)!; }
  return children.map((_, i) => offset.get(rank[i]!)! + local[i]!);
}

/** Gives the children of `group` their positions and the group its size. */
function arrange(group: ElkNode, edges: readonly Lifted[], options: Readonly<Record<string, string>>, direction: string): void {
  const children = group.children ?? [];
  const pad = parsePadding(options['elk.padding']);
  const minimum = parseSize(group.layoutOptions?.['elk.nodeSize.minimum']);
  const gap = Number(options['elk.spacing.nodeNode'] ?? 34);
  const between = Number(options['elk.layered.spacing.nodeNodeBetweenLayers'] ?? 60);
  const horizontal = direction === 'RIGHT' || direction === 'LEFT';
  if (!children.length) {
    group.width = Math.max(minimum.width, pad.left + pad.right);
    group.height = Math.max(minimum.height, pad.top + pad.bottom);
    return;
  }
  // An icon's box includes its label below it.
  const box = children.map((c) => {
    const label = c.children ? undefined : c.labels?.[0];
    const width = Math.max(c.width ?? 0, label?.width ?? 0);
    return { width, height: (c.height ?? 0) + (label ? (label.height ?? 0) + 6 : 0), inset: (width - (c.width ?? 0)) / 2 };
  });
  const layer = layersOf(children, edges, options['elk.partitioning.activate'] === 'true');
  const layers: number[][] = [];
  children.forEach((_, i) => (layers[layer[i]!] ??= []).push(i));
  const across = children.map(acrossOf);
  const ordered = layers.filter(Boolean).map((members) =>
    members.some((i) => across[i] !== undefined) ? [...members].sort((a, b) => (across[a] ?? 0) - (across[b] ?? 0) || a - b) : members);
  // A layer longer than the square root of the group wraps into several columns.
  const perColumn = Math.max(6, Math.ceil(Math.sqrt(children.length)));
  const columns = ordered.flatMap((members) => Array.from({ length: Math.ceil(members.length / perColumn) }, (_, k) => members.slice(k * perColumn, (k + 1) * perColumn)));
  if (direction === 'LEFT' || direction === 'UP') columns.reverse();

  let along = horizontal ? pad.left : pad.top;
  let acrossEnd = 0;
  for (const column of columns) {
    const thickness = Math.max(...column.map((i) => (horizontal ? box[i]!.width : box[i]!.height)));
    let across = horizontal ? pad.top : pad.left;
    for (const i of column) {
      const c = children[i]!;
      const b = box[i]!;
      if (horizontal) { c.x = along + (thickness - b.width) / 2 + b.inset; c.y = across; across += b.height + gap; }
      else { c.x = across + b.inset; c.y = along + (thickness - b.height) / 2; across += b.width + gap; }
    }
    acrossEnd = Math.max(acrossEnd, across - gap);
    along += thickness + between;
  }
  along -= between;
  const width = horizontal ? along + pad.right : acrossEnd + pad.right;
  const height = horizontal ? acrossEnd + pad.bottom : along + pad.bottom;
  group.width = Math.max(minimum.width, Math.round(width));
  group.height = Math.max(minimum.height, Math.round(height));
}
