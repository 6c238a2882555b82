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

/** Leaves of the parts of an environment that overrides may change: components (but `skip`), network and cost. */
function leavesOf(env: ResolvedEnvironment, skip: ReadonlySet<string>): Leaves {
  const out: Leaves = new Map();
  for (const c of env.components) if (!skip.has(c.id)) flatten(c, c.id, out);
  flatten(env.network, 'network', out);
  flatten({ requestsPerMonth: env.cost.requestsPerMonth, dataTransferOutGb: env.cost.dataTransferOutGb, natProcessedGb: env.cost.natProcessedGb, albLcu: env.cost.albLcu }, 'cost', out);
  return out;
}

const skipped = (key: string): boolean => key === 'loc' || key === 'description' || key === 'name';

/** Whether {@link flatten} sees the same leaves, in the same order, in `a` and `b` (false when unsure). */
function sameLeaves(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameLeaves(a[i], b[i])) return false;
    return true;
  }
  if (!a || typeof a !== 'object' || !b || typeof b !== 'object' || Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => !skipped(k));
  const keysB = Object.keys(b).filter((k) => !skipped(k));
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    if (keysA[i] !== keysB[i] || !sameLeaves((a as Record<string, unknown>)[keysA[i]!], (b as Record<string, unknown>)[keysB[i]!])) return false;
  }
  return true;
}

/**
 * Ids of the components that are the same in every environment: their leaves cannot differ, so
 * they are not flattened at all. Only when no two subtrees can write the same setting name (ids
 * unique, none the `network`/`cost` prefix or a prefix of another id at a `.` or `[`): otherwise a
 * later subtree may overwrite a setting, and every component is flattened as before.
 */
function unchangedComponents(envs: readonly ResolvedEnvironment[]): ReadonlySet<string> {
  const none = new Set<string>();
  const byEnv: Map<string, unknown>[] = [];
  const ids = new Set<string>(['network', 'cost']);
  for (const env of envs) {
    const map = new Map<string, unknown>();
    for (const c of env.components) {
      if (!c.id || map.has(c.id)) return none;
      map.set(c.id, c);
      ids.add(c.id);
    }
    byEnv.push(map);
  }
  for (const id of ids) {
    for (let k = 0; k < id.length; k++) if ((id[k] === '.' || id[k] === '[') && ids.has(id.slice(0, k))) return none;
  }
  if (byEnv.some((m) => m.has('network') || m.has('cost'))) return none;
  const same = new Set<string>();
  for (const [id, first] of byEnv[0] ?? []) {
    if (byEnv.every((m) => m.has(id) && sameLeaves(first, m.get(id)))) same.add(id);
  }
  return same;
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
  const envs = model.environmentNames.map((name) => model.environments[name]!);
  const skip = unchangedComponents(envs);
  const leaves = envs.map((env) => leavesOf(env, skip));
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
