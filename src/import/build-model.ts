/**
 * Builds the first model of a template set from its observed architecture: ids for everything,
 * then network, security groups, components, flows and alarms, plus the report of what was
 * mapped, not mapped, guessed or dropped. Pure: observed facts in, model data and report out.
 */
import type { ElementKey, ObservedArchitecture, Origin } from '../cfn/observe/types.js';
import type { CfnTemplateSet } from '../cfn/types.js';
import { ImportContext, type RawModel } from './context.js';
import { nameCandidates } from './ids.js';
import { mapApis, mapFunctions, mapKubernetes, mapServices } from './map-compute.js';
import { linkSecretAttachments, mapCaches, mapDatabases, mapLogGroups, mapRepositories, mapSecrets, mapTables } from './map-data.js';
import { mapDns, mapLoadBalancers, mapUsers } from './map-edge.js';
import { mapFlows } from './map-flows.js';
import { allocateSecurityGroupIds, mapNetwork, mapSecurityGroups } from './map-network.js';
import { MONITORING_ID, mapAlarms, mapMonitoring, mapPipelines, mapTopics } from './map-operations.js';
import { metadataOf } from './metadata.js';
import { reportLeftovers } from './leftovers.js';
import type { ImportReport } from './report.js';

export interface BuildOptions {
  /** Model id (the output file's stem). */
  readonly id: string;
  /** Region given on the command line; otherwise read from the template's AZs, else guessed. */
  readonly region?: string;
}

export interface BuiltModel {
  readonly model: RawModel;
  readonly report: ImportReport;
}

/** Component collections in the order their ids are allocated (and components appear). */
const COMPONENT_KINDS: readonly { type: string; list: (o: ObservedArchitecture) => readonly { origin: Origin; name?: unknown }[] }[] = [
  { type: 'dns', list: (o) => o.hostedZones },
  { type: 'api-gateway', list: (o) => o.apis },
  { type: 'load-balancer', list: (o) => o.loadBalancers.filter((lb) => lb.lbType === 'application') },
  { type: 'container-service', list: (o) => o.services },
  { type: 'kubernetes-cluster', list: (o) => o.kubernetesClusters },
  { type: 'function', list: (o) => o.functions },
  { type: 'database', list: (o) => o.databases },
  { type: 'cache', list: (o) => o.caches },
  { type: 'nosql-table', list: (o) => o.tables },
  { type: 'secret', list: (o) => o.secrets },
  { type: 'container-registry', list: (o) => o.repositories },
  { type: 'log-group', list: (o) => o.logGroups },
  { type: 'notification-topic', list: (o) => o.topics },
  { type: 'pipeline', list: (o) => o.pipelines },
];

/** A literal `name` of an observed element, if it has one. */
function ownName(element: { name?: unknown }): string | undefined {
  const name = element.name as { kind?: string; value?: unknown } | string | undefined;
  if (typeof name === 'string') return name;
  return name?.kind === 'known' && typeof name.value === 'string' ? name.value : undefined;
}

/**
 * Maps until nothing more falls out: a component that cannot be written (a load balancer
 * without a target) is excluded and the mapping runs again, so no reference points at it.
 */
export function buildModel(set: CfnTemplateSet, observed: ObservedArchitecture, options: BuildOptions): BuiltModel {
  const excluded = new Map<ElementKey, string>();
  for (let pass = 0; ; pass++) {
    const result = buildOnce(set, observed, options, excluded);
    if (!result.failed.size || pass >= 8) return { model: result.model, report: result.report };
    for (const [key, reason] of result.failed) excluded.set(key, reason);
  }
}

