/**
 * A small writer for Mermaid flowcharts: nodes, nested subgraphs, edges with styles by kind,
 * and the classDef/class/linkStyle lines they need, emitted in a stable order.
 */
import type { Shape } from './catalog.js';
import { quoted } from './escape.js';
import { shape } from './catalog.js';

export type Direction = 'LR' | 'RL' | 'TB' | 'BT';

export type EdgeLine = 'solid' | 'thick' | 'dotted' | 'both';

const ARROW: Readonly<Record<EdgeLine, string>> = { solid: '-->', thick: '==>', dotted: '-.->', both: '<-->' };

export class Flowchart {
  private readonly body: string[] = [];
  private depth = 1;
  private edges = 0;
  private readonly linkStyles = new Map<string, number[]>();
  private readonly classMembers = new Map<string, string[]>();
  private readonly classDefs = new Map<string, string>();

  constructor(private readonly direction: Direction) {}

  /** Declares a node; `label` is already escaped (see `mermaidLines`). */
  node(id: string, kind: Shape, label: string, className?: string): this {
    this.line(`${id}${shape(kind, quoted(label))}`);
    if (className) this.addClass(className, id);
    return this;
  }

  /** Opens a subgraph; close it with {@link Flowchart.end}. */
  subgraph(id: string, title: string, className?: string, direction?: Direction): this {
    this.line(`subgraph ${id}[${quoted(title)}]`);
    this.depth++;
    if (direction) this.line(`direction ${direction}`);
    if (className) this.addClass(className, id);
    return this;
  }

  end(): this {
    this.depth--;
    this.line('end');
    return this;
  }

  /** An edge; `label` is already escaped. `linkStyle` groups edges that share a stroke style. */
  edge(from: string, to: string, options: { line?: EdgeLine; label?: string; linkStyle?: string } = {}): this {
    const arrow = ARROW[options.line ?? 'solid'];
    this.line(options.label ? `${from} ${arrow}|${quoted(options.label)}| ${to}` : `${from} ${arrow} ${to}`);
    if (options.linkStyle) {
      const list = this.linkStyles.get(options.linkStyle) ?? [];
      list.push(this.edges);
      this.linkStyles.set(options.linkStyle, list);
    }
    this.edges++;
    return this;
  }

  /** Defines a class once; members are attached with `node(…, className)` or `subgraph(…, className)`. */
  defineClass(name: string, style: string): this {
    this.classDefs.set(name, style);
    return this;
  }

  get edgeCount(): number {
    return this.edges;
  }

  /** The complete flowchart source (front matter is added by the caller). */
  toString(): string {
    const out: string[] = [`flowchart ${this.direction}`, ...this.body];
    for (const [name, style] of [...this.classDefs].sort(([a], [b]) => a.localeCompare(b))) {
      if (this.classMembers.has(name)) out.push(`  classDef ${name} ${style}`);
    }
    for (const [name, members] of [...this.classMembers].sort(([a], [b]) => a.localeCompare(b))) {
      out.push(`  class ${members.join(',')} ${name}`);
    }
    for (const [style, indices] of this.linkStyles) out.push(`  linkStyle ${indices.join(',')} ${style}`);
    return `${out.join('\n')}\n`;
  }

  private addClass(name: string, id: string): void {
    const list = this.classMembers.get(name) ?? [];
    list.push(id);
    this.classMembers.set(name, list);
  }

  private line(text: string): void {
    this.body.push(`${'  '.repeat(this.depth)}${text}`);
  }
}
