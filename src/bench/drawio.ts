/**
 * draw.io benchmark: ELK layout + XML for a synthetic 200-component model (issue 3: < 2 s), and
 * for the seed model. The synthetic model is the seed plus generated services spread over three
 * zones, each wired to its neighbours, so layout has real hierarchy and edges to route.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { drawioXml } from '../generators/drawio/index.js';
import { loadModelFromBytes } from '../load/load-model.js';
import type { ArchitectureModel } from '../model/types.js';
import { timeMedian, type Benchmark } from './types.js';

/** Seed model grown to `total` components; validates like any user model. */
export async function syntheticModel(root: string, total: number): Promise<ArchitectureModel> {
  const seed = parse(await readFile(path.join(root, 'model/point-system.yaml'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const zones = ['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c'];
  seed.network.availabilityZones = zones;
  seed.network.subnets = zones.flatMap((az, i) => [
    { id: `public-${i}`, tier: 'public', az, cidr: `10.0.${i + 1}.0/24` },
    { id: `private-${i}`, tier: 'private', az, cidr: `10.0.${i + 10}.0/24` },
    { id: `isolated-${i}`, tier: 'isolated', az, cidr: `10.0.${i + 20}.0/24` },
  ]);
  const rename: Record<string, string> = { 'public-a': 'public-0', 'public-c': 'public-2', 'private-a': 'private-0', 'private-c': 'private-2' };
  for (const c of seed.components) if (c.subnets) c.subnets = c.subnets.map((s: string) => rename[s] ?? s);
  if (seed.environments?.dev?.overrides?.components?.['points-db']) delete seed.environments.dev;
  const kinds = ['function', 'nosql-table', 'cache', 'database', 'secret', 'log-group', 'notification-topic', 'api-gateway'] as const;
  const made: string[] = [];
  for (let i = 0; seed.components.length < total; i++) {
    const kind = kinds[i % kinds.length]!;
    const id = `svc-${String(i).padStart(3, '0')}`;
    const base = { id, type: kind, name: `Service ${i} (${kind})` };
    const private3 = ['private-0', 'private-1', 'private-2'];
    const spec: Record<string, unknown> =
      kind === 'function' ? { runtime: 'java21', memoryMb: 512, ...(i % 3 === 0 ? { subnets: private3 } : {}) }
      : kind === 'nosql-table' ? { partitionKey: 'pk' }
      : kind === 'cache' ? { engine: 'redis', engineVersion: '7.1', nodeType: 'cache.t3.small', replicas: 2, multiAz: true, subnets: private3 }
      : kind === 'database' ? { engine: 'aurora-postgresql', engineVersion: '15.4', instances: [{ role: 'writer', instanceClass: 'db.t3.medium', az: zones[0] }, { role: 'reader', instanceClass: 'db.t3.medium', az: zones[1] }], subnets: ['isolated-0', 'isolated-1'] }
      : kind === 'secret' ? { store: 'secrets-manager' }
      : kind === 'log-group' ? { logGroupName: `/svc/${id}`, retentionDays: 30 }
      : kind === 'api-gateway' ? { apiType: 'http' }
      : {};
    seed.components.push({ ...base, ...spec });
    made.push(id);
  }
  // Entry points call functions; each function uses a few backends: a wide, shallow graph like real systems.
  const byKind = (kind: string) => made.filter((id) => seed.components.find((c: { id: string }) => c.id === id).type === kind);
  const gateways = byKind('api-gateway');
  const backends = ['nosql-table', 'cache', 'database', 'secret', 'log-group', 'notification-topic'].map(byKind);
  byKind('function').forEach((fn, i) => {
    seed.connections.push({ id: `entry-${i}`, from: gateways[i % gateways.length], to: fn, protocol: 'HTTPS', port: 443, purpose: `invoke ${i}` });
    backends.forEach((list, k) => {
      if (list.length) seed.connections.push({ id: `use-${i}-${k}`, from: fn, to: list[(i + k) % list.length], protocol: 'HTTPS', port: 443, purpose: `use ${k}`, ...(k === 2 ? { kind: 'read' } : {}) });
    });
  });
  const result = loadModelFromBytes('model/synthetic-200.yaml', new TextEncoder().encode(stringify(seed)));
  if (!result.model) throw new Error(`synthetic model is invalid:\n${result.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join('\n')}`);
  return result.model;
}

export const drawioBenchmark: Benchmark = {
  name: 'drawio',
  async run() {
    const root = process.cwd();
    const seed = loadModelFromBytes('model/point-system.yaml', await readFile(path.join(root, 'model/point-system.yaml'))).model!;
    const synthetic = await syntheticModel(root, 200);
    await drawioXml(seed); // warm up the ELK engine (JIT) once, as a long-running CLI would be
    let bytes = 0;
    const seedMs = await timeMedian(3, async () => { bytes = (await drawioXml(seed)).length; });
    let bigBytes = 0;
    const cpu = process.cpuUsage();
    const bigMs = await timeMedian(3, async () => { bigBytes = (await drawioXml(synthetic)).length; });
    const used = process.cpuUsage(cpu);
    // CPU time shows the cost when other processes compete for the two cores.
    const cpuMs = (used.user + used.system) / 1000 / 3;
    const components = synthetic.environments[synthetic.defaultEnvironment]!.components.length;
    return [
      { name: 'drawio: layout + XML, seed model (all pages)', ms: seedMs, notes: [`${(bytes / 1024).toFixed(0)} KiB`] },
      { name: `drawio: layout + XML, synthetic ${components}-component model`, ms: bigMs, budgetMs: 2000, notes: [`${(bigBytes / 1024).toFixed(0)} KiB`, `CPU ${cpuMs.toFixed(0)} ms per run`] },
    ];
  },
};
