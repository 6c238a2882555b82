/**
 * Template values as {@link Observed} facts and {@link Link}s. Intrinsics that can be decided
 * offline (parameters with defaults, `Fn::Join`/`Fn::Select`/`Fn::Sub` over literals) become
 * literals; everything CloudFormation decides at deploy time stays `unknown` with its reason.
 */
import { resolveValue } from '../resolve.js';
import type { CfnResource, CfnStack, CfnTemplateSet, CfnValue, ResolvedValue } from '../types.js';
import type { ElementKey, Link, Observed } from './types.js';

/** Resolution of one template set: resource lookup by stack and logical id. */
export interface ValueScope {
  readonly set: CfnTemplateSet;
  readonly stack: CfnStack;
  /** The resource with this logical id in the stack, if any. */
  resource(stackPath: string, logicalId: string): CfnResource | undefined;
}

export const keyOf = (stackPath: string, logicalId: string): ElementKey => `${stackPath}/${logicalId}`;

const isObject = (v: CfnValue | undefined): v is { readonly [key: string]: CfnValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The single key of an intrinsic function object (`Ref`, `Fn::GetAtt`, …), if `value` is one. */
export function intrinsic(value: CfnValue | undefined): { name: string; arg: CfnValue } | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const name = keys[0]!;
  return name === 'Ref' || name.startsWith('Fn::') || name === 'Condition' ? { name, arg: value[name]! } : undefined;
}

/** What a value is known to be before deployment (the reader's folding of intrinsics). */
export function resolve(value: CfnValue, scope: ValueScope): ResolvedValue {
  return resolveValue(value, scope.stack, scope.set);
}

const unknownOf = <T>(resolved: ResolvedValue, expression: CfnValue): Observed<T> => ({
  kind: 'unknown',
  reason: resolved.kind === 'unknown' ? resolved.reason
    : resolved.kind === 'ref' ? `Ref ${resolved.logicalId} is known at deploy time`
      : resolved.kind === 'attribute' ? `GetAtt ${resolved.logicalId}.${resolved.attribute} is known at deploy time` : 'not a literal',
  resolved,
  expression,
});

/** A string fact. */
export function str(value: CfnValue | undefined, scope: ValueScope): Observed<string> | undefined {
  if (value === undefined || value === null) return undefined;
  const r = resolve(value, scope);
  if (r.kind === 'literal' && r.value !== null && typeof r.value !== 'object') return { kind: 'known', value: String(r.value) };
  return unknownOf(r, value);
}

/** A number fact; CloudFormation accepts numbers written as strings. */
export function num(value: CfnValue | undefined, scope: ValueScope): Observed<number> | undefined {
  if (value === undefined || value === null) return undefined;
  const r = resolve(value, scope);
  if (r.kind === 'literal' && (typeof r.value === 'number' || (typeof r.value === 'string' && r.value.trim() !== '' && Number.isFinite(Number(r.value))))) {
    return { kind: 'known', value: Number(r.value) };
  }
  return unknownOf(r, value);
}

/** A boolean fact; `"true"`/`"false"` strings count. */
export function bool(value: CfnValue | undefined, scope: ValueScope): Observed<boolean> | undefined {
  if (value === undefined || value === null) return undefined;
  const r = resolve(value, scope);
  if (r.kind === 'literal' && (typeof r.value === 'boolean' || r.value === 'true' || r.value === 'false')) {
    return { kind: 'known', value: r.value === true || r.value === 'true' };
  }
  return unknownOf(r, value);
}

/** A list of string facts (a literal list, or one deploy-time value). */
export function strList(value: CfnValue | undefined, scope: ValueScope): Observed<readonly string[]> | undefined {
  if (value === undefined || value === null) return undefined;
  const r = resolve(value, scope);
  if (r.kind === 'literal' && Array.isArray(r.value)) return { kind: 'known', value: r.value.map(String) };
  return unknownOf(r, value);
}

/** A literal, or for a `Ref` to a parameter its default: for readable names only, never for comparisons. */
export function nameOf(value: CfnValue | undefined, scope: ValueScope): string | undefined {
  const observed = str(value, scope);
  if (observed?.kind === 'known') return observed.value;
  const fn = intrinsic(value);
  const fallback = fn?.name === 'Ref' && typeof fn.arg === 'string' ? scope.stack.parameters[fn.arg]?.default : undefined;
  return typeof fallback === 'string' || typeof fallback === 'number' ? String(fallback) : undefined;
}

/** A known value (for defaults the template leaves out). */
export const given = <T>(value: T): Observed<T> => ({ kind: 'known', value });

/** A link to the resource a `Ref`/`GetAtt` names (also through `Fn::Join`/`Fn::Select`, e.g. `Fn::Join: [":", [GetAtt X.Arn]]`). */
export function link(value: CfnValue | undefined, scope: ValueScope): Link | undefined {
  if (value === undefined || value === null) return undefined;
  const r = resolve(value, scope);
  const target = r.kind === 'ref' || r.kind === 'attribute' ? r.logicalId : firstReference(value);
  const stackPath = r.kind === 'ref' || r.kind === 'attribute' ? r.stackPath : scope.stack.path;
  const observed = str(value, scope) ?? given('');
  if (target === undefined) return { value: observed };
  const found = scope.resource(stackPath, target);
  return found ? { key: keyOf(found.stackPath, found.logicalId), logicalId: target, value: observed } : { logicalId: target, value: observed };
}

/** Links of a list value (each item), or of the one value when it is not a list. */
export function links(value: CfnValue | undefined, scope: ValueScope): Link[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v) => link(v, scope) ?? []);
  // `Fn::Join: [",", [Ref A, Ref B]]` lists several resources in one string.
  const refs = allReferences(value);
  if (refs.length > 1) return refs.flatMap((id) => link({ Ref: id }, scope) ?? []);
  const one = link(value, scope);
  return one ? [one] : [];
}

/** The first resource `Ref`/`GetAtt` inside a value. */
export function firstReference(value: CfnValue | undefined): string | undefined {
  return allReferences(value)[0];
}

/** Every logical id a value refers to with `Ref`, `Fn::GetAtt` or `${X}` in `Fn::Sub`, in order. */
export function allReferences(value: CfnValue | undefined, out: string[] = []): string[] {
  if (value === undefined || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const v of value) allReferences(v, out);
    return out;
  }
  const fn = intrinsic(value);
  if (fn?.name === 'Ref' && typeof fn.arg === 'string' && !fn.arg.startsWith('AWS::')) out.push(fn.arg);
  else if (fn?.name === 'Fn::GetAtt') {
    const id = Array.isArray(fn.arg) ? String(fn.arg[0]) : String(fn.arg).split('.')[0]!;
    out.push(id);
  } else if (fn?.name === 'Fn::Sub') {
    const text = typeof fn.arg === 'string' ? fn.arg : Array.isArray(fn.arg) ? fn.arg[0] : undefined;
    if (typeof text === 'string') for (const m of text.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[^}]*)?\}/g)) out.push(m[1]!);
    if (Array.isArray(fn.arg) && fn.arg[1] !== undefined) allReferences(fn.arg[1], out);
  } else {
    for (const v of Object.values(value)) allReferences(v, out);
  }
  return out;
}

/** A property of an object value, when the value is a literal object. */
export function prop(value: CfnValue | undefined, key: string): CfnValue | undefined {
  return isObject(value) && !intrinsic(value) ? value[key] : undefined;
}

/** The items of a literal list value. */
export function items(value: CfnValue | undefined): readonly CfnValue[] {
  return Array.isArray(value) ? value : [];
}
