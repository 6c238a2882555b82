/**
 * The seed's rough estimate ranges (`cost.reference`) next to the computed figures, and the
 * costs those ranges left out.
 */
import type { ResolvedEnvironment } from '../model/types.js';
import type { LineItem, ReferenceComparison, Scenarios, Subtotal } from './types.js';

const money = (n: number): number => Math.round(n * 100) / 100;
const ZERO: Scenarios = { min: 0, expected: 0, max: 0 };
const sum = (list: readonly Scenarios[]): Scenarios =>
  list.reduce((a, b) => ({ min: money(a.min + b.min), expected: money(a.expected + b.expected), max: money(a.max + b.max) }), ZERO);

/** Pseudo-components the estimator adds for the network (see `demandsOf`). */
const DATA_TRANSFER = 'data-transfer';

export interface ReferenceResult {
  readonly references: ReferenceComparison[];
  readonly outside: { component: string; name: string; monthly: number }[];
}

/**
 * A reference with components covers those components; one without components covers the
 * data transfer lines when its id or label says "transfer", and the total otherwise.
 */
export function compareWithReferences(env: ResolvedEnvironment, lines: readonly LineItem[], components: readonly Subtotal[]): ReferenceResult {
  const total = sum(lines.map((l) => l.monthly));
  const covered = new Set<string>();
  const references = env.cost.reference.map((ref): ReferenceComparison => {
    let ids: string[];
    let computed: Scenarios;
    if (ref.components.length) {
      ids = [...ref.components];
      computed = sum(components.filter((c) => ids.includes(c.id)).map((c) => c.monthly));
    } else if (/transfer/i.test(`${ref.id} ${ref.label.en}`)) {
      ids = [DATA_TRANSFER];
      computed = sum(lines.filter((l) => l.component === DATA_TRANSFER).map((l) => l.monthly));
    } else {
      ids = [];
      computed = total;
    }
    for (const id of ids) covered.add(id);
    const verdict = computed.expected < ref.min ? 'below' : computed.expected > ref.max ? 'above' : 'within';
    return { id: ref.id, label: ref.label.en, components: ids, range: { min: ref.min, max: ref.max }, computed, verdict };
  });
  const outside = env.cost.reference.length
    ? components.filter((c) => !covered.has(c.id) && c.monthly.expected > 0).map((c) => ({ component: c.id, name: c.name, monthly: c.monthly.expected }))
    : [];
  return { references, outside };
}
