/**
 * `resolveValue`: what is known before deployment folds to a literal, resources stay references,
 * deploy-time values are `unknown` with a reason, and no value of a valid template makes it throw.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTemplateSet } from '../../src/cfn/read/index.js';
import { getAttTarget, intrinsicName, refTarget, resolveLiteral, resolveValue, resourceById, stackByPath } from '../../src/cfn/resolve.js';
import type { CfnStack, CfnTemplateSet, CfnValue } from '../../src/cfn/types.js';
import { tempFile } from './helpers.js';

const TEMPLATE = `
Parameters:
  Env: {Type: String, Default: dev}
  Size: {Type: Number}
Mappings:
  Sizing:
    prod: {Class: db.r6g.large, Count: 2, Zones: [a, b]}
Conditions:
  Yes: !Equals [a, a]
  No: !Not [!Condition Yes]
  Both: !And [!Condition Yes, !Equals ['80', 80]]
  Either: !Or [!Condition No, !Equals [x, y]]
  IsProd: !Equals [!Ref Env, prod]
  ProdOrYes: !Or [!Condition IsProd, !Condition Yes]
  ProdAndNo: !And [!Condition IsProd, !Condition No]
  ProdAndYes: !And [!Condition IsProd, !Condition Yes]
Resources:
  Db:
    Type: AWS::RDS::DBCluster
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      V: null
`;

let set: CfnTemplateSet;
let stack: CfnStack;
/** Each case's YAML source → its parsed value (every case is a property of one test template). */
const values = new Map<string, CfnValue>();
/** Resolves the value a case's YAML source was parsed into. */
async function resolveYaml(yaml: string) {
  return resolveValue(values.get(yaml)!, stack, set);
}

