/**
 * The normalized architecture model every generator consumes.
 *
 * The YAML file is validated against `model/architecture.schema.json`, then normalized into
 * these readonly types: defaults applied, localized text resolved to both locales, and one
 * {@link ResolvedEnvironment} per environment with its overrides merged in.
 * Every object keeps `loc`, its location in the YAML document, so diagnostics can point at
 * `file:line:col` through {@link SourceLocator}.
 */

/** A JSON-pointer-like path into the YAML document, e.g. `['components', 3, 'port']`. */
export type NodePath = readonly (string | number)[];

/** Text in both documentation locales. A plain string in YAML becomes the same text in both. */
export interface Text {
  readonly ko: string;
  readonly en: string;
}

export type Locale = 'ko' | 'en';

export interface SourcePosition {
  readonly line: number;
  readonly col: number;
}

/** Maps a node path of the model to its position in the YAML source (1-based). */
export interface SourceLocator {
  /** Model file path relative to the project root, POSIX separators. */
  readonly file: string;
  /** Position of the node at `path`, or of its nearest existing ancestor. */
  locate(path: NodePath): SourcePosition;
}

export interface Located {
  readonly loc: NodePath;
}

// ---------------------------------------------------------------- metadata

export interface ArchitectureStyle extends Located {
  readonly id: string;
  readonly name: Text;
  readonly description: Text;
}

/** A service category with the chosen service and the options the design weighed (seed §2.2). */
export interface ServiceChoice extends Located {
  readonly category: string;
  readonly label: Text;
  readonly chosen: string;
  readonly options: readonly string[];
  readonly optional: boolean;
}

export interface RelatedDocument {
  readonly title: Text;
  readonly href: string;
}

export interface Metadata extends Located {
  /** Model id: the file stem, used for output paths (`output/<id>/`). */
  readonly id: string;
  readonly name: Text;
  readonly title: Text;
  readonly description: Text;
  readonly owner: string;
  readonly region: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly documentNumber?: string;
  readonly styles: readonly ArchitectureStyle[];
  readonly serviceChoices: readonly ServiceChoice[];
  readonly next?: RelatedDocument;
  /** Trade-offs of this architecture as a whole, used when comparing alternatives. */
  readonly pros: readonly Text[];
  readonly cons: readonly Text[];
}

export interface LayoutOptions {
  /** Main flow direction of the diagrams. */
  readonly direction: 'RIGHT' | 'DOWN' | 'LEFT' | 'UP';
}

// ---------------------------------------------------------------- network

export type SubnetTier = 'public' | 'private' | 'isolated';

export interface Subnet extends Located {
  readonly id: string;
  readonly name: Text;
  readonly tier: SubnetTier;
  readonly az: string;
  readonly cidr: string;
}

export interface Network extends Located {
  readonly vpc: { readonly id: string; readonly name: Text; readonly cidr: string; readonly loc: NodePath };
  readonly availabilityZones: readonly string[];
  readonly subnets: readonly Subnet[];
  readonly internetGateway: boolean;
  /** `per-az`: one NAT gateway in each AZ's public subnet; `single`: one in the first AZ. */
  readonly natGateways: 'per-az' | 'single' | 'none';
  readonly dnsZone?: { readonly name: string; readonly private: boolean };
  readonly flowLogs: boolean;
}

// ---------------------------------------------------------------- security groups

export type Protocol = 'tcp' | 'udp' | 'icmp' | 'all';

/** The other side of a rule: another security group, a CIDR block, or nothing at all. */
export type Peer =
  | { readonly kind: 'security-group'; readonly securityGroup: string }
  | { readonly kind: 'cidr'; readonly cidr: string };

export interface SecurityGroupRule extends Located {
  readonly peer: Peer;
  readonly protocol: Protocol;
  /** Inclusive port range; `all` protocol is 0–65535. */
  readonly fromPort: number;
  readonly toPort: number;
  readonly description: Text;
}

