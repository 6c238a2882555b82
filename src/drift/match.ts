/**
 * Pairing model elements with observed elements. Each signal scores a pair; the best pairs win
 * (greedy, deterministic). Signals, strongest first: the CDK construct id the scaffold derives
 * from the model id (in the construct path or the logical id), names, CIDR blocks, and, as a last
 * resort, being the only one of its kind on both sides.
 */
import type { Origin } from '../cfn/observe/types.js';

export const SCORE = { construct: 10, logicalId: 9, name: 8, cidr: 8, description: 5, tag: 4, unique: 1 } as const;

/** CDK layers of the generated app (`lib/generated/architecture-stack.ts`). */
const LAYERS = ['', 'Network', 'Data', 'Cache', 'Edge', 'Compute', 'Monitoring', 'Pipeline'];
/** Children the CDK L2 constructs put their CloudFormation resource in. */
const CHILDREN = ['', 'Resource', 'Subnet', 'Service', 'Default'];

/** How strongly a resource's construct path or logical id names this construct id. */
export function constructScore(origin: Origin, constructId: string | undefined): number {
  if (!constructId) return 0;
  if (origin.cdkPath) {
    const segments = origin.cdkPath.split('/').slice(1);
    const at = segments.lastIndexOf(constructId);
    if (at >= 0 && segments.slice(at + 1).every((s) => CHILDREN.includes(s))) return SCORE.construct;
  }
  const stem = origin.logicalId.replace(/[0-9A-F]{8}$/, '');
  for (const layer of LAYERS) {
    const head = `${layer}${constructId}`;
    if (stem.startsWith(head) && CHILDREN.includes(stem.slice(head.length))) return SCORE.logicalId;
  }
  return 0;
}

/**
 * Best pairs of `models` and `observed` by `score` (0: no pair). When `unique` is set, a model
 * element and an observed element left alone of their kind are paired too.
 */
export function pair<M, O>(models: readonly M[], observed: readonly O[], score: (m: M, o: O) => number, unique = true): Map<M, O> {
  const candidates: { m: number; o: number; s: number }[] = [];
  models.forEach((m, mi) => observed.forEach((o, oi) => {
    const s = score(m, o);
    if (s > 0) candidates.push({ m: mi, o: oi, s });
  }));
  candidates.sort((a, b) => b.s - a.s || a.m - b.m || a.o - b.o);
  const out = new Map<M, O>();
  const usedM = new Set<number>();
  const usedO = new Set<number>();
  for (const c of candidates) {
    if (usedM.has(c.m) || usedO.has(c.o)) continue;
    usedM.add(c.m);
    usedO.add(c.o);
    out.set(models[c.m]!, observed[c.o]!);
  }
  if (unique) {
    const leftM = models.filter((_, i) => !usedM.has(i));
    const leftO = observed.filter((_, i) => !usedO.has(i));
    if (leftM.length === 1 && leftO.length === 1) out.set(leftM[0]!, leftO[0]!);
  }
  return out;
}
