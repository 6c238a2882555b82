/**
 * Per-line differences between two estimates (another model, or a baseline JSON report), like a
 * pull-request cost comment. Lines match by id (`component/dimension`).
 */
import type { CostEstimate, Scenarios } from './types.js';

export interface LineDiff {
  readonly id: string;
  readonly component: string;
  readonly dimension: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  /** Expected monthly before and after (0 when absent or not priced). */
  readonly before: number;
  readonly after: number;
  readonly delta: number;
  /** Set when a side is not priced, so a "0" there is not mistaken for free. */
  readonly note?: string;
}

export interface CostDiff {
  readonly before: { readonly label: string; readonly total: Scenarios };
  readonly after: { readonly label: string; readonly total: Scenarios };
  readonly delta: Scenarios;
  readonly lines: readonly LineDiff[];
}

const money = (n: number): number => Math.round(n * 100) / 100;

/** Differences from `before` to `after`; lines sorted by the size of their change, then id. */
export function compareEstimates(before: CostEstimate, after: CostEstimate, labels: { before: string; after: string }): CostDiff {
  const old = new Map(before.lines.map((l) => [l.id, l]));
  const now = new Map(after.lines.map((l) => [l.id, l]));
  const lines: LineDiff[] = [];
  for (const id of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(id);
    const b = now.get(id);
    const beforeValue = a?.monthly.expected ?? 0;
    const afterValue = b?.monthly.expected ?? 0;
    const status = !a ? 'added' : !b ? 'removed' : money(beforeValue) === money(afterValue) && a.unitPrice === b.unitPrice && a.quantity.expected === b.quantity.expected ? 'unchanged' : 'changed';
    const notes = [a?.notPriced && `before not priced: ${a.notPriced}`, b?.notPriced && `after not priced: ${b.notPriced}`].filter(Boolean);
    const line = b ?? a!;
    lines.push({
      id, component: line.component, dimension: line.dimension, status,
      before: money(beforeValue), after: money(afterValue), delta: money(afterValue - beforeValue),
      ...(notes.length ? { note: notes.join('; ') } : {}),
    });
  }
  lines.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.id.localeCompare(y.id));
  return {
    before: { label: labels.before, total: before.total },
    after: { label: labels.after, total: after.total },
    delta: { min: money(after.total.min - before.total.min), expected: money(after.total.expected - before.total.expected), max: money(after.total.max - before.total.max) },
    lines,
  };
}