export interface SecurityGroup extends Located {
  readonly id: string;
  readonly name: Text;
  readonly description: Text;
  readonly ingress: readonly SecurityGroupRule[];
  /** Empty list with `egressNone: true` means "Outbound: None" in the seed's words. */
  readonly egress: readonly SecurityGroupRule[];
  readonly egressNone: boolean;
}

export interface Suppression extends Located {
  readonly rule: string;
  /** Component, security group or other model id the suppression applies to. */
  readonly target: string;
  readonly reason: string;
}

// ---------------------------------------------------------------- components

export type ComponentType =
  | 'client'
  | 'dns'
  | 'load-balancer'
  | 'container-service'
  | 'database'
  | 'cache'
  | 'secret'
  | 'container-registry'
  | 'log-group'
  | 'pipeline'
  | 'api-gateway'
  | 'function'
  | 'nosql-table'
  | 'kubernetes-cluster'
  | 'monitoring'
  | 'notification-topic';

interface ComponentBase extends Located {
  readonly id: string;
  readonly type: ComponentType;
  readonly name: Text;
  readonly description: Text;
  /** Why this service was chosen (seed "선택 이유"). */
  readonly rationale: readonly Text[];
  /** What the component is used for (e.g. "Point data", "Config cache"). */
  readonly uses: readonly Text[];
  readonly securityGroups: readonly string[];
  /** Subnets the component is placed in; empty for regional or global services. */
  readonly subnets: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
}

export interface ClientComponent extends ComponentBase {
  readonly type: 'client';
}

export interface DnsRecord extends Located {
  readonly name: string;
  readonly type: 'A' | 'AAAA' | 'CNAME';
  /** Component id the record aliases (e.g. the load balancer). */
  readonly aliasTarget?: string;
}

export interface DnsComponent extends ComponentBase {
  readonly type: 'dns';
  readonly zone: string;
  readonly records: readonly DnsRecord[];
  readonly queriesPerMonth: number;
}

export interface ListenerRedirect {
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly port: number;
  readonly statusCode: 301 | 302;
}

export interface Listener extends Located {
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly port: number;
  /** Redirect action (the seed's 80 → 443); otherwise the listener forwards to the target group. */
  readonly redirect?: ListenerRedirect;
  readonly certificate?: string;
  /** ELB security policy name, e.g. `ELBSecurityPolicy-TLS13-1-2-2021-06`. */
  readonly sslPolicy?: string;
}

export interface HealthCheck extends Located {
  readonly path: string;
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly healthyThreshold: number;
  readonly unhealthyThreshold: number;
}

export interface LoadBalancerComponent extends ComponentBase {
  readonly type: 'load-balancer';
  readonly scheme: 'internet-facing' | 'internal';
  readonly listeners: readonly Listener[];
  readonly targetGroup: {
    readonly target: string;
    readonly protocol: 'HTTP' | 'HTTPS';
    readonly port: number;
    readonly healthCheck: HealthCheck;
    readonly loc: NodePath;
  };
  readonly features: readonly Text[];
  /** Minimum TLS version the listeners' policies must enforce, e.g. `1.2`. */
  readonly minTlsVersion: string;
  readonly accessLogs: boolean;
}

export type ScalingMetric = 'cpu' | 'memory' | 'requests';

export interface ScalingRule extends Located {
  readonly metric: ScalingMetric;
  readonly comparison: '>' | '<';
  /** Percent for cpu/memory, requests per target for requests. */
  readonly threshold: number;
  /** Task count change: positive scales out, negative scales in. */
  readonly adjustment: number;
  readonly cooldownSeconds: number;
}

export interface ContainerHealthCheck {
  readonly command: readonly string[];
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly retries: number;
  readonly startPeriodSeconds: number;
}

