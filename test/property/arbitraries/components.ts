/**
 * Type-specific fields of every component type, valid by the schema and the semantic rules
 * (Fargate sizes, min ≤ desired ≤ max, one database writer, pool sizes, …). References to
 * other elements are `Ref` placeholders, resolved when the whole model is assembled.
 */
import fc from 'fast-check';
import { ref, refs, type Raw } from './refs.js';
import { label, longText, text } from './text.js';

export const COMPONENT_TYPES = [
  'client', 'dns', 'load-balancer', 'container-service', 'database', 'cache', 'secret', 'container-registry',
  'log-group', 'pipeline', 'api-gateway', 'function', 'nosql-table', 'kubernetes-cluster', 'monitoring', 'notification-topic',
] as const;
export type ComponentTypeName = (typeof COMPONENT_TYPES)[number];

const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
const port = fc.oneof(fc.constantFrom(22, 53, 80, 443, 3306, 5432, 6379, 8080), fc.integer({ min: 1, max: 65535 }));
const count = fc.oneof(fc.constantFrom(0, 1, 1000, 10_000_000), fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }));
const plain = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _.-]{0,15}$/);
const texts = (inner = text) => fc.array(inner, { maxLength: 3 });

/** Fargate's valid task sizes: CPU units → memory MiB. */
export const FARGATE_SIZES: readonly (readonly [number, number])[] = (() => {
  const sizes: [number, number][] = [[256, 512], [256, 1024], [256, 2048]];
  const steps: [number, number, number, number][] = [
    [512, 1024, 4096, 1024], [1024, 2048, 8192, 1024], [2048, 4096, 16384, 1024],
    [4096, 8192, 30720, 1024], [8192, 16384, 61440, 4096], [16384, 32768, 122880, 8192],
  ];
  for (const [cpu, from, to, step] of steps) for (let m = from; m <= to; m += step) sizes.push([cpu, m]);
  return sizes;
})();

const taskCounts = (minFloor: number) =>
  fc.tuple(fc.integer({ min: minFloor, max: 4 }), fc.nat({ max: 3 }), fc.nat({ max: 6 }))
    .map(([min, up, more]) => ({ min, desired: min + up, max: Math.max(1, min + up + more) }));

const healthCheck = fc.record({
  path: fc.constantFrom('/', '/health', '/actuator/health', '/a b?c=<x>&d="e"'),
  intervalSeconds: fc.integer({ min: 5, max: 300 }),
  timeoutSeconds: fc.integer({ min: 2, max: 60 }),
  healthyThreshold: fc.integer({ min: 2, max: 10 }),
  unhealthyThreshold: fc.integer({ min: 2, max: 10 }),
}, { requiredKeys: ['path'] });

const listener = fc.oneof(
  fc.record({ protocol: fc.constant('HTTPS'), port, certificate: opt(plain), sslPolicy: opt(fc.constantFrom('ELBSecurityPolicy-TLS13-1-2-2021-06', 'ELBSecurityPolicy-2016-08')) }),
  fc.record({ protocol: fc.constant('HTTP'), port, redirect: opt(fc.record({ protocol: fc.constantFrom('HTTP', 'HTTPS'), port, statusCode: fc.constantFrom(301, 302) })) }),
);

const containerService = fc.record({
  launchType: opt(fc.constantFrom('fargate', 'ec2')),
  size: fc.nat({ max: FARGATE_SIZES.length - 1 }),
  growth: fc.nat({ max: FARGATE_SIZES.length - 1 }),
  cluster: opt(plain),
  architecture: opt(fc.constantFrom('x86_64', 'arm64')),
  spot: opt(fc.boolean()),
  counts: taskCounts(0),
  withDesired: fc.boolean(),
  scaling: fc.array(fc.record({
    metric: fc.constantFrom('cpu', 'memory', 'requests'),
    comparison: fc.constantFrom('>', '<'),
    threshold: fc.integer({ min: 0, max: 1000 }),
    adjustment: fc.integer({ min: -3, max: 3 }).filter((n) => n !== 0),
    cooldownSeconds: opt(fc.integer({ min: 1, max: 900 })),
  }), { maxLength: 3 }),
  container: fc.record({
    name: plain,
    image: fc.constantFrom('app:latest', 'nginx:1.27', 'registry.example.com/a/b:1'),
    registry: opt(ref('container-registry')),
    baseImage: opt(text),
    runtime: opt(text),
    port,
    healthCheck: opt(fc.record({
      command: fc.constantFrom(['CMD-SHELL', 'curl -fs http://localhost/ || exit 1'], ['CMD', '/bin/true']),
      intervalSeconds: fc.integer({ min: 5, max: 300 }),
      timeoutSeconds: fc.integer({ min: 2, max: 60 }),
      retries: fc.integer({ min: 1, max: 10 }),
      startPeriodSeconds: fc.integer({ min: 0, max: 300 }),
    })),
    environment: opt(fc.dictionary(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,10}$/), label, { maxKeys: 3 })),
  }),
  logGroup: opt(ref('log-group')),
  secrets: opt(refs('secret')),
  permissions: opt(fc.array(fc.record({ actions: fc.constant(['s3:GetObject']), resources: refs('component', 2) }), { maxLength: 2 })),
}).map(({ size, growth, counts, withDesired, ...rest }) => {
  const [cpu, memory] = FARGATE_SIZES[size]!;
  const bigger = FARGATE_SIZES.filter(([c, m]) => c >= cpu && m >= memory);
  const [maxCpu, maxMemory] = bigger[growth % bigger.length]!;
  return { ...rest, cpu, memory, maxCpu, maxMemory, minTasks: counts.min, ...(withDesired ? { desiredTasks: counts.desired } : {}), maxTasks: counts.max };
});

