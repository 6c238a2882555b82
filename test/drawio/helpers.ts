/** Parsing helpers for the draw.io tests: the `.drawio` XML read back with a real XML parser. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface Cell {
  readonly id: string;
  readonly value: string;
  readonly style: string;
  readonly parent?: string;
  readonly source?: string;
  readonly target?: string;
  readonly vertex: boolean;
  readonly edge: boolean;
  readonly geometry?: { x: number; y: number; width: number; height: number };
}

export interface Page {
  readonly id: string;
  readonly name: string;
  readonly cells: readonly Cell[];
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['diagram', 'mxCell', 'mxPoint'].includes(name), processEntities: true, htmlEntities: true });

/** Parses a `.drawio` file; throws if it is not well-formed XML. */
export function parseDrawio(xml: string): Page[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`);
  const doc = parser.parse(xml);
  return doc.mxfile.diagram.map((d: any) => ({ // eslint-disable-line @typescript-eslint/no-explicit-any
    id: d.id,
    name: d.name,
    cells: d.mxGraphModel.root.mxCell.map((c: any) => ({ // eslint-disable-line @typescript-eslint/no-explicit-any
      id: c.id,
      value: c.value ?? '',
      style: c.style ?? '',
      parent: c.parent,
      source: c.source,
      target: c.target,
      vertex: c.vertex === '1',
      edge: c.edge === '1',
      geometry: c.mxGeometry && c.vertex === '1'
        ? { x: Number(c.mxGeometry.x ?? 0), y: Number(c.mxGeometry.y ?? 0), width: Number(c.mxGeometry.width), height: Number(c.mxGeometry.height) }
        : undefined,
    })),
  }));
}

/** `key=value` pairs of a draw.io style string. */
export function styleOf(cell: Cell): Record<string, string> {
  return Object.fromEntries(cell.style.split(';').filter((p) => p.includes('=')).map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
}

/** The aws4 stencil a cell draws: `resIcon` of resource icons, else the shape itself. */
export function drawnShape(cell: Cell): string | undefined {
  const style = styleOf(cell);
  return style.shape === 'mxgraph.aws4.resourceIcon' ? style.resIcon : style.shape;
}
