/** Links of observed elements (security groups, subnets, …) in model ids, for set comparisons. */
import type { ElementKey, Link, Observed } from '../cfn/observe/types.js';

/** The model ids of linked elements; an unmatched link shows as its logical id, a deploy-time one makes the whole set unknown. */
export function linkedIds(links: readonly Link[], idOf: ReadonlyMap<ElementKey, string>): Observed<readonly string[]> {
  const ids: string[] = [];
  for (const l of links) {
    if (l.key) ids.push(idOf.get(l.key) ?? l.logicalId ?? l.key);
    else if (l.value.kind === 'known') ids.push(l.value.value);
    else return { kind: 'unknown', reason: l.value.reason, resolved: l.value.resolved, expression: l.value.expression };
  }
  return { kind: 'known', value: [...new Set(ids)].sort() };
}

/** Set equality of id lists. */
export const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  JSON.stringify([...new Set(a)].sort()) === JSON.stringify([...new Set(b)].sort());
