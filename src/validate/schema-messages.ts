/**
 * Turns one (already selected) ajv error into a diagnostic a person can act on: a stable rule
 * id, the YAML position of the offending node (or key), a message naming the value, and a hint.
 */
import type { ErrorObject } from 'ajv';
import { didYouMean, type Diagnostic } from '../diagnostics/diagnostic.js';
import { architectureSchema } from '../model/schema.js';
import type { NodePath, SourcePosition } from '../model/types.js';

export type Locator = { file: string; locate(path: NodePath): SourcePosition; locateKey(path: NodePath): SourcePosition };

type Schema = Record<string, unknown>;

export const pointerToPath = (pointer: string): (string | number)[] =>
  pointer === ''
    ? []
    : pointer.slice(1).split('/').map((part) => {
        const unescaped = part.replace(/~1/g, '/').replace(/~0/g, '~');
        return /^\d+$/.test(unescaped) ? Number(unescaped) : unescaped;
      });

export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const segment of path) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
  return node;
}

/**
 * How a path is named in messages: list items by their id where they have one, so that
 * `components.3.container.port` reads `components[points-api].container.port`.
 */
export function describePath(data: unknown, path: readonly (string | number)[]): string {
  let node = data;
  let text = '';
  for (const segment of path) {
    const next = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
    if (typeof segment === 'number') {
      const id = next && typeof next === 'object' ? (next as { id?: unknown }).id : undefined;
      text += typeof id === 'string' && id ? `[${id}]` : `[${segment}]`;
    } else {
      text += text ? `.${segment}` : segment;
    }
    node = next;
  }
  return text || 'the model';
}

/** `"abc"`, `42`, `a list`, `a mapping`, `null`: how a value is named in a message. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string', integer: 'a whole number', number: 'a number', boolean: 'true or false',
  object: 'a mapping (key: value)', array: 'a list', null: 'empty',
};

let componentFields: Map<string, string[]> | undefined;
/** Fields a component of each type may have, read from the schema's per-type branches. */
export function fieldsOfComponentType(type: unknown): string[] | undefined {
  if (!componentFields) {
    componentFields = new Map();
    const component = (architectureSchema().$defs as Record<string, Schema>).component!;
    for (const branch of (component.allOf as Schema[] | undefined) ?? []) {
      const type = ((branch.if as Schema).properties as Record<string, Schema>).type!.const as string;
      const names = ((branch.then as Schema).propertyNames as Schema | undefined)?.enum as string[] | undefined;
      componentFields.set(type, names ?? Object.keys(component.properties as Schema));
    }
  }
  return typeof type === 'string' ? componentFields.get(type) : undefined;
}

const isComponentPath = (path: readonly (string | number)[]): boolean => path.length === 2 && path[0] === 'components' && typeof path[1] === 'number';

const listOf = (names: readonly string[], max = 12): string =>
  `${names.slice(0, max).join(', ')}${names.length > max ? `, … (${names.length - max} more)` : ''}`;

function example(schema: unknown): string {
  const examples = (schema as Schema | undefined)?.examples;
  return Array.isArray(examples) && examples.length ? `, e.g. \`${typeof examples[0] === 'string' ? examples[0] : JSON.stringify(examples[0])}\`` : '';
}

