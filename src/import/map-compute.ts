/**
 * Compute of the imported model: ECS services (task size, container, autoscaling limits and
 * step rules), Lambda functions, API Gateway APIs and EKS clusters.
 */
import type { ObservedAlarm, ObservedContainer, ObservedScalingPolicy, ObservedService, ObservedTaskDefinition, Origin } from '../cfn/observe/types.js';
import { known } from '../cfn/observe/types.js';
import type { CfnValue } from '../cfn/types.js';
import type { ImportContext, RawModel } from './context.js';
import { displayName } from './ids.js';

const FARGATE_CPU = [256, 512, 1024, 2048, 4096, 8192, 16384];

/** ECS services: task size, scaling limits and step rules, the main container, logs and secrets. */
export function mapServices(ctx: ImportContext): RawModel[] {
  return ctx.observed.services.flatMap((service) => {
    const id = ctx.modelIds.get(service.origin.key);
    if (!id) return [];
    const element = `components.${id}`;
    const task = taskDefinitionOf(ctx, service);
    if (!task) {
      ctx.report.notMapped(service.origin, 'its task definition is not in the template; the model needs the task size and container');
      return [];
    }
    ctx.map(service.origin, id, element, service.supporting);
    ctx.partOf(task.origin, id, element, task.supporting);
    const cluster = ctx.observed.clusters.find((c) => c.origin.key === service.cluster.key);
    if (cluster) ctx.partOf(cluster.origin, id, `${element}.cluster`, cluster.supporting);
    const clusterName = cluster ? known(cluster.name) ?? ctx.modelIds.get(cluster.origin.key) ?? `${id}-cluster` : undefined;

    let cpu = ctx.valueOr(task.cpu, 256, `${element}.cpu`, task.origin, 'the model needs a task size');
    if (!FARGATE_CPU.includes(cpu)) {
      const nearest = FARGATE_CPU.find((c) => c >= cpu) ?? 16384;
      ctx.report.guessed(`${element}.cpu`, String(nearest), `task CPU ${cpu} is not a Fargate size; written as the next size up`, task.origin);
      cpu = nearest;
    }
    const memory = ctx.valueOr(task.memory, cpu * 2, `${element}.memory`, task.origin, 'the model needs the task memory');
    const architecture = known(task.architecture)?.toUpperCase() === 'ARM64' ? 'arm64' : 'x86_64';
    const spot = service.capacityProviders.some((p) => p.toUpperCase() === 'FARGATE_SPOT');
    const launchType = service.launchType?.toUpperCase() === 'EC2' ? 'ec2' : 'fargate';

    const desired = ctx.value(service.desiredCount, `${element}.desiredTasks`, service.origin);
    const scaling = service.scaling;
    if (scaling) ctx.partOf(scaling.origin, id, `${element}.scaling`, scaling.supporting);
    const min = scaling ? ctx.value(scaling.min, `${element}.minTasks`, scaling.origin) : undefined;
    const max = scaling ? ctx.value(scaling.max, `${element}.maxTasks`, scaling.origin) : undefined;
    const counts = taskCounts(ctx, element, service, min, desired, max);

    const container = mainContainer(task);
    if (task.containers.length > 1) {
      ctx.report.dropped(`${element}.container`, `the task runs ${task.containers.length} containers; the model describes one (${known(container?.name) ?? 'the first'})`, task.origin);
    }
    const mapped = container ? mapContainer(ctx, id, element, task, container) : undefined;
    if (!mapped) {
      ctx.report.notMapped(service.origin, 'its task definition has no container the model can describe');
      return [];
    }
    const subnets = service.subnets.map((l) => ctx.idOf(l)).filter((s): s is string => Boolean(s));
    const securityGroups = service.securityGroups.map((l) => ctx.idOf(l)).filter((s): s is string => Boolean(s));
    return [{
      id, type: 'container-service', name: displayName(service.origin, known(service.name)),
      ...(subnets.length ? { subnets } : {}), ...(securityGroups.length ? { securityGroups } : {}),
      launchType, ...(clusterName ? { cluster: clusterName } : {}),
      cpu, memory, architecture, spot,
      minTasks: counts.min, desiredTasks: counts.desired, maxTasks: counts.max,
      ...(scaling ? nonEmpty('scaling', scalingRules(ctx, id, element, scaling.policies)) : {}),
      container: mapped.container,
      ...(mapped.logGroup ? { logGroup: mapped.logGroup } : {}),
      ...nonEmpty('secrets', mapped.secrets),
    }];
  });
}

