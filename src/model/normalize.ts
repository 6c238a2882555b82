/**
 * Turns schema-valid raw YAML data into the readonly model: defaults applied, texts in both
 * locales, rules expanded to port ranges, and each environment's overrides merged in.
 */
import type {
  Alarm, Alternative, Component, Connection, CostAssumptions, Metadata, Monitoring, Network, NodePath, Peer,
  Range, ResolvedEnvironment, SecurityGroup, SecurityGroupRule, Suppression, Text,
} from './types.js';

// Raw YAML data has passed the JSON Schema; these aliases only say "some validated shape".
type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const DEFAULT_HOURS_PER_MONTH = 730;

export function toText(value: unknown, fallback = ''): Text {
  if (value === undefined || value === null) return { ko: fallback, en: fallback };
  if (typeof value === 'string') return { ko: value, en: value };
  const raw = value as { ko?: string; en?: string };
  return { ko: raw.ko ?? raw.en ?? fallback, en: raw.en ?? raw.ko ?? fallback };
}

const texts = (value: unknown): Text[] => (Array.isArray(value) ? value.map((item) => toText(item)) : []);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const record = (value: unknown): Record<string, string> => ({ ...((value as Record<string, string>) ?? {}) });

/** Merges `override` into `base`: objects merge key by key, everything else replaces. */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out: Raw = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = deepMerge(base[key], value);
  return out;
}

const isPlainObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The raw model of one environment: base plus that environment's overrides. */
export function applyOverrides(raw: Raw, envName: string): Raw {
  const overrides: Raw = raw.environments?.[envName]?.overrides ?? {};
  // Own keys only: a component id such as `constructor` must not find Object.prototype's member.
  const componentOverrides: Raw = isPlainObject(overrides.components) ? overrides.components : {};
  const components = (raw.components as Raw[]).map((component) =>
    Object.hasOwn(componentOverrides, component.id) ? (deepMerge(component, componentOverrides[component.id]) as Raw) : component,
  );
  return {
    ...raw,
    network: deepMerge(raw.network, overrides.network),
    cost: deepMerge(raw.cost ?? {}, overrides.cost),
    components,
  };
}

export function environmentNames(raw: Raw): string[] {
  const names = Object.keys(raw.environments ?? {});
  return names.length ? names : ['prod'];
}

export function normalizeEnvironment(raw: Raw, modelId: string, envName: string): ResolvedEnvironment {
  const merged = applyOverrides(raw, envName);
  return {
    name: envName,
    description: toText(raw.environments?.[envName]?.description, envName),
    metadata: normalizeMetadata(merged.metadata, modelId),
    layout: { direction: merged.layout?.direction ?? 'RIGHT' },
    network: normalizeNetwork(merged.network),
    securityGroups: (merged.securityGroups ?? []).map((sg: Raw, i: number) => normalizeSecurityGroup(sg, ['securityGroups', i])),
    components: (merged.components as Raw[]).map((c, i) => normalizeComponent(c, ['components', i])),
    connections: (merged.connections ?? []).map((c: Raw, i: number) => normalizeConnection(c, ['connections', i])),
    monitoring: normalizeMonitoring(merged.monitoring ?? {}),
    cost: normalizeCost(merged.cost ?? {}),
    alternatives: (merged.alternatives ?? []).map((a: Raw, i: number): Alternative => ({
      id: a.id, name: toText(a.name), model: a.model, services: texts(a.services), pros: texts(a.pros), cons: texts(a.cons),
      optional: a.optional ?? false, loc: ['alternatives', i],
    })),
    suppressions: (merged.suppressions ?? []).map((s: Raw, i: number): Suppression => ({ rule: s.rule, target: s.target, reason: s.reason, loc: ['suppressions', i] })),
    documentation: {
      diagramTools: texts(merged.documentation?.diagramTools),
      iconSet: toText(merged.documentation?.iconSet, 'AWS Architecture Icons'),
      resourceDir: merged.documentation?.resourceDir ?? 'resource/',
    },
    security: {
      principles: texts(merged.security?.principles),
      dataProtection: texts(merged.security?.dataProtection),
      accessControl: texts(merged.security?.accessControl),
    },
  };
}

