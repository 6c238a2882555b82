/**
 * Random VALID archgen models as YAML text. Every part of the schema is covered: metadata,
 * network, security groups, every component type, flows, monitoring, cost, environments with
 * overrides, alternatives and suppressions; free text is drawn from hostile strings. Each value
 * loads with zero errors through the real loader (asserted by the property tests).
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { componentPlan, type ComponentPlan } from './components.js';
import { networkPlan, REGIONS, securityGroupsPlan } from './network.js';
import { compact, ref, refs, resolveRefs, type Raw, type RefKind } from './refs.js';
import { english, label, longText, text } from './text.js';

const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
const texts = (inner = text) => fc.array(inner, { maxLength: 3 });
const nonNegative = fc.oneof(fc.nat({ max: 1_000_000 }), fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }));
const range = fc.tuple(nonNegative, nonNegative, nonNegative).map((v) => {
  const [min, expected, max] = v.sort((a, b) => a - b);
  return { min, expected, max };
});

/** Component ids that are keywords somewhere (Mermaid, draw.io, TypeScript, HTML). */
const ID_WORDS = ['api', 'db', 'end', 'graph', 'subgraph', 'style', 'class', 'click', 'default', 'o', 'x', 'participant', 'note', 'constructor', 'prototype', 'script', 'a--b', 'web-1'];

/** Environment name lists: the first is the base; `prod` is the default when present. */
const ENVIRONMENT_SETS = [['prod'], ['prod', 'dev'], ['prod', 'dev', 'staging'], ['dev', 'prod'], ['live', 'qa']];

export interface RandomModel {
  /** Model id (the file stem the model is loaded as). */
  readonly id: string;
  readonly yaml: string;
  readonly raw: Raw;
  /** English display name of each component, by id (what diagrams label nodes with). */
  readonly componentNames: ReadonlyMap<string, string>;
}

