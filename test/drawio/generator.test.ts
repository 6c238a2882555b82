import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawioXml } from '../../src/generators/drawio/index.js';
import { loadModelFromBytes, loadModelOrThrow } from '../../src/load/load-model.js';
import type { ArchitectureModel, ComponentType } from '../../src/model/types.js';
import { drawnShape, parseDrawio, styleOf, type Cell, type Page } from './helpers.js';

/** The shape the issue asks for, per component type (AWS 2021 icons). */
const EXPECTED_SHAPE: Readonly<Record<ComponentType, string>> = {
  'client': 'mxgraph.aws4.users',
  'dns': 'mxgraph.aws4.route_53',
  'load-balancer': 'mxgraph.aws4.application_load_balancer',
  'container-service': 'mxgraph.aws4.fargate',
  'database': 'mxgraph.aws4.aurora',
  'cache': 'mxgraph.aws4.elasticache_for_redis',
  'secret': 'mxgraph.aws4.secrets_manager',
  'container-registry': 'mxgraph.aws4.ecr',
  'log-group': 'mxgraph.aws4.logs',
  'pipeline': 'mxgraph.aws4.codepipeline',
  'api-gateway': 'mxgraph.aws4.api_gateway',
  'function': 'mxgraph.aws4.lambda',
  'nosql-table': 'mxgraph.aws4.dynamodb',
  'kubernetes-cluster': 'mxgraph.aws4.eks',
  'monitoring': 'mxgraph.aws4.cloudwatch_2',
  'notification-topic': 'mxgraph.aws4.sns',
};

const vertices = (page: Page) => page.cells.filter((c) => c.vertex);
const byId = (page: Page) => new Map(page.cells.map((c) => [c.id, c]));

function checkGeometry(page: Page): string[] {
  const problems: string[] = [];
  const cells = byId(page);
  const list = vertices(page);
  for (const cell of list) {
    const g = cell.geometry!;
    const parent = cells.get(cell.parent!);
    if (parent?.vertex) {
      const p = parent.geometry!;
      if (g.x < 0 || g.y < 0 || g.x + g.width > p.width || g.y + g.height > p.height) problems.push(`${cell.id} sticks out of ${parent.id}`);
    }
  }
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!;
      const b = list[j]!;
      if (a.parent !== b.parent) continue;
      const ga = a.geometry!;
      const gb = b.geometry!;
      if (ga.x < gb.x + gb.width && gb.x < ga.x + ga.width && ga.y < gb.y + gb.height && gb.y < ga.y + ga.height) problems.push(`${a.id} overlaps ${b.id}`);
    }
  }
  return problems;
}

/** Centre of a vertex in page coordinates. */
function centre(page: Page, id: string): { x: number; y: number } {
  const cells = byId(page);
  let cell: Cell | undefined = cells.get(id);
  const g = cell!.geometry!;
  let x = g.x + g.width / 2;
  let y = g.y + g.height / 2;
  while ((cell = cells.get(cell!.parent!)) && cell.vertex) {
    x += cell.geometry!.x;
    y += cell.geometry!.y;
  }
  return { x, y };
}

