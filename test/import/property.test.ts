/**
 * Property: any part of a realistic template that CloudFormation would accept (a subset of its
 * resources closed under `Ref`/`GetAtt`/`Sub`/`DependsOn`) imports to a model the real loader
 * validates, reports every resource exactly once, and gives the same bytes twice. Import must
 * never produce an invalid model (that is a bug, exit 3), whatever is missing around an element:
 * a load balancer without its service, a service without scaling, a database without instances, …
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTemplateSet } from '../../src/cfn/read/index.js';
import type { CfnStack, CfnValue } from '../../src/cfn/types.js';
import { importTemplate } from '../../src/import/index.js';
import { fixture, root, tempDir } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('property');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Logical ids a value refers to (long-form intrinsics, as the reader returns them). */
function references(value: CfnValue, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) references(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'Ref' && typeof item === 'string') out.add(item);
      else if (key === 'Fn::GetAtt') out.add(Array.isArray(item) ? String(item[0]) : String(item).split('.')[0]!);
      else if (key === 'Fn::Sub') for (const m of JSON.stringify(item).matchAll(/\$\{([A-Za-z0-9]+)[.}]/g)) out.add(m[1]!);
      references(item as CfnValue, out);
    }
  }
  return out;
}

/** The chosen resources plus everything they need, as a JSON template (parameters kept). */
function closedSubset(stack: CfnStack, chosen: readonly boolean[]): { json: string; ids: string[] } {
  const byId = new Map(stack.resources.map((r) => [r.logicalId, r]));
  const keep = new Set<string>();
  const visit = (id: string) => {
    const r = byId.get(id);
    if (!r || keep.has(id)) return;
    keep.add(id);
    for (const ref of references(r.properties as CfnValue)) visit(ref);
    for (const dep of r.dependsOn) visit(dep);
  };
  stack.resources.forEach((r, i) => chosen[i] && visit(r.logicalId));
  const resources = Object.fromEntries(stack.resources.filter((r) => keep.has(r.logicalId)).map((r) => [r.logicalId, {
    Type: r.type, Properties: r.properties, ...(r.dependsOn.length ? { DependsOn: r.dependsOn } : {}),
  }]));
  const parameters = Object.fromEntries(Object.entries(stack.parameters).map(([name, p]) => [name, { Type: p.type, ...(p.default !== undefined ? { Default: p.default } : {}) }]));
  return { json: JSON.stringify({ Parameters: parameters, Resources: resources }, null, 1), ids: [...keep].sort() };
}

describe.each(['web-stack.yaml', 'serverless-api.yaml'])('any reference-closed part of %s', (name) => {
  it('imports to a valid model, reports each resource once, deterministically', async () => {
    const [stack] = (await readTemplateSet(fixture(name))).stacks;
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 3 }).map((n) => n === 0), { minLength: stack!.resources.length, maxLength: stack!.resources.length }).filter((c) => c.some(Boolean)), async (chosen) => {
      const { json, ids } = closedSubset(stack!, chosen);
      const file = path.join(dir, `${name}-${run++}.json`);
      await writeFile(file, json);
      const options = { template: file, out: path.join(dir, 'subset.yaml'), root, dryRun: true, region: 'eu-west-1' };
      const first = await importTemplate(options); // throws (a bug) when the model does not validate
      const second = await importTemplate(options);
      expect(second.text).toBe(first.text);
      const reported = [...first.report.mapped, ...first.report.unmapped].map((r) => r.logicalId).sort();
      expect(reported).toEqual(ids);
    }), { numRuns: 25, seed: 20261125 });
  }, 120_000);
});
