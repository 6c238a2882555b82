/**
 * What a template value is before deployment: CloudFormation's intrinsic functions folded as far
 * as literals allow (`Fn::Join`, `Fn::Select`, `Fn::Split`, `Fn::Sub`, `Fn::FindInMap`, `Fn::If`
 * with a decidable condition, `Fn::Base64`, `Fn::Cidr`, …), references to resources kept as references, and
 * everything decided at deploy time reported as `unknown` with the reason. Never throws.
 */
import { cidrBlocks } from './read/cidr.js';
import { PSEUDO_PARAMETERS } from './read/references.js';
import { parseSub, splitSubVariable } from './read/sub.js';
import type { CfnResource, CfnStack, CfnTemplateSet, CfnValue, ResolvedValue } from './types.js';

type CfnObject = { readonly [key: string]: CfnValue };
/** `AWS::NoValue`: the enclosing property or list item is left out. */
type Resolution = ResolvedValue | { readonly kind: 'no-value' };
type Truth = { readonly known: true; readonly value: boolean } | { readonly known: false; readonly reason: string };

const MAX_DEPTH = 64;

/** Folds `value` as far as it is known before deployment (see the module comment). */
export function resolveValue(value: CfnValue, stack: CfnStack, set: CfnTemplateSet): ResolvedValue {
  try {
    const result = new Resolver(stack, set).resolve(value, 0);
    return result.kind === 'no-value' ? unknown('AWS::NoValue: the property is left out', value) : result;
  } catch (error) {
    return unknown(`archgen could not evaluate it (${(error as Error).message})`, value);
  }
}

/** The literal value of `value` when it is known before deployment, else `undefined`. */
export function resolveLiteral(value: CfnValue, stack: CfnStack, set: CfnTemplateSet): CfnValue | undefined {
  const result = resolveValue(value, stack, set);
  return result.kind === 'literal' ? result.value : undefined;
}

/** The resource `logicalId` of `stack`, if any. */
export function resourceById(stack: CfnStack, logicalId: string): CfnResource | undefined {
  return stack.resources.find((resource) => resource.logicalId === logicalId);
}

/** The stack at `path` (`Parent/Nested` for nested stacks), if any. */
export function stackByPath(set: CfnTemplateSet, path: string): CfnStack | undefined {
  return set.stacks.find((stack) => stack.path === path);
}

/** The intrinsic function a value is (`Ref`, `Fn::GetAtt`, …), or `undefined` for plain values. */
export function intrinsicName(value: CfnValue | undefined): string | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::')) ? keys[0] : undefined;
}

/** The name in `{ "Ref": name }`, else `undefined`. */
export function refTarget(value: CfnValue | undefined): string | undefined {
  return intrinsicName(value) === 'Ref' && typeof (value as CfnObject).Ref === 'string' ? ((value as CfnObject).Ref as string) : undefined;
}

/** Resource and attribute of `{ "Fn::GetAtt": [id, attribute] }` (or `"id.attribute"`), else `undefined`. */
export function getAttTarget(value: CfnValue | undefined): { readonly logicalId: string; readonly attribute: string } | undefined {
  if (intrinsicName(value) !== 'Fn::GetAtt') return undefined;
  const argument = (value as CfnObject)['Fn::GetAtt'];
  if (Array.isArray(argument) && typeof argument[0] === 'string' && typeof argument[1] === 'string') return { logicalId: argument[0], attribute: argument[1] };
  if (typeof argument === 'string' && argument.includes('.')) {
    const dot = argument.indexOf('.');
    return { logicalId: argument.slice(0, dot), attribute: argument.slice(dot + 1) };
  }
  return undefined;
}

const isObject = (value: CfnValue | undefined): value is CfnObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const literal = (value: CfnValue): ResolvedValue => ({ kind: 'literal', value });
const unknown = (reason: string, expression: CfnValue): ResolvedValue => ({ kind: 'unknown', reason, expression });
const short = (value: CfnValue): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

/** A human summary of a non-literal resolution, for reasons that wrap it. */
function summary(result: Resolution): string {
  switch (result.kind) {
    case 'ref': return `a reference to resource ${result.logicalId}`;
    case 'attribute': return `${result.logicalId}.${result.attribute}, known only after deployment`;
    case 'unknown': return result.reason;
    case 'no-value': return 'AWS::NoValue';
    case 'literal': return short(result.value);
  }
}

class Resolver {
  private readonly conditionsInProgress = new Set<string>();

