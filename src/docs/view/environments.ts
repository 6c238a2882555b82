/**
 * Where the environments differ: every leaf value of the resolved model that is not the same in
 * all environments, so the document shows e.g. the development cache node type next to production's.
 */
import type { ResolvedEnvironment } from '../../model/types.js';
import type { ViewContext } from './context.js';
import { envLabel } from './context.js';

type Leaves = Map<string, string>;

function flatten(value: unknown, prefix: string, out: Leaves): void {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) out.set(prefix, value.join(', '));
    else value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'loc' || key === 'description' || key === 'name') continue;
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
    }
  } else if (value !== undefined) {
    out.set(prefix, String(value));
  }
}

/** Leaves of the parts of an environment that overrides may change: components, network and cost. */
function leavesOf(env: ResolvedEnvironment): Leaves {
  const out: Leaves = new Map();
  for (const c of env.components) flatten(c, c.id, out);
  flatten(env.network, 'network', out);
  flatten({ requestsPerMonth: env.cost.requestsPerMonth, dataTransferOutGb: env.cost.dataTransferOutGb, natProcessedGb: env.cost.natProcessedGb, albLcu: env.cost.albLcu }, 'cost', out);
  return out;
}

/** The differing settings of a model (the same in every locale): computed once per model object. */
const rowsByModel = new WeakMap<ViewContext['model'], readonly DifferenceRow[]>();

interface DifferenceRow {
  readonly setting: string;
  readonly values: readonly string[];
}

function differingRows(model: ViewContext['model']): readonly DifferenceRow[] {
  const cached = rowsByModel.get(model);
  if (cached) return cached;
  const leaves = model.environmentNames.map((name) => leavesOf(model.environments[name]!));
  const keys = [...new Set(leaves.flatMap((l) => [...l.keys()]))].sort();
  const rows = keys
    .map((key) => ({ setting: key, values: leaves.map((l) => l.get(key) ?? '') }))
    .filter((row) => new Set(row.values).size > 1);
  rowsByModel.set(model, rows);
  return rows;
}

export function environmentDifferences(ctx: ViewContext) {
  const names = ctx.model.environmentNames;
  if (names.length < 2) return { environments: [], rows: [] };
  return { environments: names.map((name) => envLabel(ctx, name)), rows: differingRows(ctx.model) };
}
