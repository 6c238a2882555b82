/**
 * Synthetic architecture models of any size, for benchmarks and scale tests (issue 11).
 *
 * A model of `n` components is a few shared components (users, DNS, registry, pipeline,
 * monitoring, alerts) plus "domains" of ten components each: a log group, a secret, a database,
 * a cache, a table, an event topic, two compute services, an entry point and a deployment
 * pipeline, declared in dependency order so a
 * truncated last domain still references only what exists. Networks, security groups and flows
 * grow with the domains: every ten domains form a cell with its own private and isolated subnets
 * in each AZ, every domain has an entry, an application and a data security group whose rules
 * reference each other, and flows run users → entry → compute → backends, each domain calling its
 * parent domain (a tree of fan-out 4) so the graph is wide, shallow and connected. Only the
 * first few domains' load balancers face the Internet; the others are internal, called by their
 * child domains (a world-open group admits every component, so one per domain would make the
 * true reachability relation quadratic in the model size). Every component type appears from
 * 60 components on. Fully deterministic: no randomness, no clock.
 */
import { Document, isCollection, isSeq, visit, type Node } from 'yaml';
import { loadModelFromBytes } from '../load/load-model.js';
import type { ArchitectureModel } from '../model/types.js';

export interface SyntheticModelOptions {
  /** Adds a `dev` environment whose overrides touch every container service (default true). */
  readonly devEnvironment?: boolean;
  /** Availability zones used (1–4, default 3). */
  readonly zones?: number;
}

type Raw = Record<string, unknown>;

const REGION = 'ap-northeast-2';
const DOMAIN_SIZE = 10;
const DOMAINS_PER_CELL = 10;
const VPC_CIDR = '10.0.0.0/16';

/** The sizes the benchmark and the scale tests use. */
export const SYNTHETIC_SIZES = [10, 100, 1000, 5000] as const;

/** YAML text of a valid model with exactly `components` components (at least 6). */
export function syntheticModelYaml(components: number, options: SyntheticModelOptions = {}): string {
  const doc = new Document(syntheticModelData(components, options), { aliasDuplicateObjects: false });
  // Block style down to each list item, flow style inside it: one line per component, rule or
  // flow keeps a 5000-component model at a few megabytes and still points diagnostics at a line.
  const inList = (path: readonly unknown[]) => path.some((p) => isSeq(p)) || path.filter((p) => isCollection(p as Node)).length >= 3;
  visit(doc, {
    Map(_, node, path) { if (inList(path)) node.flow = true; },
    Seq(_, node, path) { if (inList(path)) node.flow = true; },
  });
  return doc.toString({ lineWidth: 0 });
}

/** The synthetic model loaded through the real loader (schema, semantics, normalization). */
export function syntheticModel(components: number, options: SyntheticModelOptions = {}): ArchitectureModel {
  const file = `model/synthetic-${components}.yaml`;
  const result = loadModelFromBytes(file, new TextEncoder().encode(syntheticModelYaml(components, options)));
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.model || errors.length) {
    throw new Error(`synthetic model of ${components} components is invalid:\n${errors.map((d) => `${d.line}:${d.col} ${d.rule} ${d.message}`).join('\n')}`);
  }
  return result.model;
}

