/**
 * Security analysis speed: the seed model, and a synthetic model with many tiers and groups
 * (a chain of services, each admitting the previous tier) to show how the analysis scales.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { securityGenerator } from '../generators/security/index.js';
import { loadModelFile, loadModelFromBytes } from '../load/load-model.js';
import type { ArchitectureModel } from '../model/types.js';
import { analyzeSecurity, computeSecurity } from '../security/index.js';
import { timeMedian, type Benchmark } from './types.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The seed with `tiers` extra container services, each behind its own group that admits the previous tier. */
async function syntheticModel(root: string, tiers: number): Promise<ArchitectureModel> {
  const raw = parse(await readFile(path.join(root, 'model/point-system.yaml'), 'utf8')) as Raw;
  const api = (raw.components as Raw[]).find((c) => c.id === 'points-api')!;
  let previous = 'ecs-sg';
  for (let i = 0; i < tiers; i++) {
    const group = `tier-${i}-sg`;
    raw.securityGroups.push({ id: group, name: `Tier ${i}`, ingress: [{ securityGroup: previous, protocol: 'tcp', port: 8080 }, { cidr: '10.0.0.0/16', protocol: 'tcp', fromPort: 8000, toPort: 8100 }], egress: 'all' });
    raw.components.push({ ...api, id: `tier-${i}`, securityGroups: [group], logGroup: 'points-api-logs', secrets: [] });
    previous = group;
  }
  const loaded = loadModelFromBytes('model/synthetic.yaml', Buffer.from(stringify(raw, { aliasDuplicateObjects: false }), 'utf8'));
  if (!loaded.model) throw new Error(`synthetic model invalid: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return loaded.model;
}

export const securityBenchmark: Benchmark = {
  name: 'security',
  async run() {
    const root = process.cwd();
    const { model } = await loadModelFile(path.join(root, 'model/point-system.yaml'), root);
    const seed = model!;
    const seedMs = await timeMedian(20, () => computeSecurity(seed, 'prod'));
    let files = 0;
    const generateMs = await timeMedian(5, async () => {
      files = (await securityGenerator.generate(seed, { models: [seed], inputs: new Map() })).length;
    });
    const results = [
      { name: 'analyzeSecurity, seed model (prod)', ms: seedMs, notes: [`${analyzeSecurity(seed).findings.length} finding(s)`] },
      { name: 'security generator, seed model (all envs, 9 formats)', ms: generateMs, notes: [`${files} files`] },
    ];
    for (const tiers of [25, 100]) {
      const big = await syntheticModel(root, tiers);
      const ms = await timeMedian(3, () => computeSecurity(big, 'prod'));
      const a = analyzeSecurity(big, 'prod');
      results.push({
        name: `analyzeSecurity, seed + ${tiers} chained tiers`,
        ms,
        notes: [`${big.environments.prod!.securityGroups.length} groups`, `${a.reachability.edges.length} edges`, `${a.reachability.paths.length} paths${a.reachability.pathsTruncated ? ' (capped)' : ''}`, `${(ms / seedMs).toFixed(0)}x seed`],
      });
    }
    return results;
  },
};
