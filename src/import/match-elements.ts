/**
 * Pairs the elements of an imported model with those of a reference model: subnets by CIDR,
 * security groups by id, description or rules, components by id or by type and identifying
 * fields, flows by their ends and port, alarms by component and metric.
 */
import type { Component, ResolvedEnvironment, SecurityGroup } from '../model/types.js';

export interface Pair {
  /** Path in the reference model's terms, e.g. `components.points-db`. */
  readonly path: string;
  /** The same element's path in the imported model. */
  readonly importedPath: string;
  readonly type: string;
  readonly model: unknown;
  readonly imported: unknown;
}

export interface Matches {
  readonly pairs: readonly Pair[];
  readonly onlyInModel: readonly { readonly path: string; readonly type: string }[];
  readonly onlyInImport: readonly { readonly path: string; readonly type: string }[];
  /** Matched elements whose ids differ. */
  readonly renamed: readonly { readonly path: string; readonly importedId: string; readonly modelId: string }[];
  /** Imported id → model id, for every matched element. */
  readonly toModelId: ReadonlyMap<string, string>;
}

/** Greedy matching in rounds: each round pairs what is still unpaired by a stricter-to-looser key. */
function pairUp<A, B>(left: readonly A[], right: readonly B[], keys: readonly ((x: A | B) => string | undefined)[]): { pairs: [A, B][]; restLeft: A[]; restRight: B[] } {
  let restLeft = [...left];
  let restRight = [...right];
  const pairs: [A, B][] = [];
  for (const key of keys) {
    const nextLeft: A[] = [];
    for (const a of restLeft) {
      const k = key(a);
      const candidates = k === undefined ? [] : restRight.filter((b) => key(b) === k);
      if (candidates.length === 1 || (candidates.length > 1 && k !== undefined)) {
        pairs.push([a, candidates[0]!]);
        restRight = restRight.filter((b) => b !== candidates[0]);
      } else nextLeft.push(a);
    }
    restLeft = nextLeft;
  }
  return { pairs, restLeft, restRight };
}

const rulesKey = (sg: SecurityGroup) => sg.ingress.map((r) => `${r.protocol}:${r.fromPort}-${r.toPort}`).sort().join(',');

/** A field that names a component's resource in AWS terms, if the type has one. */
function identity(c: Component): string | undefined {
  switch (c.type) {
    case 'log-group': return c.logGroupName;
    case 'container-registry': return c.repository;
    case 'dns': return c.zone;
    case 'database': return `${c.engine}:${c.port}`;
    case 'cache': return c.engine;
    case 'nosql-table': return c.partitionKey;
    case 'container-service': return String(c.container.port);
    default: return undefined;
  }
}