  constructor(private readonly stack: CfnStack, private readonly set: CfnTemplateSet) {}

  resolve(value: CfnValue, depth: number): Resolution {
    if (depth > MAX_DEPTH) return unknown('the expression nests too deeply to evaluate', value);
    if (value === null || typeof value !== 'object') return literal(value);
    if (Array.isArray(value)) return this.list(value, depth);
    const name = intrinsicName(value);
    if (name) return this.intrinsic(name, (value as CfnObject)[name]!, value, depth + 1);
    const out: Record<string, CfnValue> = {};
    for (const [key, item] of Object.entries(value)) {
      const result = this.resolve(item, depth + 1);
      if (result.kind === 'no-value') continue;
      if (result.kind !== 'literal') return unknown(`property ${key}: ${summary(result)}`, value);
      out[key] = result.value;
    }
    return literal(out);
  }

  private list(items: readonly CfnValue[], depth: number): Resolution {
    const out: CfnValue[] = [];
    for (const [index, item] of items.entries()) {
      const result = this.resolve(item, depth + 1);
      if (result.kind === 'no-value') continue;
      if (result.kind !== 'literal') return unknown(`list item ${index + 1}: ${summary(result)}`, items);
      out.push(result.value);
    }
    return literal(out);
  }

  /** A value that must fold to a literal list (the list argument of Join, Select, Length). */
  private literalList(value: CfnValue, depth: number): { list: CfnValue[] } | { reason: string } {
    const result = this.resolve(value, depth);
    if (result.kind === 'literal' && Array.isArray(result.value)) return { list: result.value };
    if (result.kind === 'literal') return { reason: `${short(result.value)} is not a list` };
    return { reason: summary(result) };
  }

  private literalString(value: CfnValue, depth: number): { text: string } | { reason: string } {
    const result = this.resolve(value, depth);
    if (result.kind === 'literal' && (typeof result.value === 'string' || typeof result.value === 'number' || typeof result.value === 'boolean')) return { text: String(result.value) };
    if (result.kind === 'literal') return { reason: `${short(result.value)} is not a string` };
    return { reason: summary(result) };
  }

