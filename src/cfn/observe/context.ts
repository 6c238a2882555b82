/** Shared state of one extraction: resource lookup, origins, and which resources elements own. */
import type { CfnResource, CfnStack, CfnTemplateSet, CfnValue } from '../types.js';
import type { ElementKey, Origin } from './types.js';
import { keyOf, type ValueScope } from './values.js';

const asText = (v: CfnValue | undefined): string | undefined => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

/** Literal tags of a resource: a `Tags` list of `{Key, Value}` or a `Tags` map. */
export function tagsOf(resource: CfnResource): Record<string, string> {
  const raw = resource.properties.Tags;
  const out: Record<string, string> = {};
  if (Array.isArray(raw)) {
    for (const t of raw) {
      if (typeof t !== 'object' || t === null || Array.isArray(t)) continue;
      const entry = t as { readonly [key: string]: CfnValue };
      const key = asText(entry.Key);
      const value = asText(entry.Value);
      if (key !== undefined && value !== undefined) out[key] = value;
    }
  } else if (typeof raw === 'object' && raw !== null) {
    for (const [key, value] of Object.entries(raw)) {
      const text = asText(value);
      if (text !== undefined) out[key] = text;
    }
  }
  return out;
}

export class ObserveContext {
  readonly resources: readonly CfnResource[];
  private readonly byKey = new Map<ElementKey, CfnResource>();
  private readonly stacks = new Map<string, CfnStack>();
  /** Resources turned into elements or owned by one. */
  readonly claimed = new Set<ElementKey>();
  readonly warnings: { message: string; position?: CfnResource['position'] }[] = [];

  constructor(readonly set: CfnTemplateSet, private readonly constructPaths: ReadonlyMap<ElementKey, string> = new Map()) {
    this.resources = set.stacks.flatMap((s) => s.resources);
    for (const s of set.stacks) this.stacks.set(s.path, s);
    for (const r of this.resources) this.byKey.set(keyOf(r.stackPath, r.logicalId), r);
  }

  /** Resources of these types, in template order. */
  ofType(...types: string[]): CfnResource[] {
    return this.resources.filter((r) => types.includes(r.type));
  }

  get(key: ElementKey | undefined): CfnResource | undefined {
    return key === undefined ? undefined : this.byKey.get(key);
  }

  /** The value scope of the stack that holds `resource`. */
  scope(resource: CfnResource): ValueScope {
    const stack = this.stacks.get(resource.stackPath) ?? this.set.stacks[0]!;
    return { set: this.set, stack, resource: (stackPath, logicalId) => this.byKey.get(keyOf(stackPath, logicalId)) };
  }

  origin(resource: CfnResource): Origin {
    const fromMetadata = resource.metadata['aws:cdk:path'];
    const cdkPath = typeof fromMetadata === 'string' ? fromMetadata : this.constructPaths.get(keyOf(resource.stackPath, resource.logicalId));
    return {
      key: keyOf(resource.stackPath, resource.logicalId),
      logicalId: resource.logicalId,
      stackPath: resource.stackPath,
      type: resource.type,
      position: resource.position,
      ...(typeof cdkPath === 'string' ? { cdkPath } : {}),
      tags: tagsOf(resource),
    };
  }

  /** Marks a resource as an element (or part of one) and returns its origin. */
  claim(resource: CfnResource): Origin {
    this.claimed.add(keyOf(resource.stackPath, resource.logicalId));
    return this.origin(resource);
  }
}
