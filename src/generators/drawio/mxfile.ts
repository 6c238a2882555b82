/**
 * Writes laid-out pages as one uncompressed, pretty-printed draw.io file. Every cell id comes from
 * the page builders (model ids), so two runs write identical bytes.
 */
import type { PlacedEdge, PlacedNode, PlacedPage, Point, Rect } from './layout.js';

/** Escapes text for an XML attribute value; line breaks survive as `&#xa;`. */
export function xmlAttr(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r?\n/g, '&#xa;')
    .replace(/\t/g, '&#x9;');
}

const attrs = (list: readonly (readonly [string, string | number | undefined])[]): string =>
  list.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}="${xmlAttr(String(v))}"`).join(' ');

const num = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(3).replace(/0+$/, '').replace(/\.$/, ''));

function vertex(lines: string[], placed: PlacedNode, parent: string, indent: string): void {
  const { node, rect } = placed;
  lines.push(`${indent}<mxCell ${attrs([['id', node.id], ['value', node.label.join('\n')], ['style', node.style], ['vertex', 1], ['parent', parent]])}>`);
  lines.push(`${indent}  <mxGeometry ${attrs([['x', rect.x], ['y', rect.y], ['width', rect.width], ['height', rect.height], ['as', 'geometry']])} />`);
  lines.push(`${indent}</mxCell>`);
  for (const child of placed.children) vertex(lines, child, node.id, indent);
}

/** Where along a polyline (draw.io's relative -1…1) the point nearest `p` lies, and the offset to `p`. */
export function labelAnchor(points: readonly Point[], p: Point): { position: number; offset: Point } {
  const lengths = points.slice(1).map((pt, i) => Math.hypot(pt.x - points[i]!.x, pt.y - points[i]!.y));
  const total = lengths.reduce((a, b) => a + b, 0) || 1;
  let best = { distance: Infinity, along: 0, at: points[0]! };
  let walked = 0;
  lengths.forEach((len, i) => {
    const a = points[i]!;
    const b = points[i + 1]!;
    const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / (len * len)));
    const at = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    const distance = Math.hypot(p.x - at.x, p.y - at.y);
    if (distance < best.distance) best = { distance, along: walked + len * t, at };
    walked += len;
  });
  return { position: Math.round(((best.along / total) * 2 - 1) * 1000) / 1000, offset: { x: Math.round(p.x - best.at.x), y: Math.round(p.y - best.at.y) } };
}

function terminal(rect: Rect, p: Point): [number, number] {
  const rel = (v: number, start: number, size: number) => Math.round(Math.max(0, Math.min(1, size ? (v - start) / size : 0.5)) * 1000) / 1000;
  return [rel(p.x, rect.x, rect.width), rel(p.y, rect.y, rect.height)];
}

function edgeCell(lines: string[], placed: PlacedEdge, parent: string, absById: ReadonlyMap<string, Rect>, indent: string): void {
  const { edge, points } = placed;
  if (!points.length) {
    // Not routed by the layout: draw.io's orthogonal router draws it between the two shapes.
    const style = edge.style.replace('edgeStyle=none;', 'edgeStyle=orthogonalEdgeStyle;');
    lines.push(`${indent}<mxCell ${attrs([['id', edge.id], ['value', edge.label.join('\n')], ['style', style], ['edge', 1], ['parent', parent], ['source', edge.source], ['target', edge.target]])}>`);
    lines.push(`${indent}  <mxGeometry relative="1" as="geometry" />`);
    lines.push(`${indent}</mxCell>`);
    return;
  }
  const start = points[0]!;
  const end = points[points.length - 1]!;
  const [exitX, exitY] = terminal(absById.get(edge.source)!, start);
  const [entryX, entryY] = terminal(absById.get(edge.target)!, end);
  const style = `${edge.style}exitX=${num(exitX)};exitY=${num(exitY)};exitDx=0;exitDy=0;exitPerimeter=0;entryX=${num(entryX)};entryY=${num(entryY)};entryDx=0;entryDy=0;entryPerimeter=0;`;
  const anchor = placed.labelCenter ? labelAnchor(points, placed.labelCenter) : undefined;
  lines.push(`${indent}<mxCell ${attrs([['id', edge.id], ['value', edge.label.join('\n')], ['style', style], ['edge', 1], ['parent', parent], ['source', edge.source], ['target', edge.target]])}>`);
  lines.push(`${indent}  <mxGeometry ${attrs([['x', anchor ? num(anchor.position) : undefined], ['relative', 1], ['as', 'geometry']])}>`);
  const bends = points.slice(1, -1);
  if (bends.length) {
    lines.push(`${indent}    <Array as="points">`);
    for (const b of bends) lines.push(`${indent}      <mxPoint x="${num(b.x)}" y="${num(b.y)}" />`);
    lines.push(`${indent}    </Array>`);
  }
  if (anchor && (anchor.offset.x || anchor.offset.y)) lines.push(`${indent}    <mxPoint x="${num(anchor.offset.x)}" y="${num(anchor.offset.y)}" as="offset" />`);
  lines.push(`${indent}  </mxGeometry>`);
  lines.push(`${indent}</mxCell>`);
}

function diagram(lines: string[], placed: PlacedPage): void {
  const { page } = placed;
  const root = `${page.id}/root`;
  const layer = `${page.id}/layer`;
  const absById = new Map<string, Rect>();
  const collect = (list: readonly PlacedNode[]) => list.forEach((n) => { absById.set(n.node.id, n.abs); collect(n.children); });
  collect(placed.nodes);
  lines.push(`  <diagram ${attrs([['id', page.id], ['name', page.name]])}>`);
  lines.push(`    <mxGraphModel ${attrs([['dx', 0], ['dy', 0], ['grid', 1], ['gridSize', 10], ['guides', 1], ['tooltips', 1], ['connect', 1], ['arrows', 1], ['fold', 1], ['page', 1], ['pageScale', 1], ['pageWidth', Math.max(850, placed.width)], ['pageHeight', Math.max(1100, placed.height)], ['math', 0], ['shadow', 0]])}>`);
  lines.push('      <root>');
  lines.push(`        <mxCell id="${xmlAttr(root)}" />`);
  lines.push(`        <mxCell id="${xmlAttr(layer)}" parent="${xmlAttr(root)}" />`);
  for (const node of placed.nodes) vertex(lines, node, layer, '        ');
  // Edges after every vertex so they are drawn on top of the group backgrounds.
  for (const edge of placed.edges) edgeCell(lines, edge, layer, absById, '        ');
  lines.push('      </root>');
  lines.push('    </mxGraphModel>');
  lines.push('  </diagram>');
}

/** The whole `.drawio` file. */
export function writeMxfile(pages: readonly PlacedPage[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<mxfile ${attrs([['host', 'archgen'], ['agent', 'archgen'], ['version', '14.6.12'], ['type', 'device'], ['compressed', 'false'], ['pages', pages.length]])}>`];
  for (const page of pages) diagram(lines, page);
  lines.push('</mxfile>');
  return `${lines.join('\n')}\n`;
}
