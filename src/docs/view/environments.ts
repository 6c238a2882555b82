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
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key === 'loc' || key === 'description' || key === 'name') continue;
      flatten(record[key], prefix ? `${prefix}.${key}` : key, out);
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
  const keys = new Set<string>();
  for (const l of leaves) for (const key of l.keys()) keys.add(key);
  // Only the (few) settings that differ are sorted, not every leaf of the model.
  const differing: string[] = [];
  for (const key of keys) {
    const first = leaves[0]!.get(key) ?? '';
    if (leaves.some((l) => (l.get(key) ?? '') !== first)) differing.push(key);
  }
  const rows = differing.sort().map((key) => ({ setting: key, values: leaves.map((l) => l.get(key) ?? '') }));
  rowsByModel.set(model, rows);
  return rows;
}

export function environmentDifferences(ctx: ViewContext) {
  const names = ctx.model.environmentNames;
  if (names.length < 2) return { environments: [], rows: [] };
  return { environments: names.map((name) => envLabel(ctx, name)), rows: differingRows(ctx.model) };
}
