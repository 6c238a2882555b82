/** Constructors for diagram nodes: component icons, auxiliary icons and groups. */
import { COMPONENT_ICONS, COMPONENT_VARIANTS, type DrawioIcon, type GroupKind } from '../../catalog/drawio-shapes.js';
import type { Component } from '../../model/types.js';
import type { DiagramNode } from './diagram.js';
import { labelSize, text, wrapAll } from './labels.js';
import { groupStyle, iconStyle } from './styles.js';

/** The icon of a component: its type's icon, or the variant for its engine / launch type / store. */
export function componentIcon(c: Component): DrawioIcon {
  let icon = iconOf.get(c);
  if (!icon) iconOf.set(c, (icon = lookUpIcon(c)));
  return icon;
}

/** Icons already looked up, per (immutable) model component: big pages draw each several times. */
const iconOf = new WeakMap<Component, DrawioIcon>();

function lookUpIcon(c: Component): DrawioIcon {
  const variant =
    c.type === 'container-service' ? c.launchType
    : c.type === 'database' ? (c.engine.startsWith('aurora') ? undefined : c.engine)
    : c.type === 'cache' ? c.engine
    : c.type === 'secret' ? c.store
    : undefined;
  return (variant && COMPONENT_VARIANTS[`${c.type}:${variant}`]) || COMPONENT_ICONS[c.type];
}

export function iconNode(id: string, icon: DrawioIcon, label: readonly string[], component?: string): DiagramNode {
  return { id, kind: 'icon', label: wrapAll(label), style: iconStyle(icon, { fontStyle: 0 }), width: icon.width, height: icon.height, children: [], component };
}

/** A component's node: its name, then the detail lines. */
export function componentNode(id: string, c: Component, detail: readonly string[], main: boolean): DiagramNode {
  return iconNode(id, componentIcon(c), [text(c.name), ...detail], main ? c.id : undefined);
}

const PADDING: Readonly<Record<GroupKind, { top: number; side: number }>> = {
  'cloud': { top: 44, side: 24 },
  'region': { top: 44, side: 24 },
  'vpc': { top: 44, side: 24 },
  'az': { top: 36, side: 18 },
  'public-subnet': { top: 40, side: 22 },
  'private-subnet': { top: 40, side: 22 },
  'isolated-subnet': { top: 40, side: 22 },
  'security-group': { top: 50, side: 22 },
  'generic': { top: 40, side: 22 },
};

export function groupNode(id: string, kind: GroupKind, label: readonly string[], children: DiagramNode[], order?: number, align?: string): DiagramNode {
  const padding = PADDING[kind];
  const lines = label.length;
  return { id, kind: 'group', label, style: groupStyle(kind), width: 0, height: 0, children, padding: { top: padding.top + Math.max(0, lines - 1) * 15, side: padding.side }, order, align };
}

/** A text box (e.g. "the model declares no pipeline"). */
export function noteNode(id: string, label: readonly string[]): DiagramNode {
  const lines = wrapAll(label, 48);
  const size = labelSize(lines);
  return { id, kind: 'note', label: lines, style: 'text;html=0;align=left;verticalAlign=top;spacing=6;fontSize=11;fontColor=#232F3E;strokeColor=#AAB7B8;fillColor=#F8F9F9;', width: size.width + 16, height: size.height + 12, children: [] };
}
