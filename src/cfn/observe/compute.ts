/** ECS clusters, task definitions and services, with their Application Auto Scaling targets and policies. */
import type { CfnResource, CfnValue } from '../types.js';
import type { ObserveContext } from './context.js';
import type { ObservedCluster, ObservedContainer, ObservedScaling, ObservedScalingPolicy, ObservedService, ObservedTaskDefinition } from './types.js';
import { allReferences, given, items, keyOf, link, links, num, prop, str, strList } from './values.js';

export function observeClusters(ctx: ObserveContext): ObservedCluster[] {
  return ctx.ofType('AWS::ECS::Cluster').map((c) => {
    const name = str(c.properties.ClusterName, ctx.scope(c));
    return { origin: ctx.claim(c), supporting: [], ...(name ? { name } : {}) };
  });
}

function container(def: CfnValue, ctx: ObserveContext, resource: CfnResource): ObservedContainer {
  const scope = ctx.scope(resource);
  const health = prop(def, 'HealthCheck');
  const options = prop(prop(def, 'LogConfiguration'), 'Options');
  const logGroup = options !== undefined ? link(prop(options, 'awslogs-group'), scope) : undefined;
  const environment: Record<string, ReturnType<typeof str> & object> = {};
  for (const e of items(prop(def, 'Environment'))) {
    const name = prop(e, 'Name');
    const value = str(prop(e, 'Value'), scope);
    if (typeof name === 'string' && value) environment[name] = value;
  }
  const opt = <K extends string, T>(key: K, value: T | undefined) => (value === undefined ? {} : { [key]: value } as Record<K, T>);
  return {
    name: str(prop(def, 'Name'), scope) ?? given(''),
    image: str(prop(def, 'Image'), scope) ?? given(''),
    ports: items(prop(def, 'PortMappings')).flatMap((m) => num(prop(m, 'ContainerPort'), scope) ?? []),
    ...opt('logGroup', logGroup),
    ...(health !== undefined ? {
      healthCheck: {
        command: strList(prop(health, 'Command'), scope) ?? given([]),
        ...opt('intervalSeconds', num(prop(health, 'Interval'), scope)),
        ...opt('timeoutSeconds', num(prop(health, 'Timeout'), scope)),
        ...opt('retries', num(prop(health, 'Retries'), scope)),
        ...opt('startPeriodSeconds', num(prop(health, 'StartPeriod'), scope)),
      },
    } : {}),
    environment,
    secrets: items(prop(def, 'Secrets')).flatMap((x) => link(prop(x, 'ValueFrom'), scope) ?? []),
  };
}

export function observeTaskDefinitions(ctx: ObserveContext): ObservedTaskDefinition[] {
  return ctx.ofType('AWS::ECS::TaskDefinition').map((t) => {
    const scope = ctx.scope(t);
    const p = t.properties;
    const architecture = str(prop(p.RuntimePlatform, 'CpuArchitecture'), scope);
    return {
      origin: ctx.claim(t),
      supporting: [],
      cpu: num(p.Cpu, scope) ?? given(0),
      memory: num(p.Memory, scope) ?? given(0),
      ...(architecture ? { architecture } : {}),
      containers: items(p.ContainerDefinitions).map((d) => container(d, ctx, t)),
    };
  });
}