const CASES: Record<string, unknown> = {
  // Literals and plain structures.
  "'text'": { kind: 'literal', value: 'text' },
  '[1, true, null, {a: [x]}]': { kind: 'literal', value: [1, true, null, { a: ['x'] }] },
  // References.
  '!Ref Db': { kind: 'ref', logicalId: 'Db', stackPath: 'stack' },
  '!GetAtt Db.Endpoint.Address': { kind: 'attribute', logicalId: 'Db', attribute: 'Endpoint.Address', stackPath: 'stack' },
  '!GetAtt [Db, Endpoint.Port]': { kind: 'attribute', logicalId: 'Db', attribute: 'Endpoint.Port', stackPath: 'stack' },
  "{'Fn::GetAtt': Db.Arn}": { kind: 'attribute', logicalId: 'Db', attribute: 'Arn', stackPath: 'stack' },
  '!Select [1, [!Ref Topic, !Ref Db]]': { kind: 'ref', logicalId: 'Db', stackPath: 'stack' },
  // Folding.
  "!Join ['-', [a, 1, true, !Select [0, [b]]]]": { kind: 'literal', value: 'a-1-true-b' },
  "!Join ['', []]": { kind: 'literal', value: '' },
  "!Select ['1', !Split [',', 'x,y,z']]": { kind: 'literal', value: 'y' },
  "!Split ['/', 'a/b']": { kind: 'literal', value: ['a', 'b'] },
  "!Sub ['db-${Name}-${!Literal}', {Name: main}]": { kind: 'literal', value: 'db-main-${Literal}' },
  "!Sub ['${A}-${B}', {A: x, B: !Join ['', [y, z]]}]": { kind: 'literal', value: 'x-yz' },
  "!Sub 'plain'": { kind: 'literal', value: 'plain' },
  '!FindInMap [Sizing, prod, Class]': { kind: 'literal', value: 'db.r6g.large' },
  '!FindInMap [Sizing, !Select [0, [prod]], Zones]': { kind: 'literal', value: ['a', 'b'] },
  '!FindInMap [Sizing, dev, Class, {DefaultValue: db.t4g.medium}]': { kind: 'literal', value: 'db.t4g.medium' },
  '!If [Yes, 1, 2]': { kind: 'literal', value: 1 },
  '!If [No, 1, 2]': { kind: 'literal', value: 2 },
  '!If [Both, on, off]': { kind: 'literal', value: 'on' },
  '!If [Either, on, off]': { kind: 'literal', value: 'off' },
  '!If [ProdOrYes, on, off]': { kind: 'literal', value: 'on' },
  '!If [ProdAndNo, on, off]': { kind: 'literal', value: 'off' },
  '!If [Yes, !Ref Db, x]': { kind: 'ref', logicalId: 'Db', stackPath: 'stack' },
  '!Base64 hello': { kind: 'literal', value: 'aGVsbG8=' },
  "!Cidr ['10.0.0.0/16', 3, 8]": { kind: 'literal', value: ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24'] },
  "!Select [2, !Cidr ['10.1.7.9/16', '4', '12']]": { kind: 'literal', value: '10.1.32.0/20' },
  "!Cidr ['2001:db8::/56', 2, 64]": { kind: 'literal', value: ['2001:db8::/64', '2001:db8:0:1::/64'] },
  '!ToJsonString {a: [1, !Join ["", [b, c]]]}': { kind: 'literal', value: '{"a":[1,"bc"]}' },
  '!Length [a, b, c]': { kind: 'literal', value: 3 },
  '[a, !Ref AWS::NoValue, b]': { kind: 'literal', value: ['a', 'b'] },
  '{A: 1, B: !If [No, 2, !Ref AWS::NoValue]}': { kind: 'literal', value: { A: 1 } },
};

const UNKNOWN: Record<string, RegExp> = {
  '!Ref AWS::Region': /AWS::Region is known only at deploy time/,
  '!Ref AWS::NoValue': /AWS::NoValue/,
  '!Ref Env': /parameter Env is chosen at deploy time \(default "dev"\)/,
  '!Ref Size': /parameter Size is chosen at deploy time \(no default\)/,
  "!Join ['-', [a, !Ref Db]]": /Fn::Join: list item 2: a reference to resource Db/,
  "!Sub 'arn:${AWS::Partition}:x'": /Fn::Sub: \$\{AWS::Partition\}: AWS::Partition is known only at deploy time/,
  "!Sub '${Db.Endpoint.Address}:5432'": /Db\.Endpoint\.Address, known only after deployment/,
  '!If [IsProd, 1, 2]': /condition IsProd depends on a deploy-time value \(parameter Env is chosen at deploy time \(default "dev"\)\)/,
  '!If [ProdAndYes, 1, 2]': /condition ProdAndYes depends on a deploy-time value/,
  "!Select [0, !GetAZs '']": /Availability Zones/,
  '!ImportValue shared-vpc': /exported by another stack/,
  '!Cidr [!GetAtt Db.CidrBlock, 2, 8]': /Fn::Cidr: Db\.CidrBlock, known only after deployment/,
  "!Cidr ['10.0.0.0/24', 4, 8]": /4 blocks of \/24 do not fit in 10\.0\.0\.0\/24/,
  "!Cidr ['10.0.0.0/16', 0, 8]": /the count 0 is not between 1 and 256/,
  "!Cidr [nonsense, 1, 8]": /"nonsense" is not an address block/,
  '!FindInMap [Sizing, dev, Class]': /mapping Sizing has no dev\/Class/,
  '!Select [5, [a, b]]': /index 5 is past the end of the list \(2 items\)/,
  "!Select [x, [a]]": /the index: "x" is not a number/,
  '!Join [",", !Ref Env]': /Fn::Join: parameter Env/,
  '[a, !Ref Db]': /list item 2: a reference to resource Db/,
  "{'Fn::Unknown': 1}": /does not evaluate this function/,
};

beforeAll(async () => {
  const all = [...Object.keys(CASES), ...Object.keys(UNKNOWN)];
  const properties = all.map((yaml, i) => `      P${i}: ${yaml}`).join('\n');
  set = await readTemplateSet(await tempFile('stack.yaml', `${TEMPLATE}  Holder:\n    Type: AWS::SQS::Queue\n    Properties:\n${properties}\n`));
  stack = set.stacks[0]!;
  const holder = resourceById(stack, 'Holder')!;
  all.forEach((yaml, i) => values.set(yaml, holder.properties[`P${i}`]!));
});

describe('resolveValue folds what is known before deployment', () => {
  it.each(Object.entries(CASES))('%s', async (yaml, expected) => {
    expect(await resolveYaml(yaml)).toEqual(expected);
  });
});

describe('resolveValue reports deploy-time values as unknown, with the reason', () => {
  it.each(Object.entries(UNKNOWN))('%s', async (yaml, reason) => {
    const result = await resolveYaml(yaml);
    expect(result.kind).toBe('unknown');
    expect(result.kind === 'unknown' && result.reason).toMatch(reason);
    expect(result.kind === 'unknown' && result.expression).toEqual(values.get(yaml));
  });
});

describe('resolveValue never throws', () => {
  it('on a GetAtt of something that is not a resource (a template read without checks)', () => {
    expect(resolveValue({ 'Fn::GetAtt': ['Nothing', 'Arn'] }, stack, set)).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/Nothing is not a resource of stack stack/) });
  });

  const names = ['Ref', 'Fn::GetAtt', 'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::Sub', 'Fn::FindInMap', 'Fn::If', 'Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::Base64', 'Fn::GetAZs', 'Fn::Cidr', 'Fn::ToJsonString', 'Fn::Length', 'Condition', 'Fn::ImportValue'];
  const words = fc.constantFrom('Db', 'Topic', 'Env', 'Size', 'Yes', 'No', 'IsProd', 'Sizing', 'prod', 'Class', 'AWS::Region', 'AWS::NoValue', '', ',', '${Db}', '0', 'x');
  const { value } = fc.letrec<{ value: CfnValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      words,
      fc.integer({ min: -2, max: 5 }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.record({ name: fc.constantFrom(...names), argument: tie('value') }).map(({ name, argument }) => ({ [name]: argument })),
    ),
  }));

  it('on any combination of intrinsic functions and arguments', () => {
    fc.assert(fc.property(value, (v) => {
      const result = resolveValue(v, stack, set);
      expect(['literal', 'ref', 'attribute', 'unknown']).toContain(result.kind);
    }), { numRuns: 2000 });
  });

  it('on conditions that refer to each other in a circle', async () => {
    const text = 'Conditions:\n  A: !Condition B\n  B: !Not [!Condition A]\nResources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      V: !If [A, 1, 2]\n';
    const loop = await readTemplateSet(await tempFile('loop.yaml', text));
    const result = resolveValue(loop.stacks[0]!.resources[0]!.properties.V!, loop.stacks[0]!, loop);
    expect(result).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/refers to itself/) });
  });
});