const database = fc.record({
  engine: fc.constantFrom('aurora-postgresql', 'aurora-mysql', 'postgres', 'mysql'),
  engineVersion: fc.constantFrom('15.4', '8.0', '16.1'),
  databaseName: opt(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,10}$/)),
  port: opt(port),
  writer: fc.record({ instanceClass: fc.constantFrom('db.t3.medium', 'db.r6g.large', 'db.t4g.medium'), az: opt(ref('az')), description: opt(text) }),
  readers: fc.array(fc.record({ instanceClass: fc.constantFrom('db.t3.medium', 'db.r6g.large'), az: opt(ref('az')), description: opt(text) }), { maxLength: 2 }),
  writerAt: fc.nat({ max: 2 }),
  storage: opt(fc.record({ type: fc.constantFrom('gp3', 'aurora'), sizeGb: count, encrypted: fc.boolean(), ioMode: fc.constantFrom('standard', 'io-optimized'), ioRequestsPerMonth: count }, { requiredKeys: [] })),
  backup: opt(fc.record({ retentionDays: fc.integer({ min: 0, max: 35 }), pointInTimeRecovery: fc.boolean(), manualSnapshots: longText, storageGb: count }, { requiredKeys: [] })),
  multiAz: opt(fc.boolean()),
  automaticFailover: opt(fc.boolean()),
  deletionProtection: opt(fc.boolean()),
  credentialsSecret: opt(ref('secret')),
  connectionPool: opt(fc.tuple(plain, fc.integer({ min: 1, max: 50 }), fc.nat({ max: 60 }), fc.boolean())
    .map(([library, maxPoolSize, idle, readWriteSplit]) => ({ library, maxPoolSize, minIdle: idle % (maxPoolSize + 1), readWriteSplit }))),
  readReplicaRouting: opt(fc.boolean()),
  verticalScaling: opt(text),
  reserved: opt(fc.subarray(['1yr', '3yr'])),
}).map(({ writer, readers, writerAt, ...rest }) => {
  const instances: Raw[] = readers.map((r) => ({ role: 'reader', ...r }));
  instances.splice(writerAt % (readers.length + 1), 0, { role: 'writer', ...writer });
  return { ...rest, instances };
});

const kubernetes = fc.record({
  version: fc.constantFrom('1.30', '1.31'),
  nodeGroups: fc.array(fc.record({ name: plain, instanceType: fc.constantFrom('t3.medium', 'm6g.large'), counts: taskCounts(0), spot: opt(fc.boolean()) })
    .map(({ counts, ...g }) => ({ ...g, min: counts.min, desired: counts.desired, max: counts.max })), { minLength: 1, maxLength: 2 }),
  workloads: opt(fc.array(fc.record({ name: plain, replicas: fc.nat({ max: 5 }), port }), { maxLength: 2 })),
  logGroup: opt(ref('log-group')),
});

const stageKinds = ['source', 'build', 'registry', 'deploy', 'approval', 'test'] as const;
const pipeline = fc.record({
  sourceProviders: opt(fc.array(fc.constantFrom('GitHub', 'GitLab', 'CodeCommit'), { maxLength: 2 })),
  stages: fc.array(fc.record({
    kind: fc.constantFrom(...stageKinds),
    name: text,
    provider: fc.oneof(plain, label),
    description: opt(longText),
    target: opt(ref('component')),
  }), { minLength: 1, maxLength: 4 }).map((stages) => stages.map((s, i) => ({ id: `stage-${i}`, ...s }))),
  strategy: fc.constantFrom('blue-green', 'rolling', 'canary'),
  alternativeStrategies: opt(fc.array(fc.record({ strategy: fc.constantFrom('blue-green', 'rolling', 'canary'), description: opt(text), optional: opt(fc.boolean()) }), { maxLength: 2 })),
  buildMinutesPerMonth: opt(count),
  computeType: opt(fc.constantFrom('BUILD_GENERAL1_SMALL', 'BUILD_GENERAL1_MEDIUM')),
});