function normalizeMetadata(m: Raw, id: string): Metadata {
  return {
    id,
    name: toText(m.name),
    title: toText(m.title, 'AWS architecture'),
    description: toText(m.description),
    owner: m.owner,
    region: m.region,
    tags: record(m.tags),
    documentNumber: m.documentNumber,
    styles: (m.styles ?? []).map((s: Raw, i: number) => ({ id: s.id, name: toText(s.name), description: toText(s.description), loc: ['metadata', 'styles', i] })),
    serviceChoices: (m.serviceChoices ?? []).map((s: Raw, i: number) => ({
      category: s.category, label: toText(s.label), chosen: s.chosen, options: strings(s.options), optional: s.optional ?? false,
      loc: ['metadata', 'serviceChoices', i],
    })),
    next: m.next ? { title: toText(m.next.title), href: m.next.href } : undefined,
    pros: texts(m.pros),
    cons: texts(m.cons),
    loc: ['metadata'],
  };
}

function normalizeNetwork(n: Raw): Network {
  return {
    vpc: { id: n.vpc.id, name: toText(n.vpc.name, n.vpc.id), cidr: n.vpc.cidr, loc: ['network', 'vpc'] },
    availabilityZones: strings(n.availabilityZones),
    subnets: (n.subnets as Raw[]).map((s, i) => ({
      id: s.id, name: s.name === undefined ? defaultSubnetName(s) : toText(s.name), tier: s.tier, az: s.az, cidr: s.cidr, loc: ['network', 'subnets', i],
    })),
    internetGateway: n.internetGateway ?? true,
    natGateways: n.natGateways ?? 'per-az',
    dnsZone: n.dnsZone ? { name: n.dnsZone.name, private: n.dnsZone.private ?? false } : undefined,
    flowLogs: n.flowLogs ?? false,
    loc: ['network'],
  };
}

const defaultSubnetName = (s: Raw): Text => {
  const tier = { public: ['Public', '퍼블릭'], private: ['Private', '프라이빗'], isolated: ['Isolated', '격리'] }[s.tier as string] ?? [s.tier, s.tier];
  return { en: `${tier[0]} subnet (${s.az})`, ko: `${tier[1]} 서브넷 (${s.az})` };
};

function normalizeRule(r: Raw, loc: NodePath): SecurityGroupRule {
  const peer: Peer = r.securityGroup ? { kind: 'security-group', securityGroup: r.securityGroup } : { kind: 'cidr', cidr: r.cidr };
  const all = r.protocol === 'all';
  const fromPort = all ? 0 : (r.port ?? r.fromPort ?? 0);
  const toPort = all ? 65535 : (r.port ?? r.toPort ?? r.fromPort ?? 65535);
  return { peer, protocol: r.protocol, fromPort, toPort, description: toText(r.description), loc };
}

function normalizeSecurityGroup(sg: Raw, loc: NodePath): SecurityGroup {
  const egress = sg.egress ?? 'all';
  const egressRules: SecurityGroupRule[] =
    egress === 'all'
      ? [{ peer: { kind: 'cidr', cidr: '0.0.0.0/0' }, protocol: 'all', fromPort: 0, toPort: 65535, description: { ko: '모든 트래픽', en: 'All traffic' }, loc: [...loc, 'egress'] }]
      : egress === 'none'
        ? []
        : (egress as Raw[]).map((r, i) => normalizeRule(r, [...loc, 'egress', i]));
  return {
    id: sg.id,
    name: toText(sg.name),
    description: toText(sg.description),
    ingress: (sg.ingress ?? []).map((r: Raw, i: number) => normalizeRule(r, [...loc, 'ingress', i])),
    egress: egressRules,
    egressNone: egress === 'none',
    loc,
  };
}

function normalizeConnection(c: Raw, loc: NodePath): Connection {
  return {
    id: c.id, from: c.from, to: c.to, protocol: c.protocol, port: c.port, purpose: toText(c.purpose),
    kind: c.kind ?? 'request', condition: c.condition === undefined ? undefined : toText(c.condition), loc,
  };
}

