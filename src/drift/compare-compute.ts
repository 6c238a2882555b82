/** The container service (task definition, scaling), registries, log groups and the pipeline. */
import type { ElementKey, ObservedLogGroup, ObservedScalingPolicy, ObservedService, Observed } from '../cfn/observe/types.js';
import type { ContainerRegistryComponent, ContainerServiceComponent, LogGroupComponent, PipelineComponent, ScalingRule } from '../model/types.js';
import type { NetworkMatch } from './compare-network.js';
import type { DriftContext } from './context.js';
import { linkedIds, sameSet } from './links.js';
import { constructScore, pair, SCORE } from './match.js';

const known = <T>(v: { kind: string; value?: T } | undefined): T | undefined => (v?.kind === 'known' ? v.value : undefined);
const given = <T>(value: T): Observed<T> => ({ kind: 'known', value });

export function compareLogGroups(ctx: DriftContext, idOf: Map<ElementKey, string>): void {
  const models = ctx.env.components.filter((c): c is LogGroupComponent => c.type === 'log-group');
  const configs = new Map(ctx.scaffold.config.logGroups.map((c) => [c.id, c]));
  const pairs = pair<LogGroupComponent, ObservedLogGroup>(models, ctx.observed.logGroups, (m, o) =>
    Math.max(constructScore(o.origin, configs.get(m.id)?.constructId), known(o.name) === m.logGroupName ? SCORE.name : 0), false);
  for (const group of models) {
    const path = `components.${group.id}`;
    const o = pairs.get(group);
    if (!o) {
      ctx.missing(group.loc, path, `Log group ${group.logGroupName}`);
      continue;
    }
    idOf.set(o.origin.key, group.id);
    ctx.match(path, o.origin);
    ctx.compare('logGroupName', [...group.loc, 'logGroupName'], `${path}.logGroupName`, group.logGroupName, o.name, o.origin);
    const loc = [...group.loc, 'retentionDays'];
    const substituted = configs.get(group.id)?.retentionDays;
    const reason = ctx.notExpressedAt(loc);
    const observedRetention: Observed<number | 'never expire'> = o.retentionDays ?? given('never expire');
    ctx.compare<number | 'never expire'>('retentionDays', loc, `${path}.retentionDays`, group.retentionDays ?? 'never expire', observedRetention, o.origin,
      substituted !== undefined && reason ? { substitute: { value: substituted, reason } } : {});
  }
}

export function compareRegistries(ctx: DriftContext): void {
  const models = ctx.env.components.filter((c): c is ContainerRegistryComponent => c.type === 'container-registry');
  const constructId = (m: ContainerRegistryComponent) => (ctx.scaffold.config.registry?.id === m.id ? ctx.scaffold.config.registry.constructId : undefined);
  const pairs = pair(models, ctx.observed.repositories, (m, o) => Math.max(constructScore(o.origin, constructId(m)), known(o.name) === m.repository ? SCORE.name : 0));
  for (const repo of models) {
    const path = `components.${repo.id}`;
    const o = pairs.get(repo);
    if (!o) {
      ctx.missing(repo.loc, path, `Container registry ${repo.repository}`, constructId(repo) !== undefined);
      continue;
    }
    ctx.match(path, o.origin);
    ctx.compare('repository', [...repo.loc, 'repository'], `${path}.repository`, repo.repository, o.name, o.origin);
    ctx.compare('scanOnPush', [...repo.loc, 'scanOnPush'], `${path}.scanOnPush`, repo.scanOnPush, o.scanOnPush, o.origin);
    ctx.compare('immutableTags', [...repo.loc, 'immutableTags'], `${path}.immutableTags`, repo.immutableTags, o.immutableTags, o.origin);
  }
}

const METRIC: Record<string, ScalingRule['metric']> = { CPUUtilization: 'cpu', MemoryUtilization: 'memory', ECSServiceAverageCPUUtilization: 'cpu', ECSServiceAverageMemoryUtilization: 'memory', ALBRequestCountPerTarget: 'requests', RequestCountPerTarget: 'requests' };

/** A step policy in model terms: metric and comparison of its alarm, threshold, adjustment. */
function policyRule(ctx: DriftContext, p: ObservedScalingPolicy) {
  const alarm = ctx.observed.alarms.find((a) => p.alarms.includes(a.origin.key));
  const metric = alarm ? METRIC[known(alarm.metric) ?? ''] : METRIC[p.predefinedMetric ?? ''];
  const step = p.steps[0];
  return { alarm, metric, comparison: known(alarm?.comparison), threshold: alarm?.threshold ?? p.targetValue, adjustment: step?.adjustment };
}