/** Converts one ajv error; `data` is the validated document. */
export function toDiagnostic(error: ErrorObject, data: unknown, locator: Locator): Diagnostic {
  const path = pointerToPath(error.instancePath);
  const where = describePath(data, path);
  const value = valueAt(data, path);
  const at = (p: NodePath, key = false): SourcePosition => (key ? locator.locateKey(p) : locator.locate(p));
  const make = (position: SourcePosition, rule: string, message: string, hint: string): Diagnostic =>
    ({ file: locator.file, line: position.line, col: position.col, rule, severity: 'error', message, hint });
  const params = error.params as Record<string, unknown>;

  if (error.propertyName !== undefined) return propertyNameDiagnostic(error, data, path, value, at, make);

  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const last = path.at(-1);
      const position = typeof last === 'string' ? at(path, true) : at(path);
      const owner = typeof last === 'string' ? `\`${last}\`` : where;
      const fieldSchema = ((error.parentSchema as Schema | undefined)?.properties as Record<string, Schema> | undefined)?.[missing];
      return make(position, 'schema/required', `${owner} is missing the required field "${missing}"`, `add \`${missing}:\` to ${where}${example(fieldSchema)}`);
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const known = isComponentPath(path)
        ? fieldsOfComponentType((value as Schema | undefined)?.type) ?? Object.keys((error.parentSchema as Schema | undefined)?.properties ?? {})
        : Object.keys((error.parentSchema as Schema | undefined)?.properties ?? {});
      const suggestion = didYouMean(extra, known);
      return make(at([...path, extra], true), 'schema/unknown-field', `unknown field "${extra}" in ${where}`,
        suggestion ? `did you mean \`${suggestion}\`?` : `allowed fields: ${listOf(known)}`);
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestion = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      return make(at(path), 'schema/enum', `${where} is ${show(value)}, which is not an allowed value`,
        `${suggestion ? `did you mean \`${suggestion}\`? ` : ''}allowed: ${listOf(allowed, 24)}`);
    }
    case 'const':
      return make(at(path), 'schema/enum', `${where} is ${show(value)}, expected ${show(params.allowedValue)}`, `write ${show(params.allowedValue)}`);
    case 'type': {
      const wanted = String(params.type).split(',').map((t) => TYPE_NAMES[t] ?? t).join(' or ');
      if (path.length === 0) return make(at(path), 'schema/type', `the model must be a mapping of fields, not ${show(value)}`, 'start the file with `version: 1` and the model\'s top-level fields; see model/point-system.yaml');
      return make(at(path), 'schema/type', `${where} must be ${wanted}, not ${show(value)}`, `write ${wanted} here${example(error.parentSchema)}`);
    }
    case 'pattern':
      return make(at(path), 'schema/pattern', `${where} ${show(value)} has the wrong format`, patternHint(error));
    case 'format':
      return make(at(path), 'schema/pattern', `${where} ${show(value)} is not a valid ${String(params.format)}`, `write a valid ${String(params.format)}${example(error.parentSchema)}`);
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return make(at(path), 'schema/range', `${where} is ${show(value)}, but ${rangeText(error)}`, rangeHint(path, error));
    case 'minLength':
      return make(at(path), 'schema/min-length', `${where} ${params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long`}`,
        params.limit === 1 ? 'write a value, or remove the field' : `write at least ${String(params.limit)} characters`);
    case 'maxLength':
      return make(at(path), 'schema/max-length', `${where} is longer than ${String(params.limit)} characters`, 'shorten it');
    case 'minItems':
      return make(at(path), 'schema/min-items', `${where} needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`, 'add an item, or remove the field if it is optional');
    case 'maxItems':
      return make(at(path), 'schema/max-items', `${where} has more than ${String(params.limit)} items`, 'remove some items');
    case 'minProperties':
      return make(at(path), 'schema/min-items', `${where} must not be empty`, 'add at least one entry, or remove the field');
    case 'uniqueItems':
      return make(at([...path, Number(params.i)]), 'schema/unique-items', `${where} lists ${show((value as unknown[] | undefined)?.[Number(params.i)])} twice (items ${String(params.j)} and ${String(params.i)})`, 'remove the repeated item');
    case 'oneOf':
      return oneOfDiagnostic(error, path, where, value, at, make);
    case 'not':
      if (path.at(-1) === 'adjustment') return make(at(path), 'schema/range', `${where} must not be 0`, 'a scaling step adds (+) or removes (−) at least one task');
      return make(at(path), 'schema/not', `${where} has a value that is not allowed here`, 'see the field\'s description in model/architecture.schema.json');
    default:
      return make(at(path), `schema/${error.keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, `${where} ${error.message ?? 'is invalid'}`, 'see the field\'s description in model/architecture.schema.json');
  }
}

type Make = (position: SourcePosition, rule: string, message: string, hint: string) => Diagnostic;
type At = (path: NodePath, key?: boolean) => SourcePosition;

/** A key that breaks `propertyNames`: a field that a component type does not have, or a badly formed name. */
function propertyNameDiagnostic(error: ErrorObject, data: unknown, path: (string | number)[], value: unknown, at: At, make: Make): Diagnostic {
  const name = error.propertyName!;
  const position = at([...path, name], true);
  if (isComponentPath(path)) {
    const type = (value as Schema | undefined)?.type;
    const allowed = fieldsOfComponentType(type) ?? [];
    const suggestion = didYouMean(name, allowed);
    return make(position, 'schema/field-not-for-type', `field "${name}" does not apply to a component of type "${String(type)}"`,
      suggestion ? `did you mean \`${suggestion}\`?` : `remove it, or change \`type\`; a ${String(type)} has: ${listOf(allowed.filter((f) => !['id', 'type', 'name'].includes(f)), 16)}`);
  }
  const owner = describePath(data, path);
  if (error.keyword === 'pattern') {
    return make(position, 'schema/pattern', `name "${name}" in ${owner} has the wrong format`, 'names are ids: lowercase letters, digits and dashes, starting with a letter (e.g. `prod`, `dev`)');
  }
  return make(position, 'schema/unknown-field', `"${name}" is not an allowed name in ${owner}`, 'see the field\'s description in model/architecture.schema.json');
}

