/**
 * Reference checks of one stack: every `Ref`, `Fn::GetAtt`, `Fn::Sub` variable, `DependsOn`,
 * condition and mapping name must exist, and resources must not depend on each other in a
 * circle (CloudFormation could not order their creation).
 */
import { didYouMean, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { CfnStack, CfnValue, TemplatePosition } from '../types.js';
import { templateError } from './problems.js';
import { forEachReference, PSEUDO_PARAMETERS, type TemplateReference } from './references.js';
import { positionOf } from './source-text.js';
import type { BuiltStack } from './template.js';

export interface ReferenceCheck {
  readonly problems: readonly Diagnostic[];
  /** References a transform (SAM, a macro) may satisfy: reported as warnings, not errors. */
  readonly warnings: readonly Diagnostic[];
}

/** `Fn::GetAtt: [Id, { Ref: AttributeName }]`: the attribute is chosen by a parameter. */
function isIntrinsicAttribute(reference: TemplateReference): boolean {
  const argument = (reference.container as { readonly [key: string]: CfnValue })['Fn::GetAtt'];
  return Array.isArray(argument) && typeof argument[1] === 'object' && argument[1] !== null;
}

/** CDK logical ids end with an 8-character hash: `Queue` → `Queue4A7E3555`. */
const CDK_HASH = /[0-9A-F]{8}$/;
const MAX_FUZZY_CANDIDATES = 2000;
const MAX_FUZZY_PROBLEMS = 200;

interface Edge {
  readonly to: string;
  /** Where the reference is written; computed only for the cycle reported. */
  readonly at: () => TemplatePosition;
}

/** Checks the references of a stack built by `buildStack`. */
export function checkReferences(built: BuiltStack): ReferenceCheck {
  const { stack, bodies, transformed } = built;
  const problems: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const resourceIds = new Set([...bodies.keys()]);
  const resourceList = [...resourceIds];
  const refNames = [...resourceList, ...Object.keys(stack.parameters), ...PSEUDO_PARAMETERS];
  const byCdkPrefix = new Map(resourceList.filter((id) => CDK_HASH.test(id)).map((id) => [id.slice(0, -8), id]));
  /** A close name: fuzzy for the first problems only (edit distance is costly), then CDK's hashed ids. */
  const suggest = (name: string, candidates: readonly string[], otherwise: string): string => {
    const fuzzy = problems.length + warnings.length < MAX_FUZZY_PROBLEMS && candidates.length <= MAX_FUZZY_CANDIDATES;
    const close = (fuzzy ? didYouMean(name, candidates) : undefined) ?? byCdkPrefix.get(name);
    return close ? `did you mean "${close}"?` : otherwise;
  };
  const at = (container: object, key?: string | number): TemplatePosition => positionOf(container, key) ?? { file: stack.file, line: 0, col: 0 };
  const unknown = (position: TemplatePosition, message: string, hint: string, rule = 'cfn/unknown-reference') => {
    const diagnostic = templateError(position, rule, message, hint);
    if (transformed) warnings.push({ ...diagnostic, severity: 'warning', hint: `${hint}; the template's Transform may create it` });
    else problems.push(diagnostic);
  };

  const checkOne = (reference: TemplateReference, edges?: Edge[]) => {
    const where = () => at(reference.container, reference.key);
    const { target } = reference;
    if (target.trim() === '') {
      const name = reference.kind === 'condition' || reference.kind === 'mapping' ? `a ${reference.kind}` : reference.kind;
      unknown(where(), `${name} without a name`, 'write the logical id (or parameter, condition, mapping name) it refers to');
      return;
    }
    switch (reference.kind) {
      case 'condition':
        if (!(target in stack.conditions)) unknown(where(), `condition "${target}" is not declared`, suggest(target, Object.keys(stack.conditions), 'declare it under `Conditions:`'), 'cfn/unknown-condition');
        return;
      case 'mapping':
        if (!(target in stack.mappings)) unknown(where(), `mapping "${target}" is not declared`, suggest(target, Object.keys(stack.mappings), 'declare it under `Mappings:`'), 'cfn/unknown-mapping');
        return;
      case 'Ref':
      case 'Fn::Sub':
        if (reference.attribute === undefined && (PSEUDO_PARAMETERS.has(target) || target in stack.parameters)) return;
        if (resourceIds.has(target)) {
          edges?.push({ to: target, at: where });
          return;
        }
        unknown(where(), `${reference.kind === 'Ref' ? 'Ref' : 'Fn::Sub variable'} "${reference.attribute === undefined ? target : `${target}.${reference.attribute}`}" names no resource${reference.attribute === undefined ? ', parameter or pseudo parameter' : ''}`,
          suggest(target, reference.attribute === undefined ? refNames : resourceList, 'declare it under `Resources:` or `Parameters:`'));
        return;
      case 'Fn::GetAtt':
        if (reference.attribute === '' || (reference.attribute === undefined && !isIntrinsicAttribute(reference))) {
          problems.push(templateError(where(), 'cfn/malformed-intrinsic', `Fn::GetAtt of "${target}" names no attribute`, `write \`!GetAtt ${target}.Attribute\` or \`Fn::GetAtt: [${target}, Attribute]\``));
          return;
        }
        if (resourceIds.has(target)) {
          edges?.push({ to: target, at: where });
          return;
        }
        unknown(where(), `Fn::GetAtt names "${target}", which is not a resource`, suggest(target, resourceList, 'Fn::GetAtt reads an attribute of a resource declared under `Resources:`'));
    }
  };

  const graph = new Map<string, Edge[]>();
  for (const resource of stack.resources) {
    const edges: Edge[] = [];
    const body = bodies.get(resource.logicalId)!;
    forEachReference(body.Properties ?? null, (reference) => checkOne(reference, edges));
    forEachReference(body.Metadata ?? null, (reference) => checkOne(reference));
    for (const [index, name] of resource.dependsOn.entries()) {
      const dependsOn = body.DependsOn;
      const where = () => (Array.isArray(dependsOn) ? at(dependsOn, index) : at(body, 'DependsOn'));
      if (resourceIds.has(name)) edges.push({ to: name, at: where });
      else unknown(where(), `DependsOn names "${name}", which is not a resource`, suggest(name, resourceList, 'DependsOn lists logical ids of resources in the same template'));
    }
    if (resource.condition !== undefined) checkOne({ kind: 'condition', target: resource.condition, container: body, key: 'Condition' });
    graph.set(resource.logicalId, edges);
  }
  forEachReference(stack.conditions as CfnValue, (reference) => checkOne(reference), true);
  forEachReference(stack.outputs as CfnValue, (reference) => checkOne(reference));

  const cycle = findCycle(stack, graph);
  if (cycle) problems.push(cycle);
  return { problems, warnings };
}

/** The first dependency cycle, in template order, as one diagnostic naming it `A → B → A`. */
function findCycle(stack: CfnStack, graph: ReadonlyMap<string, readonly Edge[]>): Diagnostic | undefined {
  const state = new Map<string, 'open' | 'done'>();
  for (const resource of stack.resources) {
    if (state.has(resource.logicalId)) continue;
    // Iterative depth-first search: a hostile template may chain thousands of resources.
    const path: { id: string; edge: number; via?: Edge }[] = [{ id: resource.logicalId, edge: 0 }];
    state.set(resource.logicalId, 'open');
    while (path.length) {
      const top = path[path.length - 1]!;
      const edges = graph.get(top.id) ?? [];
      if (top.edge >= edges.length) {
        state.set(top.id, 'done');
        path.pop();
        continue;
      }
      const edge = edges[top.edge++]!;
      const seen = state.get(edge.to);
      if (seen === 'done') continue;
      if (seen === 'open') {
        const start = path.findIndex((frame) => frame.id === edge.to);
        const members = path.slice(start);
        const names = [...members.map((frame) => frame.id), edge.to];
        const first = members[1]?.via ?? edge;
        return templateError(first.at(), 'cfn/circular-reference', `circular reference: ${names.join(' → ')}`,
          'each resource in the circle waits for the next one; remove one of the references (for security groups, move a rule into its own AWS::EC2::SecurityGroupIngress/Egress resource)');
      }
      state.set(edge.to, 'open');
      path.push({ id: edge.to, edge: 0, via: edge });
    }
  }
  return undefined;
}
