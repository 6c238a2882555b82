/**
 * Every name a template value refers to: `Ref`, `Fn::GetAtt`, the variables of `Fn::Sub`,
 * `Fn::If` / `Condition` condition names and `Fn::FindInMap` mapping names, with where each is
 * written.
 */
import type { CfnValue } from '../types.js';
import { parseSub, splitSubVariable } from './sub.js';

export interface TemplateReference {
  readonly kind: 'Ref' | 'Fn::GetAtt' | 'Fn::Sub' | 'condition' | 'mapping';
  /** The logical id, parameter, pseudo parameter, condition or mapping named. */
  readonly target: string;
  readonly attribute?: string;
  /** The object holding the reference and its key, for {@link positionOf}. */
  readonly container: object;
  readonly key: string | number;
}

/** Pseudo parameters: valid `Ref` targets in every template. */
export const PSEUDO_PARAMETERS: ReadonlySet<string> = new Set([
  'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix',
]);

/**
 * Calls `visit` for every reference inside `value`, depth first, in written order.
 * `{ "Condition": "Name" }` is a reference only inside the `Conditions` section (`inConditions`);
 * elsewhere `Condition` is an ordinary property name.
 */
export function forEachReference(value: CfnValue, visit: (reference: TemplateReference) => void, inConditions = false): void {
  walk(value, visit, new Set(), inConditions);
}

function walk(value: CfnValue, visit: (reference: TemplateReference) => void, locals: ReadonlySet<string>, inConditions = false): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit, locals, inConditions);
    return;
  }
  const object = value as { readonly [key: string]: CfnValue };
  const keys = Object.keys(object);
  if (keys.length === 1) {
    const key = keys[0]!;
    const argument = object[key]!;
    if (key === 'Ref') {
      // A Ref to a list or mapping names nothing: reported like a Ref without a name.
      const target = typeof argument === 'string' ? argument : '';
      if (!locals.has(target)) visit({ kind: 'Ref', target, container: object, key });
      return;
    }
    if (key === 'Fn::GetAtt') {
      const target = Array.isArray(argument) ? argument[0] : typeof argument === 'string' ? argument.split('.')[0] : undefined;
      const attribute = Array.isArray(argument) ? argument[1] : typeof argument === 'string' && argument.includes('.') ? argument.slice(argument.indexOf('.') + 1) : undefined;
      if (typeof target === 'string') visit({ kind: 'Fn::GetAtt', target, ...(typeof attribute === 'string' ? { attribute } : {}), container: object, key });
      if (Array.isArray(argument)) walk(argument.slice(1), visit, locals, inConditions);
      return;
    }
    if (key === 'Fn::Sub') {
      const [template, variables] = Array.isArray(argument) ? [argument[0], argument[1]] : [argument, undefined];
      const names = new Set(locals);
      if (variables && typeof variables === 'object' && !Array.isArray(variables)) {
        for (const name of Object.keys(variables)) names.add(name);
        walk(variables, visit, locals);
      }
      if (typeof template === 'string') {
        for (const part of parseSub(template)) {
          if (part.kind !== 'variable' || names.has(part.name)) continue;
          const { target, attribute } = splitSubVariable(part.name);
          visit({ kind: 'Fn::Sub', target, ...(attribute !== undefined ? { attribute } : {}), container: object, key });
        }
      } else {
        walk(template ?? null, visit, locals);
      }
      return;
    }
    if (key === 'Fn::If' && Array.isArray(argument) && typeof argument[0] === 'string') {
      visit({ kind: 'condition', target: argument[0], container: argument, key: 0 });
      walk(argument.slice(1), visit, locals, inConditions);
      return;
    }
    if (inConditions && key === 'Condition' && typeof argument === 'string') {
      visit({ kind: 'condition', target: argument, container: object, key });
      return;
    }
    if (key === 'Fn::FindInMap' && Array.isArray(argument) && typeof argument[0] === 'string') {
      visit({ kind: 'mapping', target: argument[0], container: argument, key: 0 });
      walk(argument.slice(1), visit, locals, inConditions);
      return;
    }
  }
  for (const key of keys) walk(object[key]!, visit, locals, inConditions);
}
