/**
 * Validates raw model data against the JSON Schema with ajv and turns ajv's errors into
 * diagnostics a person can act on: one per problem, at the offending YAML node, with a hint.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { didYouMean, type Diagnostic } from '../diagnostics/diagnostic.js';
import { architectureSchema } from '../model/schema.js';
import type { NodePath, SourcePosition } from '../model/types.js';

type Locator = { file: string; locate(path: NodePath): SourcePosition; locateKey(path: NodePath): SourcePosition };

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
    (addFormatsModule as unknown as (ajv: Ajv2020) => void)(ajv);
    compiled = ajv.compile(architectureSchema());
  }
  return compiled;
}

const pointerToPath = (pointer: string): (string | number)[] =>
  pointer === ''
    ? []
    : pointer.slice(1).split('/').map((part) => {
        const unescaped = part.replace(/~1/g, '/').replace(/~0/g, '~');
        return /^\d+$/.test(unescaped) ? Number(unescaped) : unescaped;
      });

/** Errors that only summarize others (a failed `if`, a `oneOf` whose branches already reported). */
const UMBRELLA = new Set(['if', 'oneOf', 'anyOf', 'allOf']);

export function validateAgainstSchema(data: unknown, locator: Locator): Diagnostic[] {
  const validate = validator();
  if (validate(data)) return [];
  // A `propertyNames` failure comes with an inner `enum` error carrying `propertyName`; keep the outer one.
  const errors = (validate.errors ?? [])
    .filter((error) => !('propertyName' in error && error.keyword !== 'propertyNames'))
    .filter((error) => !UMBRELLA.has(error.keyword) || onlyError(error, validate.errors ?? []));
  return collapseTextErrors(errors).map((error) => toDiagnostic(error, data, locator));
}

function onlyError(error: ErrorObject, all: readonly ErrorObject[]): boolean {
  return !all.some((other) => other !== error && !UMBRELLA.has(other.keyword) && other.instancePath.startsWith(error.instancePath));
}

/**
 * A localized text is `string | {ko, en}`: ajv reports both branches failing. Keep one error
 * for such nodes, unless the object branch found a real key problem.
 */
function collapseTextErrors(errors: ErrorObject[]): ErrorObject[] {
  const textOneOf = new Set(errors.filter((e) => e.keyword === 'oneOf' && e.schemaPath.includes('/text/')).map((e) => e.instancePath));
  return errors.filter((e) => {
    if (!e.schemaPath.includes('/$defs/text/')) return true;
    if (e.keyword === 'type' && e.schemaPath.endsWith('/0/type')) return false;
    return !textOneOf.has(e.instancePath) || e.keyword !== 'oneOf';
  });
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const segment of path) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
  return node;
}

function toDiagnostic(error: ErrorObject, data: unknown, locator: Locator): Diagnostic {
  const path = pointerToPath(error.instancePath);
  const where = path.length ? path.join('.') : 'model';
  const base = { file: locator.file, severity: 'error' as const };
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { ...base, ...locator.locate(path), rule: 'schema/required', message: `${where} is missing required field "${missing}"`, hint: `add \`${missing}:\` to ${where}` };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const parentSchema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
      const known = Object.keys(parentSchema?.properties ?? {});
      const suggestion = didYouMean(extra, known);
      return {
        ...base, ...locator.locateKey([...path, extra]), rule: 'schema/unknown-field',
        message: `unknown field "${extra}" in ${where}`,
        hint: suggestion ? `did you mean \`${suggestion}\`?` : `allowed fields: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}`,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const value = String(valueAt(data, path));
      const suggestion = didYouMean(value, allowed);
      return {
        ...base, ...locator.locate(path), rule: 'schema/enum', message: `${where} is "${value}", not one of the allowed values`,
        hint: suggestion ? `did you mean \`${suggestion}\`? allowed: ${allowed.join(', ')}` : `allowed: ${allowed.join(', ')}`,
      };
    }
    case 'type':
      return { ...base, ...locator.locate(path), rule: 'schema/type', message: `${where} must be ${params.type}`, hint: `write a ${params.type} here` };
    case 'pattern':
      return { ...base, ...locator.locate(path), rule: 'schema/pattern', message: `${where} "${String(valueAt(data, path))}" has the wrong format`, hint: `expected to match ${params.pattern}${patternHint(error.schemaPath)}` };
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return { ...base, ...locator.locate(path), rule: 'schema/range', message: `${where} is ${String(valueAt(data, path))}, ${error.message}`, hint: rangeHint(error.schemaPath) };
    case 'propertyNames': {
      const field = String(params.propertyName);
      const component = valueAt(data, path) as Record<string, unknown> | undefined;
      const allowed = ((error.schema as { enum?: string[] } | undefined)?.enum ?? []);
      const suggestion = didYouMean(field, allowed);
      return {
        ...base, ...locator.locateKey([...path, field]), rule: 'schema/field-not-for-type',
        message: `field "${field}" does not apply to a component of type "${String(component?.type)}"`,
        hint: suggestion ? `did you mean \`${suggestion}\`?` : 'remove it, or change `type` to the kind of component that has this field',
      };
    }
    case 'not':
      return notDiagnostic(base, path, where, error, locator);
    default:
      return { ...base, ...locator.locate(path), rule: `schema/${error.keyword.toLowerCase()}`, message: `${where} ${error.message ?? 'is invalid'}`, hint: hintFor(error.keyword) };
  }
}

function notDiagnostic(base: { file: string; severity: 'error' }, path: (string | number)[], where: string, error: ErrorObject, locator: Locator): Diagnostic {
  if (error.schemaPath.includes('adjustment') || path.at(-1) === 'adjustment') {
    return { ...base, ...locator.locate(path), rule: 'schema/range', message: `${where} must not be 0`, hint: 'a scaling step adds (+) or removes (−) at least one task' };
  }
  return { ...base, ...locator.locate(path), rule: 'schema/not', message: `${where} ${error.message ?? 'is invalid'}`, hint: hintFor('not') };
}

function patternHint(schemaPath: string): string {
  if (schemaPath.includes('/cidr/')) return ' (an IPv4 CIDR like 10.0.0.0/16)';
  if (schemaPath.includes('/id/')) return ' (lowercase letters, digits and dashes, starting with a letter)';
  if (schemaPath.includes('/region/')) return ' (a region code like ap-northeast-2)';
  return '';
}

function rangeHint(schemaPath: string): string {
  if (schemaPath.includes('/port/')) return 'ports are 1–65535';
  return 'see the field\'s description in model/architecture.schema.json';
}

function hintFor(keyword: string): string {
  switch (keyword) {
    case 'oneOf': return 'a rule names exactly one peer: `securityGroup:` or `cidr:`; egress is `all`, `none` or a list';
    case 'minItems': return 'add at least one item';
    case 'uniqueItems': return 'remove the repeated item';
    case 'minLength': return 'write a non-empty value';
    default: return 'see model/architecture.schema.json';
  }
}