function policies(ctx: ObserveContext, targetKey: string): ObservedScalingPolicy[] {
  const alarms = ctx.ofType('AWS::CloudWatch::Alarm');
  return ctx.ofType('AWS::ApplicationAutoScaling::ScalingPolicy').filter((pol) => link(pol.properties.ScalingTargetId, ctx.scope(pol))?.key === targetKey).map((pol) => {
    const scope = ctx.scope(pol);
    const p = pol.properties;
    const step = p.StepScalingPolicyConfiguration;
    const tracking = p.TargetTrackingScalingPolicyConfiguration;
    const key = keyOf(pol.stackPath, pol.logicalId);
    const triggering = alarms.filter((a) => [...items(a.properties.AlarmActions), ...items(a.properties.OKActions)].some((v) => link(v, ctx.scope(a))?.key === key));
    const cooldown = num(prop(step, 'Cooldown') ?? prop(tracking, 'ScaleOutCooldown'), scope);
    const targetValue = num(prop(tracking, 'TargetValue'), scope);
    const predefined = prop(prop(tracking, 'PredefinedMetricSpecification'), 'PredefinedMetricType');
    const type = String(p.PolicyType ?? '');
    return {
      origin: ctx.claim(pol),
      supporting: [],
      policyType: type === 'StepScaling' ? 'step' : type === 'TargetTrackingScaling' ? 'target-tracking' : type,
      steps: items(prop(step, 'StepAdjustments')).map((s) => {
        const lower = prop(s, 'MetricIntervalLowerBound');
        const upper = prop(s, 'MetricIntervalUpperBound');
        return { adjustment: Number(prop(s, 'ScalingAdjustment') ?? 0), ...(lower !== undefined ? { lowerBound: Number(lower) } : {}), ...(upper !== undefined ? { upperBound: Number(upper) } : {}) };
      }),
      ...(cooldown ? { cooldownSeconds: cooldown } : {}),
      ...(targetValue ? { targetValue } : {}),
      ...(typeof predefined === 'string' ? { predefinedMetric: predefined } : {}),
      alarms: triggering.map((a) => keyOf(a.stackPath, a.logicalId)),
    };
  });
}

function scalingTargets(ctx: ObserveContext): { scaling: ObservedScaling; serviceIds: string[] }[] {
  return ctx.ofType('AWS::ApplicationAutoScaling::ScalableTarget').map((t) => {
    const scope = ctx.scope(t);
    const p = t.properties;
    return {
      scaling: {
        origin: ctx.claim(t),
        supporting: [],
        min: num(p.MinCapacity, scope) ?? given(0),
        max: num(p.MaxCapacity, scope) ?? given(0),
        dimension: str(p.ScalableDimension, scope) ?? given(''),
        policies: policies(ctx, keyOf(t.stackPath, t.logicalId)),
      },
      // `service/<cluster>/<service name>`: the service is named through Ref/GetAtt.
      serviceIds: allReferences(p.ResourceId),
    };
  });
}

export function observeServices(ctx: ObserveContext): { services: ObservedService[]; unattached: ObservedScaling[] } {
  const targets = scalingTargets(ctx);
  const used = new Set<ObservedScaling>();
  const services = ctx.ofType('AWS::ECS::Service').map((s): ObservedService => {
    const scope = ctx.scope(s);
    const p = s.properties;
    const vpcConfig = prop(prop(p.NetworkConfiguration, 'AwsvpcConfiguration'), 'AwsvpcConfiguration') ?? prop(p.NetworkConfiguration, 'AwsvpcConfiguration');
    const target = targets.find((t) => t.serviceIds.includes(s.logicalId));
    if (target) used.add(target.scaling);
    // The CDK writes the task definition family as a literal when it knows it; find the definition by family.
    let taskDefinition = link(p.TaskDefinition, scope) ?? { value: given('') };
    if (!taskDefinition.key && taskDefinition.value.kind === 'known') {
      const family = taskDefinition.value.value;
      const byFamily = ctx.ofType('AWS::ECS::TaskDefinition').find((t) => t.properties.Family === family);
      if (byFamily) taskDefinition = { key: keyOf(byFamily.stackPath, byFamily.logicalId), logicalId: byFamily.logicalId, value: taskDefinition.value };
    }
    const launchType = p.LaunchType;
    const name = str(p.ServiceName, scope);
    const controller = prop(p.DeploymentController, 'Type');
    return {
      origin: ctx.claim(s),
      supporting: [],
      ...(name ? { name } : {}),
      cluster: link(p.Cluster, scope) ?? { value: given('default') },
      taskDefinition,
      desiredCount: num(p.DesiredCount, scope) ?? given(1),
      ...(typeof launchType === 'string' ? { launchType } : {}),
      capacityProviders: items(p.CapacityProviderStrategy).map((c) => String(prop(c, 'CapacityProvider'))),
      subnets: links(prop(vpcConfig, 'Subnets'), scope),
      securityGroups: links(prop(vpcConfig, 'SecurityGroups'), scope),
      targetGroups: items(p.LoadBalancers).flatMap((lb) => link(prop(lb, 'TargetGroupArn'), scope) ?? []),
      ...(typeof controller === 'string' ? { deploymentController: controller } : {}),
      ...(target ? { scaling: target.scaling } : {}),
    };
  });
  return { services, unattached: targets.map((t) => t.scaling).filter((t) => !used.has(t)) };
}
