/** Compute and edge part of the scaffold config: registry, log groups, the service, the ALB, DNS. */
import type {
  ContainerRegistryComponent, ContainerServiceComponent, DnsComponent, LoadBalancerComponent, LogGroupComponent,
  PipelineComponent, ResolvedEnvironment,
} from '../model/types.js';
import type { DnsConfig, LoadBalancerConfig, LogGroupConfig, PipelineConfig, RegistryConfig, ServiceConfig } from './config-types.js';
import { pascalCase, uniqueIds } from './names.js';
import type { NotExpressedList } from './not-expressed.js';

const where = (c: { id: string }, field?: string) => `components.${c.id}${field ? `.${field}` : ''}`;

/** Retention values CloudWatch Logs accepts. */
export const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export function logGroupConfigs(env: ResolvedEnvironment, report: NotExpressedList): LogGroupConfig[] {
  const ids = uniqueIds();
  return env.components.filter((c): c is LogGroupComponent => c.type === 'log-group').map((group) => {
    let retentionDays = group.retentionDays;
    if (retentionDays !== undefined && !(RETENTION_DAYS as readonly number[]).includes(retentionDays)) {
      const next = RETENTION_DAYS.find((d) => d >= retentionDays!) ?? 3653;
      report.add([...group.loc, 'retentionDays'], where(group, 'retentionDays'), `CloudWatch Logs has no ${retentionDays}-day retention; ${next} days is used.`);
      retentionDays = next;
    }
    return { id: group.id, constructId: ids(pascalCase(group.id, 'LogGroup')), logGroupName: group.logGroupName, retentionDays, format: group.format };
  });
}

export function registryConfig(env: ResolvedEnvironment, report: NotExpressedList): RegistryConfig | undefined {
  const registries = env.components.filter((c): c is ContainerRegistryComponent => c.type === 'container-registry');
  for (const extra of registries.slice(1)) report.add(extra.loc, where(extra), 'Only the first container registry of a model is generated.');
  const registry = registries[0];
  return registry && {
    id: registry.id, constructId: pascalCase(registry.id, 'Repository'), repositoryName: registry.repository,
    scanOnPush: registry.scanOnPush, immutableTags: registry.immutableTags,
  };
}

export function serviceConfig(env: ResolvedEnvironment, report: NotExpressedList, registry: RegistryConfig | undefined, codeDeploy: boolean): ServiceConfig | undefined {
  const services = env.components.filter((c): c is ContainerServiceComponent => c.type === 'container-service');
  for (const extra of services.slice(1)) report.add(extra.loc, where(extra), 'Only the first container service of a model is generated.');
  const service = services[0];
  if (!service) return undefined;
  if (service.launchType !== 'fargate') {
    report.add([...service.loc, 'launchType'], where(service, 'launchType'), 'Only Fargate services are generated; the service runs on Fargate.');
  }
  if (service.maxCpu !== service.cpu || service.maxMemory !== service.memory) {
    report.add([...service.loc, 'maxCpu'], where(service, 'maxCpu'), 'The vertical scaling ceiling is a sizing decision; change cpu and memory in the model to resize.');
  }
  for (const [i, rule] of service.scaling.entries()) {
    if (rule.metric === 'requests') report.add(rule.loc, `${where(service, 'scaling')}[${i}]`, 'Request-count scaling is not generated; only cpu and memory rules are.');
  }
  for (const p of service.permissions) {
    report.add([...service.loc, 'permissions'], where(service, 'permissions'), `Extra task-role permissions (${p.actions.join(', ')}) are not generated; grant them in your stack.`);
  }
  const fromRegistry = service.container.registry !== undefined && registry?.id === service.container.registry;
  const tag = service.container.image.includes(':') ? service.container.image.slice(service.container.image.lastIndexOf(':') + 1) : 'latest';
  return {
    id: service.id,
    constructId: pascalCase(service.id, 'Service'),
    clusterName: service.cluster,
    cpu: service.cpu,
    memory: service.memory,
    architecture: service.architecture,
    spot: service.spot,
    minTasks: service.minTasks,
    desiredTasks: service.desiredTasks,
    maxTasks: service.maxTasks,
    securityGroupIds: [...service.securityGroups],
    subnetIds: [...service.subnets],
    container: {
      name: service.container.name,
      registryId: fromRegistry ? service.container.registry : undefined,
      image: fromRegistry ? tag : service.container.image,
      port: service.container.port,
      healthCheck: { ...service.container.healthCheck, command: [...service.container.healthCheck.command] },
      environment: { ...service.container.environment },
    },
    logGroupId: service.logGroup,
    secretIds: [...service.secrets],
    scaling: service.scaling.flatMap((r) => (r.metric === 'requests' ? [] : [{
      metric: r.metric, comparison: r.comparison, threshold: r.threshold, adjustment: r.adjustment, cooldownSeconds: r.cooldownSeconds,
    }])),
    deploymentController: codeDeploy ? 'code-deploy' : 'ecs',
  };
}