/** Pairs every element of the imported model with its counterpart in the reference model, where there is one. */
export function matchElements(imported: ResolvedEnvironment, model: ResolvedEnvironment): Matches {
  const pairs: Pair[] = [];
  const onlyInModel: { path: string; type: string }[] = [];
  const onlyInImport: { path: string; type: string }[] = [];
  const toModelId = new Map<string, string>();
  const record = (section: string, type: string, modelId: string, importedId: string, m: unknown, i: unknown) => {
    toModelId.set(importedId, modelId);
    pairs.push({ path: `${section}.${modelId}`, importedPath: `${section}.${importedId}`, type, model: m, imported: i });
  };

  toModelId.set(imported.network.vpc.id, model.network.vpc.id);
  const subnets = pairUp(imported.network.subnets, model.network.subnets, [(s) => s.id, (s) => s.cidr, (s) => `${s.tier}:${s.az}`]);
  for (const [i, m] of subnets.pairs) record('network.subnets', 'subnet', m.id, i.id, m, i);
  onlyInModel.push(...subnets.restRight.map((s) => ({ path: `network.subnets.${s.id}`, type: 'subnet' })));
  onlyInImport.push(...subnets.restLeft.map((s) => ({ path: `network.subnets.${s.id}`, type: 'subnet' })));
  const { subnets: _i, ...importedNetwork } = imported.network;
  const { subnets: _m, ...modelNetwork } = model.network;
  pairs.push({ path: 'network', importedPath: 'network', type: 'network', model: modelNetwork, imported: importedNetwork });

  const groups = pairUp(imported.securityGroups, model.securityGroups, [(g) => g.id, (g) => g.description.en || undefined, (g) => rulesKey(g) || undefined]);
  for (const [i, m] of groups.pairs) record('securityGroups', 'security-group', m.id, i.id, m, i);
  onlyInModel.push(...groups.restRight.map((g) => ({ path: `securityGroups.${g.id}`, type: 'security-group' })));
  onlyInImport.push(...groups.restLeft.map((g) => ({ path: `securityGroups.${g.id}`, type: 'security-group' })));

  const sameType = (c: Component | undefined) => c?.type;
  const components = pairUp(imported.components, model.components, [
    (c) => `${c.type}:${c.id}`,
    (c) => (identity(c) ? `${c.type}:${identity(c)}` : undefined),
  ]);
  // Finally, the only remaining component of a type on each side is the same one.
  for (const a of [...components.restLeft]) {
    const left = components.restLeft.filter((x) => x.type === a.type);
    const right = components.restRight.filter((x) => x.type === a.type);
    if (left.length === 1 && right.length === 1 && sameType(right[0]) === a.type) {
      components.pairs.push([a, right[0]!]);
      components.restLeft.splice(components.restLeft.indexOf(a), 1);
      components.restRight.splice(components.restRight.indexOf(right[0]!), 1);
    }
  }
  for (const [i, m] of components.pairs) record('components', m.type, m.id, i.id, m, i);
  onlyInModel.push(...components.restRight.map((c) => ({ path: `components.${c.id}`, type: c.type })));
  onlyInImport.push(...components.restLeft.map((c) => ({ path: `components.${c.id}`, type: c.type })));

  const ends = (from: string, to: string) => `${toModelId.get(from) ?? from}>${toModelId.get(to) ?? to}`;
  const flows = pairUp(imported.connections.map((c) => ({ c, side: 'i' as const })), model.connections.map((c) => ({ c, side: 'm' as const })), [
    (x) => `${x.side === 'i' ? ends(x.c.from, x.c.to) : `${x.c.from}>${x.c.to}`}:${x.c.port ?? ''}`,
    (x) => (x.side === 'i' ? ends(x.c.from, x.c.to) : `${x.c.from}>${x.c.to}`),
  ]);
  for (const [i, m] of flows.pairs) pairs.push({ path: `connections.${m.c.id}`, importedPath: `connections.${i.c.id}`, type: 'connection', model: m.c, imported: i.c });
  onlyInModel.push(...flows.restRight.map((x) => ({ path: `connections.${x.c.id}`, type: 'connection' })));
  onlyInImport.push(...flows.restLeft.map((x) => ({ path: `connections.${x.c.id}`, type: 'connection' })));

  const alarmKey = (x: { a: ResolvedEnvironment['monitoring']['alarms'][number]; side: 'i' | 'm' }) => `${x.side === 'i' ? toModelId.get(x.a.component) ?? x.a.component : x.a.component}:${x.a.metric}`;
  const alarms = pairUp(imported.monitoring.alarms.map((a) => ({ a, side: 'i' as const })), model.monitoring.alarms.map((a) => ({ a, side: 'm' as const })), [
    (x) => `${alarmKey(x)}:${x.a.threshold}`, alarmKey, (x) => x.a.id,
  ]);
  for (const [i, m] of alarms.pairs) pairs.push({ path: `monitoring.alarms.${m.a.id}`, importedPath: `monitoring.alarms.${i.a.id}`, type: 'alarm', model: m.a, imported: i.a });
  onlyInModel.push(...alarms.restRight.map((x) => ({ path: `monitoring.alarms.${x.a.id}`, type: 'alarm' })));
  onlyInImport.push(...alarms.restLeft.map((x) => ({ path: `monitoring.alarms.${x.a.id}`, type: 'alarm' })));

  const { alarms: _ia, ...importedMonitoring } = imported.monitoring;
  const { alarms: _ma, ...modelMonitoring } = model.monitoring;
  for (const [path, m, i] of [
    ['metadata', model.metadata, imported.metadata], ['monitoring', modelMonitoring, importedMonitoring], ['cost', model.cost, imported.cost],
    ['layout', model.layout, imported.layout], ['alternatives', model.alternatives, imported.alternatives], ['security', model.security, imported.security],
    ['documentation', model.documentation, imported.documentation], ['suppressions', model.suppressions, imported.suppressions],
  ] as const) {
    pairs.push({ path, importedPath: path, type: path, model: m, imported: i });
  }

  const renamed = pairs.filter((p) => p.path !== p.importedPath).map((p) => ({ path: p.path, importedId: p.importedPath.slice(p.importedPath.lastIndexOf('.') + 1), modelId: p.path.slice(p.path.lastIndexOf('.') + 1) }));
  return { pairs, onlyInModel, onlyInImport, renamed, toModelId };
}
