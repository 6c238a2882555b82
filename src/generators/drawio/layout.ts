/**
 * Computes coordinates with ELK (layered, compound nodes, orthogonal routing). Node coordinates
 * come back relative to the parent (as draw.io nests them); edge routes in page coordinates.
 */
import { createRequire } from 'node:module';
import type { ELK as ElkEngine, ELKConstructorArguments, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { DiagramEdge, DiagramNode, DiagramPage } from './diagram.js';
import { composeLayout, type ComposeSpec, type Padding } from './compose.js';
import { labelSize, textWidth } from './labels.js';
import { alignGroups, obstacles, sideRoute, type MutableNode, type Point, type Rect } from './refine.js';

export type { Point, Rect } from './refine.js';

/** A node with its box relative to the parent (`rect`, as draw.io nests) and in page coordinates (`abs`). */
export type PlacedNode = MutableNode;

export interface PlacedEdge {
  readonly edge: DiagramEdge;
  /** Start, bends, end, in page coordinates; empty when draw.io is left to route the edge. */
  readonly points: readonly Point[];
  /** Centre of the label in page coordinates, when it has one. */
  readonly labelCenter?: Point;
}

export interface PlacedPage {
  readonly page: DiagramPage;
  readonly nodes: PlacedNode[];
  readonly edges: PlacedEdge[];
  readonly width: number;
  readonly height: number;
}

/**
 * The ELK engine, loaded on first use: pages laid out by composition never need it, and
 * `require` spares Node's scan of the 1.6 MB CommonJS bundle for named exports that `import` does.
 */
let engine: ElkEngine | undefined;
function elk(): ElkEngine {
  if (!engine) {
    const ELK = createRequire(import.meta.url)('elkjs/lib/elk.bundled.js') as new (args?: ELKConstructorArguments) => ElkEngine;
    engine = new ELK();
  }
  return engine;
}

const NODE_GAP = 34;
const LAYER_GAP = 60;
const PAGE_PADDING: Padding = { top: 20, left: 20, bottom: 20, right: 20 };
const paddingOption = (p: Padding): string => `[top=${p.top},left=${p.left},bottom=${p.bottom},right=${p.right}]`;

const ROOT_OPTIONS: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.json.edgeCoords': 'ROOT',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.spacing.nodeNode': String(NODE_GAP),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
  'elk.spacing.edgeNode': '18',
  'elk.spacing.edgeEdge': '12',
  'elk.layered.spacing.edgeNodeBetweenLayers': '18',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.labelNode': '4',
  'elk.spacing.componentComponent': '40',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.padding': paddingOption(PAGE_PADDING),
};

/**
 * Big drawings trade crossing-minimization effort for time (issue 3: 200 components in < 2 s):
 * one sweep, no greedy switching, no model-order tie breaking, and edge labels at the arrow head
 * (centre labels need a dummy node per edge).
 */
const LARGE_PAGE_NODES = 120;
const LARGE_PAGE_OPTIONS: Readonly<Record<string, string>> = {
  'elk.layered.thoroughness': '1',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.crossingMinimization.greedySwitchHierarchical.type': 'OFF',
  'elk.layered.crossingMinimization.hierarchicalSweepiness': '0',
  'elk.layered.considerModelOrder.strategy': 'NONE',
  'elk.edgeLabels.placement': 'HEAD',
};

/**
 * Pages above this many nodes are laid out group by group ({@link composeLayout}): ELK's
 * whole-hierarchy layout grows far faster than linearly (seconds at a few hundred components).
 */
export const COMPOSED_PAGE_NODES = 300;

/** Minimum size of an empty group, so a subnet without resources still reads as one. */
const MIN_GROUP = { width: 180, height: 90 };

/** Hint for semi-interactive crossing minimization: siblings with an order keep it. */
function orderOption(node: DiagramNode, direction: DiagramPage['direction']): Record<string, string> {
  const options: Record<string, string> = node.partition === undefined ? {} : { 'elk.partitioning.partition': String(node.partition) };
  if (node.last) options['elk.layered.layering.layerConstraint'] = 'LAST';
  if (node.order === undefined) return options;
  const across = node.order * 1000;
  return { ...options, 'elk.position': direction === 'RIGHT' || direction === 'LEFT' ? `(0, ${across})` : `(${across}, 0)` };
}

function toElkNode(node: DiagramNode, direction: DiagramPage['direction']): ElkNode {
  if (node.kind === 'note') return { id: node.id, width: node.width, height: node.height, layoutOptions: orderOption(node, direction) };
  if (node.kind === 'icon') {
    const size = labelSize(node.label);
    return {
      id: node.id,
      width: node.width,
      height: node.height,
      labels: [{ text: node.label.join('\n'), width: size.width, height: size.height }],
      layoutOptions: { 'elk.nodeLabels.placement': 'OUTSIDE V_BOTTOM H_CENTER', ...orderOption(node, direction) },
    };
  }
  const frame = groupFrame(node);
  return {
    id: node.id,
    children: node.children.map((child) => toElkNode(child, direction)),
    layoutOptions: {
      ...orderOption(node, direction),
      ...(node.children.some((c) => c.order !== undefined) ? { 'elk.layered.crossingMinimization.semiInteractive': 'true' } : {}),
      ...(node.children.some((c) => c.partition !== undefined) ? { 'elk.partitioning.activate': 'true' } : {}),
      'elk.padding': paddingOption(frame.padding),
      'elk.nodeSize.constraints': 'MINIMUM_SIZE',
      'elk.nodeSize.minimum': `(${frame.minimum.width}, ${frame.minimum.height})`,
    },
  };
}