export function loadBalancerConfig(env: ResolvedEnvironment, report: NotExpressedList, service: ServiceConfig | undefined): LoadBalancerConfig | undefined {
  const balancers = env.components.filter((c): c is LoadBalancerComponent => c.type === 'load-balancer');
  for (const extra of balancers.slice(1)) report.add(extra.loc, where(extra), 'Only the first load balancer of a model is generated.');
  const lb = balancers[0];
  if (!lb) return undefined;
  if (!service || lb.targetGroup.target !== service.id) {
    report.add(lb.targetGroup.loc, where(lb, 'targetGroup.target'), `The load balancer can only forward to the generated ECS service; target "${lb.targetGroup.target}" is not one.`);
    return undefined;
  }
  return {
    id: lb.id,
    constructId: pascalCase(lb.id, 'LoadBalancer'),
    internetFacing: lb.scheme === 'internet-facing',
    securityGroupIds: [...lb.securityGroups],
    subnetIds: [...lb.subnets],
    listeners: lb.listeners.map((l) => ({
      protocol: l.protocol,
      port: l.port,
      sslPolicy: l.protocol === 'HTTPS' ? l.sslPolicy : undefined,
      redirect: l.redirect && { protocol: l.redirect.protocol, port: l.redirect.port, permanent: l.redirect.statusCode === 301 },
    })),
    targetGroup: {
      protocol: lb.targetGroup.protocol,
      port: lb.targetGroup.port,
      healthCheck: {
        path: lb.targetGroup.healthCheck.path,
        intervalSeconds: lb.targetGroup.healthCheck.intervalSeconds,
        timeoutSeconds: lb.targetGroup.healthCheck.timeoutSeconds,
        healthyThreshold: lb.targetGroup.healthCheck.healthyThreshold,
        unhealthyThreshold: lb.targetGroup.healthCheck.unhealthyThreshold,
      },
    },
    accessLogs: lb.accessLogs,
  };
}

export function dnsConfig(env: ResolvedEnvironment, report: NotExpressedList, lb: LoadBalancerConfig | undefined): DnsConfig | undefined {
  const zones = env.components.filter((c): c is DnsComponent => c.type === 'dns');
  for (const extra of zones.slice(1)) report.add(extra.loc, where(extra), 'Only the first DNS zone of a model is generated.');
  const dns = zones[0];
  if (!dns) return undefined;
  if (!lb) {
    report.add(dns.loc, where(dns), 'DNS records are generated as aliases of the generated load balancer, and this app has none.');
    return undefined;
  }
  const ids = uniqueIds();
  const records: DnsConfig['records'][number][] = [];
  for (const record of dns.records) {
    if ((record.type === 'A' || record.type === 'AAAA') && record.aliasTarget === lb.id) {
      records.push({ constructId: ids(pascalCase(`${record.type}-${record.name}`, 'Record')), name: record.name, type: record.type });
    } else {
      report.add(record.loc, `${where(dns, 'records')}.${record.name}`, 'Only A/AAAA alias records of the load balancer are generated.');
    }
  }
  return { zoneName: dns.zone, records };
}

/** The pipeline is generated when it can deploy the generated service from the generated registry. */
export function pipelineConfig(env: ResolvedEnvironment, report: NotExpressedList): PipelineConfig | undefined {
  const pipelines = env.components.filter((c): c is PipelineComponent => c.type === 'pipeline');
  for (const extra of pipelines.slice(1)) report.add(extra.loc, where(extra), 'Only the first pipeline of a model is generated.');
  const pipeline = pipelines[0];
  if (!pipeline) return undefined;
  const hasService = env.components.some((c) => c.type === 'container-service');
  const hasRegistry = env.components.some((c) => c.type === 'container-registry');
  if (!hasService || !hasRegistry) {
    report.add(pipeline.loc, where(pipeline), 'The pipeline is generated only for an ECS service whose image lives in the model\'s ECR repository.');
    return undefined;
  }
  return {
    id: pipeline.id,
    constructId: pascalCase(pipeline.id, 'Pipeline'),
    sourceProviders: [...pipeline.sourceProviders],
    strategy: pipeline.strategy,
    computeType: pipeline.computeType,
  };
}