function normalizeMonitoring(m: Raw): Monitoring {
  return {
    metrics: (m.metrics ?? []).map((set: Raw, i: number) => ({
      component: set.component,
      metrics: (set.metrics as Raw[]).map((metric) => ({ name: metric.name, label: toText(metric.label, metric.name) })),
      loc: ['monitoring', 'metrics', i],
    })),
    alarms: (m.alarms ?? []).map((a: Raw, i: number): Alarm => ({
      id: a.id, name: toText(a.name), component: a.component, metric: a.metric, statistic: a.statistic ?? 'Average',
      comparison: a.comparison, threshold: a.threshold, unit: a.unit ?? 'count', periodSeconds: a.periodSeconds,
      evaluationPeriods: a.evaluationPeriods ?? 1, topic: a.topic, loc: ['monitoring', 'alarms', i],
    })),
    logging: {
      logGroups: strings(m.logging?.logGroups),
      structured: m.logging?.structured ?? false,
      description: toText(m.logging?.description),
    },
    customMetrics: m.customMetrics ?? 0,
    loc: ['monitoring'],
  };
}

const range = (value: Raw | undefined, fallback: Range): Range => (value ? { min: value.min, expected: value.expected, max: value.max } : fallback);

function normalizeCost(c: Raw): CostAssumptions {
  return {
    currency: 'USD',
    hoursPerMonth: c.hoursPerMonth ?? DEFAULT_HOURS_PER_MONTH,
    requestsPerMonth: range(c.requestsPerMonth, { min: 0, expected: 0, max: 0 }),
    dataTransferOutGb: range(c.dataTransferOutGb, { min: 0, expected: 0, max: 0 }),
    natProcessedGb: range(c.natProcessedGb, { min: 0, expected: 0, max: 0 }),
    albLcu: range(c.albLcu, { min: 1, expected: 1, max: 1 }),
    reference: (c.reference ?? []).map((r: Raw, i: number) => ({
      id: r.id, label: toText(r.label), components: strings(r.components), min: r.min, max: r.max, note: toText(r.note), loc: ['cost', 'reference', i],
    })),
    optimizations: (c.optimizations ?? []).map((o: Raw) => ({ kind: o.kind, description: toText(o.description), environments: strings(o.environments) })),
    loc: ['cost'],
  };
}

