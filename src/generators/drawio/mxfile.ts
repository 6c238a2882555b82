/**
 * Writes laid-out pages as one uncompressed, pretty-printed draw.io file. Every cell id comes from
 * the page builders (model ids), so two runs write identical bytes.
 */
import type { PlacedEdge, PlacedNode, PlacedPage, Point, Rect } from './layout.js';

/**
 * What {@link xmlAttr} rewrites, in one pass: a line break (`\r\n` too, even with stray control
 * characters between the two), a markup character, a tab, or a control character XML forbids.
 */
// eslint-disable-next-line no-control-regex
const SPECIAL = /\r[\u0000-\u0008\u000B\u000C\u000E-\u001F]*\n|[\u0000-\u0008\u000B\u000C\u000E-\u001F&<>"\n\t]/g;
const REPLACEMENT: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#xa;', '\t': '&#x9;' };

/** Escapes text for an XML attribute value; line breaks survive as `&#xa;`, forbidden control characters are dropped. */
export function xmlAttr(value: string): string {
  return value.replace(SPECIAL, (match) => (match.length > 1 ? '&#xa;' : REPLACEMENT[match] ?? ''));
}

const attrs = (list: readonly (readonly [string, string | number | undefined])[]): string =>
  list.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}="${xmlAttr(String(v))}"`).join(' ');

const num = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(3).replace(/0+$/, '').replace(/\.$/, ''));

/**
 * Lines written one after another into a growing UTF-8 buffer: a 5 MB file is never held as
 * tens of thousands of small strings waiting for one join (which the garbage collector would copy).
 */
class TextSink {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;

  /** Appends `line` and a line break. */
  push(line: string): void {
    const needed = this.length + line.length * 3 + 1; // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (needed > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    this.length += this.buffer.write(line, this.length, 'utf8');
    this.buffer[this.length++] = 0x0a;
  }

  /** Everything written so far. */
  text(): string {
    return this.buffer.toString('utf8', 0, this.length);
  }
}

/**
 * Escaped attribute values already written in this file: every icon of a kind shares one style
 * string, and every child names its parent.
 */
class Escaper {
  private readonly done = new Map<string, string>();
  private readonly orthogonalDone = new Map<string, string>();

  /** `value` escaped. */
  attr(value: string): string {
    let escaped = this.done.get(value);
    if (escaped === undefined) this.done.set(value, (escaped = xmlAttr(value)));
    return escaped;
  }

  /** An edge style switched to draw.io's orthogonal router, escaped. */
  orthogonal(style: string): string {
    let escaped = this.orthogonalDone.get(style);
    if (escaped === undefined) this.orthogonalDone.set(style, (escaped = xmlAttr(style.replace('edgeStyle=none;', 'edgeStyle=orthogonalEdgeStyle;'))));
    return escaped;
  }
}

/** Appends a vertex and, after it, its descendants; `parent` is already escaped. */
function vertex(out: TextSink, placed: PlacedNode, parent: string, indent: string, esc: Escaper): void {
  const { node, rect } = placed;
  const id = xmlAttr(node.id);
  out.push(`${indent}<mxCell id="${id}" value="${xmlAttr(node.label.join('\n'))}" style="${esc.attr(node.style)}" vertex="1" parent="${parent}">
${indent}  <mxGeometry x="${rect.x}" y="${rect.y}" width="${rect.width}" height="${rect.height}" as="geometry" />
${indent}</mxCell>`);
  for (const child of placed.children) vertex(out, child, id, indent, esc);
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

/** `id`, `value`, `style`, `edge`, `parent`, `source` and `target` of an edge cell. */
const edgeAttrs = (placed: PlacedEdge, style: string, parent: string): string =>
  `id="${xmlAttr(placed.edge.id)}" value="${xmlAttr(placed.edge.label.join('\n'))}" style="${style}" edge="1" parent="${parent}" source="${xmlAttr(placed.edge.source)}" target="${xmlAttr(placed.edge.target)}"`;

/** Appends an edge; `parent` is already escaped. */
function edgeCell(out: TextSink, placed: PlacedEdge, parent: string, absById: ReadonlyMap<string, Rect>, indent: string, esc: Escaper): void {
  const { edge, points } = placed;
  if (!points.length) {
    // Not routed by the layout: draw.io's orthogonal router draws it between the two shapes.
    out.push(`${indent}<mxCell ${edgeAttrs(placed, esc.orthogonal(edge.style), parent)}>
