/** JSON Schema of each component type: one `if type == X then these properties` branch per type. */
import { arr, bool, idRef, idRefs, int, num, obj, oneOfValues, ref, str, text, texts, type JsonSchema } from './schema-dsl.js';

const common = {
  id: idRef({ title: 'Component id', description: 'Unique id, referenced by connections, alarms and other components.', examples: ['points-api'] }),
  type: oneOfValues({ title: 'Component type', description: 'What kind of AWS building block this is; decides the other fields, the icon and the price dimensions.', examples: ['container-service'] }, [
    'client', 'dns', 'load-balancer', 'container-service', 'database', 'cache', 'secret', 'container-registry', 'log-group',
    'pipeline', 'api-gateway', 'function', 'nosql-table', 'kubernetes-cluster', 'monitoring', 'notification-topic',
  ]),
  name: text({ title: 'Display name', description: 'Name shown in diagrams and documents.', examples: ['Application Load Balancer'] }),
  description: text({ title: 'Description', description: 'One sentence on what the component does.', examples: ['Stores point data'] }),
  rationale: texts({ title: 'Rationale', description: 'Why this service was chosen.', examples: [['No servers to manage']] }),
  uses: texts({ title: 'Uses', description: 'What the component is used for.', examples: [['Point data', 'Config data']] }),
  securityGroups: idRefs({ title: 'Security groups', description: 'Ids of the security groups attached to the component.', examples: [['ecs-sg']] }),
  subnets: idRefs({ title: 'Subnets', description: 'Ids of the subnets the component is placed in.', examples: [['private-a', 'private-c']] }),
  tags: ref({ title: 'Tags', description: 'AWS tags added to the component\'s resources.', examples: [{ team: 'points' }] }, 'tags'),
};

const port = (title: string, description: string, example: number): JsonSchema => ref({ title, description, examples: [example] }, 'port');
const seconds = (title: string, description: string, example: number): JsonSchema =>
  int({ title, description, examples: [example] }, { minimum: 1 });
const count = (title: string, description: string, example: number): JsonSchema =>
  num({ title, description, examples: [example] }, { minimum: 0 });

const healthCheck = obj({ title: 'Target health check', description: 'How the load balancer decides a target is healthy.' }, {
  path: str({ title: 'Health check path', description: 'HTTP path probed on each target.', examples: ['/actuator/health'] }, { pattern: '^/' }),
  intervalSeconds: seconds('Interval', 'Seconds between probes.', 30),
  timeoutSeconds: seconds('Timeout', 'Seconds before a probe fails.', 5),
  healthyThreshold: int({ title: 'Healthy threshold', description: 'Consecutive successes to become healthy.', examples: [2] }, { minimum: 2, maximum: 10 }),
  unhealthyThreshold: int({ title: 'Unhealthy threshold', description: 'Consecutive failures to become unhealthy.', examples: [3] }, { minimum: 2, maximum: 10 }),
}, ['path']);

const listener = obj({ title: 'Listener', description: 'A load balancer listener: HTTPS forwards to the target group, HTTP usually redirects.' }, {
  protocol: oneOfValues({ title: 'Protocol', description: 'Listener protocol.', examples: ['HTTPS'] }, ['HTTP', 'HTTPS']),
  port: port('Listener port', 'Port the load balancer listens on.', 443),
  certificate: str({ title: 'Certificate', description: 'ACM certificate ARN or a name resolved from CDK context.', examples: ['points-api-certificate'] }),
  sslPolicy: str({ title: 'TLS policy', description: 'ELB security policy name.', examples: ['ELBSecurityPolicy-TLS13-1-2-2021-06'] }),
  redirect: obj({ title: 'Redirect', description: 'Redirect every request instead of forwarding (e.g. 80 → 443).' }, {
    protocol: oneOfValues({ title: 'Protocol', description: 'Redirect target protocol.', examples: ['HTTPS'] }, ['HTTP', 'HTTPS']),
    port: port('Port', 'Redirect target port.', 443),
    statusCode: oneOfValues({ title: 'Status code', description: 'HTTP status of the redirect.', examples: [301] }, [301, 302]),
  }, ['protocol', 'port']),
}, ['protocol', 'port']);

