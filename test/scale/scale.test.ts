/**
 * Large models (issue 11): the synthetic models validate through the real loader, a 5000-component
 * model goes through every generator (no rendering) and every output parses, the draw.io pages of
 * a 1000-component model have no overlapping siblings, and generation at 1000 is deterministic.
 * Outcomes only: speed is measured by `npm run bench`, not here.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticModel, syntheticModelYaml } from '../../src/bench/synthetic-model.js';
import { generators } from '../../src/generators/index.js';
import type { GeneratedFile } from '../../src/generators/types.js';
import { loadModelFromBytes } from '../../src/load/load-model.js';
import type { ArchitectureModel, ComponentType } from '../../src/model/types.js';
import { loadInputs } from '../../src/pipeline/project.js';
import { parseDrawio, type Cell } from '../drawio/helpers.js';

const root = process.cwd();
const LONG = 900_000;
const ALL_TYPES: readonly ComponentType[] = [
  'client', 'dns', 'load-balancer', 'container-service', 'database', 'cache', 'secret', 'container-registry',
  'log-group', 'pipeline', 'api-gateway', 'function', 'nosql-table', 'kubernetes-cluster', 'monitoring', 'notification-topic',
];

let inputs: ReadonlyMap<string, string>;
beforeAll(async () => {
  inputs = await loadInputs(root, generators);
});

async function generateAll(model: ArchitectureModel): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const generator of generators) {
    files.push(...await generator.generate(model, { models: [model], inputs }));
    // Let the test runner's messages through between long synchronous generators.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return files;
}

const text = (file: GeneratedFile): string => (typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content));

describe('synthetic models', () => {
  it.each([10, 100, 1000])('%i components load through the real loader without errors', (n) => {
    const result = loadModelFromBytes(`model/synthetic-${n}.yaml`, new TextEncoder().encode(syntheticModelYaml(n)));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const env = result.model!.environments[result.model!.defaultEnvironment]!;
    expect(env.components).toHaveLength(n);
  });

  it('grows networks, security groups and flows with the components, and uses every component type', () => {
    const small = syntheticModel(100).environments.prod!;
    const big = syntheticModel(1000).environments.prod!;
    expect(new Set(small.components.map((c) => c.type))).toEqual(new Set(ALL_TYPES));
    expect(big.network.subnets.length).toBeGreaterThan(5 * small.network.subnets.length);
    expect(big.securityGroups.length).toBeGreaterThan(8 * small.securityGroups.length);
    expect(big.connections.length).toBeGreaterThan(8 * small.connections.length);
    // Security-group rules reference other groups, not only CIDR blocks.
    expect(big.securityGroups.flatMap((g) => g.ingress).filter((r) => r.peer.kind === 'security-group').length).toBeGreaterThan(big.securityGroups.length / 2);
  });

  it('is deterministic', () => {
    expect(syntheticModelYaml(1000)).toBe(syntheticModelYaml(1000));
  });
});

function expectEveryOutputParses(model: ArchitectureModel, files: readonly GeneratedFile[]): void {
    const kinds = new Set(files.map((f) => f.path.split('.').pop()));
    for (const kind of ['drawio', 'json', 'sarif', 'csv', 'md', 'html', 'mmd']) expect(kinds, kind).toContain(kind);
    for (const file of files) {
      const body = text(file);
      expect(body.length, file.path).toBeGreaterThan(0);
      if (file.path.endsWith('.json') || file.path.endsWith('.sarif')) expect(() => JSON.parse(body), file.path).not.toThrow();
      if (file.path.endsWith('.csv')) expect(() => parseCsv(body, { relax_column_count: false }), file.path).not.toThrow();
      if (file.path.endsWith('.drawio') || file.path.endsWith('.svg')) expect(XMLValidator.validate(body), file.path).toBe(true);
    }
    // The security reports list the matrix's non-empty cells rather than a grid of millions of cells.
    const report = text(files.find((f) => f.path.endsWith('/security/prod/report.md'))!);
    const groups = model.environments.prod!.securityGroups.length;
    expect(report).toContain(`and ${groups} security groups, too many for a grid`);
    expect(report.length).toBeLessThan(50 * 1024 * 1024);
}

/**
 * Under vitest's transform the 5000-component run takes many minutes on a 2-core machine, so CI
 * runs the same checks on 1000 components (below) and this one on request:
 * `ARCHGEN_SCALE_5000=1 npx vitest run test/scale`. `npm run bench scale` times 5000 on every run.
 */
describe.runIf(process.env.ARCHGEN_SCALE_5000 === '1')('a 5000-component model', () => {
  it('generates every artifact without error, and every output parses', async () => {
    const model = syntheticModel(5000);
    expect(model.environments.prod!.components).toHaveLength(5000);
    expectEveryOutputParses(model, await generateAll(model));
  }, LONG);
});

describe('a 1000-component model', () => {
  let model: ArchitectureModel;
  let first: GeneratedFile[];
  beforeAll(async () => {
    model = syntheticModel(1000);
    first = await generateAll(model);
  }, LONG);

  it('generates every artifact, and every output parses', () => {
    expectEveryOutputParses(model, first);
  });

  it('draws no two sibling shapes of a draw.io page on top of each other', () => {
    const xml = text(first.find((f) => f.path.endsWith('.drawio'))!);
    const pages = parseDrawio(xml);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) {
      const byParent = new Map<string, Cell[]>();
      for (const cell of page.cells) {
        if (!cell.vertex || !cell.geometry) continue;
        const list = byParent.get(cell.parent ?? '') ?? [];
        list.push(cell);
        byParent.set(cell.parent ?? '', list);
      }
      const overlapping: string[] = [];
      for (const siblings of byParent.values()) {
        for (let i = 0; i < siblings.length; i++) {
          for (let j = i + 1; j < siblings.length; j++) {
            const a = siblings[i]!.geometry!;
            const b = siblings[j]!.geometry!;
            if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) overlapping.push(`${siblings[i]!.id} × ${siblings[j]!.id}`);
          }
        }
      }
      expect(overlapping, page.id).toEqual([]);
      // Every component of the page's environment is drawn.
      if (page.id === 'architecture') {
        for (const c of model.environments.prod!.components) expect(page.cells.some((cell) => cell.id === `architecture/c/${c.id}` || cell.id.startsWith(`architecture/m/${c.id}/`)), c.id).toBe(true);
      }
    }
  });

  it('generates the same bytes twice', async () => {
    const second = await generateAll(syntheticModel(1000));
    expect(second.map((f) => f.path)).toEqual(first.map((f) => f.path));
    second.forEach((file, i) => expect(text(file) === text(first[i]!), file.path).toBe(true));
  }, LONG);
});