function compareScaling(ctx: DriftContext, svc: ContainerServiceComponent, o: ObservedService): void {
  const path = `components.${svc.id}`;
  const scaling = o.scaling;
  if (!scaling) {
    if (svc.maxTasks !== svc.minTasks) ctx.missing([...svc.loc, 'maxTasks'], `${path}.maxTasks`, `Auto scaling of ${svc.id}`);
    return;
  }
  ctx.match(`${path}.scaling`, scaling.origin);
  ctx.compare('minTasks', [...svc.loc, 'minTasks'], `${path}.minTasks`, svc.minTasks, scaling.min, scaling.origin);
  ctx.compare('maxTasks', [...svc.loc, 'maxTasks'], `${path}.maxTasks`, svc.maxTasks, scaling.max, scaling.origin);
  const observed = scaling.policies.map((p) => ({ p, r: policyRule(ctx, p) }));
  const pairs = pair(svc.scaling, observed, (m, { r }) =>
    (r.metric === m.metric ? 4 : 0) + (r.comparison === m.comparison ? 4 : 0) + (known(r.threshold) === m.threshold ? 2 : 0) + (r.adjustment === m.adjustment ? 1 : 0), false);
  svc.scaling.forEach((rule, i) => {
    const rpath = `${path}.scaling[${i}]`;
    const found = pairs.get(rule);
    if (!found || found.r.metric !== rule.metric) {
      ctx.missing(rule.loc, rpath, `Scaling rule ${rule.metric} ${rule.comparison} ${rule.threshold} of ${svc.id}`);
      return;
    }
    const { p, r } = found;
    ctx.match(rpath, p.origin, ...(r.alarm ? [r.alarm.origin] : []));
    ctx.compare('comparison', [...rule.loc, 'comparison'], `${rpath}.comparison`, rule.comparison, r.comparison === undefined ? undefined : given(r.comparison), r.alarm?.origin ?? p.origin);
    ctx.compare('threshold', [...rule.loc, 'threshold'], `${rpath}.threshold`, rule.threshold, r.threshold, r.alarm?.origin ?? p.origin);
    if (r.adjustment !== undefined) ctx.compare('adjustment', [...rule.loc, 'adjustment'], `${rpath}.adjustment`, rule.adjustment, given(r.adjustment), p.origin);
    ctx.compare('cooldownSeconds', [...rule.loc, 'cooldownSeconds'], `${rpath}.cooldownSeconds`, rule.cooldownSeconds, p.cooldownSeconds, p.origin);
  });
  for (const { p, r } of observed) {
    if (ctx.accounted.has(p.origin.key)) continue;
    // The policy's alarm is part of the unmodelled rule, not a second finding.
    if (r.alarm) ctx.accounted.add(r.alarm.origin.key);
    ctx.unmodelled(p.origin, `Scaling policy ${r.metric ?? ''} ${r.comparison ?? ''} ${known(r.threshold) ?? ''} of ${svc.id}`.replace(/\s+/g, ' '), { loc: [...svc.loc, 'scaling'], path: `${path}.scaling` });
  }
}