describe('helpers', () => {
  it('name references and intrinsic functions', () => {
    expect(refTarget({ Ref: 'Db' })).toBe('Db');
    expect(refTarget({ Ref: 'Db', Other: 1 })).toBeUndefined();
    expect(refTarget('Db')).toBeUndefined();
    expect(getAttTarget({ 'Fn::GetAtt': ['Db', 'Endpoint.Address'] })).toEqual({ logicalId: 'Db', attribute: 'Endpoint.Address' });
    expect(getAttTarget({ 'Fn::GetAtt': 'Db.Endpoint.Address' })).toEqual({ logicalId: 'Db', attribute: 'Endpoint.Address' });
    expect(getAttTarget({ Ref: 'Db' })).toBeUndefined();
    expect(intrinsicName({ 'Fn::Join': ['', []] })).toBe('Fn::Join');
    expect(intrinsicName({ Key: 'v' })).toBeUndefined();
  });

  it('find resources and stacks, and literals', () => {
    expect(resourceById(stack, 'Db')?.type).toBe('AWS::RDS::DBCluster');
    expect(resourceById(stack, 'Nope')).toBeUndefined();
    expect(stackByPath(set, 'stack')).toBe(stack);
    expect(resolveLiteral({ 'Fn::Join': ['', ['a', 'b']] }, stack, set)).toBe('ab');
    expect(resolveLiteral({ Ref: 'Db' }, stack, set)).toBeUndefined();
  });
});
