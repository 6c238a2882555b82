/**
 * References in a random model plan. Arbitraries cannot know the ids that other arbitraries
 * draw, so a plan holds `Ref` placeholders (what kind of element, and a number to pick with);
 * {@link resolveRefs} replaces them with real ids once the model's ids are known, and drops a
 * field (or list entry) when no element of that kind exists. Plans stay plain data, so
 * fast-check prints and shrinks them.
 */
import fc from 'fast-check';

export type RefKind =
  | 'component'
  | 'security-group'
  | 'subnet'
  | 'az'
  | 'log-group'
  | 'secret'
  | 'container-registry'
  | 'notification-topic'
  | 'service'
  | 'environment'
  /** Anything a suppression may name: components, security groups, subnets. */
  | 'target';

export interface Ref {
  readonly $ref: RefKind;
  readonly pick: number;
}

export type Raw = { [key: string]: unknown };

export const ref = (kind: RefKind): fc.Arbitrary<Ref> => fc.nat({ max: 1000 }).map((pick) => ({ $ref: kind, pick }));

/** A list of references to distinct elements of one kind (duplicates are dropped when resolved). */
export const refs = (kind: RefKind, maxLength = 3): fc.Arbitrary<Ref[]> => fc.array(ref(kind), { maxLength });

const isRef = (value: unknown): value is Ref =>
  typeof value === 'object' && value !== null && '$ref' in value && 'pick' in value;

/**
 * Replaces every `Ref` in `value` with an id from `ids[kind]`. A field whose reference cannot
 * be resolved is removed; lists of references lose the unresolvable entries and duplicates.
 */
export function resolveRefs(value: unknown, ids: Readonly<Record<RefKind, readonly string[]>>): unknown {
  const pick = (r: Ref): string | undefined => {
    const list = ids[r.$ref];
    return list.length ? list[r.pick % list.length] : undefined;
  };
  if (isRef(value)) return pick(value);
  if (Array.isArray(value)) {
    if (value.length && value.every(isRef)) return [...new Set(value.map(pick).filter((id): id is string => id !== undefined))];
    return value.map((item) => resolveRefs(item, ids));
  }
  if (typeof value === 'object' && value !== null) {
    const out: Raw = {};
    for (const [key, item] of Object.entries(value)) {
      const resolved = resolveRefs(item, ids);
      if (resolved !== undefined) out[key] = resolved;
    }
    return out;
  }
  return value;
}

/** Drops `undefined` fields (fc.option gives `null`/`undefined`; YAML must not see them). */
export function compact<T extends Raw>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}