const modelPlan = fc.constantFrom(...REGIONS).chain((region) =>
  fc.record({
    region: fc.constant(region),
    metadata: fc.record({
      name: text,
      title: opt(text),
      documentNumber: opt(fc.constantFrom('08', '1', 'A-7')),
      description: opt(longText),
      owner: fc.oneof(fc.constant('platform-team'), label),
      tags: opt(fc.dictionary(fc.stringMatching(/^[a-z][a-z-]{0,8}$/), label, { maxKeys: 2 })),
      styles: opt(fc.array(fc.record({ name: text, description: opt(text) }), { maxLength: 2 })),
      serviceChoices: opt(fc.array(fc.record({ label: text, chosen: label, options: opt(fc.array(label, { maxLength: 2 })), optional: opt(fc.boolean()) }), { maxLength: 3 })),
      next: opt(fc.record({ title: text, href: fc.constantFrom('./next.md', 'https://example.com/a b') })),
      pros: opt(texts()),
      cons: opt(texts()),
    }),
    direction: opt(fc.constantFrom('RIGHT', 'DOWN', 'LEFT', 'UP')),
    network: networkPlan(region),
    securityGroups: securityGroupsPlan,
    components: fc.array(componentPlan, { minLength: 1, maxLength: 9 }),
    idWords: fc.array(fc.constantFrom(...ID_WORDS), { minLength: 9, maxLength: 9 }),
    connections: fc.array(fc.record({
      from: fc.nat({ max: 100 }),
      to: fc.nat({ max: 100 }),
      protocol: fc.oneof(fc.constantFrom('HTTPS', 'HTTP', 'PostgreSQL', 'Redis', 'DNS'), label),
      port: opt(fc.integer({ min: 1, max: 65535 })),
      purpose: opt(longText),
      kind: opt(fc.constantFrom('request', 'read', 'write', 'replication', 'control', 'async')),
      condition: opt(text),
    }), { maxLength: 8 }),
    monitoring: opt(fc.record({
      metrics: opt(fc.array(fc.record({ component: ref('component'), metrics: fc.array(fc.record({ name: fc.constantFrom('CPUUtilization', 'RequestCount', 'Errors'), label: opt(text) }), { maxLength: 3 }) }), { maxLength: 2 })),
      alarms: opt(fc.array(fc.record({
        name: text,
        component: ref('component'),
        metric: fc.constantFrom('CPUUtilization', 'MemoryUtilization', 'ErrorRate', 'DatabaseConnectionsPercent', 'Errors'),
        statistic: opt(fc.constantFrom('Average', 'Maximum', 'Minimum', 'Sum', 'SampleCount')),
        comparison: fc.constantFrom('>', '>=', '<', '<='),
        threshold: fc.integer({ min: -10, max: 1000 }),
        unit: opt(fc.constantFrom('percent', 'count', 'milliseconds', 'bytes')),
        periodSeconds: fc.constantFrom(10, 20, 30, 60, 300, 3600),
        evaluationPeriods: opt(fc.integer({ min: 1, max: 5 })),
        topic: opt(ref('notification-topic')),
      }), { maxLength: 3 })),
      logging: opt(fc.record({ logGroups: opt(refs('log-group')), structured: opt(fc.boolean()), description: opt(longText) })),
      customMetrics: opt(fc.nat({ max: 20 })),
    })),
    security: opt(fc.record({ principles: opt(texts(longText)), dataProtection: opt(texts()), accessControl: opt(texts()) })),
    cost: opt(fc.record({
      hoursPerMonth: opt(fc.constantFrom(730, 744, 1, 0.5)),
      requestsPerMonth: opt(range),
      dataTransferOutGb: opt(range),
      natProcessedGb: opt(range),
      albLcu: opt(range),
      reference: opt(fc.array(fc.record({ label: text, components: opt(refs('component')), bounds: fc.tuple(nonNegative, nonNegative), note: opt(text) }), { maxLength: 3 })),
      optimizations: opt(fc.array(fc.record({ kind: fc.constantFrom('reserved', 'spot', 'right-sizing', 'savings-plan'), description: longText, environments: opt(refs('environment', 2)) }), { maxLength: 2 })),
    })),
    environments: fc.record({ names: fc.constantFrom(...ENVIRONMENT_SETS), descriptions: fc.array(opt(text), { minLength: 3, maxLength: 3 }), overrides: fc.array(fc.nat({ max: 7 }), { minLength: 3, maxLength: 3 }) }),
    alternatives: opt(fc.array(fc.record({ name: text, services: opt(texts()), pros: opt(texts()), cons: opt(texts()), optional: opt(fc.boolean()) }), { maxLength: 2 })),
    documentation: opt(fc.record({ diagramTools: opt(texts()), iconSet: opt(text), resourceDir: opt(fc.constant('resource/')) })),
    suppressions: opt(fc.array(fc.record({
      rule: fc.constantFrom('sec/world-open-port', 'sec/log-retention', 'sec/unencrypted-storage', 'cost/unknown'),
      target: ref('target'),
      reason: label.map((l) => `Accepted on purpose: ${l}`),
    }), { maxLength: 2 })),
  }),
);

type Plan = typeof modelPlan extends fc.Arbitrary<infer T> ? T : never;

/** Gives each component a unique id: a keyword-like word, suffixed when taken. */
function componentIds(components: readonly ComponentPlan[], words: readonly string[], taken: Set<string>): string[] {
  return components.map((c, i) => {
    let id = words[i % words.length]!;
    if (taken.has(id)) id = `${id}-${c.type}-${i}`;
    taken.add(id);
    return id;
  });
}

/** Sizing overrides of one environment, naming only fields the base model declares. */
function overridesFor(base: Raw, choice: number): Raw | undefined {
  const out: Raw = {};
  const network = base.network as Raw;
  if (choice & 1 && network.natGateways !== undefined) {
    const hasPublic = (network.subnets as Raw[]).some((s) => s.tier === 'public');
    out.network = { natGateways: hasPublic ? 'single' : 'none' };
  }
  if (choice & 2) {
    const components: Raw = {};
    for (const c of base.components as Raw[]) {
      const o: Raw = {};
      if (c.type === 'container-service') {
        if ('spot' in c) o.spot = !c.spot;
        o.minTasks = 1;
        if ('desiredTasks' in c) o.desiredTasks = 1;
        o.maxTasks = 2;
      } else if (c.type === 'cache') {
        o.nodeType = 'cache.t3.micro';
        if ('replicas' in c) o.replicas = 0;
        if ('multiAz' in c) o.multiAz = false;
      } else if (c.type === 'database') {
        o.instances = (c.instances as Raw[]).filter((i) => i.role === 'writer');
        if ('deletionProtection' in c) o.deletionProtection = false;
      } else if (c.type === 'function') {
        o.memoryMb = 256;
      }
      if (Object.keys(o).length) components[c.id as string] = o;
    }
    if (Object.keys(components).length) out.components = components;
  }
  const cost = base.cost as Raw | undefined;
  if (choice & 4 && cost?.dataTransferOutGb) out.cost = { dataTransferOutGb: { min: 1, expected: 2, max: 3 } };
  return Object.keys(out).length ? out : undefined;
}

