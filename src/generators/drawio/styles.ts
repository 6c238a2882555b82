/** draw.io style strings built from the shape catalog. Keys are written in a fixed order so output is stable. */
import { GROUP_STYLES, type DrawioIcon, type GroupKind } from '../../catalog/drawio-shapes.js';
import type { Connection } from '../../model/types.js';
import { FONT_SIZE } from './labels.js';

const join = (entries: readonly (readonly [string, string | number])[]): string => `${entries.map(([k, v]) => `${k}=${v}`).join(';')};`;

/** Full `mxgraph.aws4.*` shape name of an icon (what the renderer must resolve). */
export const shapeName = (icon: DrawioIcon): string => (icon.kind === 'resource' ? 'mxgraph.aws4.resourceIcon' : `mxgraph.aws4.${icon.stencil}`);

/** Style strings already built, per icon and font style: big pages draw the same few icons thousands of times. */
const iconStyles = new WeakMap<DrawioIcon, Map<number, string>>();

/** Icon with its label centred below it. */
export function iconStyle(icon: DrawioIcon, options: { fontStyle?: number } = {}): string {
  const fontStyle = options.fontStyle ?? 0;
  let byFont = iconStyles.get(icon);
  if (!byFont) iconStyles.set(icon, (byFont = new Map()));
  let style = byFont.get(fontStyle);
  if (style === undefined) byFont.set(fontStyle, (style = buildIconStyle(icon, fontStyle)));
  return style;
}

function buildIconStyle(icon: DrawioIcon, fontStyle: number): string {
  const shape: [string, string][] = icon.kind === 'resource'
    ? [['shape', 'mxgraph.aws4.resourceIcon'], ['resIcon', `mxgraph.aws4.${icon.stencil}`], ['fillColor', icon.fill], ['gradientColor', icon.gradient ?? 'none'], ['gradientDirection', 'north'], ['strokeColor', '#ffffff']]
    : [['shape', `mxgraph.aws4.${icon.stencil}`], ['fillColor', icon.fill], ['gradientColor', 'none'], ['strokeColor', 'none']];
  return join([
    ...shape,
    ['outlineConnect', 0], ['dashed', 0], ['aspect', 'fixed'], ['html', 0],
    ['verticalLabelPosition', 'bottom'], ['verticalAlign', 'top'], ['align', 'center'],
    ['fontColor', '#232F3E'], ['fontSize', FONT_SIZE], ['fontStyle', fontStyle], ['spacingTop', -2],
  ]);
}

const groupStyles = new Map<GroupKind, string>();

/** An AWS group (cloud, region, VPC, subnet) or a plain group (availability zone, security group). */
export function groupStyle(kind: GroupKind): string {
  let style = groupStyles.get(kind);
  if (style === undefined) groupStyles.set(kind, (style = buildGroupStyle(kind)));
  return style;
}

function buildGroupStyle(kind: GroupKind): string {
  const g = GROUP_STYLES[kind];
  const base: [string, string | number][] = g.icon
    ? [['shape', 'mxgraph.aws4.group'], ['grIcon', `mxgraph.aws4.${g.icon}`], ['grStroke', g.border ? 1 : 0], ['spacingLeft', 30]]
    : [['rounded', 0], ['spacingLeft', 8]];
  return join([
    ...base,
    ['strokeColor', g.stroke], ['fillColor', g.fill], ['fontColor', g.fontColor], ['dashed', g.dashed ? 1 : 0],
    ['container', 1], ['collapsible', 0], ['recursiveResize', 0], ['pointerEvents', 0], ['outlineConnect', 0], ['html', 0],
    ['verticalAlign', 'top'], ['align', 'left'], ['spacingTop', 4], ['fontSize', 12], ['fontStyle', kind === 'az' || kind.endsWith('subnet') ? 0 : 1],
  ]);
}

const EDGE_COLORS: Readonly<Record<Connection['kind'] | 'network' | 'deploy', string>> = {
  request: '#232F3E',
  read: '#147EBA',
  write: '#3334B9',
  replication: '#3334B9',
  control: '#7D8998',
  async: '#7D8998',
  network: '#5A30B5',
  deploy: '#D05C17',
};

const edgeStyles = new Map<keyof typeof EDGE_COLORS, string>();

/** Orthogonal connector; dashed for control, async and replication traffic. */
export function edgeStyle(kind: keyof typeof EDGE_COLORS): string {
  let style = edgeStyles.get(kind);
  if (style === undefined) edgeStyles.set(kind, (style = buildEdgeStyle(kind)));
  return style;
}

function buildEdgeStyle(kind: keyof typeof EDGE_COLORS): string {
  const dashed = kind === 'control' || kind === 'async' || kind === 'replication';
  return join([
    ['edgeStyle', 'none'], ['rounded', 1], ['html', 0], ['endArrow', 'block'], ['endFill', 1], ['endSize', 6],
    ['strokeColor', EDGE_COLORS[kind]], ['strokeWidth', kind === 'request' ? 2 : 1.5], ['dashed', dashed ? 1 : 0],
    ['fontSize', 10], ['fontColor', '#232F3E'], ['labelBackgroundColor', '#ffffff'], ['align', 'center'], ['verticalAlign', 'middle'],
  ]);
}