/** Padding inside a group (its title at the top) and its minimum size (wide enough for the title). */
function groupFrame(node: DiagramNode): { padding: Padding; minimum: { width: number; height: number } } {
  const pad = node.padding ?? { top: 40, side: 20 };
  const titleWidth = Math.max(...node.label.map(textWidth)) + 50;
  return {
    padding: { top: pad.top, left: pad.side, bottom: pad.side, right: pad.side + 8 },
    minimum: { width: Math.max(MIN_GROUP.width, titleWidth), height: MIN_GROUP.height },
  };
}

/** The spacing and frames ELK is given, for pages laid out by composition. */
const COMPOSE_SPEC: ComposeSpec = { nodeGap: NODE_GAP, layerGap: LAYER_GAP, pagePadding: PAGE_PADDING, groupFrame };

function toElkEdge(edge: DiagramEdge): ElkExtendedEdge {
  const size = labelSize(edge.label);
  return {
    id: edge.id,
    sources: [edge.source],
    targets: [edge.target],
    labels: edge.label.length ? [{ text: edge.label.join('\n'), width: size.width, height: size.height }] : [],
  };
}

const countNodes = (nodes: readonly DiagramNode[]): number => nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);

/** The ELK input graph of a page (compound nodes, labels with reserved sizes, ordering edges). */
export function elkGraph(page: DiagramPage): ElkNode {
  const count = countNodes(page.nodes);
  return {
    id: `${page.id}/root`,
    layoutOptions: { ...ROOT_OPTIONS, ...(count > LARGE_PAGE_NODES ? LARGE_PAGE_OPTIONS : {}), 'elk.direction': page.direction },
    children: page.nodes.map((node) => toElkNode(node, page.direction)),
    edges: page.edges.filter((e) => e.routing !== 'side').map(toElkEdge),
  };
}

/** Runs ELK on any graph with this module's engine (benchmarks and experiments). */
export const runElk = (graph: ElkNode): Promise<ElkNode> => elk().layout(graph);

/** A box as ELK or the composition leaves it: position relative to the parent, size, children in order. */
interface LaidOut { readonly x?: number; readonly y?: number; readonly width?: number; readonly height?: number; readonly children?: readonly LaidOut[] }

/** Lays out one page. Deterministic: same page, same coordinates. */
export async function layoutPage(page: DiagramPage): Promise<PlacedPage> {
  let composed = countNodes(page.nodes) > COMPOSED_PAGE_NODES;
  let result: LaidOut | undefined;
  let elkEdges = new Map<string, ElkExtendedEdge>();
  if (!composed) {
    try {
      const laid = await elk().layout(elkGraph(page));
      elkEdges = new Map((laid.edges ?? []).map((e) => [e.id, e as ElkExtendedEdge]));
      result = laid;
    } catch {
      // ELK's whole-hierarchy mode fails on some graphs ("Expected n hierarchical ports"): compose instead.
      composed = true;
    }
  }
  result ??= composeLayout(page, COMPOSE_SPEC);

  const round = (v: number | undefined) => Math.round(v ?? 0);
  const place = (laid: LaidOut, node: DiagramNode, ox: number, oy: number): MutableNode => {
    const rect = { x: round(laid.x), y: round(laid.y), width: round(laid.width), height: round(laid.height) };
    const abs = { x: ox + rect.x, y: oy + rect.y, width: rect.width, height: rect.height };
    return { node, rect, abs, children: node.children.map((child, i) => place(laid.children![i]!, child, abs.x, abs.y)) };
  };
  const nodes = page.nodes.map((node, i) => place(result.children![i]!, node, 0, 0));
  alignGroups(nodes, page.direction);
  const absById = new Map<string, Rect>();
  const index = (list: readonly MutableNode[]) => list.forEach((n) => { absById.set(n.node.id, n.abs); index(n.children); });
  index(nodes);

  const blocked = obstacles(nodes);
  const edges: PlacedEdge[] = [];
  for (const edge of page.edges) {
    if (edge.routing === 'order') continue;
    if (edge.routing === 'side') {
      edges.push({ edge, ...sideRoute(edge, absById.get(edge.source)!, absById.get(edge.target)!, blocked, page.direction) });
      continue;
    }
    const routed = elkEdges.get(edge.id);
    const section = routed?.sections?.[0];
    if (!section) {
      // Composed layouts route only edges between siblings; draw.io routes the others when it opens the file.
      if (composed) edges.push({ edge, points: [] });
      continue;
    }
    const points: Point[] = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((pt) => ({ x: round(pt.x), y: round(pt.y) }));
    const label = routed.labels?.[0];
    const labelCenter = label && edge.label.length ? { x: round((label.x ?? 0) + (label.width ?? 0) / 2), y: round((label.y ?? 0) + (label.height ?? 0) / 2) } : undefined;
    edges.push({ edge, points, labelCenter });
  }
  let right = round(result.width);
  for (const e of edges) for (const p of e.points) right = Math.max(right, p.x + 80);
  return { page, nodes, edges, width: right, height: round(result.height) };
}
