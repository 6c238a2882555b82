/**
 * What a CloudFormation template set says about an architecture, in the model's vocabulary:
 * VPCs with tiered subnets, security groups with every rule, load balancers, ECS services,
 * databases, caches, alarms, … Shared by `archgen drift` (compare with a model) and
 * `archgen import` (write a first model).
 *
 * Every element carries its {@link Origin} (logical id, stack path, template position, CDK
 * path, tags). Every value is an {@link Observed}: the literal when the template states one,
 * otherwise why it is only known at deploy time. Links between resources (`Ref`/`GetAtt`) are
 * resolved to the {@link ElementKey} of the observed element they point at.
 */
import type { CfnValue, ResolvedValue, TemplatePosition } from '../types.js';

/** `<stackPath>/<logicalId>`: unique across the template set. */
export type ElementKey = string;

/** Where an observed element comes from. */
export interface Origin {
  readonly key: ElementKey;
  readonly logicalId: string;
  readonly stackPath: string;
  /** CloudFormation resource type, e.g. `AWS::EC2::Subnet`. */
  readonly type: string;
  readonly position: TemplatePosition;
  /** `aws:cdk:path` metadata, e.g. `PointSystem-Prod/Network/PointsVpc`, when the template was synthesized by the CDK. */
  readonly cdkPath?: string;
  /** Literal tags (`Tags` as a list of Key/Value or a map); tags with deploy-time values are left out. */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * A value of the template. `known`: a literal (after folding what is known offline: `Fn::Join`
 * and `Fn::Select` of literals, parameters a parent stack passes, …). `unknown`: CloudFormation
 * decides it at deploy time (parameters count, even with a default: it may be overridden); never
 * reported as drift.
 */
export type Observed<T> =
  | { readonly kind: 'known'; readonly value: T }
  | { readonly kind: 'unknown'; readonly reason: string; readonly resolved: ResolvedValue; readonly expression: CfnValue };

/** A link to another resource of the set; `key` is set when the target is in the set. */
export interface Link {
  readonly key?: ElementKey;
  /** Logical id of the target, when the value is a `Ref`/`GetAtt`. */
  readonly logicalId?: string;
  /** The raw value when it is not a link within the set (an imported id, a literal ARN, …). */
  readonly value: Observed<string>;
}

interface ElementBase {
  readonly origin: Origin;
  /** Resources this element owns (route tables, EIPs, IAM roles, CDK helper functions, …): never "unmodelled". */
  readonly supporting: readonly Origin[];
}

// ---------------------------------------------------------------- network

export type ObservedTier = 'public' | 'private' | 'isolated';

export interface ObservedSubnet extends ElementBase {
  readonly vpc: Link;
  readonly cidr: Observed<string>;
  readonly az: Observed<string>;
  /** Public: routed to an internet gateway (or maps public IPs); private: routed to a NAT gateway; isolated otherwise. */
  readonly tier: ObservedTier;
  readonly mapPublicIpOnLaunch: boolean;
}

export interface ObservedVpc extends ElementBase {
  readonly cidr: Observed<string>;
  readonly name?: string;
  readonly subnets: readonly ObservedSubnet[];
  readonly internetGateways: readonly ElementBase[];
  /** NAT gateways with the subnet each sits in. */
  readonly natGateways: readonly (ElementBase & { readonly subnet: Link })[];
  readonly flowLogs: boolean;
}

// ---------------------------------------------------------------- security groups

export type ObservedPeer =
  | { readonly kind: 'security-group'; readonly group: Link }
  | { readonly kind: 'cidr'; readonly cidr: Observed<string> }
  | { readonly kind: 'prefix-list'; readonly prefixList: Observed<string> };

export interface ObservedRule {
  /** The security group for inline rules; the `AWS::EC2::SecurityGroupIngress/Egress` resource otherwise. */
  readonly origin: Origin;
  readonly inline: boolean;
  readonly direction: 'ingress' | 'egress';
  readonly peer: ObservedPeer;
  /** `tcp` | `udp` | `icmp` | `all` (`-1`), or the protocol number as text. */
  readonly protocol: Observed<string>;
  /** Inclusive; `all` is 0–65535. */
  readonly fromPort: Observed<number>;
  readonly toPort: Observed<number>;
  readonly description?: string;
}

export interface ObservedSecurityGroup extends ElementBase {
  readonly vpc?: Link;
  readonly description?: string;
  readonly groupName?: string;
  readonly ingress: readonly ObservedRule[];
  readonly egress: readonly ObservedRule[];
  /**
   * True when no egress rule is declared at all (EC2's default: all outbound allowed). CDK's
   * `allowAllOutbound: false` writes a placeholder rule to 255.255.255.255/32, which is removed
   * from `egress` and turns this false.
   */
  readonly defaultEgress: boolean;
}

// ---------------------------------------------------------------- load balancing

export interface ObservedListener extends ElementBase {
  readonly loadBalancer: Link;
  readonly port: Observed<number>;
  readonly protocol: Observed<string>;
  readonly certificates: readonly Link[];
  readonly sslPolicy?: Observed<string>;
  readonly redirect?: { readonly protocol: Observed<string>; readonly port: Observed<string>; readonly statusCode: Observed<string> };
  /** Target groups the default action forwards to. */
  readonly forwardTo: readonly Link[];
}

export interface ObservedTargetGroup extends ElementBase {
  readonly port: Observed<number>;
  readonly protocol: Observed<string>;
  readonly targetType?: string;
  readonly healthCheck: {
    readonly path?: Observed<string>;
    readonly intervalSeconds?: Observed<number>;
    readonly timeoutSeconds?: Observed<number>;
    readonly healthyThreshold?: Observed<number>;
    readonly unhealthyThreshold?: Observed<number>;
  };
}

export interface ObservedLoadBalancer extends ElementBase {
  readonly name?: Observed<string>;
  /** `application` | `network` | `gateway`. */
  readonly lbType: string;
  readonly scheme: Observed<string>;
  readonly subnets: readonly Link[];
  readonly securityGroups: readonly Link[];
  readonly listeners: readonly ObservedListener[];
  readonly accessLogs: boolean;
}

// ---------------------------------------------------------------- containers and scaling

export interface ObservedContainer {
  readonly name: Observed<string>;
  readonly image: Observed<string>;
  readonly ports: readonly Observed<number>[];
  readonly logGroup?: Link;
  readonly healthCheck?: {
    readonly command: Observed<readonly string[]>;
    readonly intervalSeconds?: Observed<number>;
    readonly timeoutSeconds?: Observed<number>;
    readonly retries?: Observed<number>;
    readonly startPeriodSeconds?: Observed<number>;
  };
  readonly environment: Readonly<Record<string, Observed<string>>>;
  /** Secrets (`Secrets[].ValueFrom`) the container receives. */
  readonly secrets: readonly Link[];
}

export interface ObservedTaskDefinition extends ElementBase {
  readonly cpu: Observed<number>;
  readonly memory: Observed<number>;
  readonly architecture?: Observed<string>;
  readonly containers: readonly ObservedContainer[];
}

export interface ObservedScalingPolicy extends ElementBase {
  readonly policyType: 'step' | 'target-tracking' | string;
  /** Step scaling: the adjustment of each step and its bounds. */
  readonly steps: readonly { readonly adjustment: number; readonly lowerBound?: number; readonly upperBound?: number }[];
  readonly cooldownSeconds?: Observed<number>;
  /** Target tracking: the target value and predefined metric type. */
  readonly targetValue?: Observed<number>;
  readonly predefinedMetric?: string;
  /** Alarms whose actions trigger this policy (step scaling), resolved to the alarm keys. */
  readonly alarms: readonly ElementKey[];
}

export interface ObservedScaling extends ElementBase {
  readonly min: Observed<number>;
  readonly max: Observed<number>;
  readonly dimension: Observed<string>;
  readonly policies: readonly ObservedScalingPolicy[];
}

export interface ObservedService extends ElementBase {
  /** `ServiceName`. */
  readonly name?: Observed<string>;
  readonly cluster: Link;
  readonly taskDefinition: Link;
  readonly desiredCount: Observed<number>;
  readonly launchType?: string;
  readonly capacityProviders: readonly string[];
  readonly subnets: readonly Link[];
  readonly securityGroups: readonly Link[];
  readonly targetGroups: readonly Link[];
  readonly deploymentController?: string;
  /** The Application Auto Scaling target of this service's desired count. */
  readonly scaling?: ObservedScaling;
}

export interface ObservedCluster extends ElementBase {
  readonly name?: Observed<string>;
}

// ---------------------------------------------------------------- data

export interface ObservedDatabaseInstance extends ElementBase {
  readonly cluster?: Link;
  readonly instanceClass: Observed<string>;
  readonly az?: Observed<string>;
  /** Writer: promotion tier 0 or the first instance of its cluster; the rest are readers. */
  readonly role: 'writer' | 'reader';
  readonly promotionTier?: number;
}

export interface ObservedDatabase extends ElementBase {
  /** `DBClusterIdentifier` (Aurora) or `DBInstanceIdentifier`. */
  readonly name?: Observed<string>;
  /** `AWS::RDS::DBCluster` for Aurora, `AWS::RDS::DBInstance` for a standalone instance. */
  readonly engine: Observed<string>;
  readonly engineVersion: Observed<string>;
  readonly port?: Observed<number>;
  readonly databaseName?: Observed<string>;
  readonly instances: readonly ObservedDatabaseInstance[];
  readonly backupRetentionDays: Observed<number>;
  readonly storageEncrypted: Observed<boolean>;
  readonly deletionProtection: Observed<boolean>;
  readonly storageType?: Observed<string>;
  readonly securityGroups: readonly Link[];
  /** Subnets of the DB subnet group. */
  readonly subnets: readonly Link[];
  readonly credentialsSecret?: Link;
}

export interface ObservedCache extends ElementBase {
  /** `ReplicationGroupId`. */
  readonly name?: Observed<string>;
  readonly engine: Observed<string>;
  readonly engineVersion: Observed<string>;
  readonly nodeType: Observed<string>;
  /** Replicas in addition to the primary (NumCacheClusters − 1, or ReplicasPerNodeGroup). */
  readonly replicas: Observed<number>;
  readonly multiAz: Observed<boolean>;
  readonly automaticFailover: Observed<boolean>;
  readonly encryptionAtRest: Observed<boolean>;
  readonly encryptionInTransit: Observed<boolean>;
  readonly snapshotRetentionDays: Observed<number>;
  readonly port?: Observed<number>;
  readonly securityGroups: readonly Link[];
  readonly subnets: readonly Link[];
}

export interface ObservedTable extends ElementBase {
  readonly name?: Observed<string>;
  readonly partitionKey?: string;
  readonly sortKey?: string;
  readonly billingMode: Observed<string>;
  readonly pointInTimeRecovery: Observed<boolean>;
  readonly encrypted: Observed<boolean>;
}

// ---------------------------------------------------------------- the rest

export interface ObservedLogGroup extends ElementBase {
  readonly name: Observed<string>;
  /** Undefined: never expire. */
  readonly retentionDays?: Observed<number>;
}

export interface ObservedAlarm extends ElementBase {
  readonly name?: Observed<string>;
  /** Metric name; for metric math, the expression's label (archgen writes `ErrorRate`, `DatabaseConnectionsPercent`). */
  readonly metric: Observed<string>;
  readonly namespace?: Observed<string>;
  /** Dimension values resolved to the resource they name (service, cluster, load balancer, …). */
  readonly dimensions: readonly Link[];
  readonly statistic?: Observed<string>;
  /** `>` `>=` `<` `<=` from the ComparisonOperator. */
  readonly comparison: Observed<string>;
  readonly threshold: Observed<number>;
  readonly periodSeconds: Observed<number>;
  readonly evaluationPeriods: Observed<number>;
  readonly actions: readonly Link[];
}

export interface ObservedTopic extends ElementBase {
  readonly name?: Observed<string>;
  /** `origin`: the `AWS::SNS::Subscription` resource, for subscriptions that are not inline. */
  readonly subscriptions: readonly { readonly protocol: Observed<string>; readonly endpoint: Observed<string>; readonly origin?: Origin }[];
}

export interface ObservedSecret extends ElementBase {
  /** `SecretTargetAttachment`s that attach this secret to a database (their `Ref` is the secret's ARN too). */
  readonly attachments: readonly Origin[];
  readonly name?: Observed<string>;
  readonly description?: Observed<string>;
  readonly rotationDays?: Observed<number>;
}

export interface ObservedDnsRecord extends ElementBase {
  readonly name: Observed<string>;
  readonly type: Observed<string>;
  readonly aliasTarget?: Link;
  readonly zone?: Link;
}

export interface ObservedHostedZone extends ElementBase {
  readonly name: Observed<string>;
  readonly private: boolean;
  readonly records: readonly ObservedDnsRecord[];
}

export interface ObservedRepository extends ElementBase {
  readonly name?: Observed<string>;
  readonly scanOnPush: Observed<boolean>;
  readonly immutableTags: Observed<boolean>;
}

export interface ObservedPipeline extends ElementBase {
  readonly stages: readonly { readonly name: string; readonly providers: readonly string[] }[];
  readonly buildProjects: readonly (ElementBase & { readonly computeType?: Observed<string> })[];
  readonly deployment?: ElementBase & { readonly platform?: string; /** Target groups CodeDeploy shifts traffic between (blue/green). */ readonly targetGroups: readonly Link[] };
}

export interface ObservedFunction extends ElementBase {
  readonly name?: Observed<string>;
  readonly runtime?: Observed<string>;
  readonly subnets: readonly Link[];
  readonly securityGroups: readonly Link[];
  readonly logGroup?: Link;
  readonly environment: Readonly<Record<string, Observed<string>>>;
  /** Resources the environment variables name (tables, secrets, queues, …). */
  readonly references: readonly Link[];
  readonly memoryMb?: Observed<number>;
  readonly timeoutSeconds?: Observed<number>;
  readonly architecture?: Observed<string>;
}

export interface ObservedApi extends ElementBase {
  readonly name?: Observed<string>;
  /** Functions the methods or routes integrate with. */
  readonly integrations: readonly Link[];
  /** `ThrottlingRateLimit` of the stage's `/*` method settings (or the HTTP API's default route settings). */
  readonly throttleRps?: Observed<number>;
  readonly apiType: 'rest' | 'http' | string;
  readonly stages: readonly string[];
}

export interface ObservedKubernetesCluster extends ElementBase {
  readonly version?: Observed<string>;
  readonly nodeGroups: readonly (ElementBase & { readonly instanceTypes: readonly string[]; readonly min?: Observed<number>; readonly desired?: Observed<number>; readonly max?: Observed<number>; readonly spot: boolean })[];
}

/** A resource no extractor turned into an element and no element owns. */
export interface UnclaimedResource {
  readonly origin: Origin;
}

/** Every fact of one template set. Lists are in template order (stack, then resource). */
export interface ObservedArchitecture {
  readonly source: string;
  readonly vpcs: readonly ObservedVpc[];
  readonly securityGroups: readonly ObservedSecurityGroup[];
  readonly loadBalancers: readonly ObservedLoadBalancer[];
  readonly targetGroups: readonly ObservedTargetGroup[];
  readonly clusters: readonly ObservedCluster[];
  readonly services: readonly ObservedService[];
  readonly taskDefinitions: readonly ObservedTaskDefinition[];
  /** Scalable targets not attached to a service (the attached ones are in `ObservedService.scaling`). */
  readonly scaling: readonly ObservedScaling[];
  readonly databases: readonly ObservedDatabase[];
  readonly caches: readonly ObservedCache[];
  readonly tables: readonly ObservedTable[];
  readonly logGroups: readonly ObservedLogGroup[];
  readonly alarms: readonly ObservedAlarm[];
  readonly topics: readonly ObservedTopic[];
  readonly secrets: readonly ObservedSecret[];
  readonly hostedZones: readonly ObservedHostedZone[];
  readonly repositories: readonly ObservedRepository[];
  readonly pipelines: readonly ObservedPipeline[];
  readonly functions: readonly ObservedFunction[];
  readonly apis: readonly ObservedApi[];
  readonly kubernetesClusters: readonly ObservedKubernetesCluster[];
  /** Resources of types archgen does not model and that no element owns (candidates for "unmodelled"). */
  readonly unclaimed: readonly UnclaimedResource[];
  /** Remarks of the reader and of the extraction (e.g. a `Ref` to a resource not in the set). */
  readonly warnings: readonly { readonly message: string; readonly position?: TemplatePosition }[];
}

/** The literal of an observed value, or undefined when it is only known at deploy time. */
export function known<T>(value: Observed<T> | undefined): T | undefined {
  return value?.kind === 'known' ? value.value : undefined;
}