/** The raw (YAML-shaped) data of {@link syntheticModelYaml}. */
export function syntheticModelData(components: number, options: SyntheticModelOptions = {}): Raw {
  if (!Number.isInteger(components) || components < 6) throw new RangeError(`a synthetic model needs at least 6 components (got ${components})`);
  const zoneCount = Math.min(4, Math.max(1, options.zones ?? 3));
  const zones = ['a', 'b', 'c', 'd'].slice(0, zoneCount).map((letter) => `${REGION}${letter}`);
  const domains = Math.ceil((components - SHARED.length) / DOMAIN_SIZE);
  const cells = Math.max(1, Math.ceil(domains / DOMAINS_PER_CELL));
  const network = networkOf(zones, cells);
  const cidrOf = new Map(network.map((s) => [s.id as string, s.cidr as string]));
  const built = buildComponents(components, zones, cidrOf);
  const devEnvironment = options.devEnvironment ?? true;
  const services = built.components.filter((c) => c.type === 'container-service').map((c) => c.id as string);

  return {
    version: 1,
    metadata: {
      name: { ko: `합성 모델 (${components}개 컴포넌트)`, en: `Synthetic model (${components} components)` },
      title: `Synthetic architecture with ${components} components`,
      description: 'Generated for benchmarks and scale tests: domains of services with their own data stores, spread over cells of subnets.',
      owner: 'bench',
      region: REGION,
      tags: { service: 'synthetic', size: String(components) },
      styles: [{ id: 'microservices', name: 'Microservices', description: 'Independent domains calling their neighbours' }],
      serviceChoices: [{ category: 'compute', label: 'Compute', chosen: 'ECS, Lambda and EKS', options: ['EC2'] }],
      pros: ['Scales by domain'],
      cons: ['Many moving parts'],
    },
    layout: { direction: 'RIGHT' },
    environments: {
      prod: { description: 'Production' },
      ...(devEnvironment ? {
        dev: {
          description: 'Development (single NAT, one task per service)',
          overrides: {
            network: { natGateways: 'single' },
            components: Object.fromEntries(services.map((id) => [id, { minTasks: 1, desiredTasks: 1, maxTasks: 2 }])),
          },
        },
      } : {}),
    },
    network: { vpc: { id: 'synthetic-vpc', name: 'Synthetic VPC', cidr: VPC_CIDR }, availabilityZones: zones, subnets: network, internetGateway: true, natGateways: 'per-az', dnsZone: { name: 'synthetic.example.com' } },
    securityGroups: built.securityGroups,
    components: built.components,
    connections: built.connections,
    monitoring: {
      metrics: built.metrics,
      alarms: built.alarms,
      logging: { logGroups: built.components.filter((c) => c.type === 'log-group').map((c) => c.id), structured: true, description: 'JSON logs per domain' },
      customMetrics: 5,
    },
    security: { principles: ['Least privilege'], dataProtection: ['TLS 1.2 or later'], accessControl: ['One IAM role per service'] },
    cost: {
      hoursPerMonth: 730,
      requestsPerMonth: { min: 1_000_000, expected: 10_000_000, max: 50_000_000 },
      dataTransferOutGb: { min: 100, expected: 300, max: 600 },
      natProcessedGb: { min: 20, expected: 50, max: 200 },
      albLcu: { min: 1, expected: 2, max: 4 },
      optimizations: [{ kind: 'right-sizing', description: 'Right-size every domain' }],
    },
    documentation: { diagramTools: ['draw.io'], iconSet: 'AWS Architecture Icons', resourceDir: 'resource/' },
  };
}

// ---------------------------------------------------------------- network

/** Subnet id of a tier in a cell and zone; public subnets are shared by all cells. */
const subnetId = (tier: 'public' | 'private' | 'isolated', cell: number, zone: number): string =>
  tier === 'public' ? `public-${zone}` : `${tier}-${cell}-${zone}`;

function networkOf(zones: readonly string[], cells: number): Raw[] {
  const ids: { id: string; tier: string; az: string }[] = zones.map((az, z) => ({ id: subnetId('public', 0, z), tier: 'public', az }));
  for (let cell = 0; cell < cells; cell++) {
    for (const tier of ['private', 'isolated'] as const) zones.forEach((az, z) => ids.push({ id: subnetId(tier, cell, z), tier, az }));
  }
  // /24 blocks while they fit in the /16, smaller blocks beyond (a /26 still holds 59 hosts).
  const prefix = ids.length <= 256 ? 24 : ids.length <= 512 ? 25 : 26;
  if (ids.length > 2 ** (prefix - 16)) throw new RangeError(`too many subnets (${ids.length}) for ${VPC_CIDR}`);
  return ids.map((s, i) => ({ ...s, cidr: blockCidr(i, prefix) }));
}

/** The `index`-th block of size /`prefix` in 10.0.0.0/16. */
function blockCidr(index: number, prefix: number): string {
  const offset = index * 2 ** (32 - prefix);
  return `10.0.${Math.floor(offset / 256)}.${offset % 256}/${prefix}`;
}