describe('drawio generator on the seed model', () => {
  let model: ArchitectureModel;
  let xml: string;
  let pages: Page[];
  beforeAll(async () => {
    model = await loadModelOrThrow('model/point-system.yaml');
    xml = await drawioXml(model);
    pages = parseDrawio(xml);
  });

  it('writes an uncompressed, pretty-printed mxfile with the four views and a dev Architecture page', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<mxfile ')).toBe(true);
    expect(xml).toContain('compressed="false"');
    expect(xml.split('\n').length).toBeGreaterThan(200);
    expect(pages.map((p) => p.name)).toEqual(['Architecture', 'Architecture (dev)', 'Network', 'Network (dev)', 'Security groups', 'CI/CD']);
  });

  it('draws every component exactly once on each Architecture page, with its AWS shape', () => {
    for (const page of pages.filter((p) => p.id.startsWith('architecture'))) {
      const env = model.environments[page.id === 'architecture' ? 'prod' : page.id.replace('architecture-', '')]!;
      for (const c of env.components) {
        const main = page.cells.filter((cell) => cell.id === `${page.id}/c/${c.id}`);
        expect(main, `${page.id}: ${c.id}`).toHaveLength(1);
        expect(drawnShape(main[0]!), `${page.id}: ${c.id}`).toBe(EXPECTED_SHAPE[c.type]);
      }
    }
  });

  it('nests the groups AWS Cloud → Region → VPC → Availability Zone → subnet', () => {
    const page = pages[0]!;
    const cells = byId(page);
    const chain: string[] = [];
    for (let cell = cells.get('architecture/c/points-cache'); cell?.vertex; cell = cells.get(cell.parent!)) chain.push(styleOf(cell).grIcon ?? cell.value.split(' ')[0]!);
    expect(chain.slice(1)).toEqual(['mxgraph.aws4.group_security_group', 'Availability', 'mxgraph.aws4.group_vpc', 'mxgraph.aws4.group_region', 'mxgraph.aws4.group_aws_cloud_alt']);
    expect(cells.get('architecture/g/subnet/private-a')!.value).toContain('10.0.10.0/24');
  });

  it('draws Fargate tasks in each zone, and the reader only where it exists', () => {
    const prod = pages.find((p) => p.id === 'architecture')!;
    const dev = pages.find((p) => p.id === 'architecture-dev')!;
    expect(byId(prod).get('architecture/m/points-api/tasks-private-c')?.parent).toBe('architecture/g/subnet/private-c');
    expect(byId(prod).get('architecture/m/points-db/reader-private-c')?.value).toContain('Reader');
    expect(dev.cells.some((c) => c.id.includes('reader'))).toBe(false);
    expect(prod.cells.filter((c) => c.id.includes('/n/nat-'))).toHaveLength(2);
    expect(pages.find((p) => p.id === 'network-dev')!.cells.filter((c) => c.id.includes('/n/nat-'))).toHaveLength(1);
  });

  it('labels edges with protocol:port and purpose', () => {
    const edges = pages[0]!.cells.filter((c) => c.edge);
    expect(edges.find((e) => e.id === 'architecture/e/api-db-read')!.value).toBe('PostgreSQL :5432\nread → replica (cache miss)');
    expect(edges.find((e) => e.id === 'architecture/e/api-db-read')!.target).toBe('architecture/m/points-db/reader-private-c');
    const sg = pages.find((p) => p.id === 'security-groups')!.cells.filter((c) => c.edge);
    expect(sg.map((e) => e.value.split('\n')[0]).sort()).toEqual(['TCP :443', 'TCP :5432', 'TCP :6379', 'TCP :8080']);
  });

  it('every edge joins two cells of its own page', () => {
    for (const page of pages) {
      const cells = byId(page);
      for (const edge of page.cells.filter((c) => c.edge)) {
        expect(cells.get(edge.source!)?.vertex, `${edge.id} source`).toBe(true);
        expect(cells.get(edge.target!)?.vertex, `${edge.id} target`).toBe(true);
      }
    }
  });

  it('keeps children inside their parents and siblings apart', () => {
    for (const page of pages) expect(checkGeometry(page), page.id).toEqual([]);
  });

  it('uses unique ids derived from model ids, identical on every run', async () => {
    const ids = pages.flatMap((p) => p.cells.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('architecture/c/points-alb');
    expect(await drawioXml(model)).toBe(xml);
  });

  it('follows the CI/CD stages the model declares', () => {
    const cicd = pages.find((p) => p.id === 'cicd')!;
    const edges = cicd.cells.filter((c) => c.edge).map((e) => `${e.source} → ${e.target}`);
    expect(edges).toContain('cicd/s/points-pipeline/source → cicd/s/points-pipeline/pipeline');
    expect(edges).toContain('cicd/s/points-pipeline/build → cicd/c/points-ecr');
    expect(edges).toContain('cicd/s/points-pipeline/deploy → cicd/c/points-api');
    expect(byId(cicd).get('cicd/m/points-api/green')?.value).toContain('Green');
  });
});

describe('drawio generator options and other models', () => {
  it('honours the layout direction of the model', async () => {
    const text = readFileSync('model/point-system.yaml', 'utf8');
    const right = parseDrawio(await drawioXml(loadModelFromBytes('model/point-system.yaml', new TextEncoder().encode(text)).model!))[0]!;
    const downModel = loadModelFromBytes('model/point-system.yaml', new TextEncoder().encode(text.replace('direction: RIGHT', 'direction: DOWN'))).model!;
    const down = parseDrawio(await drawioXml(downModel))[0]!;
    const flow = (page: Page) => {
      const alb = centre(page, 'architecture/c/points-alb');
      const api = centre(page, 'architecture/c/points-api');
      return { dx: api.x - alb.x, dy: api.y - alb.y };
    };
    expect(flow(right).dx).toBeGreaterThan(Math.abs(flow(right).dy));
    expect(flow(down).dy).toBeGreaterThan(Math.abs(flow(down).dx));
    expect(checkGeometry(down)).toEqual([]);
  });

  it.each(['model/point-system-serverless.yaml', 'model/point-system-eks.yaml'])('draws every component of %s with its shape', async (file) => {
    const model = await loadModelOrThrow(file);
    const pages = parseDrawio(await drawioXml(model));
    const page = pages[0]!;
    for (const c of model.environments[model.defaultEnvironment]!.components) {
      const main = page.cells.filter((cell) => cell.id === `architecture/c/${c.id}`);
      expect(main, c.id).toHaveLength(1);
      expect(drawnShape(main[0]!), c.id).toBe(EXPECTED_SHAPE[c.type]);
    }
    for (const p of pages) expect(checkGeometry(p), `${file} ${p.id}`).toEqual([]);
  });
});
