/**
 * Price dimensions per component type: what each component consumes in a month, per scenario,
 * expressed in the unit its price key is sold in. Pure: no prices here, only quantities.
 */
import type { Component, ComponentOf, ComponentType, ResolvedEnvironment } from '../model/types.js';
import type { Layer, Scenarios } from './types.js';

/** One quantity of one component that a price turns into money. */
export interface Demand {
  readonly component: string;
  readonly componentName: string;
  readonly componentType: string;
  readonly layer: Layer;
  readonly dimension: string;
  /** Snapshot key whose price applies; absent when the dimension is not priced at all. */
  readonly priceKey?: string;
  /** Used when `priceKey` has no price (Spot → on-demand as an upper bound), with the reason. */
  readonly fallback?: { readonly key: string; readonly note: string };
  readonly unit: string;
  readonly quantity: Scenarios;
  readonly formula: string;
  /** Why this dimension is not priced (client, volume not in the model, ...). */
  readonly notPriced?: string;
  /** Reserved terms the model asks to compare (databases). */
  readonly reserved?: readonly ('1yr' | '3yr')[];
  /** On-demand key to compare a Spot line with, or Spot key to compare an on-demand line with. */
  readonly spotCompare?: { readonly onDemandKey: string; readonly spotKey?: string };
}

const LAYERS: Readonly<Record<ComponentType, Layer>> = {
  client: 'external', dns: 'edge', 'load-balancer': 'edge', 'api-gateway': 'edge',
  'container-service': 'compute', function: 'compute', 'kubernetes-cluster': 'compute',
  database: 'data', cache: 'data', 'nosql-table': 'data',
  secret: 'security', 'log-group': 'operations', monitoring: 'operations', 'notification-topic': 'operations',
  'container-registry': 'delivery', pipeline: 'delivery',
};

const same = (value: number): Scenarios => ({ min: value, expected: value, max: value });
const scale = (s: Scenarios, factor: number): Scenarios => ({ min: s.min * factor, expected: s.expected * factor, max: s.max * factor });
const round = (n: number): number => Math.round(n * 1e6) / 1e6;
const fmt = (n: number): string => String(round(n));

/** Traffic factor per scenario: requests of the scenario over the expected requests (1 when unknown). */
export function trafficFactor(env: ResolvedEnvironment): Scenarios {
  const r = env.cost.requestsPerMonth;
  if (!r.expected) return same(1);
  return { min: r.min / r.expected, expected: 1, max: r.max / r.expected };
}

type Builder<T extends ComponentType> = (c: ComponentOf<T>, env: ResolvedEnvironment, line: LineFactory) => Demand[];
type LineFactory = (dimension: string, fields: Omit<Demand, 'component' | 'componentName' | 'componentType' | 'layer' | 'dimension'>) => Demand;

