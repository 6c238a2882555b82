/**
 * The drawing before layout: a tree of groups and icons plus edges, per page. Builders create it
 * from the model; `layout.ts` gives it coordinates; `mxfile.ts` writes it as draw.io XML.
 */
import type { LayoutOptions } from '../../model/types.js';

export interface DiagramNode {
  /** Stable cell id, derived from model ids (`<page>/<kind>/<model id>`). */
  readonly id: string;
  readonly kind: 'group' | 'icon' | 'note';
  /** Label lines (plain text, no markup). */
  readonly label: readonly string[];
  /** Complete draw.io style string. */
  readonly style: string;
  /** Icon size; groups are sized by the layout. */
  readonly width: number;
  readonly height: number;
  readonly children: DiagramNode[];
  /** Model id of the component this node stands for, when it is the component's one main node. */
  readonly component?: string;
  /** Padding inside a group: room for its title at the top. */
  readonly padding?: { readonly top: number; readonly side: number };
  /** Position among its siblings across the flow (availability zones keep model order). */
  readonly order?: number;
  /** Groups sharing this key are stretched to a common extent across the flow (zones, same-tier subnets). */
  readonly align?: string;
  /** Layer partition along the flow among its siblings (internet gateway, then load balancers, then zones). */
  readonly partition?: number;
  /** Put the node in the last layer among its siblings (availability zones stack in one column). */
  readonly last?: boolean;
}

export interface DiagramEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly label: readonly string[];
  readonly style: string;
  /**
   * `layout`: routed by the layout engine. `side`: drawn after layout along the right-hand side of
   * both ends (replication between availability zones, which would otherwise reorder the zones).
   * `order`: invisible, only orders siblings (public subnet before private subnet).
   */
  readonly routing: 'layout' | 'side' | 'order';
}

export interface DiagramPage {
  /** Stable page id (`architecture`, `architecture-dev`, `network`, ...). */
  readonly id: string;
  readonly name: string;
  readonly direction: LayoutOptions['direction'];
  readonly nodes: DiagramNode[];
  readonly edges: DiagramEdge[];
}

/** Ids already in each edge list {@link addEdge} has seen, so big pages do not scan the list per edge. */
const edgeIds = new WeakMap<DiagramEdge[], Set<string>>();

/** Adds an edge unless one with the same id already exists (fan-out rules may produce duplicates). */
export function addEdge(edges: DiagramEdge[], edge: DiagramEdge): void {
  let ids = edgeIds.get(edges);
  if (!ids || ids.size !== edges.length) {
    // First call, or edges were pushed directly since: rebuild from the list itself.
    ids = new Set(edges.map((e) => e.id));
    edgeIds.set(edges, ids);
  }
  if (ids.has(edge.id)) return;
  ids.add(edge.id);
  edges.push(edge);
}

/** Every node of a tree, depth first, parents before children. */
export function walk(nodes: readonly DiagramNode[], out: DiagramNode[] = []): DiagramNode[] {
  for (const node of nodes) {
    out.push(node);
    walk(node.children, out);
  }
  return out;
}