function buildOnce(set: CfnTemplateSet, observed: ObservedArchitecture, options: BuildOptions, excluded: ReadonlyMap<ElementKey, string>) {
  const { region, guessed: regionGuess } = regionOf(observed, options.region);
  const defaults = new Map<string, string>();
  for (const stack of set.stacks) for (const [name, p] of Object.entries(stack.parameters)) if (typeof p.default === 'string' || typeof p.default === 'number') defaults.set(name, String(p.default));
  const ctx = new ImportContext(observed, region, defaults);
  if (regionGuess) ctx.report.guessed('metadata.region', region, regionGuess);

  const network = mapNetwork(ctx);
  allocateSecurityGroupIds(ctx);
  const users = mapUsers(ctx);
  if (observed.alarms.length) ctx.ids.reserve(MONITORING_ID);
  const allocated = new Map<string, ElementKey>();
  for (const kind of COMPONENT_KINDS) {
    for (const element of kind.list(observed)) {
      const reason = excluded.get(element.origin.key);
      if (reason) {
        ctx.report.notMapped(element.origin, reason);
        continue;
      }
      const id = ctx.ids.allocate(nameCandidates(element.origin, ownName(element)), kind.type);
      ctx.modelIds.set(element.origin.key, id);
      ctx.componentTypes.set(id, kind.type);
      allocated.set(id, element.origin.key);
    }
  }

  linkSecretAttachments(ctx);
  const securityGroups = mapSecurityGroups(ctx);
  const components = [
    ...users, ...mapDns(ctx), ...mapApis(ctx), ...mapLoadBalancers(ctx), ...mapServices(ctx), ...mapKubernetes(ctx), ...mapFunctions(ctx),
    ...mapDatabases(ctx), ...mapCaches(ctx), ...mapTables(ctx), ...mapSecrets(ctx), ...mapRepositories(ctx), ...mapLogGroups(ctx),
  ];
  components.push(...mapMonitoring(ctx), ...mapTopics(ctx), ...mapPipelines(ctx));
  const emitted = new Set(components.map((c) => c.id as string));
  const failed = new Map<ElementKey, string>();
  for (const [id, key] of allocated) {
    if (emitted.has(id)) continue;
    const entry = ctx.report.unmappedReason(key);
    failed.set(key, entry ?? 'could not be expressed in the model');
  }

  const connections = mapFlows(ctx, components);
  const alarms = mapAlarms(ctx);
  const logGroups = components.filter((c) => c.type === 'log-group').map((c) => c.id as string);
  reportLeftovers(ctx, set);

  const metadata = metadataOf(set, observed, region);
  if (metadata.owner === 'unknown') ctx.report.guessed('metadata.owner', 'unknown', 'no `owner` or `team` tag is shared by every resource');
  const model: RawModel = {
    version: 1,
    metadata,
    network,
    ...(securityGroups.length ? { securityGroups } : {}),
    components: components.length ? components : [placeholderComponent(ctx)],
    ...(connections.length ? { connections } : {}),
    ...(alarms.length || logGroups.length ? { monitoring: { ...(alarms.length ? { alarms } : {}), ...(logGroups.length ? { logging: { logGroups } } : {}) } } : {}),
  };
  return { model, report: ctx.report.build(set.source, [...set.warnings, ...observed.warnings]), failed };
}

/** A model needs one component; a template with none the model can hold gets the Internet users as a placeholder. */
function placeholderComponent(ctx: ImportContext): RawModel {
  ctx.report.guessed('components.users', 'client', 'no resource of the template maps to a component, and a model needs one');
  return { id: 'users', type: 'client', name: { ko: '사용자 (인터넷)', en: 'Users (Internet)' } };
}

/** Region: the command line, else the AZ names the template states, else a guess. */
function regionOf(observed: ObservedArchitecture, given?: string): { region: string; guessed?: string } {
  if (given) return { region: given };
  const zones = [
    ...observed.vpcs.flatMap((v) => v.subnets.map((s) => s.az)),
    ...observed.databases.flatMap((d) => d.instances.map((i) => i.az)),
  ].flatMap((az) => (az?.kind === 'known' ? [az.value] : []));
  const region = zones.map((z) => /^([a-z]{2}(-[a-z]+)+-\d)[a-z]$/.exec(z)?.[1]).find(Boolean);
  if (region) return { region };
  return { region: 'us-east-1', guessed: 'the template names no availability zone and no --region was given' };
}