const BUILDERS: { readonly [T in ComponentType]: Builder<T> } = {
  client: (_c, _env, line) => [line('usage', { unit: 'n/a', quantity: same(0), formula: 'end users', notPriced: 'end users are outside AWS: nothing to bill' })],
  dns: (c, env, line) => {
    const f = trafficFactor(env);
    return [
      line('hosted zone', { priceKey: 'route53:hosted-zone', unit: 'zone-months', quantity: same(1), formula: `1 hosted zone (${c.zone})` }),
      line('queries', { priceKey: 'route53:queries', unit: 'queries', quantity: scale(f, c.queriesPerMonth), formula: `${c.queriesPerMonth} queries/month × traffic factor` }),
    ];
  },
  'load-balancer': (_c, env, line) => {
    const h = env.cost.hoursPerMonth;
    return [
      line('load balancer hours', { priceKey: 'alb:hours', unit: 'hours', quantity: same(h), formula: `1 ALB × ${h} h` }),
      line('LCU-hours', { priceKey: 'alb:lcu-hours', unit: 'LCU-hours', quantity: scale(env.cost.albLcu, h), formula: `cost.albLcu (${env.cost.albLcu.min}/${env.cost.albLcu.expected}/${env.cost.albLcu.max} LCU) × ${h} h` }),
    ];
  },
  'container-service': (c, env, line) => {
    if (c.launchType !== 'fargate') {
      return [line('tasks', { unit: 'n/a', quantity: same(0), formula: 'EC2 launch type', notPriced: 'EC2 launch type: the container instances are not in the model' })];
    }
    const h = env.cost.hoursPerMonth;
    const tasks: Scenarios = { min: c.minTasks, expected: c.desiredTasks, max: c.maxTasks };
    const arch = c.architecture === 'arm64' ? 'arm' : 'x86';
    const vcpu = c.cpu / 1024;
    const gb = c.memory / 1024;
    const lines: Demand[] = [];
    for (const [dimension, kind, per, unit] of [['vCPU-hours', 'vcpu', vcpu, 'vCPU-hours'], ['GB-hours', 'gb', gb, 'GB-hours']] as const) {
      const onDemandKey = `fargate:${kind}:${arch}`;
      const spotKey = `fargate-spot:${kind}:${arch}`;
      const formula = `tasks ${tasks.min}/${tasks.expected}/${tasks.max} × ${fmt(per)} ${kind === 'vcpu' ? 'vCPU' : 'GB'} × ${h} h${c.spot ? ' (Fargate Spot)' : ''}`;
      lines.push(line(dimension, {
        priceKey: c.spot ? spotKey : onDemandKey,
        ...(c.spot ? { fallback: { key: onDemandKey, note: 'Fargate Spot price not in the price data: on-demand price used as an upper bound' } } : {}),
        unit, quantity: scale(tasks, per * h), formula,
        spotCompare: { onDemandKey, spotKey },
      }));
    }
    return lines;
  },
  database: (c, env, line) => {
    const h = env.cost.hoursPerMonth;
    const aurora = c.engine.startsWith('aurora');
    const io = c.storage.ioMode === 'io-optimized';
    const lines: Demand[] = c.instances.map((instance, i) => {
      const deployment = !aurora && c.multiAz && instance.role === 'writer' ? 'Multi-AZ' : 'Single-AZ';
      return line(`${instance.role} ${i + 1} instance-hours (${instance.instanceClass})`, {
        priceKey: `rds:instance:${c.engine}:${deployment}:${instance.instanceClass}${aurora && io ? ':io-optimized' : ''}`,
        unit: 'hours', quantity: same(h), formula: `1 × ${instance.instanceClass} × ${h} h`, reserved: c.reserved,
      });
    });
    if (aurora) {
      lines.push(line('storage', { priceKey: io ? 'aurora:storage-io-optimized' : 'aurora:storage', unit: 'GB-months', quantity: same(c.storage.sizeGb), formula: `${c.storage.sizeGb} GB` }));
      if (!io) {
        const f = trafficFactor(env);
        lines.push(line('I/O requests', { priceKey: 'aurora:io', unit: 'requests', quantity: scale(f, c.storage.ioRequestsPerMonth), formula: `${c.storage.ioRequestsPerMonth} I/O requests/month × traffic factor` }));
      }
    } else {
      lines.push(line('storage', { priceKey: c.multiAz ? 'rds:storage:gp3-multi-az' : 'rds:storage:gp3', unit: 'GB-months', quantity: same(c.storage.sizeGb), formula: `${c.storage.sizeGb} GB ${c.storage.type}` }));
    }
    const beyond = Math.max(0, c.backup.storageGb - c.storage.sizeGb);
    lines.push(line('backup storage beyond free', {
      priceKey: aurora ? 'aurora:backup' : 'rds:backup', unit: 'GB-months', quantity: same(beyond),
      formula: `${c.backup.storageGb} GB backups − ${c.storage.sizeGb} GB free (100% of storage)`,
    }));
    return lines;
  },
  cache: (c, env, line) => {
    const h = env.cost.hoursPerMonth;
    const nodes = 1 + c.replicas;
    return [line(`node-hours (${c.nodeType})`, {
      priceKey: `elasticache:node:${c.engine}:${c.nodeType}`, unit: 'node-hours', quantity: same(nodes * h),
      formula: `${nodes} node${nodes > 1 ? 's' : ''} (1 primary + ${c.replicas} replica${c.replicas === 1 ? '' : 's'}) × ${h} h`,
    })];
  },
  secret: (c, _env, line) => {
    if (c.store === 'ssm-parameter') return [line('parameter', { unit: 'n/a', quantity: same(0), formula: 'SSM standard parameter', notPriced: 'SSM Parameter Store standard parameters carry no charge' })];
    if (c.store === 'plaintext') return [line('secret', { unit: 'n/a', quantity: same(0), formula: 'plaintext', notPriced: 'plaintext configuration: no AWS charge (and no protection)' })];
    return [
      line('secret-months', { priceKey: 'secrets:secret', unit: 'secret-months', quantity: same(1), formula: '1 secret' }),
      line('API calls', { priceKey: 'secrets:api', unit: 'requests', quantity: same(c.apiCallsPerMonth), formula: `${c.apiCallsPerMonth} calls/month` }),
    ];
  },
  'container-registry': (c, _env, line) => [line('storage', { priceKey: 'ecr:storage', unit: 'GB-months', quantity: same(c.storageGb), formula: `${c.storageGb} GB of images` })],
  'log-group': (c, env, line) => {
    const f = trafficFactor(env);
    const months = c.retentionDays === undefined ? 12 : c.retentionDays / 30;
    const ingest = scale(f, c.ingestedGbPerMonth);
    return [
      line('ingestion', { priceKey: 'logs:ingest', unit: 'GB', quantity: ingest, formula: `${c.ingestedGbPerMonth} GB/month × traffic factor` }),
      line('storage', {
        priceKey: 'logs:storage', unit: 'GB-months', quantity: scale(ingest, months),
        formula: c.retentionDays === undefined ? 'ingestion × 12 months kept (retention never expires; a year assumed)' : `ingestion × ${c.retentionDays} d / 30 d retention (uncompressed, an upper bound)`,
      }),
    ];
  },
  pipeline: (c, _env, line) => [
    line('active pipeline', { priceKey: 'codepipeline:active', unit: 'pipeline-months', quantity: same(1), formula: '1 active V1 pipeline' }),
    line(`build minutes (${c.computeType})`, { priceKey: `codebuild:${c.computeType}`, unit: 'minutes', quantity: same(c.buildMinutesPerMonth), formula: `${c.buildMinutesPerMonth} min/month` }),
  ],
  'api-gateway': (c, env, line) => [line('requests', {
    priceKey: c.apiType === 'http' ? 'apigw:http-requests' : 'apigw:rest-requests', unit: 'requests',
    quantity: scale(trafficFactor(env), c.requestsPerMonth), formula: `${c.requestsPerMonth} requests/month × traffic factor (${c.apiType.toUpperCase()} API)`,
  })],
  function: (c, env, line) => {
    const f = trafficFactor(env);
    const arch = c.architecture === 'arm64' ? 'arm' : 'x86';
    const invocations = scale(f, c.invocationsPerMonth);
    const gbSeconds = (c.averageDurationMs / 1000) * (c.memoryMb / 1024);
    const lines = [
      line('requests', { priceKey: `lambda:requests:${arch}`, unit: 'requests', quantity: invocations, formula: `${c.invocationsPerMonth} invocations/month × traffic factor` }),
      line('duration', { priceKey: `lambda:gb-seconds:${arch}`, unit: 'GB-seconds', quantity: scale(invocations, gbSeconds), formula: `invocations × ${c.averageDurationMs} ms × ${c.memoryMb} MB` }),
    ];
    if (c.provisionedConcurrency > 0) {
      const seconds = env.cost.hoursPerMonth * 3600;
      lines.push(line('provisioned concurrency', {
        priceKey: `lambda:provisioned:${arch}`, unit: 'GB-seconds', quantity: same(c.provisionedConcurrency * (c.memoryMb / 1024) * seconds),
        formula: `${c.provisionedConcurrency} × ${c.memoryMb} MB × ${env.cost.hoursPerMonth} h`,
      }));
    }
    return lines;
  },
  'nosql-table': (c, env, line) => {
    if (c.billingMode === 'provisioned') {
      return [line('capacity', { unit: 'n/a', quantity: same(0), formula: 'provisioned capacity', notPriced: 'provisioned capacity units are not in the model; use on-demand or add capacity figures' })];
    }
    const f = trafficFactor(env);
    return [
      line('read request units', { priceKey: 'dynamodb:read-units', unit: 'read request units', quantity: scale(f, c.readRequestsPerMonth), formula: `${c.readRequestsPerMonth} reads/month × traffic factor (1 RRU each, ≤ 4 KB strongly consistent)` }),
      line('write request units', { priceKey: 'dynamodb:write-units', unit: 'write request units', quantity: scale(f, c.writeRequestsPerMonth), formula: `${c.writeRequestsPerMonth} writes/month × traffic factor (1 WRU each, ≤ 1 KB)` }),
      line('storage', { priceKey: 'dynamodb:storage', unit: 'GB-months', quantity: same(c.storageGb), formula: `${c.storageGb} GB (first 25 GB free tier tiered in the price)` }),
    ];
  },
  'kubernetes-cluster': (c, env, line) => {
    const h = env.cost.hoursPerMonth;
    return [
      line('cluster-hours', { priceKey: 'eks:cluster-hours', unit: 'hours', quantity: same(h), formula: `1 cluster × ${h} h` }),
      ...c.nodeGroups.map((group) => line(`node group ${group.name} (${group.instanceType})`, {
        priceKey: `ec2:instance:${group.instanceType}`, unit: 'instance-hours',
        quantity: { min: group.min * h, expected: group.desired * h, max: group.max * h },
        formula: `nodes ${group.min}/${group.desired}/${group.max} × ${h} h${group.spot ? ' (Spot requested: priced on-demand as an upper bound; EC2 Spot prices are not in the Price List)' : ''}`,
      })),
    ];
  },
  monitoring: (c, _env, line) => [line('dashboards', { priceKey: 'cloudwatch:dashboard', unit: 'dashboard-months', quantity: same(c.dashboards), formula: `${c.dashboards} dashboard${c.dashboards === 1 ? '' : 's'}` })],
  'notification-topic': (c, _env, line) => [line('notifications', {
    unit: 'n/a', quantity: same(0), formula: `${c.subscriptions.length} subscription(s)`,
    notPriced: 'message volume is not in the model (SNS e-mail: first 1,000/month free, then $2.00 per 100,000)',
  })],
};

