/**
 * JSON templates: the position-keeping parser agrees with `JSON.parse` on every JSON value
 * (property-based), and resources and values keep their line and column.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionOf, readTemplateSet } from '../../src/cfn/read/index.js';
import { parseTemplateBytes, DEFAULT_LIMITS } from '../../src/cfn/read/load-text.js';
import type { CfnValue } from '../../src/cfn/types.js';
import { locate, tempFile } from './helpers.js';

const parse = (text: string) => parseTemplateBytes('t.json', new TextEncoder().encode(text), { ...DEFAULT_LIMITS, maxDepth: 1000 }).data;

describe('the JSON parser', () => {
  it('agrees with JSON.parse on any JSON object, compact or indented', () => {
    const json = fc.jsonValue({ maxDepth: 6 }).filter((value) => typeof value === 'object' && value !== null && !Array.isArray(value));
    fc.assert(fc.property(json, fc.constantFrom(undefined, 1, '\t'), (value, indent) => {
      const text = JSON.stringify(value, null, indent);
      expect(parse(text)).toEqual(JSON.parse(text));
    }), { numRuns: 300 });
  });

  it('knows where every key and item of any JSON object is written', () => {
    const json = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 5 }), { minKeys: 1 });
    fc.assert(fc.property(json, fc.constantFrom(undefined, 2), (value, indent) => {
      const text = JSON.stringify(value, null, indent);
      const lines = text.split('\n');
      const check = (node: unknown) => {
        if (node === null || typeof node !== 'object') return;
        for (const [key, child] of Object.entries(node)) {
          const at = positionOf(node, Array.isArray(node) ? Number(key) : key)!;
          const written = lines[at.line - 1]!.slice(at.col - 1);
          expect(written.startsWith(Array.isArray(node) ? JSON.stringify(child).slice(0, 1) : JSON.stringify(key))).toBe(true);
          check(child);
        }
      };
      check(parse(text));
    }), { numRuns: 200 });
  });

  it('decodes every escape, including surrogate pairs', () => {
    const text = String.raw`{"a": "q\"b\\s\/n\nt\tr\rf\fb\bu\u00e9\ud83d\ude00 end", "b": -0.5e-3, "c": [true, false, null], "__proto__": {"x": 1}}`;
    const value = parse(text) as Record<string, CfnValue>;
    expect(value).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['a', 'b', 'c', '__proto__']);
  });

  it.each([
    ['{"a": 01}', '1}'],
    ['{"a": -}', '-'],
    ['{"a": "x\ny"}', '\n'],
    ['{"a": "\\q"}', '\\q'],
    ['{"a": "\\u12G4"}', '\\u'],
    ["{'a': 1}", "'a'"],
    ['{"a": tru}', 'tru'],
  ])('refuses %j at the offending character', async (text, needle) => {
    const file = await tempFile('t.json', text);
    const error = await readTemplateSet(file).catch((e: { diagnostics: { rule: string; line: number; col: number }[] }) => e);
    const { line, col } = locate(text, needle);
    expect((error as { diagnostics: unknown[] }).diagnostics).toMatchObject([{ rule: 'cfn/json-syntax', line, col }]);
  });
});

describe('a JSON template', () => {
  const text = [
    '{',
    '  "AWSTemplateFormatVersion": "2010-09-09",',
    '  "Parameters": { "Env": { "Type": "String", "Default": "dev" } },',
    '  "Resources": {',
    '    "Bucket": {',
    '      "Type": "AWS::S3::Bucket",',
    '      "Properties": { "BucketName": { "Fn::Sub": "logs-${Env}" }, "Tags": [{ "Key": "team", "Value": "points" }] }',
    '    },',
    '    "Queue": {',
    '      "Type": "AWS::SQS::Queue",',
    '      "DependsOn": ["Bucket"],',
    '      "Condition": "IsDev",',
    '      "Metadata": { "owner": "points" }',
    '    }',
    '  },',
    '  "Conditions": { "IsDev": { "Fn::Equals": [{ "Ref": "Env" }, "dev"] } },',
    '  "Outputs": { "Name": { "Value": { "Ref": "Bucket" } } }',
    '}',
  ].join('\n');

  it('reads resources with positions, whatever the extension', async () => {
    for (const name of ['stack.json', 'stack.template', 'stack.txt']) {
      const set = await readTemplateSet(await tempFile(name, text));
      const [bucket, queue] = set.stacks[0]!.resources;
      expect(set.stacks[0]!.path).toBe('stack');
      expect(bucket).toMatchObject({ logicalId: 'Bucket', type: 'AWS::S3::Bucket', dependsOn: [], metadata: {}, position: locate(text, '"Bucket": {') });
      expect(queue).toMatchObject({ logicalId: 'Queue', dependsOn: ['Bucket'], condition: 'IsDev', metadata: { owner: 'points' }, properties: {}, position: locate(text, '"Queue"') });
      const tags = bucket!.properties.Tags as CfnValue[];
      expect(positionOf(tags[0] as object, 'Value')).toMatchObject(locate(text, '"Value"'));
      expect(positionOf(tags, 0)).toMatchObject(locate(text, '{ "Key"'));
    }
  });

  it('is also read when named .yaml (YAML is a superset of JSON)', async () => {
    const set = await readTemplateSet(await tempFile('stack.yaml', text));
    expect(set.stacks[0]!.resources.map((r) => [r.logicalId, r.position.line])).toEqual([['Bucket', 5], ['Queue', 9]]);
  });
});