/** Arbitraries of the fields specific to each component type. */
export const componentFields: Readonly<Record<ComponentTypeName, fc.Arbitrary<Raw>>> = {
  client: fc.constant({}),
  dns: fc.record({
    zone: fc.constantFrom('example.com', 'points.example.com'),
    records: opt(fc.array(fc.record({ name: fc.constantFrom('api.example.com', 'www.example.com'), type: fc.constantFrom('A', 'AAAA', 'CNAME'), aliasTarget: opt(ref('component')) }), { maxLength: 2 })),
    queriesPerMonth: opt(count),
  }),
  'load-balancer': fc.record({
    scheme: opt(fc.constantFrom('internet-facing', 'internal')),
    listeners: fc.array(listener, { minLength: 1, maxLength: 2 }),
    targetGroup: fc.record({ target: ref('component'), protocol: opt(fc.constantFrom('HTTP', 'HTTPS')), port, healthCheck }),
    features: opt(texts()),
    minTlsVersion: opt(fc.constantFrom('1.0', '1.1', '1.2', '1.3')),
    accessLogs: opt(fc.boolean()),
  }),
  'container-service': containerService,
  database,
  cache: fc.record({
    engine: fc.constantFrom('redis', 'valkey', 'memcached'),
    engineVersion: fc.constantFrom('7.1', '1.6.22'),
    nodeType: fc.constantFrom('cache.t3.micro', 'cache.t3.small', 'cache.r7g.large'),
    replicas: opt(fc.integer({ min: 0, max: 5 })),
    multiAz: opt(fc.boolean()),
    automaticFailover: opt(fc.boolean()),
    encryptionAtRest: opt(fc.boolean()),
    encryptionInTransit: opt(fc.boolean()),
    snapshotRetentionDays: opt(fc.integer({ min: 0, max: 35 })),
  }),
  secret: fc.record({
    store: fc.constantFrom('secrets-manager', 'ssm-parameter', 'plaintext'),
    rotationDays: opt(fc.integer({ min: 1, max: 365 })),
    apiCallsPerMonth: opt(count),
  }),
  'container-registry': fc.record({
    repository: fc.stringMatching(/^[a-z0-9][a-z0-9._/-]{0,12}$/),
    scanOnPush: opt(fc.boolean()),
    immutableTags: opt(fc.boolean()),
    storageGb: opt(count),
  }),
  'log-group': fc.record({
    logGroupName: fc.oneof(fc.constantFrom('/ecs/app', '/aws/lambda/fn'), label.map((l) => `/ecs/${l}`)),
    retentionDays: opt(fc.constantFrom(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)),
    format: opt(fc.constantFrom('json', 'text')),
    ingestedGbPerMonth: opt(count),
  }),
  pipeline,
  'api-gateway': fc.record({
    apiType: fc.constantFrom('rest', 'http'),
    stage: opt(fc.constantFrom('prod', 'v1', '$default')),
    requestsPerMonth: opt(count),
    throttleRps: opt(count),
  }),
  function: fc.record({
    runtime: fc.constantFrom('java21', 'nodejs20.x', 'python3.12'),
    memoryMb: fc.integer({ min: 128, max: 10240 }),
    timeoutSeconds: opt(fc.integer({ min: 1, max: 900 })),
    architecture: opt(fc.constantFrom('x86_64', 'arm64')),
    invocationsPerMonth: opt(count),
    averageDurationMs: opt(count),
    provisionedConcurrency: opt(fc.nat({ max: 10 })),
    logGroup: opt(ref('log-group')),
    secrets: opt(refs('secret')),
  }),
  'nosql-table': fc.record({
    billingMode: opt(fc.constantFrom('on-demand', 'provisioned')),
    partitionKey: fc.oneof(plain, label),
    sortKey: opt(plain),
    pointInTimeRecovery: opt(fc.boolean()),
    encrypted: opt(fc.boolean()),
    storageGb: opt(count),
    readRequestsPerMonth: opt(count),
    writeRequestsPerMonth: opt(count),
  }),
  'kubernetes-cluster': kubernetes,
  monitoring: fc.record({ dashboards: opt(fc.nat({ max: 5 })) }),
  'notification-topic': fc.record({
    subscriptions: opt(fc.array(fc.record({ protocol: fc.constantFrom('email', 'https', 'sms'), endpoint: fc.oneof(fc.constant('ops@example.com'), label) }), { maxLength: 2 })),
  }),
};

/** One component of any type, with the fields every type shares. */
export const componentPlan = fc.constantFrom(...COMPONENT_TYPES).chain((type) =>
  fc.record({
    type: fc.constant(type),
    name: text,
    description: opt(longText),
    rationale: opt(texts(longText)),
    uses: opt(texts()),
    securityGroups: opt(refs('security-group', 2)),
    subnets: opt(refs('subnet', 3)),
    tags: opt(fc.dictionary(fc.stringMatching(/^[a-z][a-z-]{0,8}$/), label, { maxKeys: 2 })),
    fields: componentFields[type],
  }),
);
export type ComponentPlan = typeof componentPlan extends fc.Arbitrary<infer T> ? T : never;