/** A value that fits none (or several) of the forms a field accepts. */
function oneOfDiagnostic(error: ErrorObject, path: (string | number)[], where: string, value: unknown, at: At, make: Make): Diagnostic {
  const parent = (error.parentSchema ?? {}) as Schema;
  const branches = (parent.oneOf as Schema[] | undefined) ?? [];
  const passing = (error.params as { passingSchemas?: number[] | null }).passingSchemas;
  const peerKeys = branches.map((b) => (b.required as string[] | undefined)?.[0]).filter((k): k is string => Boolean(k));
  if (peerKeys.length === branches.length && peerKeys.length > 0) {
    const named = peerKeys.filter((k) => value && typeof value === 'object' && k in value);
    return make(at(path), 'schema/one-of', named.length
      ? `${where} names ${named.map((k) => `\`${k}\``).join(' and ')}; a rule has exactly one peer`
      : `${where} names no peer`, `give the rule exactly one of ${peerKeys.map((k) => `\`${k}:\``).join(' or ')}`);
  }
  if (error.schemaPath.includes('/text/') || parent.title === 'Text') {
    return make(at(path), 'schema/type', `${where} must be text (a string, or \`{ ko: ..., en: ... }\`), not ${show(value)}`, 'write a string, or the text per language as `{ ko: 사용자, en: Users }`');
  }
  if (passing) return make(at(path), 'schema/one-of', `${where} matches several forms at once`, String(parent.description ?? 'see model/architecture.schema.json'));
  return make(at(path), 'schema/one-of', `${where} is ${show(value)}, which is none of the accepted forms`, String(parent.description ?? 'see model/architecture.schema.json'));
}

function rangeText(error: ErrorObject): string {
  const limit = String((error.params as { limit?: unknown }).limit);
  switch (error.keyword) {
    case 'minimum': return `the minimum is ${limit}`;
    case 'maximum': return `the maximum is ${limit}`;
    case 'exclusiveMinimum': return `it must be above ${limit}`;
    default: return `it must be below ${limit}`;
  }
}

function rangeHint(path: (string | number)[], error: ErrorObject): string {
  const schema = error.parentSchema as Schema | undefined;
  if (schema?.title === 'Port' || /port$/i.test(String(path.at(-1)))) return 'ports are 1–65535';
  const min = schema?.minimum ?? schema?.exclusiveMinimum;
  const max = schema?.maximum ?? schema?.exclusiveMaximum;
  const bounds = min !== undefined && max !== undefined ? `between ${String(min)} and ${String(max)}` : min !== undefined ? `at least ${String(min)}` : `at most ${String(max)}`;
  return `${String(schema?.title ?? 'the value')} must be ${bounds}${schema?.description ? ` (${String(schema.description).replace(/\.$/, '')})` : ''}`;
}

function patternHint(error: ErrorObject): string {
  const schema = error.parentSchema as Schema | undefined;
  const title = String(schema?.title ?? '');
  if (title === 'CIDR' || error.schemaPath.includes('/cidr/')) return 'write an IPv4 CIDR block: four numbers 0–255 and a prefix length 0–32, e.g. `10.0.1.0/24`';
  if (title === 'Id' || error.schemaPath.includes('/id/')) return 'ids use lowercase letters, digits and dashes, start with a letter and have at most 63 characters, e.g. `points-api`';
  if (title === 'Region' || error.schemaPath.includes('/region/')) return 'write a region code, e.g. `ap-northeast-2`';
  return `expected to match /${String((error.params as { pattern?: unknown }).pattern)}/${example(schema)}`;
}