function taskDefinitionOf(ctx: ImportContext, service: ObservedService): ObservedTaskDefinition | undefined {
  const linked = ctx.observed.taskDefinitions.find((t) => t.origin.key === service.taskDefinition.key);
  if (linked) return linked;
  // A family name instead of a Ref (the CDK writes one for CodeDeploy-controlled services): the only task definition is the one.
  if (ctx.observed.taskDefinitions.length === 1 && ctx.observed.services.length === 1) return ctx.observed.taskDefinitions[0];
  return undefined;
}

function taskCounts(ctx: ImportContext, element: string, service: ObservedService, min?: number, desired?: number, max?: number) {
  const d = desired ?? min ?? 1;
  const low = min ?? d;
  const high = Math.max(max ?? d, 1);
  if (desired === undefined) ctx.report.guessed(`${element}.desiredTasks`, String(d), 'the service states no desired count; the scaling minimum (or 1) is used', service.origin);
  const clamped = Math.min(Math.max(d, low), high);
  if (clamped !== d) ctx.report.guessed(`${element}.desiredTasks`, String(clamped), `desired count ${d} lies outside the scaling limits ${low}–${high}`, service.origin);
  return { min: Math.min(low, high), desired: clamped, max: high };
}

function mainContainer(task: ObservedTaskDefinition): ObservedContainer | undefined {
  return task.containers.find((c) => c.ports.length > 0) ?? task.containers[0];
}

function mapContainer(ctx: ImportContext, id: string, element: string, task: ObservedTaskDefinition, container: ObservedContainer) {
  const at = `${element}.container`;
  const name = ctx.valueOr(container.name, id, `${at}.name`, task.origin, 'the container has no literal name');
  const image = container.image.kind === 'known' ? container.image.value : guessImage(ctx, container.image.expression, id);
  if (container.image.kind === 'unknown') ctx.report.guessed(`${at}.image`, image, `the image is known only at deploy time (${container.image.reason}); written as repository:tag`, task.origin);
  const registry = registryOf(ctx, container.image.kind === 'unknown' ? container.image.expression : container.image.value);
  const port = container.ports.length ? ctx.valueOr(container.ports[0], 80, `${at}.port`, task.origin, 'the model needs the container port') : undefined;
  if (port === undefined) {
    ctx.report.dropped(at, 'the container exposes no port; the model needs one', task.origin);
    return undefined;
  }
  const environment: Record<string, string> = {};
  const secrets = new Set<string>();
  for (const [key, value] of Object.entries(container.environment).sort(([a], [b]) => a.localeCompare(b))) {
    if (value.kind === 'known') { environment[key] = value.value; continue; }
    const target = ctx.componentOfValue(value);
    if (target && ctx.isSecret(target)) secrets.add(target);
    else ctx.value(value, `${at}.environment.${key}`, task.origin);
  }
  for (const link of container.secrets) {
    const target = ctx.componentOf(link);
    if (target && ctx.isSecret(target)) secrets.add(target);
  }
  const hc = container.healthCheck;
  const command = hc ? ctx.value(hc.command, `${at}.healthCheck.command`, task.origin) : undefined;
  const healthCheck = command && command.length ? {
    command: [...command],
    ...opt('intervalSeconds', ctx.value(hc!.intervalSeconds, `${at}.healthCheck`, task.origin)),
    ...opt('timeoutSeconds', ctx.value(hc!.timeoutSeconds, `${at}.healthCheck`, task.origin)),
    ...opt('retries', ctx.value(hc!.retries, `${at}.healthCheck`, task.origin)),
    ...opt('startPeriodSeconds', ctx.value(hc!.startPeriodSeconds, `${at}.healthCheck`, task.origin)),
  } : undefined;
  const logGroup = ctx.componentOf(container.logGroup);
  return {
    container: {
      name, image, ...(registry ? { registry } : {}), port,
      ...(healthCheck ? { healthCheck } : {}),
      ...(Object.keys(environment).length ? { environment } : {}),
    },
    logGroup: logGroup && ctx.isLogGroup(logGroup) ? logGroup : undefined,
    secrets: [...secrets].sort(),
  };
}

/** `repo:tag` from a deploy-time image expression: the part after the last `/`, with references named. */
function guessImage(ctx: ImportContext, expression: CfnValue, fallback: string): string {
  const text = flatten(ctx, expression);
  const tail = text.slice(text.lastIndexOf('/') + 1).replace(/\$\{[^}]*\}/g, '').replace(/:$/, '');
  const image = tail && /^[a-z0-9]/i.test(tail) ? tail : fallback;
  return image.includes(':') || image.includes('@') ? image : `${image}:latest`;
}