function normalizeComponent(c: Raw, loc: NodePath): Component {
  const base = {
    id: c.id as string,
    name: toText(c.name, c.id),
    description: toText(c.description),
    rationale: texts(c.rationale),
    uses: texts(c.uses),
    securityGroups: strings(c.securityGroups),
    subnets: strings(c.subnets),
    tags: record(c.tags),
    loc,
  };
  switch (c.type as Component['type']) {
    case 'client':
      return { ...base, type: 'client' };
    case 'monitoring':
      return { ...base, type: 'monitoring', dashboards: c.dashboards ?? 0 };
    case 'notification-topic':
      return { ...base, type: 'notification-topic', subscriptions: (c.subscriptions ?? []).map((s: Raw) => ({ protocol: s.protocol, endpoint: s.endpoint })) };
    case 'dns':
      return {
        ...base, type: 'dns', zone: c.zone, queriesPerMonth: c.queriesPerMonth ?? 0,
        records: (c.records ?? []).map((r: Raw, i: number) => ({ name: r.name, type: r.type, aliasTarget: r.aliasTarget, loc: [...loc, 'records', i] })),
      };
    case 'load-balancer':
      return {
        ...base, type: 'load-balancer', scheme: c.scheme ?? 'internet-facing',
        listeners: (c.listeners as Raw[]).map((l, i) => ({
          protocol: l.protocol, port: l.port, certificate: l.certificate, sslPolicy: l.sslPolicy,
          redirect: l.redirect ? { protocol: l.redirect.protocol, port: l.redirect.port, statusCode: l.redirect.statusCode ?? 301 } : undefined,
          loc: [...loc, 'listeners', i],
        })),
        targetGroup: {
          target: c.targetGroup.target, protocol: c.targetGroup.protocol ?? 'HTTP', port: c.targetGroup.port,
          healthCheck: {
            path: c.targetGroup.healthCheck.path,
            intervalSeconds: c.targetGroup.healthCheck.intervalSeconds ?? 30,
            timeoutSeconds: c.targetGroup.healthCheck.timeoutSeconds ?? 5,
            healthyThreshold: c.targetGroup.healthCheck.healthyThreshold ?? 2,
            unhealthyThreshold: c.targetGroup.healthCheck.unhealthyThreshold ?? 3,
            loc: [...loc, 'targetGroup', 'healthCheck'],
          },
          loc: [...loc, 'targetGroup'],
        },
        features: texts(c.features),
        minTlsVersion: c.minTlsVersion ?? '1.2',
        accessLogs: c.accessLogs ?? false,
      };
    case 'container-service':
      return {
        ...base, type: 'container-service', launchType: c.launchType ?? 'fargate', cluster: c.cluster ?? `${c.id}-cluster`,
        cpu: c.cpu, memory: c.memory, maxCpu: c.maxCpu ?? c.cpu, maxMemory: c.maxMemory ?? c.memory,
        architecture: c.architecture ?? 'x86_64', spot: c.spot ?? false,
        minTasks: c.minTasks, desiredTasks: c.desiredTasks ?? c.minTasks, maxTasks: c.maxTasks,
        scaling: (c.scaling ?? []).map((r: Raw, i: number) => ({
          metric: r.metric, comparison: r.comparison, threshold: r.threshold, adjustment: r.adjustment, cooldownSeconds: r.cooldownSeconds ?? 300,
          loc: [...loc, 'scaling', i],
        })),
        container: {
          name: c.container.name, image: c.container.image, registry: c.container.registry,
          baseImage: toText(c.container.baseImage), runtime: toText(c.container.runtime), port: c.container.port,
          healthCheck: {
            command: strings(c.container.healthCheck?.command ?? ['CMD-SHELL', `curl -fs http://localhost:${c.container.port}/ || exit 1`]),
            intervalSeconds: c.container.healthCheck?.intervalSeconds ?? 30,
            timeoutSeconds: c.container.healthCheck?.timeoutSeconds ?? 5,
            retries: c.container.healthCheck?.retries ?? 3,
            startPeriodSeconds: c.container.healthCheck?.startPeriodSeconds ?? 0,
          },
          environment: record(c.container.environment),
        },
        logGroup: c.logGroup, secrets: strings(c.secrets),
        permissions: (c.permissions ?? []).map((p: Raw) => ({ actions: strings(p.actions), resources: strings(p.resources) })),
      };
    case 'database':
      return {
        ...base, type: 'database', engine: c.engine, engineVersion: c.engineVersion, databaseName: c.databaseName ?? 'app',
        port: c.port ?? (String(c.engine).includes('mysql') ? 3306 : 5432),
        instances: (c.instances as Raw[]).map((inst, i) => ({
          role: inst.role, instanceClass: inst.instanceClass, az: inst.az, description: toText(inst.description), loc: [...loc, 'instances', i],
        })),
        storage: {
          type: c.storage?.type ?? 'aurora', sizeGb: c.storage?.sizeGb ?? 10, encrypted: c.storage?.encrypted ?? false,
          ioMode: c.storage?.ioMode ?? 'standard', ioRequestsPerMonth: c.storage?.ioRequestsPerMonth ?? 0,
        },
        backup: {
          retentionDays: c.backup?.retentionDays ?? 1, pointInTimeRecovery: c.backup?.pointInTimeRecovery ?? false,
          manualSnapshots: toText(c.backup?.manualSnapshots), storageGb: c.backup?.storageGb ?? 0,
        },
        multiAz: c.multiAz ?? false, automaticFailover: c.automaticFailover ?? false, deletionProtection: c.deletionProtection ?? false,
        credentialsSecret: c.credentialsSecret,
        connectionPool: c.connectionPool
          ? { library: c.connectionPool.library, maxPoolSize: c.connectionPool.maxPoolSize, minIdle: c.connectionPool.minIdle, readWriteSplit: c.connectionPool.readWriteSplit ?? false }
          : undefined,
        readReplicaRouting: c.readReplicaRouting ?? false,
        verticalScaling: toText(c.verticalScaling),
        reserved: strings(c.reserved) as ('1yr' | '3yr')[],
      };
    case 'cache':
      return {
        ...base, type: 'cache', engine: c.engine, engineVersion: c.engineVersion, nodeType: c.nodeType, replicas: c.replicas ?? 0,
        multiAz: c.multiAz ?? false, automaticFailover: c.automaticFailover ?? false,
        encryptionAtRest: c.encryptionAtRest ?? false, encryptionInTransit: c.encryptionInTransit ?? false,
        snapshotRetentionDays: c.snapshotRetentionDays ?? 0,
      };
    case 'secret':
      return { ...base, type: 'secret', store: c.store, rotationDays: c.rotationDays, apiCallsPerMonth: c.apiCallsPerMonth ?? 0 };
    case 'container-registry':
      return { ...base, type: 'container-registry', repository: c.repository, scanOnPush: c.scanOnPush ?? false, immutableTags: c.immutableTags ?? false, storageGb: c.storageGb ?? 0 };
    case 'log-group':
      return { ...base, type: 'log-group', logGroupName: c.logGroupName, retentionDays: c.retentionDays, format: c.format ?? 'text', ingestedGbPerMonth: c.ingestedGbPerMonth ?? 0 };
    case 'pipeline':
      return {
        ...base, type: 'pipeline', sourceProviders: strings(c.sourceProviders),
        stages: (c.stages as Raw[]).map((s, i) => ({
          id: s.id, kind: s.kind, name: toText(s.name), provider: s.provider, description: toText(s.description), target: s.target, loc: [...loc, 'stages', i],
        })),
        strategy: c.strategy,
        alternativeStrategies: (c.alternativeStrategies ?? []).map((s: Raw) => ({ strategy: s.strategy, description: toText(s.description), optional: s.optional ?? false })),
        buildMinutesPerMonth: c.buildMinutesPerMonth ?? 0, computeType: c.computeType ?? 'BUILD_GENERAL1_SMALL',
      };
    case 'api-gateway':
      return { ...base, type: 'api-gateway', apiType: c.apiType, stage: c.stage ?? 'prod', requestsPerMonth: c.requestsPerMonth ?? 0, throttleRps: c.throttleRps };
    case 'function':
      return {
        ...base, type: 'function', runtime: c.runtime, memoryMb: c.memoryMb, timeoutSeconds: c.timeoutSeconds ?? 30, architecture: c.architecture ?? 'x86_64',
        invocationsPerMonth: c.invocationsPerMonth ?? 0, averageDurationMs: c.averageDurationMs ?? 100, provisionedConcurrency: c.provisionedConcurrency ?? 0,
        logGroup: c.logGroup, secrets: strings(c.secrets),
      };
    case 'nosql-table':
      return {
        ...base, type: 'nosql-table', billingMode: c.billingMode ?? 'on-demand', partitionKey: c.partitionKey, sortKey: c.sortKey,
        pointInTimeRecovery: c.pointInTimeRecovery ?? false, encrypted: c.encrypted ?? true, storageGb: c.storageGb ?? 0,
        readRequestsPerMonth: c.readRequestsPerMonth ?? 0, writeRequestsPerMonth: c.writeRequestsPerMonth ?? 0,
      };
    case 'kubernetes-cluster':
      return {
        ...base, type: 'kubernetes-cluster', version: c.version,
        nodeGroups: (c.nodeGroups as Raw[]).map((g, i) => ({
          name: g.name, instanceType: g.instanceType, min: g.min, desired: g.desired, max: g.max, spot: g.spot ?? false, loc: [...loc, 'nodeGroups', i],
        })),
        workloads: (c.workloads ?? []).map((w: Raw) => ({ name: w.name, replicas: w.replicas, port: w.port })),
        logGroup: c.logGroup,
      };
  }
}