export interface ContainerServiceComponent extends ComponentBase {
  readonly type: 'container-service';
  readonly launchType: 'fargate' | 'ec2';
  readonly cluster: string;
  /** CPU units (1024 = 1 vCPU) and memory MiB of one task at its starting size. */
  readonly cpu: number;
  readonly memory: number;
  /** Vertical scaling ceiling of one task (seed: 0.5 → 2 vCPU, 1 → 4 GB). */
  readonly maxCpu: number;
  readonly maxMemory: number;
  readonly architecture: 'x86_64' | 'arm64';
  readonly spot: boolean;
  readonly minTasks: number;
  readonly desiredTasks: number;
  readonly maxTasks: number;
  readonly scaling: readonly ScalingRule[];
  readonly container: {
    readonly name: string;
    readonly image: string;
    /** Registry component id the image comes from. */
    readonly registry?: string;
    readonly baseImage: Text;
    readonly runtime: Text;
    readonly port: number;
    readonly healthCheck: ContainerHealthCheck;
    readonly environment: Readonly<Record<string, string>>;
  };
  readonly logGroup?: string;
  readonly secrets: readonly string[];
  /** IAM actions the task role may perform, each on the listed model resources. */
  readonly permissions: readonly { readonly actions: readonly string[]; readonly resources: readonly string[] }[];
}

export interface DatabaseInstance extends Located {
  readonly role: 'writer' | 'reader';
  readonly instanceClass: string;
  readonly az?: string;
  readonly description: Text;
}

export interface DatabaseComponent extends ComponentBase {
  readonly type: 'database';
  readonly engine: 'aurora-postgresql' | 'aurora-mysql' | 'postgres' | 'mysql';
  readonly engineVersion: string;
  readonly databaseName: string;
  readonly port: number;
  readonly instances: readonly DatabaseInstance[];
  readonly storage: {
    readonly type: string;
    readonly sizeGb: number;
    readonly encrypted: boolean;
    /** `standard` bills I/O per request; `io-optimized` includes it in the instance price. */
    readonly ioMode: 'standard' | 'io-optimized';
    readonly ioRequestsPerMonth: number;
  };
  readonly backup: {
    readonly retentionDays: number;
    readonly pointInTimeRecovery: boolean;
    readonly manualSnapshots: Text;
    readonly storageGb: number;
  };
  readonly multiAz: boolean;
  readonly automaticFailover: boolean;
  readonly deletionProtection: boolean;
  readonly credentialsSecret?: string;
  readonly connectionPool?: {
    readonly library: string;
    readonly maxPoolSize: number;
    readonly minIdle: number;
    readonly readWriteSplit: boolean;
  };
  /** Route read-only queries to readers. */
  readonly readReplicaRouting: boolean;
  readonly verticalScaling: Text;
  readonly reserved: readonly ('1yr' | '3yr')[];
}

export interface CacheComponent extends ComponentBase {
  readonly type: 'cache';
  readonly engine: 'redis' | 'valkey' | 'memcached';
  readonly engineVersion: string;
  readonly nodeType: string;
  /** Replicas per shard, in addition to the primary. */
  readonly replicas: number;
  readonly multiAz: boolean;
  readonly automaticFailover: boolean;
  readonly encryptionAtRest: boolean;
  readonly encryptionInTransit: boolean;
  readonly snapshotRetentionDays: number;
}

export interface SecretComponent extends ComponentBase {
  readonly type: 'secret';
  readonly store: 'secrets-manager' | 'ssm-parameter' | 'plaintext';
  readonly rotationDays?: number;
  readonly apiCallsPerMonth: number;
}

export interface ContainerRegistryComponent extends ComponentBase {
  readonly type: 'container-registry';
  readonly repository: string;
  readonly scanOnPush: boolean;
  readonly immutableTags: boolean;
  readonly storageGb: number;
}

