/**
 * Side-by-side facts of several architectures: monthly cost (min/expected/max), components, and
 * operational trade-offs read from each model's own fields. Pure: models and price snapshots in,
 * plain data out; wording is left to the locale files.
 */
import { analyzeSecurity } from '../security/index.js';
import { estimateFor } from '../docs/view/cost.js';
import type { ArchitectureModel, Component, ComponentType, Locale, ResolvedEnvironment } from '../model/types.js';
import type { Scenarios } from '../cost/types.js';

/** One architecture's column. */
export interface ComparedModel {
  readonly id: string;
  readonly file: string;
  readonly environment: string;
  readonly name: { readonly ko: string; readonly en: string };
  /** Monthly USD; undefined when the project has no price snapshot for the region. */
  readonly cost?: Scenarios;
  readonly pricedWith?: string;
  /** Expected monthly USD per cost layer (compute, data, network, …). */
  readonly layers: Readonly<Record<string, number>>;
  /** Component counts by type. */
  readonly components: Readonly<Partial<Record<ComponentType, number>>>;
  readonly componentNames: readonly { readonly type: ComponentType; readonly name: { readonly ko: string; readonly en: string } }[];
  readonly operations: Operations;
  readonly pros: readonly { readonly ko: string; readonly en: string }[];
  readonly cons: readonly { readonly ko: string; readonly en: string }[];
}

/** Operational facts, each straight from model fields. */
export interface Operations {
  /** Capacity that runs (and bills) with no traffic: tasks, nodes, data-store instances/nodes. */
  readonly alwaysOn: { readonly tasks: number; readonly nodes: number; readonly databaseInstances: number; readonly cacheNodes: number; readonly natGateways: number };
  /** Upper bound of compute: tasks, nodes, or unbounded (functions). */
  readonly maxCompute: { readonly tasks: number; readonly nodes: number; readonly functions: number };
  /** Functions without provisioned concurrency start cold. */
  readonly coldStartFunctions: number;
  /** Longest request a function may serve, seconds; undefined without functions. */
  readonly functionTimeoutSeconds?: number;
  readonly clustersToUpgrade: readonly string[];
  readonly serversToPatch: number;
  readonly multiAzDataStores: number;
  readonly dataStores: number;
  readonly minBackupRetentionDays?: number;
  readonly deploymentStrategies: readonly string[];
  readonly securityGroups: number;
  readonly securityFindings: number;
  readonly alarms: number;
  readonly logRetentionDays: readonly number[];
  readonly subnets: number;
  readonly vpcAttached: number;
}

export interface Comparison {
  readonly models: readonly ComparedModel[];
  /** The cheapest and the most expensive expected monthly cost, by model id. */
  readonly cheapest?: string;
  readonly costliest?: string;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const only = <T extends ComponentType>(env: ResolvedEnvironment, type: T) => env.components.filter((c): c is Extract<Component, { type: T }> => c.type === type);

function operationsOf(model: ArchitectureModel, env: ResolvedEnvironment): Operations {
  const services = only(env, 'container-service');
  const clusters = only(env, 'kubernetes-cluster');
  const functions = only(env, 'function');
  const databases = only(env, 'database');
  const caches = only(env, 'cache');
  const tables = only(env, 'nosql-table');
  const publicAzs = new Set(env.network.subnets.filter((s) => s.tier === 'public').map((s) => s.az)).size;
  const nat = env.network.natGateways === 'none' ? 0 : env.network.natGateways === 'single' ? Math.min(1, publicAzs) : publicAzs;
  const retention = [
    ...databases.map((d) => d.backup.retentionDays),
    ...caches.map((c) => c.snapshotRetentionDays),
    ...tables.filter((t) => t.pointInTimeRecovery).map(() => 35),
  ];
  const security = analyzeSecurity(model, env.name);
  return {
    alwaysOn: {
      tasks: sum(services.map((s) => s.minTasks)),
      nodes: sum(clusters.flatMap((k) => k.nodeGroups.map((g) => g.min))),
      databaseInstances: sum(databases.map((d) => d.instances.length)),
      cacheNodes: sum(caches.map((c) => 1 + c.replicas)),
      natGateways: nat,
    },
    maxCompute: {
      tasks: sum(services.map((s) => s.maxTasks)),
      nodes: sum(clusters.flatMap((k) => k.nodeGroups.map((g) => g.max))),
      functions: functions.length,
    },
    coldStartFunctions: functions.filter((f) => f.provisionedConcurrency === 0).length,
    functionTimeoutSeconds: functions.length ? Math.max(...functions.map((f) => f.timeoutSeconds)) : undefined,
    clustersToUpgrade: clusters.map((k) => `EKS ${k.version}`),
    serversToPatch: sum(clusters.flatMap((k) => k.nodeGroups.map((g) => g.max))) + sum(services.filter((s) => s.launchType === 'ec2').map((s) => s.maxTasks)),
    multiAzDataStores: databases.filter((d) => d.multiAz).length + caches.filter((c) => c.multiAz).length + tables.length,
    dataStores: databases.length + caches.length + tables.length,
    minBackupRetentionDays: retention.length ? Math.min(...retention) : undefined,
    deploymentStrategies: [...new Set(only(env, 'pipeline').map((p) => p.strategy))],
    securityGroups: env.securityGroups.length,
    securityFindings: security.findings.length,
    alarms: env.monitoring.alarms.length,
    logRetentionDays: [...new Set(only(env, 'log-group').map((g) => g.retentionDays ?? 0))].sort((a, b) => a - b),
    subnets: env.network.subnets.length,
    vpcAttached: env.components.filter((c) => c.subnets.length > 0).length,
  };
}

/** Compares the default environment of each model, in the given order. */
export function compareModels(models: readonly ArchitectureModel[], inputs: ReadonlyMap<string, string>): Comparison {
  const compared = models.map((model): ComparedModel => {
    const env = model.environments[model.defaultEnvironment]!;
    const estimate = estimateFor(model, env.name, inputs);
    const components: Partial<Record<ComponentType, number>> = {};
    for (const c of env.components) components[c.type] = (components[c.type] ?? 0) + 1;
    return {
      id: model.id,
      file: model.source.file,
      environment: env.name,
      name: env.metadata.name,
      cost: estimate?.total,
      pricedWith: estimate?.pricing.description,
      layers: Object.fromEntries((estimate?.layers ?? []).map((l) => [l.id, l.monthly.expected])),
      components,
      componentNames: env.components.map((c) => ({ type: c.type, name: c.name })),
      operations: operationsOf(model, env),
      pros: env.metadata.pros,
      cons: env.metadata.cons,
    };
  });
  const priced = compared.filter((m) => m.cost);
  const byExpected = [...priced].sort((a, b) => a.cost!.expected - b.cost!.expected);
  return { models: compared, cheapest: byExpected[0]?.id, costliest: byExpected[byExpected.length - 1]?.id };
}

/** The text of a bilingual value in one locale. */
export const inLocale = (value: { readonly ko: string; readonly en: string }, locale: Locale): string => value[locale];
