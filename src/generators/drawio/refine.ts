/**
 * Touches ELK cannot make: stacked availability zones (and same-tier subnets) share one width, and
 * replication edges between zones run in a free channel beside both ends.
 */
import type { DiagramEdge, DiagramPage } from './diagram.js';
import { labelSize } from './labels.js';
import { Obstacles } from './obstacles.js';

export interface Point { readonly x: number; readonly y: number }
export interface Rect { x: number; y: number; width: number; height: number }

export interface MutableNode {
  readonly node: DiagramPage['nodes'][number];
  rect: Rect;
  abs: Rect;
  readonly children: MutableNode[];
}

const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Stretches groups with the same `align` key to their common extent across the flow, where room allows. */
export function alignGroups(roots: MutableNode[], direction: DiagramPage['direction']): void {
  const horizontal = direction === 'RIGHT' || direction === 'LEFT';
  const parentOf = new Map<MutableNode, MutableNode | undefined>();
  const byKey = new Map<string, MutableNode[]>();
  const depthOf = new Map<string, number>();
  const visit = (list: MutableNode[], parent: MutableNode | undefined, depth: number) => list.forEach((n) => {
    parentOf.set(n, parent);
    if (n.node.align) {
      byKey.set(n.node.align, [...(byKey.get(n.node.align) ?? []), n]);
      depthOf.set(n.node.align, Math.min(depthOf.get(n.node.align) ?? depth, depth));
    }
    visit(n.children, n, depth + 1);
  });
  visit(roots, undefined, 0);
  const keys = [...byKey.keys()].sort((a, b) => depthOf.get(a)! - depthOf.get(b)! || a.localeCompare(b));
  for (const key of keys) {
    const group = byKey.get(key)!;
    if (group.length < 2) continue;
    const lo = Math.min(...group.map((n) => (horizontal ? n.abs.x : n.abs.y)));
    const hi = Math.max(...group.map((n) => (horizontal ? n.abs.x + n.abs.width : n.abs.y + n.abs.height)));
    for (const n of group) {
      const parent = parentOf.get(n);
      const siblings = parent ? parent.children : roots;
      const pad = parent?.node.padding?.side ?? 0;
      const wanted: Rect = horizontal ? { x: lo, y: n.abs.y, width: hi - lo, height: n.abs.height } : { x: n.abs.x, y: lo, width: n.abs.width, height: hi - lo };
      const inside = !parent || (wanted.x >= parent.abs.x + pad && wanted.y >= parent.abs.y && wanted.x + wanted.width <= parent.abs.x + parent.abs.width - pad && wanted.y + wanted.height <= parent.abs.y + parent.abs.height - pad);
      if (!inside || siblings.some((s) => s !== n && overlaps(wanted, s.abs))) continue;
      const dx = n.abs.x - wanted.x;
      const dy = n.abs.y - wanted.y;
      n.rect = { x: n.rect.x - dx, y: n.rect.y - dy, width: wanted.width, height: wanted.height };
      n.abs = wanted;
      for (const child of n.children) child.rect = { ...child.rect, x: child.rect.x + dx, y: child.rect.y + dy };
    }
  }
}

/** Icon and label boxes: what a hand-routed edge must not cross. */
export function obstacles(roots: readonly MutableNode[]): Obstacles {
  const out = new Obstacles();
  const visit = (list: readonly MutableNode[]) => list.forEach((n) => {
    if (n.node.kind === 'note') out.add(n.abs);
    if (n.node.kind === 'icon') {
      const size = labelSize(n.node.label);
      out.add(n.abs);
      out.add({ x: n.abs.x + n.abs.width / 2 - size.width / 2, y: n.abs.y + n.abs.height, width: size.width, height: size.height + 2 });
    }
    visit(n.children);
  });
  visit(roots);
  return out;
}

/**
 * A route beside both ends in the first channel free of icons, labels and earlier routes: "]"-shaped
 * to the right when the flow is horizontal (ends stacked), "U"-shaped below when it is vertical.
 */
export function sideRoute(edge: DiagramEdge, s: Rect, t: Rect, blocked: Obstacles, direction: DiagramPage['direction'] = 'RIGHT'): { points: Point[]; labelCenter?: Point } {
  if (direction === 'DOWN' || direction === 'UP') return underRoute(edge, s, t, blocked);
  const sy = Math.round(s.y + s.height / 2);
  const ty = Math.round(t.y + t.height / 2);
  const band = { top: Math.min(sy, ty) - 8, bottom: Math.max(sy, ty) + 8 };
  const label = edge.label.length ? labelSize(edge.label) : { width: 0, height: 0 };
  const x = blocked.firstFreeChannel('x', band.top, band.bottom, Math.max(s.x + s.width, t.x + t.width) + 16, 8, label.width, 14);
  const points = [{ x: Math.round(s.x + s.width), y: sy }, { x, y: sy }, { x, y: ty }, { x: Math.round(t.x + t.width), y: ty }];
  blocked.add({ x: x - 2, y: band.top, width: 4, height: band.bottom - band.top });
  const labelCenter = edge.label.length ? { x: Math.round(x + 4 + label.width / 2), y: Math.round((sy + ty) / 2) } : undefined;
  if (labelCenter) blocked.add({ x: x, y: labelCenter.y - label.height / 2, width: label.width + 4, height: label.height });
  return { points, labelCenter };
}

/** "U"-shaped route below two nodes placed side by side (vertical flows). */
function underRoute(edge: DiagramEdge, s: Rect, t: Rect, blocked: Obstacles): { points: Point[]; labelCenter?: Point } {
  const [left, right] = s.x <= t.x ? [s, t] : [t, s];
  // Wide labels hang below the icons: go around them, out of the icons' outer sides.
  const half = (r: Rect) => Math.max(r.width, 150) / 2;
  const leftX = Math.round(left.x + left.width / 2 - half(left) - 10);
  const rightX = Math.round(right.x + right.width / 2 + half(right) + 10);
  const band = { left: leftX - 8, right: rightX + 8 };
  const label = edge.label.length ? labelSize(edge.label) : { width: 0, height: 0 };
  const y = blocked.firstFreeChannel('y', band.left, band.right, Math.round(Math.max(s.y + s.height, t.y + t.height) + 12), 8, label.height, 10);
  const ly = Math.round(left.y + left.height / 2);
  const ry = Math.round(right.y + right.height / 2);
  const path = [{ x: Math.round(left.x), y: ly }, { x: leftX, y: ly }, { x: leftX, y }, { x: rightX, y }, { x: rightX, y: ry }, { x: Math.round(right.x + right.width), y: ry }];
  const points = left === s ? path : path.reverse();
  blocked.add({ x: band.left, y: y - 2, width: band.right - band.left, height: 4 });
  const labelCenter = edge.label.length ? { x: Math.round((leftX + rightX) / 2), y: Math.round(y + 4 + label.height / 2) } : undefined;
  if (labelCenter) blocked.add({ x: labelCenter.x - label.width / 2, y, width: label.width, height: label.height + 4 });
  return { points, labelCenter };
}