/** Assembles a plan into model data: ids assigned, references resolved, overrides derived. */
export function buildModel(plan: Plan, id = 'random'): RandomModel {
  const taken = new Set<string>(['vpc-main']);
  const subnets = (plan.network.subnets as Raw[]).map((s) => s.id as string);
  subnets.forEach((s) => taken.add(s));
  const groups = plan.securityGroups.map((g) => g.id);
  groups.forEach((g) => taken.add(g));
  const ids = componentIds(plan.components, plan.idWords, taken);
  const ofType = (type: string) => ids.filter((_, i) => plan.components[i]!.type === type);
  const envNames = plan.environments.names;
  const known: Record<RefKind, readonly string[]> = {
    component: ids,
    'security-group': groups,
    subnet: subnets,
    az: plan.network.availabilityZones as string[],
    'log-group': ofType('log-group'),
    secret: ofType('secret'),
    'container-registry': ofType('container-registry'),
    'notification-topic': ofType('notification-topic'),
    service: ofType('container-service'),
    environment: envNames,
    target: [...ids, ...groups, ...subnets],
  };
  const resolve = (value: unknown) => resolveRefs(value, known);

  const components = plan.components.map((c, i) => compact({
    id: ids[i],
    type: c.type,
    name: c.name,
    description: c.description,
    rationale: c.rationale,
    uses: c.uses,
    securityGroups: c.securityGroups,
    subnets: c.subnets,
    tags: c.tags,
    ...c.fields,
  }));
  const connections = ids.length < 2 ? [] : plan.connections.map((c, i) => {
    const from = c.from % ids.length;
    const to = (from + 1 + (c.to % (ids.length - 1))) % ids.length;
    return compact({ id: `flow-${i}`, from: ids[from], to: ids[to], protocol: c.protocol, port: c.port, purpose: c.purpose, kind: c.kind, condition: c.condition });
  });
  const m = plan.metadata;
  const raw = resolve(compact({
    version: 1,
    metadata: compact({
      ...m,
      region: plan.region,
      styles: m.styles?.map((s, i) => compact({ id: `style-${i}`, ...s })),
      serviceChoices: m.serviceChoices?.map((s, i) => compact({ category: `category-${i}`, ...s })),
    }),
    layout: plan.direction ? { direction: plan.direction } : undefined,
    network: plan.network,
    securityGroups: plan.securityGroups,
    components,
    connections,
    monitoring: plan.monitoring && compact({
      ...plan.monitoring,
      alarms: plan.monitoring.alarms?.map((a, i) => compact({ id: `alarm-${i}`, ...a })),
    }),
    security: plan.security,
    cost: plan.cost && compact({
      ...plan.cost,
      reference: plan.cost.reference?.map(({ bounds: [a, b], ...r }, i) => compact({ id: `ref-${i}`, ...r, min: Math.min(a, b), max: Math.max(a, b) })),
    }),
    alternatives: plan.alternatives?.map((a, i) => compact({ id: `alt-${i}`, ...a })),
    documentation: plan.documentation,
    suppressions: plan.suppressions,
  })) as Raw;
  raw.environments = Object.fromEntries(envNames.map((name, i) => {
    const overrides = i === 0 ? undefined : overridesFor(raw, plan.environments.overrides[i]!);
    return [name, compact({ description: plan.environments.descriptions[i], overrides })];
  }));
  const componentNames = new Map((raw.components as Raw[]).map((c) => [c.id as string, english(c.name as string)]));
  const yaml = `# random model (property test)\n${stringify(raw, { aliasDuplicateObjects: false })}`;
  return { id, yaml, raw, componentNames };
}

/** A random valid model, loaded as `model/<id>.yaml`. */
export const randomModel = (id = 'random'): fc.Arbitrary<RandomModel> => modelPlan.map((plan) => buildModel(plan, id));