// ---------------------------------------------------------------- components

/** Shared components every model has, in order. */
const SHARED: readonly Raw[] = [
  { id: 'users', type: 'client', name: 'Users (Internet)' },
  { id: 'alerts', type: 'notification-topic', name: 'Operations alerts', subscriptions: [{ protocol: 'email', endpoint: 'oncall@example.com' }] },
  { id: 'monitoring', type: 'monitoring', name: 'CloudWatch', dashboards: 1 },
  { id: 'registry', type: 'container-registry', name: 'Amazon ECR', repository: 'synthetic', scanOnPush: true, immutableTags: true, storageGb: 5 },
  { id: 'pipeline', type: 'pipeline', name: 'CI/CD pipeline', sourceProviders: ['GitHub'], strategy: 'rolling', buildMinutesPerMonth: 600, computeType: 'BUILD_GENERAL1_SMALL',
    stages: [
      { id: 'source', kind: 'source', name: 'Source', provider: 'GitHub' },
      { id: 'build', kind: 'build', name: 'CodeBuild', provider: 'CodeBuild' },
      { id: 'image', kind: 'registry', name: 'Amazon ECR', provider: 'ECR', target: 'registry' },
    ] },
  { id: 'dns', type: 'dns', name: 'Route 53', zone: 'synthetic.example.com', records: [], queriesPerMonth: 10_000_000 },
];

interface Built {
  components: Raw[];
  securityGroups: Raw[];
  connections: Raw[];
  metrics: Raw[];
  alarms: Raw[];
}

const pad = (n: number): string => String(n).padStart(4, '0');

function buildComponents(total: number, zones: readonly string[], cidrOf: ReadonlyMap<string, string>): Built {
  const out: Built = { components: SHARED.map((c) => structuredClone(c)), securityGroups: [], connections: [], metrics: [], alarms: [] };
  const dns = out.components[SHARED.length - 1]!;
  const records = dns.records as Raw[];
  const connect = (from: string, to: string, protocol: string, port: number, kind: string, purpose: string) =>
    out.connections.push({ id: `${from}--${to}--${kind}`, from, to, protocol, port, kind, purpose });
  connect('users', 'dns', 'DNS', 53, 'request', 'Name resolution');

  for (let d = 0; out.components.length < total; d++) {
    const domain = domainComponents(d, zones, cidrOf);
    const present = domain.components.slice(0, total - out.components.length);
    const has = new Set(present.map((c) => c.id as string));
    out.components.push(...present);
    out.securityGroups.push(...domain.securityGroups.filter((g) => (g.usedBy as string[]).some((id) => has.has(id))).map(({ usedBy: _, ...g }) => g));
    for (const c of domain.connections) if (has.has(c.from as string) && has.has(c.to as string)) out.connections.push(c);
    const entry = present.find((c) => c.type === 'load-balancer' || c.type === 'api-gateway');
    if (entry) {
      records.push({ name: `d${pad(d)}.synthetic.example.com`, type: 'A', aliasTarget: entry.id });
      if (entry.scheme !== 'internal') connect('users', entry.id as string, 'HTTPS', 443, 'request', `Domain ${d} API`);
      out.metrics.push({ component: entry.id, metrics: [{ name: entry.type === 'load-balancer' ? 'RequestCount' : 'Count', label: 'Requests' }] });
    }
    for (const c of present) {
      if (c.type === 'container-service' || c.type === 'kubernetes-cluster') connect('registry', c.id as string, 'HTTPS', 443, 'control', 'Image pull');
      if (c.type === 'database') {
        out.alarms.push({ id: `db-cpu-${pad(d)}`, name: `Domain ${d} database CPU`, component: c.id, metric: 'CPUUtilization', statistic: 'Average', comparison: '>', threshold: 80, unit: 'percent', periodSeconds: 300, evaluationPeriods: 1, topic: 'alerts' });
      }
    }
    // Each domain calls its parent domain (through its load balancer when it has one): a connected, wide and shallow tree.
    const main = `d${pad(d)}-svc`;
    if (d > 0 && has.has(main)) {
      // Through the parent's load balancer when it has one, straight to its service otherwise.
      const up = parentOf(d);
      const [to, protocol, port] = flavourOf(up) === 'lambda' ? [`d${pad(up)}-svc`, 'HTTP', 8080] as const : [`d${pad(up)}-alb`, 'HTTPS', 443] as const;
      out.connections.push({ id: `${main}--${to}--request`, from: main, to, protocol, port, kind: 'request', purpose: `Domain ${d} calls domain ${up}` });
    }
  }
  // The leaf domains' application groups have no children to accept calls from.
  const groups = new Set(out.securityGroups.map((g) => g.id as string));
  for (const g of out.securityGroups) g.ingress = (g.ingress as Raw[]).filter((r) => r.securityGroup === undefined || groups.has(r.securityGroup as string));
  return out;
}