export function compareServices(ctx: DriftContext, net: NetworkMatch, logGroupIdOf: ReadonlyMap<ElementKey, string>, idOf: Map<ElementKey, string>): void {
  const models = ctx.env.components.filter((c): c is ContainerServiceComponent => c.type === 'container-service');
  const config = ctx.scaffold.config.service;
  const clusterName = (o: ObservedService) => known(ctx.observed.clusters.find((c) => c.origin.key === o.cluster.key)?.name);
  const pairs = pair(models, ctx.observed.services, (m, o) =>
    Math.max(constructScore(o.origin, config?.id === m.id ? config.constructId : undefined), clusterName(o) === m.cluster ? SCORE.name - 2 : 0));
  for (const svc of models) {
    const path = `components.${svc.id}`;
    const o = pairs.get(svc);
    if (!o) {
      ctx.missing(svc.loc, path, `Container service ${svc.id}`, config?.id === svc.id);
      continue;
    }
    idOf.set(o.origin.key, svc.id);
    const cluster = ctx.observed.clusters.find((c) => c.origin.key === o.cluster.key);
    const task = ctx.observed.taskDefinitions.find((t) => t.origin.key === o.taskDefinition.key);
    ctx.match(path, o.origin, ...(cluster ? [cluster.origin] : []), ...(task ? [task.origin] : []));
    if (cluster?.name) ctx.compare('cluster', [...svc.loc, 'cluster'], `${path}.cluster`, svc.cluster, cluster.name, cluster.origin);
    ctx.compare('desiredTasks', [...svc.loc, 'desiredTasks'], `${path}.desiredTasks`, svc.desiredTasks, o.desiredCount, o.origin);
    ctx.compare('spot', [...svc.loc, 'spot'], `${path}.spot`, svc.spot, given(o.capacityProviders.includes('FARGATE_SPOT')), o.origin);
    ctx.compare('securityGroups', [...svc.loc, 'securityGroups'], `${path}.securityGroups`, svc.securityGroups, linkedIds(o.securityGroups, net.securityGroupIdOf), o.origin, { equals: sameSet });
    ctx.compare('subnets', [...svc.loc, 'subnets'], `${path}.subnets`, svc.subnets, linkedIds(o.subnets, net.subnetIdOf), o.origin, { equals: sameSet });
    if (task) {
      ctx.compare('cpu', [...svc.loc, 'cpu'], `${path}.cpu`, svc.cpu, task.cpu, task.origin);
      ctx.compare('memory', [...svc.loc, 'memory'], `${path}.memory`, svc.memory, task.memory, task.origin);
      ctx.compare('architecture', [...svc.loc, 'architecture'], `${path}.architecture`, svc.architecture, task.architecture, task.origin);
      const c = task.containers.find((x) => known(x.name) === svc.container.name) ?? task.containers[0];
      const cloc = [...svc.loc, 'container'];
      const cpath = `${path}.container`;
      if (!c) {
        ctx.missing(cloc, cpath, `Container ${svc.container.name}`);
      } else {
        ctx.compare('container.name', [...cloc, 'name'], `${cpath}.name`, svc.container.name, c.name, task.origin);
        ctx.compare('container.image', [...cloc, 'image'], `${cpath}.image`, svc.container.image, c.image, task.origin,
          { equals: (m, t) => t === m || t.endsWith(`/${m}`) || (!m.includes(':') && t.endsWith(`/${m}:latest`)) });
        if (c.ports[0]) ctx.compare('container.port', [...cloc, 'port'], `${cpath}.port`, svc.container.port, c.ports[0], task.origin);
        const hc = svc.container.healthCheck;
        const h = c.healthCheck;
        const hloc = [...cloc, 'healthCheck'];
        if (h) {
          ctx.compare('container.healthCheck.command', [...hloc, 'command'], `${cpath}.healthCheck.command`, hc.command, h.command, task.origin,
            { equals: (m, t) => JSON.stringify(m) === JSON.stringify(t) });
          ctx.compare('container.healthCheck.intervalSeconds', [...hloc, 'intervalSeconds'], `${cpath}.healthCheck.intervalSeconds`, hc.intervalSeconds, h.intervalSeconds, task.origin);
          ctx.compare('container.healthCheck.timeoutSeconds', [...hloc, 'timeoutSeconds'], `${cpath}.healthCheck.timeoutSeconds`, hc.timeoutSeconds, h.timeoutSeconds, task.origin);
          ctx.compare('container.healthCheck.retries', [...hloc, 'retries'], `${cpath}.healthCheck.retries`, hc.retries, h.retries, task.origin);
          ctx.compare('container.healthCheck.startPeriodSeconds', [...hloc, 'startPeriodSeconds'], `${cpath}.healthCheck.startPeriodSeconds`, hc.startPeriodSeconds, h.startPeriodSeconds, task.origin);
        }
        if (svc.logGroup && c.logGroup?.key) {
          ctx.compare('logGroup', [...svc.loc, 'logGroup'], `${path}.logGroup`, svc.logGroup, given(logGroupIdOf.get(c.logGroup.key) ?? c.logGroup.logicalId ?? ''), task.origin);
        }
      }
    }
    compareScaling(ctx, svc, o);
  }
}

export function comparePipelines(ctx: DriftContext): void {
  const models = ctx.env.components.filter((c): c is PipelineComponent => c.type === 'pipeline');
  const config = ctx.scaffold.config.pipeline;
  const pairs = pair(models, ctx.observed.pipelines, (m, o) => constructScore(o.origin, config?.id === m.id ? config.constructId : undefined));
  for (const pipeline of models) {
    const path = `components.${pipeline.id}`;
    const o = pairs.get(pipeline);
    if (!o) {
      ctx.missing(pipeline.loc, path, `Pipeline ${pipeline.id}`, config?.id === pipeline.id);
      continue;
    }
    ctx.match(path, o.origin, ...o.buildProjects.map((b) => b.origin), ...(o.deployment ? [o.deployment.origin] : []));
    for (const tg of o.deployment?.targetGroups ?? []) if (tg.key) ctx.accounted.add(tg.key);
    const build = o.buildProjects[0];
    if (build?.computeType) ctx.compare('computeType', [...pipeline.loc, 'computeType'], `${path}.computeType`, pipeline.computeType, build.computeType, build.origin);
    const observedStrategy = o.deployment ? (pipeline.strategy === 'rolling' ? 'blue-green' : pipeline.strategy) : 'rolling';
    const substitute = config?.id === pipeline.id && config.strategy !== pipeline.strategy
      ? { value: config.strategy, reason: ctx.scaffold.notExpressed.find((n) => n.path === `components.${pipeline.id}.strategy`)?.reason ?? 'The scaffold deploys with a rolling update.' }
      : undefined;
    ctx.compare('strategy', [...pipeline.loc, 'strategy'], `${path}.strategy`, pipeline.strategy, given(observedStrategy), o.deployment?.origin ?? o.origin, substitute ? { substitute } : {});
  }
}