  private intrinsic(name: string, argument: CfnValue, expression: CfnValue, depth: number): Resolution {
    const fail = (reason: string) => unknown(`${name}: ${reason}`, expression);
    const args = Array.isArray(argument) ? argument : undefined;
    switch (name) {
      case 'Ref':
        return typeof argument === 'string' ? this.ref(argument, expression, depth) : fail('the argument is not a name');
      case 'Fn::GetAtt': {
        const target = Array.isArray(argument) ? argument[0] : typeof argument === 'string' ? argument.split('.')[0] : undefined;
        const rawAttribute = Array.isArray(argument) ? argument[1] : typeof argument === 'string' ? argument.split('.').slice(1).join('.') : undefined;
        if (typeof target !== 'string' || rawAttribute === undefined) return fail('expected [LogicalId, Attribute]');
        const attribute = this.literalString(rawAttribute, depth);
        if (!('text' in attribute)) return fail(`the attribute name: ${attribute.reason}`);
        if (!resourceById(this.stack, target)) return fail(`${target} is not a resource of stack ${this.stack.path}`);
        return { kind: 'attribute', logicalId: target, attribute: attribute.text, stackPath: this.stack.path };
      }
      case 'Fn::Join': {
        if (!args || args.length !== 2) return fail('expected [delimiter, list]');
        const delimiter = this.literalString(args[0]!, depth);
        if (!('text' in delimiter)) return fail(`the delimiter: ${delimiter.reason}`);
        const parts = this.literalList(args[1]!, depth);
        if (!('list' in parts)) return fail(parts.reason);
        const bad = parts.list.find((part) => part !== null && typeof part === 'object');
        if (bad !== undefined) return fail(`${short(bad)} is not a string`);
        return literal(parts.list.map((part) => String(part ?? '')).join(delimiter.text));
      }
      case 'Fn::Select': {
        if (!args || args.length !== 2) return fail('expected [index, list]');
        const index = this.literalString(args[0]!, depth);
        if (!('text' in index) || !/^\d+$/.test(index.text)) return fail(`the index: ${'text' in index ? `${short(index.text)} is not a number` : index.reason}`);
        const position = Number(index.text);
        if (Array.isArray(args[1])) {
          const items = args[1].filter((item) => refTarget(item) !== 'AWS::NoValue');
          return position < items.length ? this.resolve(items[position]!, depth) : fail(`index ${position} is past the end of the list (${items.length} items)`);
        }
        const list = this.literalList(args[1]!, depth);
        if (!('list' in list)) return fail(list.reason);
        return position < list.list.length ? literal(list.list[position]!) : fail(`index ${position} is past the end of the list (${list.list.length} items)`);
      }
      case 'Fn::Split': {
        if (!args || args.length !== 2) return fail('expected [delimiter, string]');
        const delimiter = this.literalString(args[0]!, depth);
        const source = this.literalString(args[1]!, depth);
        if (!('text' in delimiter)) return fail(`the delimiter: ${delimiter.reason}`);
        if (!('text' in source)) return fail(source.reason);
        return literal(source.text.split(delimiter.text));
      }
      case 'Fn::Sub':
        return this.sub(argument, expression, depth);
      case 'Fn::FindInMap': {
        if (!args || args.length < 3) return fail('expected [MapName, TopLevelKey, SecondLevelKey]');
        const keys: string[] = [];
        for (const key of args.slice(0, 3)) {
          const text = this.literalString(key, depth);
          if (!('text' in text)) return fail(`a key: ${text.reason}`);
          keys.push(text.text);
        }
        const [mapName, top, second] = keys as [string, string, string];
        const mapping = this.stack.mappings[mapName];
        const level = isObject(mapping) ? mapping[top] : undefined;
        const found = isObject(level) ? level[second] : undefined;
        if (found !== undefined) return this.resolve(found, depth);
        const fallback = isObject(args[3]) ? args[3].DefaultValue : undefined;
        if (fallback !== undefined) return this.resolve(fallback, depth);
        return fail(isObject(mapping) ? `mapping ${mapName} has no ${top}/${second}` : `there is no mapping ${mapName}`);
      }
      case 'Fn::If': {
        if (!args || args.length !== 3 || typeof args[0] !== 'string') return fail('expected [ConditionName, valueIfTrue, valueIfFalse]');
        const truth = this.condition(args[0], depth);
        if (!truth.known) return fail(truth.reason);
        return this.resolve(truth.value ? args[1]! : args[2]!, depth);
      }
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not': {
        const truth = this.truth(expression, depth);
        return truth.known ? literal(truth.value) : fail(truth.reason);
      }
      case 'Fn::Base64': {
        const text = this.literalString(argument, depth);
        return 'text' in text ? literal(Buffer.from(text.text, 'utf8').toString('base64')) : fail(text.reason);
      }
      case 'Fn::ToJsonString': {
        const result = this.resolve(argument, depth);
        return result.kind === 'literal' ? literal(JSON.stringify(result.value)) : fail(summary(result));
      }
      case 'Fn::Length': {
        const list = this.literalList(argument, depth);
        return 'list' in list ? literal(list.list.length) : fail(list.reason);
      }
      case 'Fn::GetAZs':
        return fail('the Availability Zones of the region are known only at deploy time');
      case 'Fn::ImportValue':
        return fail('the value is exported by another stack and known only at deploy time');
      case 'Fn::Cidr': {
        if (!args || args.length !== 3) return fail('expected [ipBlock, count, cidrBits]');
        const parts: string[] = [];
        for (const part of args) {
          const text = this.literalString(part, depth);
          if (!('text' in text)) return fail(text.reason);
          parts.push(text.text);
        }
        const blocks = cidrBlocks(parts[0]!, Number(parts[1]), Number(parts[2]));
        return 'blocks' in blocks ? literal(blocks.blocks) : fail(blocks.reason);
      }
      case 'Fn::Transform':
        return fail('a macro computes it at deploy time');
      default:
        return fail('archgen does not evaluate this function');
    }
  }

  private ref(name: string, expression: CfnValue, depth: number): Resolution {
    if (name === 'AWS::NoValue') return { kind: 'no-value' };
    if (PSEUDO_PARAMETERS.has(name)) return unknown(`${name} is known only at deploy time`, expression);
    if (resourceById(this.stack, name)) return { kind: 'ref', logicalId: name, stackPath: this.stack.path };
    if (name in this.stack.parameters) return this.parameter(name, expression, depth);
    return unknown(`Ref names "${name}", which stack ${this.stack.path} does not declare`, expression);
  }

  /** A nested stack's parameter is what its parent passes; any other parameter is chosen at deploy time. */
  private parameter(name: string, expression: CfnValue, depth: number): Resolution {
    const slash = this.stack.path.lastIndexOf('/');
    const parent = slash > 0 ? stackByPath(this.set, this.stack.path.slice(0, slash)) : undefined;
    const holder = parent ? resourceById(parent, this.stack.path.slice(slash + 1)) : undefined;
    const passed = holder?.type === 'AWS::CloudFormation::Stack' && isObject(holder.properties.Parameters) ? holder.properties.Parameters[name] : undefined;
    if (parent && passed !== undefined) return new Resolver(parent, this.set).resolve(passed, depth + 1);
    const declared = this.stack.parameters[name]!;
    const fallback = declared.default === undefined ? 'no default' : `default ${short(declared.default)}`;
    return unknown(`parameter ${name} is chosen at deploy time (${fallback})`, expression);
  }

  private sub(argument: CfnValue, expression: CfnValue, depth: number): Resolution {
    const [template, variables] = Array.isArray(argument) ? [argument[0], argument[1]] : [argument, undefined];
    if (typeof template !== 'string') return unknown('Fn::Sub: expected a string or [string, variables]', expression);
    let out = '';
    for (const part of parseSub(template)) {
      if (part.kind === 'text') {
        out += part.text;
        continue;
      }
      const local = isObject(variables) ? variables[part.name] : undefined;
      const { target, attribute } = splitSubVariable(part.name);
      const value = local !== undefined ? this.resolve(local, depth) : attribute !== undefined
        ? this.intrinsic('Fn::GetAtt', [target, attribute], expression, depth)
        : this.ref(part.name, expression, depth);
      if (value.kind === 'literal' && (value.value === null || typeof value.value !== 'object')) {
        out += String(value.value ?? '');
        continue;
      }
      return unknown(`Fn::Sub: \${${part.name}}: ${summary(value)}`, expression);
    }
    return literal(out);
  }

  private condition(name: string, depth: number): Truth {
    const definition = this.stack.conditions[name];
    if (definition === undefined) return { known: false, reason: `condition ${name} is not declared` };
    if (this.conditionsInProgress.has(name)) return { known: false, reason: `condition ${name} refers to itself` };
    this.conditionsInProgress.add(name);
    try {
      const truth = this.truth(definition, depth + 1);
      return truth.known ? truth : { known: false, reason: `condition ${name} depends on a deploy-time value (${truth.reason})` };
    } finally {
      this.conditionsInProgress.delete(name);
    }
  }

  /** Evaluates a condition expression: Fn::Equals/And/Or/Not, `{ Condition: name }`, or a literal boolean. */
  private truth(value: CfnValue, depth: number): Truth {
    if (depth > MAX_DEPTH) return { known: false, reason: 'the condition nests too deeply' };
    if (isObject(value) && Object.keys(value).length === 1) {
      const [key, argument] = Object.entries(value)[0]!;
      if (key === 'Condition' && typeof argument === 'string') return this.condition(argument, depth);
      const args = Array.isArray(argument) ? argument : [];
      if (key === 'Fn::Equals' && args.length === 2) {
        const [a, b] = [this.resolve(args[0]!, depth + 1), this.resolve(args[1]!, depth + 1)];
        if (a.kind !== 'literal') return { known: false, reason: summary(a) };
        if (b.kind !== 'literal') return { known: false, reason: summary(b) };
        return { known: true, value: sameValue(a.value, b.value) };
      }
      if (key === 'Fn::Not' && args.length === 1) {
        const inner = this.truth(args[0]!, depth + 1);
        return inner.known ? { known: true, value: !inner.value } : inner;
      }
      if (key === 'Fn::And' || key === 'Fn::Or') {
        const decisive = key === 'Fn::Or';
        let pending: Truth | undefined;
        for (const item of args) {
          const inner = this.truth(item, depth + 1);
          if (inner.known && inner.value === decisive) return inner;
          if (!inner.known) pending ??= inner;
        }
        return pending ?? { known: true, value: !decisive };
      }
    }
    const result = this.resolve(value, depth + 1);
    if (result.kind === 'literal' && (result.value === true || result.value === 'true')) return { known: true, value: true };
    if (result.kind === 'literal' && (result.value === false || result.value === 'false')) return { known: true, value: false };
    return { known: false, reason: result.kind === 'literal' ? `${short(result.value)} is not a condition` : summary(result) };
  }
}

/** CloudFormation compares strings: `80` equals `"80"`. */
function sameValue(a: CfnValue, b: CfnValue): boolean {
  const scalar = (v: CfnValue) => v === null || typeof v !== 'object';
  if (scalar(a) && scalar(b)) return String(a) === String(b);
  return JSON.stringify(a) === JSON.stringify(b);
}