export interface LogGroupComponent extends ComponentBase {
  readonly type: 'log-group';
  readonly logGroupName: string;
  /** Days; undefined means "never expire", which the security lint reports. */
  readonly retentionDays?: number;
  readonly format: 'json' | 'text';
  readonly ingestedGbPerMonth: number;
}

export type DeployStrategy = 'blue-green' | 'rolling' | 'canary';

export interface PipelineStage extends Located {
  readonly id: string;
  readonly kind: 'source' | 'build' | 'registry' | 'deploy' | 'approval' | 'test';
  readonly name: Text;
  /** Provider or service, e.g. `GitHub`, `CodeBuild`, `ECR`, `CodeDeploy`. */
  readonly provider: string;
  readonly description: Text;
  /** Component the stage acts on (registry, service). */
  readonly target?: string;
}

export interface PipelineComponent extends ComponentBase {
  readonly type: 'pipeline';
  readonly sourceProviders: readonly string[];
  readonly stages: readonly PipelineStage[];
  readonly strategy: DeployStrategy;
  readonly alternativeStrategies: readonly { readonly strategy: DeployStrategy; readonly description: Text; readonly optional: boolean }[];
  readonly buildMinutesPerMonth: number;
  readonly computeType: string;
}

export interface ApiGatewayComponent extends ComponentBase {
  readonly type: 'api-gateway';
  readonly apiType: 'rest' | 'http';
  readonly stage: string;
  readonly requestsPerMonth: number;
  readonly throttleRps?: number;
}

export interface FunctionComponent extends ComponentBase {
  readonly type: 'function';
  readonly runtime: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly architecture: 'x86_64' | 'arm64';
  readonly invocationsPerMonth: number;
  readonly averageDurationMs: number;
  readonly provisionedConcurrency: number;
  readonly logGroup?: string;
  readonly secrets: readonly string[];
}

export interface NoSqlTableComponent extends ComponentBase {
  readonly type: 'nosql-table';
  readonly billingMode: 'on-demand' | 'provisioned';
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly pointInTimeRecovery: boolean;
  readonly encrypted: boolean;
  readonly storageGb: number;
  readonly readRequestsPerMonth: number;
  readonly writeRequestsPerMonth: number;
}

export interface KubernetesClusterComponent extends ComponentBase {
  readonly type: 'kubernetes-cluster';
  readonly version: string;
  readonly nodeGroups: readonly {
    readonly name: string;
    readonly instanceType: string;
    readonly min: number;
    readonly desired: number;
    readonly max: number;
    readonly spot: boolean;
    readonly loc: NodePath;
  }[];
  readonly workloads: readonly { readonly name: string; readonly replicas: number; readonly port: number }[];
  readonly logGroup?: string;
}

export interface MonitoringComponent extends ComponentBase {
  readonly type: 'monitoring';
  readonly dashboards: number;
}

export interface NotificationTopicComponent extends ComponentBase {
  readonly type: 'notification-topic';
  readonly subscriptions: readonly { readonly protocol: 'email' | 'https' | 'sms'; readonly endpoint: string }[];
}

export type Component =
  | ClientComponent
  | DnsComponent
  | LoadBalancerComponent
  | ContainerServiceComponent
  | DatabaseComponent
  | CacheComponent
  | SecretComponent
  | ContainerRegistryComponent
  | LogGroupComponent
  | PipelineComponent
  | ApiGatewayComponent
  | FunctionComponent
  | NoSqlTableComponent
  | KubernetesClusterComponent
  | MonitoringComponent
  | NotificationTopicComponent;

export type ComponentOf<T extends ComponentType> = Extract<Component, { type: T }>;

// ---------------------------------------------------------------- flows

export interface Connection extends Located {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly protocol: string;
  readonly port?: number;
  readonly purpose: Text;
  /** `read` and `write` mark the read/write split; `async` for background traffic. */
  readonly kind: 'request' | 'read' | 'write' | 'replication' | 'control' | 'async';
  /** Label shown when the flow is conditional, e.g. "cache miss". */
  readonly condition?: Text;
}

