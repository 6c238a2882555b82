/**
 * "Is this instance class offered for this engine in this region?" as validation warnings, from
 * the price data (a class with no Price List product is not offered). Pure, so `validate` can
 * call it with the snapshots it loaded.
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ArchitectureModel, NodePath, ResolvedEnvironment } from '../model/types.js';
import { priceListEngine } from './catalog.js';
import type { PriceSnapshot } from './types.js';

interface ClassUse {
  readonly key: string;
  readonly loc: NodePath;
  readonly what: string;
}

function classUses(env: ResolvedEnvironment): ClassUse[] {
  const uses: ClassUse[] = [];
  for (const c of env.components) {
    if (c.type === 'database') {
      const aurora = c.engine.startsWith('aurora');
      c.instances.forEach((instance) => {
        const deployment = !aurora && c.multiAz && instance.role === 'writer' ? 'Multi-AZ' : 'Single-AZ';
        uses.push({ key: `rds:instance:${c.engine}:${deployment}:${instance.instanceClass}`, loc: [...instance.loc, 'instanceClass'], what: `${instance.role} instance class ${instance.instanceClass} of ${c.id} (${priceListEngine(c.engine) ?? c.engine})` });
      });
    } else if (c.type === 'cache') {
      uses.push({ key: `elasticache:node:${c.engine}:${c.nodeType}`, loc: [...c.loc, 'nodeType'], what: `node type ${c.nodeType} of ${c.id} (${c.engine})` });
    } else if (c.type === 'kubernetes-cluster') {
      for (const group of c.nodeGroups) uses.push({ key: `ec2:instance:${group.instanceType}`, loc: [...group.loc, 'instanceType'], what: `instance type ${group.instanceType} of node group ${group.name}` });
    }
  }
  return uses;
}

/**
 * Warnings (rule `cost/class-not-offered`) for every instance or node class the price data says
 * is not offered in the environment's region. `prices` maps region → snapshot; regions without
 * one are skipped (nothing is known about them).
 */
export function classAvailabilityWarnings(model: ArchitectureModel, prices: ReadonlyMap<string, PriceSnapshot>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const name of model.environmentNames) {
    const env = model.environments[name]!;
    const snapshot = prices.get(env.metadata.region);
    if (!snapshot) continue;
    for (const use of classUses(env)) {
      const missing = snapshot.notOffered[use.key];
      if (!missing) continue;
      const { line, col } = model.source.locate(use.loc);
      out.push({
        file: model.source.file, line, col, rule: 'cost/class-not-offered', severity: 'warning',
        message: `${use.what} is not offered in ${snapshot.region}: ${missing.reason}`,
        hint: `choose an offered class (source: ${missing.source}); the cost estimate leaves it unpriced`,
      });
    }
  }
  return sortDiagnostics(out);
}
