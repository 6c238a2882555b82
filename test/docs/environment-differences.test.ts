/**
 * Environment differences skip components that are equal in every environment. The rows must be
 * exactly those of flattening every component: checked against that reference on the bundled models
 * and on random environments built to collide (ids like `network`, `a.b` next to `a`, duplicates).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMessages } from '../../src/docs/locale.js';
import type { ViewContext } from '../../src/docs/view/context.js';
import { environmentDifferences } from '../../src/docs/view/environments.js';
import type { ArchitectureModel, ResolvedEnvironment } from '../../src/model/types.js';
import { docInputs, projectModels } from './helpers.js';

/** The reference: every leaf of every environment, sorted, rows where the values differ. */
function referenceRows(model: ArchitectureModel) {
  const flatten = (value: unknown, prefix: string, out: Map<string, string>): void => {
    if (Array.isArray(value)) {
      if (value.every((v) => v === null || typeof v !== 'object')) out.set(prefix, value.join(', '));
      else value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'loc' || key === 'description' || key === 'name') continue;
        flatten(child, prefix ? `${prefix}.${key}` : key, out);
      }
    } else if (value !== undefined) out.set(prefix, String(value));
  };
  const leaves = model.environmentNames.map((name) => {
    const env = model.environments[name]!;
    const out = new Map<string, string>();
    for (const c of env.components) flatten(c, c.id, out);
    flatten(env.network, 'network', out);
    flatten({ requestsPerMonth: env.cost.requestsPerMonth, dataTransferOutGb: env.cost.dataTransferOutGb, natProcessedGb: env.cost.natProcessedGb, albLcu: env.cost.albLcu }, 'cost', out);
    return out;
  });
  return [...new Set(leaves.flatMap((l) => [...l.keys()]))].sort()
    .map((key) => ({ setting: key, values: leaves.map((l) => l.get(key) ?? '') }))
    .filter((row) => new Set(row.values).size > 1);
}

async function contextOf(model: ArchitectureModel): Promise<ViewContext> {
  const messages = loadMessages(await docInputs(), 'en');
  return { model, env: model.environments[model.environmentNames[0]!]!, locale: 'en', messages };
}

describe('environment differences', () => {
  it('match flattening every component on the bundled models', async () => {
    const models = await projectModels();
    expect(models.some((m) => referenceRows(m).length > 0)).toBe(true);
    for (const model of models) expect(environmentDifferences(await contextOf(model)).rows).toEqual(referenceRows(model));
  });

  it('a component equal in every environment still overwrites a setting another subtree wrote first', async () => {
    const ctx = await contextOf((await projectModels())[0]!);
    const envOf = (value: string) => ({
      components: [{ id: 'a', type: 't', b: { id: value } }, { id: 'a.b', type: 't' }],
      network: { id: 'n' },
      cost: { requestsPerMonth: 1, dataTransferOutGb: 2, natProcessedGb: 3, albLcu: 4 },
    }) as unknown as ResolvedEnvironment;
    const model = { ...ctx.model, environmentNames: ['prod', 'dev'], environments: { prod: envOf('p'), dev: envOf('d') } } as unknown as ArchitectureModel;
    // `a.b.id` is written by `a` (p / d), then by the component `a.b` (its id, the same everywhere).
    expect(referenceRows(model)).toEqual([]);
    expect(environmentDifferences({ ...ctx, model }).rows).toEqual([]);
  });

  it('match flattening every component on colliding random environments', async () => {
    const ctxBase = await contextOf((await projectModels())[0]!);
    const id = fc.constantFrom('a', 'b', 'a.b', 'a[0]', 'network', 'network.x', 'cost', 'c');
    const leaf = fc.oneof(fc.constantFrom(1, 2, 'x', 'y', true, null, undefined), fc.array(fc.constantFrom(1, 'x'), { maxLength: 2 }));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.dictionary(fc.constantFrom('k', 'id', 'type', 'b', '0]', 'name', 'loc'), tie('node'), { maxKeys: 3 }), fc.array(tie('node'), { maxLength: 2 })),
    })).node;
    const component = fc.record({ id, type: fc.constantFrom('t', 'u'), v: value });
    const baseComponents = fc.array(component, { maxLength: 5 });
    // Environments mostly share their components, so that some are skipped.
    const model = fc.tuple(baseComponents, fc.array(fc.tuple(fc.nat(4), component), { maxLength: 2 }), fc.array(fc.tuple(fc.nat(4), component), { maxLength: 2 }), value, value).map(([base, editsA, editsB, netA, netB]) => {
      const envOf = (edits: [number, unknown][], network: unknown) => {
        const components = base.map((c) => structuredClone(c)) as unknown[];
        for (const [at, c] of edits) components[at % Math.max(1, components.length)] = c;
        return { components, network, cost: { requestsPerMonth: 1, dataTransferOutGb: 2, natProcessedGb: 3, albLcu: 4 } } as unknown as ResolvedEnvironment;
      };
      return { ...ctxBase.model, environmentNames: ['prod', 'dev'], environments: { prod: envOf(editsA, netA), dev: envOf(editsB, netB) } } as unknown as ArchitectureModel;
    });
    await fc.assert(fc.asyncProperty(model, async (m) => {
      expect(environmentDifferences({ ...ctxBase, model: m }).rows).toEqual(referenceRows(m));
    }), { numRuns: 3000 });
  });
});
