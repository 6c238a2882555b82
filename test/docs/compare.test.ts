/**
 * `archgen compare` and the compare generator: costs agree with the cost estimator, operational
 * rows follow the models' own fields, and the CLI prints Markdown or JSON.
 */
import { lint } from 'markdownlint/promise';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareModels, renderComparison } from '../../src/compare/index.js';
import { estimateCost } from '../../src/cost/estimator.js';
import { parseSnapshot, snapshotPath } from '../../src/cost/snapshot.js';
import { compareGenerator } from '../../src/generators/compare.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { runBuiltCli } from '../foundation/helpers.js';
import { docInputs, LINT_CONFIG, projectModels, ROOT, seedVariant } from './helpers.js';

let models: ArchitectureModel[];
let inputs: Map<string, string>;
const byId = (id: string) => models.find((m) => m.id === id)!;

beforeAll(async () => {
  models = await projectModels();
  inputs = await docInputs();
});

describe('comparison', () => {
  it('prices each model with the cost estimator and names the cheapest and the costliest', () => {
    const comparison = compareModels(models, inputs);
    const totals = models.map((m) => {
      const region = m.environments[m.defaultEnvironment]!.metadata.region;
      return { id: m.id, total: estimateCost(m, m.defaultEnvironment, parseSnapshot(inputs.get(snapshotPath(region))!)).total };
    });
    expect(comparison.models.map((m) => ({ id: m.id, total: m.cost }))).toEqual(totals);
    const sorted = [...totals].sort((a, b) => a.total.expected - b.total.expected);
    expect(comparison.cheapest).toBe(sorted[0]!.id);
    expect(comparison.costliest).toBe(sorted[sorted.length - 1]!.id);
  });

  it('reads the operational trade-offs from the models', () => {
    const [seed, serverless, eks] = compareModels([byId('point-system'), byId('point-system-serverless'), byId('point-system-eks')], inputs).models;
    const env = (id: string) => byId(id).environments.prod!;
    const api = env('point-system').components.find((c) => c.type === 'container-service')!;
    expect(seed!.operations.alwaysOn.tasks).toBe(api.type === 'container-service' ? api.minTasks : -1);
    expect(seed!.operations.coldStartFunctions).toBe(0);
    const fn = env('point-system-serverless').components.find((c) => c.type === 'function')!;
    expect(serverless!.operations.functionTimeoutSeconds).toBe(fn.type === 'function' ? fn.timeoutSeconds : -1);
    expect(serverless!.operations.coldStartFunctions).toBe(1);
    expect(serverless!.operations.alwaysOn).toEqual({ tasks: 0, nodes: 0, databaseInstances: 0, cacheNodes: 0, natGateways: 0 });
    const cluster = env('point-system-eks').components.find((c) => c.type === 'kubernetes-cluster')!;
    expect(eks!.operations.clustersToUpgrade).toEqual([`EKS ${cluster.type === 'kubernetes-cluster' ? cluster.version : ''}`]);
    expect(eks!.operations.alwaysOn.nodes).toBe(cluster.type === 'kubernetes-cluster' ? cluster.nodeGroups.reduce((n, g) => n + g.min, 0) : -1);
  });

  it('changes when a model changes', () => {
    const bigger = seedVariant('bigger', (yaml) => yaml.replace('    minTasks: 2\n    desiredTasks: 2', '    minTasks: 4\n    desiredTasks: 4'));
    const [base, changed] = compareModels([byId('point-system'), bigger], inputs).models;
    expect(changed!.operations.alwaysOn.tasks).toBe(4);
    expect(changed!.cost!.min).toBeGreaterThan(base!.cost!.min);
  });

  it('writes output/compare.md and compare.en.md that pass markdownlint', async () => {
    const files = await compareGenerator.generateProject!({ models, inputs });
    expect(files.map((f) => f.path)).toEqual(['output/compare.md', 'output/compare.en.md']);
    const strings = Object.fromEntries(files.map((f) => [f.path, String(f.content)]));
    expect((await lint({ strings, config: LINT_CONFIG })).toString()).toBe('');
    expect(strings['output/compare.md']).toContain('(point-system-serverless/architecture.ko.md)');
    expect(strings['output/compare.en.md']).toContain('## 3. Operational trade-offs');
  });

  it('renders in the order the models are given', () => {
    const md = renderComparison(compareModels([byId('point-system-eks'), byId('point-system')], inputs), inputs, 'en');
    const header = md.split('\n').find((l) => l.startsWith('| Item |'))!;
    expect(header).toBe('| Item | Free point system (EKS) | Free point system |');
  });
});

describe('archgen compare', () => {
  it('prints the three architectures side by side', () => {
    const result = runBuiltCli(['compare', 'model/point-system.yaml', 'model/point-system-serverless.yaml', 'model/point-system-eks.yaml'], { cwd: ROOT });
    // Model warnings (e.g. an instance class the price list lacks) may appear; errors may not.
    expect(result.stderr).not.toMatch(/\berror\b/);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('| 항목 | 무료 포인트 시스템 | 무료 포인트 시스템 (서버리스) | 무료 포인트 시스템 (EKS) |');
    expect(result.stdout).toContain('[model/point-system-eks.yaml](output/point-system-eks/architecture.ko.md)');
  });

  it('prints JSON with --format json, the same figures as the library', () => {
    const result = runBuiltCli(['compare', '--format', 'json', 'model/point-system.yaml', 'model/point-system-eks.yaml'], { cwd: ROOT });
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { models: { id: string; cost: unknown }[] };
    expect(json.models.map((m) => m.id)).toEqual(['point-system', 'point-system-eks']);
    const library = compareModels([byId('point-system'), byId('point-system-eks')], inputs);
    expect(json.models.map((m) => m.cost)).toEqual(library.models.map((m) => m.cost));
  });

  it('needs two models and a known locale', () => {
    const one = runBuiltCli(['compare', 'model/point-system.yaml'], { cwd: ROOT });
    expect(one.status, one.stderr).toBe(2);
    expect(one.stderr).toContain('compare needs at least two models, got 1');
    const locale = runBuiltCli(['compare', '--locale', 'fr', 'model/point-system.yaml', 'model/point-system-eks.yaml'], { cwd: ROOT });
    expect(locale.status).toBe(2);
    expect(locale.stderr).toContain('use --locale ko or --locale en');
  });
});