const scalingRule = obj({ title: 'Scaling rule', description: 'A step-scaling rule: when the metric crosses the threshold, change the task count.' }, {
  metric: oneOfValues({ title: 'Metric', description: 'Service metric the rule watches.', examples: ['cpu'] }, ['cpu', 'memory', 'requests']),
  comparison: oneOfValues({ title: 'Comparison', description: 'Direction of the threshold.', examples: ['>'] }, ['>', '<']),
  threshold: num({ title: 'Threshold', description: 'Percent for cpu/memory, requests per target for requests.', examples: [70] }, { minimum: 0 }),
  adjustment: int({ title: 'Adjustment', description: 'Tasks to add (positive) or remove (negative).', examples: [2, -1] }, { not: { const: 0 } }),
  cooldownSeconds: seconds('Cooldown', 'Seconds to wait after a scaling activity.', 300),
}, ['metric', 'comparison', 'threshold', 'adjustment']);

const containerHealthCheck = obj({ title: 'Container health check', description: 'The task definition\'s container-level health check.' }, {
  command: arr({ title: 'Command', description: 'Health check command in ECS form.', examples: [['CMD-SHELL', 'curl -fs http://localhost:8080/actuator/health || exit 1']] }, { type: 'string' }, { minItems: 1 }),
  intervalSeconds: seconds('Interval', 'Seconds between checks.', 30),
  timeoutSeconds: seconds('Timeout', 'Seconds before a check fails.', 5),
  retries: int({ title: 'Retries', description: 'Failures before the container is unhealthy.', examples: [3] }, { minimum: 1, maximum: 10 }),
  startPeriodSeconds: int({ title: 'Start period', description: 'Grace period in seconds after start.', examples: [60] }, { minimum: 0 }),
}, ['command']);

const dbInstance = obj({ title: 'Database instance', description: 'One instance of the cluster: the writer or a reader (replica).' }, {
  role: oneOfValues({ title: 'Role', description: 'Writer (primary) or reader (replica).', examples: ['writer'] }, ['writer', 'reader']),
  instanceClass: str({ title: 'Instance class', description: 'RDS instance class.', examples: ['db.t3.medium'] }, { pattern: '^db\\.' }),
  az: str({ title: 'Availability zone', description: 'AZ the instance is placed in.', examples: ['ap-northeast-2a'] }),
  description: text({ title: 'Description', description: 'Sizing notes.', examples: ['Primary (2 vCPU, 4 GB RAM)'] }),
}, ['role', 'instanceClass']);

const stage = obj({ title: 'Pipeline stage', description: 'One stage of the CI/CD pipeline, in order.' }, {
  id: idRef({ title: 'Stage id', description: 'Unique id within the pipeline.', examples: ['build'] }),
  kind: oneOfValues({ title: 'Stage kind', description: 'What the stage does.', examples: ['build'] }, ['source', 'build', 'registry', 'deploy', 'approval', 'test']),
  name: text({ title: 'Name', description: 'Stage name.', examples: ['AWS CodeBuild'] }),
  provider: str({ title: 'Provider', description: 'Service or provider running the stage.', examples: ['CodeBuild'] }),
  description: text({ title: 'Description', description: 'What happens in the stage.', examples: ['Build and test'] }),
  target: idRef({ title: 'Target', description: 'Component the stage acts on.', examples: ['points-ecr'] }),
}, ['id', 'kind', 'name', 'provider']);