/** An expression as text: literals kept, `Ref`s to repositories replaced by their names, parameters by their defaults. */
function flatten(ctx: ImportContext, value: CfnValue): string {
  if (typeof value === 'string') return value.replace(/\$\{([^}!]+)\}/g, (match, name: string) => ctx.referenceText(name) ?? match);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!value || typeof value !== 'object') return '';
  if (Array.isArray(value)) return value.map((v) => flatten(ctx, v)).join('');
  const record = value as Record<string, CfnValue>;
  if ('Ref' in record) return ctx.referenceText(String(record.Ref)) ?? `\${${String(record.Ref)}}`;
  if ('Fn::Join' in record && Array.isArray(record['Fn::Join'])) {
    const [delimiter, parts] = record['Fn::Join'] as [string, CfnValue[]];
    return Array.isArray(parts) ? parts.map((p) => flatten(ctx, p)).join(String(delimiter)) : '';
  }
  if ('Fn::Sub' in record) return flatten(ctx, Array.isArray(record['Fn::Sub']) ? (record['Fn::Sub'] as CfnValue[])[0]! : record['Fn::Sub']!);
  return '${}';
}

/** The registry component an image expression refers to (`Ref`/`GetAtt` of the repository, or its name). */
function registryOf(ctx: ImportContext, expression: CfnValue): string | undefined {
  const text = JSON.stringify(expression);
  for (const repo of ctx.observed.repositories) {
    const id = ctx.modelIds.get(repo.origin.key);
    const name = known(repo.name);
    if (id && (text.includes(`"${repo.origin.logicalId}"`) || text.includes(`\${${repo.origin.logicalId}`) || (name && text.includes(`/${name}:`)))) return id;
  }
  return undefined;
}

const METRICS: Record<string, string> = { CPUUtilization: 'cpu', MemoryUtilization: 'memory', RequestCountPerTarget: 'requests' };

function scalingRules(ctx: ImportContext, id: string, element: string, policies: readonly ObservedScalingPolicy[]): RawModel[] {
  const rules: RawModel[] = [];
  for (const policy of policies) {
    ctx.partOf(policy.origin, id, `${element}.scaling`, policy.supporting);
    if (policy.policyType !== 'step') {
      ctx.report.dropped(`${element}.scaling`, `a ${policy.policyType} policy${policy.predefinedMetric ? ` on ${policy.predefinedMetric}` : ''}${known(policy.targetValue) !== undefined ? ` at ${known(policy.targetValue)}` : ''} cannot be expressed (the model has step rules)`, policy.origin);
      continue;
    }
    const alarm = policy.alarms.map((key) => ctx.observed.alarms.find((a) => a.origin.key === key)).find((a): a is ObservedAlarm => Boolean(a));
    if (alarm) ctx.partOf(alarm.origin, id, `${element}.scaling`, alarm.supporting);
    const metric = alarm ? METRICS[known(alarm.metric) ?? ''] : undefined;
    const comparison = alarm ? known(alarm.comparison) : undefined;
    const threshold = alarm ? known(alarm.threshold) : undefined;
    const step = policy.steps.find((s) => s.lowerBound === 0 || s.upperBound === 0) ?? policy.steps[0];
    if (!metric || !comparison || threshold === undefined || !step || step.adjustment === 0) {
      ctx.report.dropped(`${element}.scaling`, 'a step policy whose alarm metric (cpu, memory, requests per target), threshold or adjustment is not a literal', policy.origin);
      continue;
    }
    if (policy.steps.length > 1) ctx.report.dropped(`${element}.scaling`, `${policy.steps.length - 1} further steps of the policy (the model has one adjustment per rule)`, policy.origin);
    const cooldown = ctx.value(policy.cooldownSeconds, `${element}.scaling`, policy.origin);
    rules.push({ metric, comparison: comparison.startsWith('<') ? '<' : '>', threshold, adjustment: step.adjustment, ...(cooldown !== undefined && cooldown !== 300 ? { cooldownSeconds: cooldown } : {}) });
  }
  return rules;
}

// ---------------------------------------------------------------- serverless and Kubernetes

/** Lambda functions with runtime, memory, timeout, placement, log group and secrets. */
export function mapFunctions(ctx: ImportContext): RawModel[] {
  return ctx.observed.functions.flatMap((fn) => {
    const id = ctx.modelIds.get(fn.origin.key);
    if (!id) return [];
    const element = `components.${id}`;
    ctx.map(fn.origin, id, element, fn.supporting);
    const runtime = fn.runtime ? ctx.valueOr(fn.runtime, 'provided', `${element}.runtime`, fn.origin, 'the function has no literal runtime') : containerRuntime(ctx, element, fn.origin);
    const memoryMb = fn.memoryMb ? ctx.valueOr(fn.memoryMb, 128, `${element}.memoryMb`, fn.origin, 'the Lambda default') : 128;
    const timeoutSeconds = fn.timeoutSeconds ? ctx.value(fn.timeoutSeconds, `${element}.timeoutSeconds`, fn.origin) : 3;
    const architecture = known(fn.architecture)?.toLowerCase() === 'arm64' ? 'arm64' : 'x86_64';
    const subnets = fn.subnets.map((l) => ctx.idOf(l)).filter((s): s is string => Boolean(s));
    const securityGroups = fn.securityGroups.map((l) => ctx.idOf(l)).filter((s): s is string => Boolean(s));
    const logGroup = ctx.componentOf(fn.logGroup) ?? logGroupByName(ctx, known(fn.name));
    const secrets = [...new Set(fn.references.map((l) => ctx.componentOf(l)).filter((s): s is string => s !== undefined && ctx.isSecret(s)))].sort();
    return [{
      id, type: 'function', name: displayName(fn.origin, known(fn.name)),
      ...nonEmpty('subnets', subnets), ...nonEmpty('securityGroups', securityGroups),
      runtime, memoryMb, ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}), architecture,
      ...(logGroup && ctx.isLogGroup(logGroup) ? { logGroup } : {}),
      ...nonEmpty('secrets', secrets),
    }];
  });
}

