/**
 * Template set → {@link ObservedArchitecture}: every resource archgen models, in the model's
 * vocabulary, with links resolved and supporting resources attributed to their owners.
 *
 * ```ts
 * const observed = observeTemplateSet(await readTemplateSet('cdk.out'));
 * observed.services[0]?.scaling?.max // { kind: 'known', value: 10 }
 * ```
 */
import type { CfnTemplateSet } from '../types.js';
import { observeServices, observeClusters, observeTaskDefinitions } from './compute.js';
import { ObserveContext } from './context.js';
import { observeCaches, observeDatabases, observeSecrets, observeTables } from './data.js';
import { observeHostedZones, observeLoadBalancers, observeTargetGroups } from './edge.js';
import { observeAlarms, observeLogGroups, observeTopics } from './monitoring.js';
import { observeSecurityGroups, observeVpcs } from './network.js';
import { observeApis, observeFunctions, observeKubernetes, observePipelines, observeRepositories } from './other.js';
import { assignOwnership } from './ownership.js';
import type { ObservedArchitecture, Origin } from './types.js';

export type * from './types.js';
export { known } from './types.js';
export { readConstructPaths } from './construct-paths.js';

export interface ObserveOptions {
  /** `<stack>/<logicalId>` → CDK construct path, e.g. from {@link readConstructPaths} of a `cdk.out` directory. */
  readonly constructPaths?: ReadonlyMap<string, string>;
}

export function observeTemplateSet(set: CfnTemplateSet, options: ObserveOptions = {}): ObservedArchitecture {
  const ctx = new ObserveContext(set, options.constructPaths);
  const vpcs = observeVpcs(ctx);
  const securityGroups = observeSecurityGroups(ctx);
  const targetGroups = observeTargetGroups(ctx);
  const loadBalancers = observeLoadBalancers(ctx);
  const hostedZones = observeHostedZones(ctx);
  const clusters = observeClusters(ctx);
  const taskDefinitions = observeTaskDefinitions(ctx);
  const { services, unattached } = observeServices(ctx);
  const databases = observeDatabases(ctx);
  const caches = observeCaches(ctx);
  const tables = observeTables(ctx);
  const secrets = observeSecrets(ctx);
  const logGroups = observeLogGroups(ctx);
  const alarms = observeAlarms(ctx);
  const topics = observeTopics(ctx);
  const repositories = observeRepositories(ctx);
  const pipelines = observePipelines(ctx);
  const functions = observeFunctions(ctx);
  const apis = observeApis(ctx);
  const kubernetesClusters = observeKubernetes(ctx);

  // Ties (same distance) go to the first listed: secrets own their rotation before anything
  // sharing its IAM role, services claim their roles before the VPC could.
  const elements: { origin: Origin; supporting: readonly Origin[] }[] = [
    ...secrets, ...services, ...taskDefinitions, ...services.flatMap((s) => (s.scaling ? [s.scaling, ...s.scaling.policies] : [])), ...unattached,
    ...databases, ...databases.flatMap((d) => d.instances), ...caches, ...tables, ...logGroups, ...alarms, ...topics,
    ...repositories, ...pipelines, ...pipelines.flatMap((p) => [...p.buildProjects, ...(p.deployment ? [p.deployment] : [])]),
    ...functions, ...apis, ...kubernetesClusters, ...kubernetesClusters.flatMap((k) => k.nodeGroups),
    ...loadBalancers, ...loadBalancers.flatMap((l) => l.listeners), ...targetGroups, ...hostedZones, ...clusters,
    ...securityGroups, ...vpcs.flatMap((v) => [...v.subnets, ...v.natGateways, ...v.internetGateways]), ...vpcs,
  ];
  const unclaimed = assignOwnership(ctx, elements);
  return {
    source: set.source,
    vpcs, securityGroups, loadBalancers, targetGroups, clusters, services, taskDefinitions, scaling: unattached,
    databases, caches, tables, logGroups, alarms, topics, secrets, hostedZones, repositories, pipelines, functions, apis,
    kubernetesClusters, unclaimed,
    warnings: [...set.warnings, ...ctx.warnings],
  };
}