/** Type-specific properties, keyed by component type. */
export const componentProperties: Readonly<Record<string, { properties: Record<string, JsonSchema>; required: string[] }>> = {
  client: { properties: {}, required: [] },
  monitoring: { properties: { dashboards: count('Dashboards', 'CloudWatch dashboards.', 1) }, required: [] },
  'notification-topic': {
    properties: {
      subscriptions: arr({ title: 'Subscriptions', description: 'Who receives the alarms.' }, obj({ title: 'Subscription', description: 'One subscriber.' }, {
        protocol: oneOfValues({ title: 'Protocol', description: 'Delivery protocol.', examples: ['email'] }, ['email', 'https', 'sms']),
        endpoint: str({ title: 'Endpoint', description: 'Address, URL or phone number.', examples: ['oncall@example.com'] }),
      }, ['protocol', 'endpoint'])),
    },
    required: [],
  },
  dns: {
    properties: {
      zone: str({ title: 'Hosted zone', description: 'Route 53 hosted zone name.', examples: ['points.example.com'] }),
      records: arr({ title: 'Records', description: 'DNS records in the zone.' }, obj({ title: 'Record', description: 'A DNS record.' }, {
        name: str({ title: 'Record name', description: 'Fully qualified record name.', examples: ['api.points.example.com'] }),
        type: oneOfValues({ title: 'Record type', description: 'DNS record type.', examples: ['A'] }, ['A', 'AAAA', 'CNAME']),
        aliasTarget: idRef({ title: 'Alias target', description: 'Component the alias points at.', examples: ['points-alb'] }),
      }, ['name', 'type'])),
      queriesPerMonth: count('Queries per month', 'DNS queries per month, for the cost estimate.', 10000000),
    },
    required: ['zone'],
  },
  'load-balancer': {
    properties: {
      scheme: oneOfValues({ title: 'Scheme', description: 'Internet-facing or internal.', examples: ['internet-facing'] }, ['internet-facing', 'internal']),
      listeners: arr({ title: 'Listeners', description: 'Listeners of the load balancer.' }, listener, { minItems: 1 }),
      targetGroup: obj({ title: 'Target group', description: 'Where forwarded requests go.' }, {
        target: idRef({ title: 'Target', description: 'Component registered in the target group.', examples: ['points-api'] }),
        protocol: oneOfValues({ title: 'Protocol', description: 'Protocol to the targets.', examples: ['HTTP'] }, ['HTTP', 'HTTPS']),
        port: port('Port', 'Target port.', 8080),
        healthCheck,
      }, ['target', 'port', 'healthCheck']),
      features: texts({ title: 'Features', description: 'Capabilities used.', examples: [['SSL/TLS termination']] }),
      minTlsVersion: oneOfValues({ title: 'Minimum TLS version', description: 'Lowest TLS version clients may use.', examples: ['1.2'] }, ['1.0', '1.1', '1.2', '1.3']),
      accessLogs: bool({ title: 'Access logs', description: 'Write access logs to S3.' }),
    },
    required: ['listeners', 'targetGroup'],
  },
  'container-service': {
    properties: {
      launchType: oneOfValues({ title: 'Launch type', description: 'Fargate or EC2 capacity.', examples: ['fargate'] }, ['fargate', 'ec2']),
      cluster: str({ title: 'Cluster', description: 'ECS cluster name.', examples: ['points-cluster'] }),
      cpu: oneOfValues({ title: 'Task CPU', description: 'CPU units of one task (1024 = 1 vCPU).', examples: [512] }, [256, 512, 1024, 2048, 4096, 8192, 16384]),
      memory: int({ title: 'Task memory', description: 'Memory of one task in MiB.', examples: [1024] }, { minimum: 512 }),
      maxCpu: oneOfValues({ title: 'Max task CPU', description: 'Vertical scaling ceiling in CPU units.', examples: [2048] }, [256, 512, 1024, 2048, 4096, 8192, 16384]),
      maxMemory: int({ title: 'Max task memory', description: 'Vertical scaling ceiling in MiB.', examples: [4096] }, { minimum: 512 }),
      architecture: oneOfValues({ title: 'CPU architecture', description: 'x86_64 or arm64 (Graviton).', examples: ['x86_64'] }, ['x86_64', 'arm64']),
      spot: bool({ title: 'Fargate Spot', description: 'Run tasks on Fargate Spot capacity.' }),
      minTasks: int({ title: 'Minimum tasks', description: 'Lower bound of autoscaling.', examples: [2] }, { minimum: 0 }),
      desiredTasks: int({ title: 'Desired tasks', description: 'Task count at deployment.', examples: [2] }, { minimum: 0 }),
      maxTasks: int({ title: 'Maximum tasks', description: 'Upper bound of autoscaling.', examples: [10] }, { minimum: 1 }),
      scaling: arr({ title: 'Autoscaling rules', description: 'Step-scaling rules.' }, scalingRule),
      container: obj({ title: 'Container', description: 'The application container.' }, {
        name: str({ title: 'Container name', description: 'Name in the task definition.', examples: ['points-api'] }),
        image: str({ title: 'Image', description: 'Image name and tag.', examples: ['points-api:latest'] }),
        registry: idRef({ title: 'Registry', description: 'Container registry component the image comes from.', examples: ['points-ecr'] }),
        baseImage: text({ title: 'Base image', description: 'Base image of the build.', examples: ['OpenJDK 21'] }),
        runtime: text({ title: 'Runtime', description: 'Application framework.', examples: ['Spring Boot 3.x JAR'] }),
        port: port('Container port', 'Port the application listens on.', 8080),
        healthCheck: containerHealthCheck,
        environment: ref({ title: 'Environment', description: 'Plain environment variables (never secrets).', examples: [{ SPRING_PROFILES_ACTIVE: 'aws' }] }, 'tags'),
      }, ['name', 'image', 'port']),
      logGroup: idRef({ title: 'Log group', description: 'Log group component receiving the container logs.', examples: ['points-api-logs'] }),
      secrets: idRefs({ title: 'Secrets', description: 'Secret components injected into the task.', examples: [['points-db-credentials']] }),
      permissions: arr({ title: 'Task role permissions', description: 'Extra IAM actions of the task role, each on model resources.' }, obj({ title: 'Permission', description: 'IAM actions on model resources.' }, {
        actions: arr({ title: 'Actions', description: 'IAM actions.', examples: [['s3:GetObject']] }, { type: 'string', pattern: '^[a-z0-9-]+:[A-Za-z0-9*]+$' }, { minItems: 1 }),
        resources: idRefs({ title: 'Resources', description: 'Model component ids.', examples: [['points-db']] }),
      }, ['actions', 'resources'])),
    },
    required: ['cpu', 'memory', 'minTasks', 'maxTasks', 'container'],
  },
  database: {
    properties: {
      engine: oneOfValues({ title: 'Engine', description: 'Database engine.', examples: ['aurora-postgresql'] }, ['aurora-postgresql', 'aurora-mysql', 'postgres', 'mysql']),
      engineVersion: str({ title: 'Engine version', description: 'Engine version.', examples: ['15.4'] }),
      databaseName: str({ title: 'Database name', description: 'Initial database name.', examples: ['points'] }, { pattern: '^[A-Za-z][A-Za-z0-9_]*$' }),
      port: port('Port', 'Database port.', 5432),
      instances: arr({ title: 'Instances', description: 'Writer and readers.' }, dbInstance, { minItems: 1 }),
      storage: obj({ title: 'Storage', description: 'Cluster storage.' }, {
        type: str({ title: 'Storage type', description: 'Storage class.', examples: ['gp3'] }),
        sizeGb: count('Size', 'Expected data size in GB.', 100),
        encrypted: bool({ title: 'Encrypted', description: 'Encrypt storage with KMS.' }),
        ioMode: oneOfValues({ title: 'I/O mode', description: 'Aurora Standard (pay per I/O) or I/O-Optimized.', examples: ['standard'] }, ['standard', 'io-optimized']),
        ioRequestsPerMonth: count('I/O requests per month', 'Billed I/O requests per month (Standard mode).', 50000000),
      }),
      backup: obj({ title: 'Backup', description: 'Automated backups.' }, {
        retentionDays: int({ title: 'Retention', description: 'Days automated backups are kept.', examples: [7] }, { minimum: 0, maximum: 35 }),
        pointInTimeRecovery: bool({ title: 'Point-in-time recovery', description: 'Restore to any second within the retention.' }),
        manualSnapshots: text({ title: 'Manual snapshots', description: 'Manual snapshot policy.', examples: ['Manual snapshots (periodic)'] }),
        storageGb: count('Backup storage', 'Backup storage in GB (beyond the free amount is billed).', 150),
      }),
      multiAz: bool({ title: 'Multi-AZ', description: 'Spread instances over AZs.' }),
      automaticFailover: bool({ title: 'Automatic failover', description: 'Promote a reader when the writer fails.' }),
      deletionProtection: bool({ title: 'Deletion protection', description: 'Refuse to delete the cluster.' }),
      credentialsSecret: idRef({ title: 'Credentials secret', description: 'Secret component with the master credentials.', examples: ['points-db-credentials'] }),
      connectionPool: obj({ title: 'Connection pool', description: 'Application-side connection pool.' }, {
        library: str({ title: 'Library', description: 'Pool implementation.', examples: ['HikariCP'] }),
        maxPoolSize: int({ title: 'Max pool size', description: 'Maximum connections per task.', examples: [20] }, { minimum: 1 }),
        minIdle: int({ title: 'Min idle', description: 'Idle connections kept open.', examples: [5] }, { minimum: 0 }),
        readWriteSplit: bool({ title: 'Read/write split', description: 'Separate pools for writer and readers.' }),
      }, ['library', 'maxPoolSize', 'minIdle']),
      readReplicaRouting: bool({ title: 'Read replica routing', description: 'Route read-only queries to readers.' }),
      verticalScaling: text({ title: 'Vertical scaling', description: 'How the database grows vertically.', examples: ['Upgrade the instance type'] }),
      reserved: arr({ title: 'Reserved terms', description: 'Reserved instance terms to compare.', examples: [['1yr', '3yr']] }, { enum: ['1yr', '3yr'] }, { uniqueItems: true }),
    },
    required: ['engine', 'engineVersion', 'instances'],
  },
  cache: {
    properties: {
      engine: oneOfValues({ title: 'Engine', description: 'Cache engine.', examples: ['redis'] }, ['redis', 'valkey', 'memcached']),
      engineVersion: str({ title: 'Engine version', description: 'Engine version.', examples: ['7.1'] }),
      nodeType: str({ title: 'Node type', description: 'ElastiCache node type.', examples: ['cache.t3.small'] }, { pattern: '^cache\\.' }),
      replicas: int({ title: 'Replicas', description: 'Replicas per shard besides the primary.', examples: [1] }, { minimum: 0, maximum: 5 }),
      multiAz: bool({ title: 'Multi-AZ', description: 'Place replicas in other AZs.' }),
      automaticFailover: bool({ title: 'Automatic failover', description: 'Promote a replica when the primary fails.' }),
      encryptionAtRest: bool({ title: 'Encryption at rest', description: 'Encrypt data on disk.' }),
      encryptionInTransit: bool({ title: 'Encryption in transit', description: 'Require TLS.' }),
      snapshotRetentionDays: int({ title: 'Snapshot retention', description: 'Days of automatic snapshots.', examples: [7] }, { minimum: 0, maximum: 35 }),
    },
    required: ['engine', 'engineVersion', 'nodeType'],
  },
  secret: {
    properties: {
      store: oneOfValues({ title: 'Store', description: 'Where the secret lives.', examples: ['secrets-manager'] }, ['secrets-manager', 'ssm-parameter', 'plaintext']),
      rotationDays: int({ title: 'Rotation', description: 'Days between automatic rotations.', examples: [30] }, { minimum: 1, maximum: 365 }),
      apiCallsPerMonth: count('API calls per month', 'GetSecretValue calls per month.', 100000),
    },
    required: ['store'],
  },
  'container-registry': {
    properties: {
      repository: str({ title: 'Repository', description: 'ECR repository name.', examples: ['points-api'] }, { pattern: '^[a-z0-9][a-z0-9._/-]*$' }),
      scanOnPush: bool({ title: 'Scan on push', description: 'Scan images for vulnerabilities.' }),
      immutableTags: bool({ title: 'Immutable tags', description: 'Forbid overwriting tags.' }),
      storageGb: count('Storage', 'Stored images in GB.', 5),
    },
    required: ['repository'],
  },
  'log-group': {
    properties: {
      logGroupName: str({ title: 'Log group name', description: 'CloudWatch Logs group name.', examples: ['/ecs/points-api'] }),
      retentionDays: oneOfValues({ title: 'Retention', description: 'Days logs are kept (CloudWatch allowed values).', examples: [30] },
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]),
      format: oneOfValues({ title: 'Format', description: 'Log line format.', examples: ['json'] }, ['json', 'text']),
      ingestedGbPerMonth: count('Ingestion', 'GB of logs ingested per month.', 20),
    },
    required: ['logGroupName'],
  },
  pipeline: {
    properties: {
      sourceProviders: arr({ title: 'Source providers', description: 'Where the code lives.', examples: [['GitHub', 'GitLab']] }, { type: 'string' }),
      stages: arr({ title: 'Stages', description: 'Stages in order.' }, stage, { minItems: 1 }),
      strategy: oneOfValues({ title: 'Deployment strategy', description: 'How new versions replace old ones.', examples: ['blue-green'] }, ['blue-green', 'rolling', 'canary']),
      alternativeStrategies: arr({ title: 'Deployment strategies', description: 'Strategies the team may use, with notes.' }, obj({ title: 'Strategy', description: 'A deployment strategy.' }, {
        strategy: oneOfValues({ title: 'Strategy', description: 'Strategy name.', examples: ['rolling'] }, ['blue-green', 'rolling', 'canary']),
        description: text({ title: 'Description', description: 'What it gives.', examples: ['Zero-downtime deployment'] }),
        optional: bool({ title: 'Optional', description: 'Only used where needed.' }),
      }, ['strategy'])),
      buildMinutesPerMonth: count('Build minutes', 'CodeBuild minutes per month.', 600),
      computeType: str({ title: 'Build compute type', description: 'CodeBuild compute type.', examples: ['BUILD_GENERAL1_SMALL'] }),
    },
    required: ['stages', 'strategy'],
  },
  'api-gateway': {
    properties: {
      apiType: oneOfValues({ title: 'API type', description: 'REST or HTTP API.', examples: ['rest'] }, ['rest', 'http']),
      stage: str({ title: 'Stage', description: 'Deployment stage name.', examples: ['prod'] }),
      requestsPerMonth: count('Requests per month', 'API requests per month.', 10000000),
      throttleRps: count('Throttle', 'Steady-state requests per second limit.', 1000),
    },
    required: ['apiType'],
  },
  function: {
    properties: {
      runtime: str({ title: 'Runtime', description: 'Lambda runtime.', examples: ['java21'] }),
      memoryMb: int({ title: 'Memory', description: 'Memory in MB.', examples: [1024] }, { minimum: 128, maximum: 10240 }),
      timeoutSeconds: int({ title: 'Timeout', description: 'Seconds before the invocation is stopped (max 900).', examples: [30] }, { minimum: 1, maximum: 900 }),
      architecture: oneOfValues({ title: 'Architecture', description: 'x86_64 or arm64.', examples: ['arm64'] }, ['x86_64', 'arm64']),
      invocationsPerMonth: count('Invocations', 'Invocations per month.', 10000000),
      averageDurationMs: count('Average duration', 'Average billed duration in ms.', 120),
      provisionedConcurrency: int({ title: 'Provisioned concurrency', description: 'Warm instances against cold starts.', examples: [0] }, { minimum: 0 }),
      logGroup: idRef({ title: 'Log group', description: 'Log group component.', examples: ['points-fn-logs'] }),
      secrets: idRefs({ title: 'Secrets', description: 'Secrets the function reads.', examples: [['points-secret']] }),
    },
    required: ['runtime', 'memoryMb'],
  },
  'nosql-table': {
    properties: {
      billingMode: oneOfValues({ title: 'Billing mode', description: 'On-demand or provisioned capacity.', examples: ['on-demand'] }, ['on-demand', 'provisioned']),
      partitionKey: str({ title: 'Partition key', description: 'Partition key attribute.', examples: ['userId'] }),
      sortKey: str({ title: 'Sort key', description: 'Sort key attribute.', examples: ['createdAt'] }),
      pointInTimeRecovery: bool({ title: 'Point-in-time recovery', description: 'Continuous backups.' }),
      encrypted: bool({ title: 'Encrypted', description: 'Encryption at rest with a KMS key.' }),
      storageGb: count('Storage', 'Table size in GB.', 10),
      readRequestsPerMonth: count('Reads', 'Read request units per month.', 30000000),
      writeRequestsPerMonth: count('Writes', 'Write request units per month.', 5000000),
    },
    required: ['partitionKey'],
  },
  'kubernetes-cluster': {
    properties: {
      version: str({ title: 'Kubernetes version', description: 'EKS version.', examples: ['1.30'] }),
      nodeGroups: arr({ title: 'Node groups', description: 'Managed node groups.' }, obj({ title: 'Node group', description: 'EC2 worker nodes.' }, {
        name: str({ title: 'Name', description: 'Node group name.', examples: ['general'] }),
        instanceType: str({ title: 'Instance type', description: 'EC2 instance type.', examples: ['t3.medium'] }),
        min: int({ title: 'Min nodes', description: 'Minimum nodes.', examples: [2] }, { minimum: 0 }),
        desired: int({ title: 'Desired nodes', description: 'Desired nodes.', examples: [2] }, { minimum: 0 }),
        max: int({ title: 'Max nodes', description: 'Maximum nodes.', examples: [6] }, { minimum: 1 }),
        spot: bool({ title: 'Spot', description: 'Spot capacity.' }),
      }, ['name', 'instanceType', 'min', 'desired', 'max']), { minItems: 1 }),
      workloads: arr({ title: 'Workloads', description: 'Deployments running on the cluster.' }, obj({ title: 'Workload', description: 'A Kubernetes deployment.' }, {
        name: str({ title: 'Name', description: 'Deployment name.', examples: ['points-api'] }),
        replicas: int({ title: 'Replicas', description: 'Pod replicas.', examples: [2] }, { minimum: 0 }),
        port: port('Port', 'Container port.', 8080),
      }, ['name', 'replicas', 'port'])),
      logGroup: idRef({ title: 'Log group', description: 'Log group component.', examples: ['points-eks-logs'] }),
    },
    required: ['version', 'nodeGroups'],
  },
};

/** The component schema: common properties plus one conditional branch per type. */
export function componentSchema(): JsonSchema {
  const types = Object.keys(componentProperties);
  // Several types share a field name with different rules (`engine`, `port`, ...): the top level only
  // admits the name, each type's `then` branch holds the real schema.
  const allProps: Record<string, JsonSchema | boolean> = { ...common };
  for (const type of types) for (const key of Object.keys(componentProperties[type]!.properties)) allProps[key] ??= true;
  return {
    title: 'Component',
    description: 'One AWS building block of the architecture. `type` decides which other fields apply.',
    type: 'object',
    required: ['id', 'type', 'name'],
    properties: allProps,
    additionalProperties: false,
    allOf: types.map((type) => {
      const own = componentProperties[type]!;
      return {
        if: { properties: { type: { const: type } }, required: ['type'] },
        then: {
          properties: own.properties,
          propertyNames: { enum: [...Object.keys(common), ...Object.keys(own.properties)] },
          ...(own.required.length ? { required: own.required } : {}),
        },
      };
    }),
  };
}