/** Domains whose entry point faces the Internet (the root of the tree and its children). */
const PUBLIC_DOMAINS = 5;

/** Domains form a tree of fan-out 4: each calls its parent's main service. */
const FAN_OUT = 4;
const parentOf = (d: number): number => Math.floor((d - 1) / FAN_OUT);

/** Compute flavour of a domain's main service: ECS most often, then Lambda, then EKS. */
const flavourOf = (d: number): 'ecs' | 'lambda' | 'eks' => (['ecs', 'ecs', 'lambda', 'ecs', 'eks'] as const)[d % 5]!;

/** One domain's components in dependency order (referenced before referencing), its groups and flows. */
function domainComponents(d: number, zones: readonly string[], cidrOf: ReadonlyMap<string, string>): { components: Raw[]; securityGroups: (Raw & { usedBy: string[] })[]; connections: Raw[] } {
  const p = `d${pad(d)}`;
  const cell = Math.floor(d / DOMAINS_PER_CELL);
  const privateSubnets = zones.map((_, z) => subnetId('private', cell, z));
  const isolatedSubnets = zones.map((_, z) => subnetId('isolated', cell, z));
  const publicSubnets = zones.map((_, z) => subnetId('public', 0, z));
  const flavour = flavourOf(d);
  const entryIsAlb = flavour !== 'lambda';
  const ids = { logs: `${p}-logs`, secret: `${p}-secret`, db: `${p}-db`, cache: `${p}-cache`, table: `${p}-table`, svc: `${p}-svc`, worker: `${p}-worker`, entry: `${p}-${entryIsAlb ? 'alb' : 'api'}` };
  const sg = { entry: `${p}-entry-sg`, app: `${p}-app-sg`, data: `${p}-data-sg` };
  const appPort = 8080;

  const main: Raw =
    flavour === 'ecs' ? {
      id: ids.svc, type: 'container-service', name: `Domain ${d} service (ECS)`, launchType: 'fargate', cluster: `cluster-${cell}`,
      subnets: privateSubnets, securityGroups: [sg.app], cpu: 512, memory: 1024, maxCpu: 2048, maxMemory: 4096,
      minTasks: 2, desiredTasks: 2, maxTasks: 10, scaling: [{ metric: 'cpu', comparison: '>', threshold: 70, adjustment: 2 }],
      container: { name: ids.svc, image: `${ids.svc}:1.0.${d}`, registry: 'registry', port: appPort, environment: { DOMAIN: String(d) } },
      logGroup: ids.logs, secrets: [ids.secret], permissions: [{ actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], resources: [ids.table] }],
    }
    : flavour === 'lambda' ? {
      id: ids.svc, type: 'function', name: `Domain ${d} service (Lambda)`, runtime: 'java21', memoryMb: 1024, timeoutSeconds: 29,
      subnets: privateSubnets, securityGroups: [sg.app], invocationsPerMonth: 1_000_000, averageDurationMs: 120, logGroup: ids.logs, secrets: [ids.secret],
    }
    : {
      id: ids.svc, type: 'kubernetes-cluster', name: `Domain ${d} cluster (EKS)`, version: '1.31', subnets: privateSubnets, securityGroups: [sg.app],
      nodeGroups: [{ name: 'general', instanceType: 't3.medium', min: 2, desired: 2, max: 6, spot: false }],
      workloads: [{ name: ids.svc, replicas: 2, port: appPort }], logGroup: ids.logs,
    };
  // A few domains face the Internet; the others sit behind internal load balancers their child domains call.
  const children = Array.from({ length: FAN_OUT }, (_, k) => FAN_OUT * d + 1 + k);
  const internetFacing = d < PUBLIC_DOMAINS;
  const entry: Raw = entryIsAlb ? {
    id: ids.entry, type: 'load-balancer', name: `Domain ${d} ${internetFacing ? '' : 'internal '}load balancer`, scheme: internetFacing ? 'internet-facing' : 'internal',
    subnets: internetFacing ? publicSubnets : privateSubnets, securityGroups: [sg.entry], minTlsVersion: '1.2',
    listeners: [
      { protocol: 'HTTPS', port: 443, certificate: `${p}-certificate`, sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' },
      ...(internetFacing ? [{ protocol: 'HTTP', port: 80, redirect: { protocol: 'HTTPS', port: 443, statusCode: 301 } }] : []),
    ],
    targetGroup: { target: ids.svc, protocol: 'HTTP', port: appPort, healthCheck: { path: '/health', intervalSeconds: 30, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3 } },
  } : { id: ids.entry, type: 'api-gateway', name: `Domain ${d} API (API Gateway)`, apiType: d % 2 ? 'http' : 'rest', stage: 'prod', requestsPerMonth: 1_000_000, throttleRps: 500 };

  const components: Raw[] = [
    { id: ids.logs, type: 'log-group', name: `Domain ${d} logs`, logGroupName: `/synthetic/${p}`, retentionDays: 30, format: 'json', ingestedGbPerMonth: 2 },
    { id: ids.secret, type: 'secret', name: `Domain ${d} credentials`, store: 'secrets-manager', rotationDays: 30, apiCallsPerMonth: 10_000 },
    {
      id: ids.db, type: 'database', name: `Domain ${d} database`, subnets: isolatedSubnets, securityGroups: [sg.data], engine: 'aurora-postgresql', engineVersion: '15.4',
      databaseName: `domain${d}`, port: 5432, multiAz: zones.length > 1, automaticFailover: zones.length > 1, deletionProtection: true, credentialsSecret: ids.secret,
      instances: [
        { role: 'writer', instanceClass: 'db.t3.medium', az: zones[0] },
        ...(zones.length > 1 ? [{ role: 'reader', instanceClass: 'db.t3.medium', az: zones[1] }] : []),
      ],
      storage: { type: 'gp3', sizeGb: 20, encrypted: true, ioMode: 'standard', ioRequestsPerMonth: 1_000_000 },
    },
    {
      id: ids.cache, type: 'cache', name: `Domain ${d} cache`, subnets: privateSubnets, securityGroups: [sg.data], engine: 'redis', engineVersion: '7.1',
      nodeType: 'cache.t3.small', replicas: zones.length > 1 ? 1 : 0, multiAz: zones.length > 1, automaticFailover: zones.length > 1, encryptionAtRest: true, encryptionInTransit: true,
    },
    { id: ids.table, type: 'nosql-table', name: `Domain ${d} events`, partitionKey: 'pk', sortKey: 'sk', pointInTimeRecovery: true, encrypted: true, storageGb: 1 },
    main,
    {
      id: ids.worker, type: 'function', name: `Domain ${d} worker`, runtime: 'nodejs20.x', memoryMb: 512, architecture: 'arm64',
      invocationsPerMonth: 100_000, averageDurationMs: 200, logGroup: ids.logs,
    },
    entry,
  ];
  components.splice(5, 0, { id: `${p}-events`, type: 'notification-topic', name: `Domain ${d} events topic`, subscriptions: [{ protocol: 'https', endpoint: `https://hooks.example.com/${p}` }] });
  // Each domain ships on its own pipeline: source, build, image, deploy.
  components.push({
    id: `${p}-pipeline`, type: 'pipeline', name: `Domain ${d} pipeline`, sourceProviders: ['GitHub'], strategy: flavour === 'lambda' ? 'canary' : 'rolling', buildMinutesPerMonth: 100, computeType: 'BUILD_GENERAL1_SMALL',
    stages: [
      { id: 'source', kind: 'source', name: 'Source', provider: 'GitHub' },
      { id: 'build', kind: 'build', name: 'CodeBuild', provider: 'CodeBuild' },
      ...(flavour === 'lambda' ? [] : [{ id: 'image', kind: 'registry', name: 'Amazon ECR', provider: 'ECR', target: 'registry' }]),
      { id: 'deploy', kind: 'deploy', name: `Deploy domain ${d}`, provider: 'CodeDeploy', target: ids.svc },
    ],
  });

  const securityGroups: (Raw & { usedBy: string[] })[] = [
    { id: sg.data, name: `Domain ${d} data`, description: 'PostgreSQL and Redis from the domain service only', usedBy: [ids.db, ids.cache], egress: 'none',
      ingress: [
        { securityGroup: sg.app, protocol: 'tcp', port: 5432, description: 'PostgreSQL' },
        { securityGroup: sg.app, protocol: 'tcp', port: 6379, description: 'Redis' },
      ] },
    { id: sg.app, name: `Domain ${d} application`, description: 'Application port from the entry point (and the child domains when there is no load balancer)', usedBy: [ids.svc], egress: 'all',
      ingress: [
        ...(entryIsAlb ? [{ securityGroup: sg.entry, protocol: 'tcp', port: appPort, description: 'From the load balancer' }] : [{ cidr: cidrOf.get(privateSubnets[0]!)!, protocol: 'tcp', port: appPort, description: 'From the API Gateway VPC link' }]),
        ...(entryIsAlb ? [] : children.map((child) => ({ securityGroup: `d${pad(child)}-app-sg`, protocol: 'tcp', port: appPort, description: `Calls from domain ${child}` }))),
      ] },
    ...(entryIsAlb && internetFacing ? [{ id: sg.entry, name: `Domain ${d} load balancer`, description: 'HTTPS from the Internet', usedBy: [ids.entry], egress: 'all',
      ingress: [{ cidr: '0.0.0.0/0', protocol: 'tcp', port: 443, description: 'HTTPS' }, { cidr: '0.0.0.0/0', protocol: 'tcp', port: 80, description: 'HTTP redirect' }] }] : []),
    ...(entryIsAlb && !internetFacing ? [{ id: sg.entry, name: `Domain ${d} internal load balancer`, description: 'HTTPS from the child domains', usedBy: [ids.entry], egress: 'all',
      ingress: children.map((child) => ({ securityGroup: `d${pad(child)}-app-sg`, protocol: 'tcp', port: 443, description: `From domain ${child}` })) }] : []),
  ];

  const flow = (from: string, to: string, protocol: string, port: number, kind: string, purpose: string): Raw => ({ id: `${from}--${to}--${kind}`, from, to, protocol, port, kind, purpose });
  const connections: Raw[] = [
    flow(ids.entry, ids.svc, entryIsAlb ? 'HTTP' : 'HTTPS', entryIsAlb ? appPort : 443, 'request', 'Forward requests'),
    flow(ids.svc, ids.db, 'PostgreSQL', 5432, 'write', 'Writes'),
    flow(ids.svc, ids.db, 'PostgreSQL', 5432, 'read', 'Reads'),
    flow(ids.svc, ids.cache, 'Redis', 6379, 'read', 'Cache lookup'),
    flow(ids.svc, ids.secret, 'HTTPS', 443, 'control', 'Fetch credentials'),
    flow(ids.svc, ids.logs, 'HTTPS', 443, 'async', 'Logs'),
    flow(ids.svc, `${p}-events`, 'HTTPS', 443, 'async', 'Publish events'),
    flow(`${p}-events`, ids.worker, 'HTTPS', 443, 'async', 'Deliver events'),
    flow(ids.worker, ids.table, 'HTTPS', 443, 'write', 'Store events'),
    flow(ids.worker, ids.logs, 'HTTPS', 443, 'async', 'Logs'),
  ];
  return { components, securityGroups, connections };
}