${indent}  <mxGeometry relative="1" as="geometry" />
${indent}</mxCell>`);
    return;
  }
  const start = points[0]!;
  const end = points[points.length - 1]!;
  const [exitX, exitY] = terminal(absById.get(edge.source)!, start);
  const [entryX, entryY] = terminal(absById.get(edge.target)!, end);
  const style = `${edge.style}exitX=${num(exitX)};exitY=${num(exitY)};exitDx=0;exitDy=0;exitPerimeter=0;entryX=${num(entryX)};entryY=${num(entryY)};entryDx=0;entryDy=0;entryPerimeter=0;`;
  const anchor = placed.labelCenter ? labelAnchor(points, placed.labelCenter) : undefined;
  out.push(`${indent}<mxCell ${edgeAttrs(placed, xmlAttr(style), parent)}>`);
  out.push(`${indent}  <mxGeometry ${anchor ? `x="${num(anchor.position)}" ` : ''}relative="1" as="geometry">`);
  if (points.length > 2) {
    out.push(`${indent}    <Array as="points">`);
    for (let i = 1; i < points.length - 1; i++) out.push(`${indent}      <mxPoint x="${num(points[i]!.x)}" y="${num(points[i]!.y)}" />`);
    out.push(`${indent}    </Array>`);
  }
  if (anchor && (anchor.offset.x || anchor.offset.y)) out.push(`${indent}    <mxPoint x="${num(anchor.offset.x)}" y="${num(anchor.offset.y)}" as="offset" />`);
  out.push(`${indent}  </mxGeometry>
${indent}</mxCell>`);
}

function diagram(out: TextSink, placed: PlacedPage, esc: Escaper): void {
  const { page } = placed;
  const root = xmlAttr(`${page.id}/root`);
  const layer = xmlAttr(`${page.id}/layer`);
  const absById = new Map<string, Rect>();
  const collect = (list: readonly PlacedNode[]) => list.forEach((n) => { absById.set(n.node.id, n.abs); collect(n.children); });
  collect(placed.nodes);
  out.push(`  <diagram ${attrs([['id', page.id], ['name', page.name]])}>`);
  out.push(`    <mxGraphModel ${attrs([['dx', 0], ['dy', 0], ['grid', 1], ['gridSize', 10], ['guides', 1], ['tooltips', 1], ['connect', 1], ['arrows', 1], ['fold', 1], ['page', 1], ['pageScale', 1], ['pageWidth', Math.max(850, placed.width)], ['pageHeight', Math.max(1100, placed.height)], ['math', 0], ['shadow', 0]])}>`);
  out.push('      <root>');
  out.push(`        <mxCell id="${root}" />`);
  out.push(`        <mxCell id="${layer}" parent="${root}" />`);
  for (const node of placed.nodes) vertex(out, node, layer, '        ', esc);
  // Edges after every vertex so they are drawn on top of the group backgrounds.
  for (const edge of placed.edges) edgeCell(out, edge, layer, absById, '        ', esc);
  out.push('      </root>');
  out.push('    </mxGraphModel>');
  out.push('  </diagram>');
}

/**
 * A `.drawio` file written page by page, so each laid-out page can be dropped once written
 * (big models keep only one page's geometry alive at a time).
 */
export class MxfileWriter {
  private readonly out = new TextSink();
  private readonly esc = new Escaper();

  constructor(pageCount: number) {
    this.out.push('<?xml version="1.0" encoding="UTF-8"?>');
    this.out.push(`<mxfile ${attrs([['host', 'archgen'], ['agent', 'archgen'], ['version', '14.6.12'], ['type', 'device'], ['compressed', 'false'], ['pages', pageCount]])}>`);
  }

  /** Appends the next page. */
  page(placed: PlacedPage): void {
    diagram(this.out, placed, this.esc);
  }

  /** The file, once every page is written. */
  end(): string {
    this.out.push('</mxfile>');
    return this.out.text();
  }
}

/** The whole `.drawio` file. */
export function writeMxfile(pages: readonly PlacedPage[]): string {
  const writer = new MxfileWriter(pages.length);
  for (const page of pages) writer.page(page);
  return writer.end();
}
