/**
 * Turns one parsed template into a {@link CfnStack}, checking its shape on the way: a mapping,
 * with `Resources`, each resource a mapping with a well-formed `Type`. Problems are collected,
 * not thrown, so one run reports all of them.
 */
import { didYouMean, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { CfnResource, CfnStack, CfnValue, TemplatePosition } from '../types.js';
import { templateError } from './problems.js';
import { positionOf } from './source-text.js';

export type CfnObject = { readonly [key: string]: CfnValue };

export interface BuiltStack {
  readonly stack: CfnStack;
  readonly problems: readonly Diagnostic[];
  /** Top-level `Transform` (SAM, macros): resources may appear only after the transform runs. */
  readonly transformed: boolean;
  /** The raw mapping of each resource, by logical id (for positions of `DependsOn` and the like). */
  readonly bodies: ReadonlyMap<string, CfnObject>;
}

const LOGICAL_ID = /^[A-Za-z0-9]+$/;
const RESOURCE_TYPE = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+(::MODULE)?$/;
const CUSTOM_TYPE = /^Custom::[A-Za-z0-9_@-]{1,60}$/;

/** Whether `type` is a well-formed resource type name (not whether AWS knows it). */
export function isWellFormedType(type: string): boolean {
  return RESOURCE_TYPE.test(type) || CUSTOM_TYPE.test(type);
}

/** `{ "Ref": … }` or `{ "Fn::…": … }`: a value computed by CloudFormation. */
const isIntrinsic = (value: CfnObject): boolean => {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::')) && keys[0] !== 'Fn::Transform';
};

export const isObject = (value: CfnValue | undefined): value is CfnObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Builds the stack `stackPath` from a parsed template rooted at `data`. */
export function buildStack(data: CfnValue, file: string, stackPath: string): BuiltStack {
  const problems: Diagnostic[] = [];
  const here = (container: object, key?: string | number): TemplatePosition => positionOf(container, key) ?? { file, line: 0, col: 0 };
  const report = (at: TemplatePosition, rule: string, message: string, hint: string) => problems.push(templateError(at, rule, message, hint));

  if (!isObject(data)) {
    report({ file, line: 1, col: 1 }, 'cfn/not-a-mapping', `template is ${describe(data)}, not a mapping`, 'a template is a mapping with `Resources:` (and optionally `Parameters:`, `Outputs:`, …)');
    return { stack: emptyStack(stackPath, file), problems, transformed: false, bodies: new Map() };
  }
  // A Transform (SAM, a macro) or an `Fn::Transform` inside a section (AWS::Include) adds content at deploy time.
  const transformed = data.Transform !== undefined || Object.values(data).some((section) => isObject(section) && section['Fn::Transform'] !== undefined);
  const section = (name: string): CfnObject => {
    const value = data[name];
    if (value === undefined || value === null) return {};
    if (isObject(value) && !isIntrinsic(value)) return value;
    report(here(data, name), 'cfn/invalid-section', `\`${name}\` is ${isObject(value) ? `the function ${Object.keys(value)[0]}` : describe(value)}, not a mapping`, `write \`${name}:\` as a mapping of names to definitions`);
    return {};
  };

  const resourcesSection = section('Resources');
  if (data.Resources === undefined) {
    const known = didYouMean('Resources', Object.keys(data));
    const assemblyFile = data.artifacts !== undefined || (typeof data.version === 'string' && Object.keys(data).length === 1);
    report(here(data), 'cfn/no-resources', 'template has no `Resources` section',
      assemblyFile ? 'this is a file of a CDK cloud assembly, not a template: pass the directory that holds it (cdk.out)'
        : known ? `did you mean \`Resources\` instead of \`${known}\`?` : 'every CloudFormation template declares at least one resource under `Resources:`');
  } else if ((data.Resources === null || (isObject(data.Resources) && !isIntrinsic(data.Resources))) && Object.keys(resourcesSection).length === 0) {
    report(here(data, 'Resources'), 'cfn/no-resources', '`Resources` is empty', 'every CloudFormation template declares at least one resource');
  }

  const resources: CfnResource[] = [];
  const bodies = new Map<string, CfnObject>();
  for (const [logicalId, body] of Object.entries(resourcesSection)) {
    const at = here(resourcesSection, logicalId);
    if (logicalId === 'Fn::Transform' || (transformed && logicalId.startsWith('Fn::ForEach::'))) continue;
    if (!LOGICAL_ID.test(logicalId)) {
      report(at, 'cfn/invalid-logical-id', `logical id "${logicalId}" has characters other than letters and digits`, 'CloudFormation logical ids are alphanumeric (A-Z, a-z, 0-9)');
    }
    if (!isObject(body)) {
      report(at, 'cfn/resource-not-a-mapping', `resource ${logicalId} is ${describe(body)}, not a mapping`, 'a resource is a mapping with `Type:` and usually `Properties:`');
      continue;
    }
    bodies.set(logicalId, body);
    const type = body.Type;
    if (type === undefined) {
      report(at, 'cfn/missing-type', `resource ${logicalId} has no \`Type\``, 'add `Type: AWS::Service::Resource`, e.g. `Type: AWS::EC2::VPC`');
      continue;
    }
    if (typeof type !== 'string' || !isWellFormedType(type)) {
      report(here(body, 'Type'), 'cfn/invalid-type', `resource ${logicalId} has the malformed type ${JSON.stringify(type)}`,
        'types look like `AWS::EC2::VPC`, `Custom::Name` or `Org::Service::Thing::MODULE`: names separated by `::`');
      continue;
    }
    const properties = body.Properties;
    if (properties !== undefined && properties !== null && !isObject(properties)) {
      report(here(body, 'Properties'), 'cfn/invalid-section', `\`Properties\` of ${logicalId} is ${describe(properties)}, not a mapping`, 'write the properties as a mapping of names to values');
    }
    const metadata = body.Metadata;
    const condition = body.Condition;
    if (condition !== undefined && typeof condition !== 'string') {
      report(here(body, 'Condition'), 'cfn/invalid-section', `\`Condition\` of ${logicalId} is ${describe(condition)}, not a condition name`, 'write the name of a condition declared under `Conditions:`');
    }
    resources.push({
      logicalId,
      type,
      properties: isObject(properties) ? properties : {},
      dependsOn: dependsOnOf(body, logicalId, here, report),
      ...(typeof condition === 'string' ? { condition } : {}),
      metadata: isObject(metadata) ? metadata : {},
      position: at,
      stackPath,
    });
  }

  const parameters: Record<string, { type: string; default?: CfnValue }> = {};
  const parametersSection = section('Parameters');
  for (const [name, definition] of Object.entries(parametersSection)) {
    if (!isObject(definition) || typeof definition.Type !== 'string') {
      report(here(parametersSection, name), 'cfn/invalid-parameter', `parameter ${name} has no \`Type\``, 'declare parameters as `Name: { Type: String, Default: … }`');
      continue;
    }
    parameters[name] = { type: definition.Type, ...(definition.Default !== undefined ? { default: definition.Default } : {}) };
  }
  const description = data.Description;
  const stack: CfnStack = {
    path: stackPath,
    file,
    ...(typeof description === 'string' ? { description } : {}),
    parameters,
    conditions: section('Conditions'),
    mappings: section('Mappings'),
    outputs: section('Outputs'),
    resources,
  };
  return { stack, problems, transformed, bodies };
}

function dependsOnOf(body: CfnObject, logicalId: string, here: (container: object, key?: string | number) => TemplatePosition, report: (at: TemplatePosition, rule: string, message: string, hint: string) => void): string[] {
  const value = body.DependsOn;
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  report(here(body, 'DependsOn'), 'cfn/invalid-depends-on', `\`DependsOn\` of ${logicalId} is not a logical id or a list of them`, 'write `DependsOn: OtherResource` or `DependsOn: [A, B]`');
  return [];
}

function emptyStack(path: string, file: string): CfnStack {
  return { path, file, parameters: {}, conditions: {}, mappings: {}, outputs: {}, resources: [] };
}

/** "a list", "the string \"x\"", … for messages. */
export function describe(value: CfnValue | undefined): string {
  if (value === undefined || value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `the ${typeof value} ${String(value)}`;
}