function componentDemands(component: Component, env: ResolvedEnvironment): Demand[] {
  const name = component.name.en;
  const line: LineFactory = (dimension, fields) => ({ component: component.id, componentName: name, componentType: component.type, layer: LAYERS[component.type], dimension, ...fields });
  const build = BUILDERS[component.type] as Builder<ComponentType> | undefined;
  if (!build) return [line('usage', { unit: 'n/a', quantity: same(0), formula: component.type, notPriced: `component type "${component.type}" has no price dimensions in archgen yet` })];
  return build(component as never, env, line);
}

/** Every quantity the environment consumes in a month: components, monitoring, NAT and data transfer. */
export function demandsOf(env: ResolvedEnvironment): Demand[] {
  const demands = env.components.flatMap((c) => componentDemands(c, env));
  const h = env.cost.hoursPerMonth;
  const monitor = env.components.find((c) => c.type === 'monitoring');
  const cw = { component: monitor?.id ?? 'cloudwatch', componentName: monitor?.name.en ?? 'CloudWatch', componentType: 'monitoring', layer: 'operations' as const };
  if (env.monitoring.alarms.length) {
    demands.push({ ...cw, dimension: 'alarms', priceKey: 'cloudwatch:alarm', unit: 'alarm-months', quantity: same(env.monitoring.alarms.length), formula: `${env.monitoring.alarms.length} standard-resolution alarms` });
  }
  if (env.monitoring.customMetrics) {
    demands.push({ ...cw, dimension: 'custom metrics', priceKey: 'cloudwatch:metric', unit: 'metric-months', quantity: same(env.monitoring.customMetrics), formula: `${env.monitoring.customMetrics} custom metrics` });
  }
  const nats = env.network.natGateways === 'per-az' ? env.network.availabilityZones.length : env.network.natGateways === 'single' ? 1 : 0;
  if (nats) {
    const nat = { component: 'nat-gateways', componentName: 'NAT gateways', componentType: 'network', layer: 'network' as const };
    demands.push({ ...nat, dimension: 'gateway-hours', priceKey: 'nat:hours', unit: 'hours', quantity: same(nats * h), formula: `${nats} NAT gateway${nats > 1 ? 's' : ''} (${env.network.natGateways}) × ${h} h` });
    const gb = env.cost.natProcessedGb;
    demands.push({ ...nat, dimension: 'data processed', priceKey: 'nat:gb', unit: 'GB', quantity: gb, formula: `cost.natProcessedGb ${gb.min}/${gb.expected}/${gb.max} GB` });
  }
  const out = env.cost.dataTransferOutGb;
  if (out.max > 0) {
    demands.push({
      component: 'data-transfer', componentName: 'Data transfer out', componentType: 'network', layer: 'network', dimension: 'to the Internet',
      priceKey: 'data-transfer:out-internet', unit: 'GB', quantity: out, formula: `cost.dataTransferOutGb ${out.min}/${out.expected}/${out.max} GB (tiered)`,
    });
  }
  return demands;
}
