/**
 * CloudFormation's YAML short forms (`!Ref`, `!GetAtt`, `!Sub`, …) and their long JSON forms.
 * The `yaml` library accepts each tag on a scalar, a sequence or a mapping; converting the tagged
 * node into its long form happens while the document is turned into data (yaml-template.ts),
 * where positions are still at hand.
 */
import type { Tags } from 'yaml';
import type { CfnValue } from '../types.js';

/** Short-form tag (without `!`) → the key of its long form. */
export const SHORT_FORMS: ReadonlyMap<string, string> = new Map([
  ['Ref', 'Ref'],
  ['Condition', 'Condition'],
  ...[
    'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not', 'FindInMap', 'Base64', 'Cidr', 'GetAZs',
    'ImportValue', 'Transform', 'ToJsonString', 'Length',
    // Rule functions, valid in a template's Rules section.
    'Contains', 'EachMemberEquals', 'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll',
  ].map((name) => [name, `Fn::${name}`] as [string, string]),
]);

/** Tags for `yaml`'s `customTags`: every short form on scalars, sequences and mappings, kept as nodes. */
export const CFN_YAML_TAGS: Tags = [...SHORT_FORMS.keys()].flatMap((name) => [
  { tag: `!${name}`, identify: () => false, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, identify: () => false, resolve: <T>(value: T) => value },
  { tag: `!${name}`, collection: 'map' as const, identify: () => false, resolve: <T>(value: T) => value },
]) as Tags;

/**
 * The long form of `!name value`. `!GetAtt A.B.C` splits at the first dot: attribute names may
 * hold dots themselves (`Endpoint.Address`).
 */
export function longForm(name: string, value: CfnValue): { readonly [key: string]: CfnValue } {
  const key = SHORT_FORMS.get(name)!;
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { [key]: dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [key]: value };
}
