import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { priceSpec, queryId } from '../cost/catalog.js';
import { estimateCost, parseSnapshot, priceKeysOf } from '../cost/index.js';
import { fetchLivePrices } from '../cost/live-client.js';
import { assertRegion } from '../cost/regions.js';
import { catalogFromSnapshot, startStandInServer } from '../cost/stand-in-server.js';
import { loadModelOrThrow } from '../load/load-model.js';
import type { ArchitectureModel, Component } from '../model/types.js';
import { timeMedian, type Benchmark } from './types.js';

/** The seed with its components copied until there are `count` (ids suffixed), every type kept. */
function inflate(model: ArchitectureModel, count: number): ArchitectureModel {
  const env = model.environments[model.defaultEnvironment]!;
  const components: Component[] = [];
  for (let i = 0; components.length < count; i++) {
    for (const c of env.components) if (components.length < count) components.push({ ...c, id: `${c.id}-${i}` } as Component);
  }
  return { ...model, environments: { [env.name]: { ...env, components } }, environmentNames: [env.name] };
}

/**
 * Issue 6: a 1000-component model prices from the snapshot in under 1 s; live mode against the
 * stand-in Price List server makes exactly one query per distinct product (plus pages).
 */
export const costBenchmark: Benchmark = {
  name: 'cost',
  async run() {
    const root = process.cwd();
    const seed = await loadModelOrThrow(path.join(root, 'model/point-system.yaml'), root);
    const text = await readFile(path.join(root, 'model/pricing/ap-northeast-2.json'), 'utf8');
    const big = inflate(seed, 1000);
    let lines = 0;
    // A fresh snapshot object per run: estimateCost remembers its result per (model, environment, snapshot).
    const seedMs = await timeMedian(20, () => estimateCost(seed, 'prod', { ...parseSnapshot(text) }));
    const bigMs = await timeMedian(5, () => {
      lines = estimateCost(big, big.defaultEnvironment, { ...parseSnapshot(text) }).lines.length;
    });

    const region = assertRegion('ap-northeast-2');
    const server = await startStandInServer(catalogFromSnapshot(parseSnapshot(text), region), { pageSize: 3 });
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_ENDPOINT_URL_PRICING: server.url, AWS_ACCESS_KEY_ID: 'AKIDSTANDIN000000000', AWS_SECRET_ACCESS_KEY: 'stand-in-secret', AWS_EC2_METADATA_DISABLED: 'true' });
    delete process.env.AWS_PROFILE;
    try {
      const keys = priceKeysOf(big, big.defaultEnvironment);
      const distinct = new Set(keys.map((k) => priceSpec(k, region)).filter((s) => s).map((s) => queryId(s!.query))).size;
      const start = performance.now();
      const live = await fetchLivePrices(keys, region, { today: '2026-11-25', concurrency: 4 });
      const liveMs = performance.now() - start;
      const firstPages = server.requests.filter((r) => !r.nextToken).length;
      const ok = live.stats.queries === distinct && firstPages === distinct;
      return [
        { name: 'seed model (prod) from the snapshot: parse + estimate', ms: seedMs, budgetMs: 1000 },
        { name: '1000-component model from the snapshot: parse + estimate', ms: bigMs, budgetMs: 1000, notes: [`${lines} line items`] },
        {
          name: 'live, 1000 components, stand-in Price List server',
          ms: liveMs,
          notes: [
            `${keys.length} price keys → ${distinct} distinct product queries`,
            `${live.stats.queries} queries sent (${ok ? 'exactly one per distinct product' : 'MISMATCH'})`,
            `${server.requests.length} HTTP requests = ${firstPages} first pages + ${server.requests.length - firstPages} NextToken pages`,
            `${live.stats.retries} retries`,
          ],
        },
      ];
    } finally {
      process.env = saved;
      await server.close();
    }
  },
};