// ---------------------------------------------------------------- monitoring

export interface MetricSet extends Located {
  readonly component: string;
  readonly metrics: readonly { readonly name: string; readonly label: Text }[];
}

export interface Alarm extends Located {
  readonly id: string;
  readonly name: Text;
  readonly component: string;
  /** CloudWatch metric name, or `ErrorRate` / `DatabaseConnectionsPercent` derived metrics. */
  readonly metric: string;
  readonly statistic: 'Average' | 'Maximum' | 'Minimum' | 'Sum' | 'SampleCount';
  readonly comparison: '>' | '>=' | '<' | '<=';
  readonly threshold: number;
  readonly unit: 'percent' | 'count' | 'milliseconds' | 'bytes';
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly topic?: string;
}

export interface Monitoring extends Located {
  readonly metrics: readonly MetricSet[];
  readonly alarms: readonly Alarm[];
  readonly logging: {
    readonly logGroups: readonly string[];
    readonly structured: boolean;
    readonly description: Text;
  };
  readonly customMetrics: number;
}

// ---------------------------------------------------------------- cost

export interface Range {
  readonly min: number;
  readonly expected: number;
  readonly max: number;
}

export interface CostReference extends Located {
  readonly id: string;
  readonly label: Text;
  /** Components the range covers; empty means the total. */
  readonly components: readonly string[];
  readonly min: number;
  readonly max: number;
  readonly note: Text;
}

export interface CostAssumptions extends Located {
  readonly currency: 'USD';
  readonly hoursPerMonth: number;
  readonly requestsPerMonth: Range;
  readonly dataTransferOutGb: Range;
  readonly natProcessedGb: Range;
  /** Average ALB load in LCUs over the month. */
  readonly albLcu: Range;
  /** Seed's rough ranges, compared with the computed figures. */
  readonly reference: readonly CostReference[];
  readonly optimizations: readonly { readonly kind: 'reserved' | 'spot' | 'right-sizing' | 'savings-plan'; readonly description: Text; readonly environments: readonly string[] }[];
}

// ---------------------------------------------------------------- alternatives

export interface Alternative extends Located {
  readonly id: string;
  readonly name: Text;
  /** Path of the alternative's own model, relative to this model file. */
  readonly model?: string;
  readonly services: readonly Text[];
  readonly pros: readonly Text[];
  readonly cons: readonly Text[];
  readonly optional: boolean;
}

// ---------------------------------------------------------------- the model

/** The whole architecture in one environment: what generators draw, price and build. */
export interface ResolvedEnvironment {
  readonly name: string;
  readonly description: Text;
  readonly metadata: Metadata;
  readonly layout: LayoutOptions;
  readonly network: Network;
  readonly securityGroups: readonly SecurityGroup[];
  readonly components: readonly Component[];
  readonly connections: readonly Connection[];
  readonly monitoring: Monitoring;
  readonly cost: CostAssumptions;
  readonly alternatives: readonly Alternative[];
  readonly suppressions: readonly Suppression[];
  readonly documentation: {
    readonly diagramTools: readonly Text[];
    readonly iconSet: Text;
    readonly resourceDir: string;
  };
  readonly security: {
    readonly principles: readonly Text[];
    readonly dataProtection: readonly Text[];
    readonly accessControl: readonly Text[];
  };
}

/** A loaded model: the base architecture (the first, production-like environment) plus every environment. */
export interface ArchitectureModel {
  readonly id: string;
  readonly source: SourceLocator;
  /** Original YAML text; generators may show it (the site) but must not re-parse it. */
  readonly text: string;
  /** Environment names in declaration order; the first is the default (usually `prod`). */
  readonly environmentNames: readonly string[];
  readonly environments: Readonly<Record<string, ResolvedEnvironment>>;
  /** Environment used when none is asked for. */
  readonly defaultEnvironment: string;
}