/** Lambda writes to `/aws/lambda/<function name>` unless told otherwise. */
function logGroupByName(ctx: ImportContext, functionName: string | undefined): string | undefined {
  if (!functionName) return undefined;
  const group = ctx.observed.logGroups.find((g) => known(g.name) === `/aws/lambda/${functionName}`);
  return group ? ctx.modelIds.get(group.origin.key) : undefined;
}

function containerRuntime(ctx: ImportContext, element: string, origin: Origin): string {
  ctx.report.guessed(`${element}.runtime`, 'container-image', 'the function states no runtime (a container image function)', origin);
  return 'container-image';
}

/** API Gateway REST and HTTP APIs with their stage and throttle. */
export function mapApis(ctx: ImportContext): RawModel[] {
  return ctx.observed.apis.flatMap((api) => {
    const id = ctx.modelIds.get(api.origin.key);
    if (!id) return [];
    const element = `components.${id}`;
    if (api.apiType !== 'rest' && api.apiType !== 'http') {
      ctx.report.notMapped(api.origin, `${api.apiType} APIs cannot be expressed in the model (rest, http)`);
      return [];
    }
    ctx.map(api.origin, id, element, api.supporting);
    const stages = api.stages.filter((s) => /^[$A-Za-z0-9_-]+$/.test(s));
    if (stages.length < api.stages.length) ctx.report.dropped(`${element}.stage`, 'a stage name known only at deploy time', api.origin);
    if (stages.length > 1) ctx.report.dropped(`${element}.stage`, `stages ${stages.slice(1).join(', ')} (the model names one stage)`, api.origin);
    const throttle = ctx.value(api.throttleRps, `${element}.throttleRps`, api.origin);
    return [{ id, type: 'api-gateway', name: displayName(api.origin, known(api.name)), apiType: api.apiType, ...(stages[0] ? { stage: stages[0] } : {}), ...(throttle !== undefined ? { throttleRps: throttle } : {}) }];
  });
}

/** EKS clusters with their managed node groups (a cluster without one cannot be expressed). */
export function mapKubernetes(ctx: ImportContext): RawModel[] {
  return ctx.observed.kubernetesClusters.flatMap((cluster) => {
    const id = ctx.modelIds.get(cluster.origin.key);
    if (!id) return [];
    const element = `components.${id}`;
    const nodeGroups = cluster.nodeGroups.flatMap((group) => {
      const instanceType = group.instanceTypes[0];
      if (!instanceType) {
        ctx.report.dropped(`${element}.nodeGroups`, 'a node group without a literal instance type', group.origin);
        return [];
      }
      ctx.partOf(group.origin, id, `${element}.nodeGroups`, group.supporting);
      const desired = known(group.desired) ?? known(group.min) ?? 1;
      const min = Math.min(known(group.min) ?? desired, desired);
      const max = Math.max(known(group.max) ?? desired, desired, 1);
      return [{ name: displayName(group.origin), instanceType, min, desired, max, ...(group.spot ? { spot: true } : {}) }];
    });
    if (!nodeGroups.length) {
      ctx.report.notMapped(cluster.origin, 'the cluster has no managed node group with a literal instance type; the model needs one');
      return [];
    }
    ctx.map(cluster.origin, id, element, cluster.supporting);
    const version = ctx.valueOr(cluster.version, 'latest', `${element}.version`, cluster.origin, 'the cluster states no Kubernetes version (EKS picks its default)');
    return [{ id, type: 'kubernetes-cluster', name: displayName(cluster.origin), version, nodeGroups }];
  });
}

const opt = <T>(key: string, value: T | undefined): Record<string, T> => (value === undefined ? {} : { [key]: value });
const nonEmpty = <T>(key: string, list: readonly T[]): Record<string, readonly T[]> => (list.length ? { [key]: list } : {});
