/**
 * Types of the scaffold config: a copy of templates/cdk/lib/generated/types.ts.hbs (the
 * generated app's contract). The scaffold tests compile the generated app under strict, so the
 * two cannot drift apart unnoticed.
 */

export type Tier = 'public' | 'private' | 'isolated';

export interface SubnetConfig {
  readonly id: string;
  readonly constructId: string;
  readonly tier: Tier;
  readonly az: string;
  readonly cidr: string;
}

export interface NetworkConfig {
  readonly constructId: string;
  readonly name: string;
  readonly cidr: string;
  readonly availabilityZones: readonly string[];
  readonly internetGateway: boolean;
  /** `per-az`: a NAT gateway in each AZ's public subnet; `single`: one in the first AZ. */
  readonly natGateways: 'per-az' | 'single' | 'none';
  readonly flowLogs: boolean;
  readonly subnets: readonly SubnetConfig[];
}

export type Peer = { readonly kind: 'cidr'; readonly cidr: string } | { readonly kind: 'securityGroup'; readonly id: string };

export interface RuleConfig {
  readonly peer: Peer;
  readonly protocol: 'tcp' | 'udp' | 'icmp' | 'all';
  readonly fromPort: number;
  readonly toPort: number;
  readonly description: string;
}

export interface SecurityGroupConfig {
  readonly id: string;
  readonly constructId: string;
  readonly description: string;
  /** True only when the model allows all outbound traffic; otherwise `egress` is the whole list. */
  readonly allowAllOutbound: boolean;
  readonly ingress: readonly RuleConfig[];
  readonly egress: readonly RuleConfig[];
}

export interface LogGroupConfig {
  readonly id: string;
  readonly constructId: string;
  readonly logGroupName: string;
  /** Days, one of the CloudWatch Logs retention values; undefined keeps logs forever. */
  readonly retentionDays?: number;
  readonly format: 'json' | 'text';
}

export interface RegistryConfig {
  readonly id: string;
  readonly constructId: string;
  readonly repositoryName: string;
  readonly scanOnPush: boolean;
  readonly immutableTags: boolean;
}

export interface SecretConfig {
  readonly id: string;
  readonly constructId: string;
  readonly description: string;
  readonly rotationDays?: number;
}

export interface DatabaseInstanceConfig {
  readonly role: 'writer' | 'reader';
  /** Without the `db.` prefix, e.g. `t3.medium`. */
  readonly instanceType: string;
  readonly availabilityZone?: string;
}

export interface DatabaseConfig {
  readonly id: string;
  readonly constructId: string;
  readonly engine: 'aurora-postgresql' | 'aurora-mysql';
  readonly engineVersion: string;
  readonly majorVersion: string;
  readonly databaseName: string;
  readonly port: number;
  readonly instances: readonly DatabaseInstanceConfig[];
  readonly storageEncrypted: boolean;
  readonly ioOptimized: boolean;
  readonly backupRetentionDays: number;
  readonly deletionProtection: boolean;
  readonly securityGroupIds: readonly string[];
  readonly subnetIds: readonly string[];
  /** Model id of the Secrets Manager secret that holds the credentials. */
  readonly credentialsSecretId: string;
  readonly rotationDays?: number;
  /** Security groups the rotation function runs in: those the model already lets reach the database. */
  readonly rotationSecurityGroupIds: readonly string[];
}

export interface TableConfig {
  readonly id: string;
  readonly constructId: string;
  /** Attribute names; both keys are strings. */
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly pointInTimeRecovery: boolean;
  /** Encrypt with the AWS managed key (otherwise the AWS owned key, which DynamoDB always uses). */
  readonly awsManagedKey: boolean;
}

export interface CacheConfig {
  readonly id: string;
  readonly constructId: string;
  readonly engine: 'redis' | 'valkey';
  readonly engineVersion: string;
  readonly nodeType: string;
  readonly port: number;
  /** Primary plus replicas. */
  readonly nodes: number;
  readonly multiAz: boolean;
  readonly automaticFailover: boolean;
  readonly encryptionAtRest: boolean;
  readonly encryptionInTransit: boolean;
  readonly snapshotRetentionDays: number;
  readonly securityGroupIds: readonly string[];
  readonly subnetIds: readonly string[];
}

export interface ScalingRuleConfig {
  readonly metric: 'cpu' | 'memory';
  readonly comparison: '>' | '<';
  readonly threshold: number;
  readonly adjustment: number;
  readonly cooldownSeconds: number;
}

export interface ServiceConfig {
  readonly id: string;
  readonly constructId: string;
  readonly clusterName: string;
  readonly cpu: number;
  readonly memory: number;
  readonly architecture: 'x86_64' | 'arm64';
  readonly spot: boolean;
  readonly minTasks: number;
  readonly desiredTasks: number;
  readonly maxTasks: number;
  readonly securityGroupIds: readonly string[];
  readonly subnetIds: readonly string[];
  readonly container: {
    readonly name: string;
    /** Registry model id when the image comes from the app's own ECR repository. */
    readonly registryId?: string;
    /** Tag in the registry, or the full image reference when there is no registry. */
    readonly image: string;
    readonly port: number;
    readonly healthCheck: {
      readonly command: readonly string[];
      readonly intervalSeconds: number;
      readonly timeoutSeconds: number;
      readonly retries: number;
      readonly startPeriodSeconds: number;
    };
    readonly environment: Readonly<Record<string, string>>;
  };
  readonly logGroupId?: string;
  /** Secrets the task role may read, and nothing else. */
  readonly secretIds: readonly string[];
  readonly scaling: readonly ScalingRuleConfig[];
  /** `code-deploy` when the model's pipeline deploys blue/green or canary. */
  readonly deploymentController: 'ecs' | 'code-deploy';
}

export interface ListenerConfig {
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly port: number;
  readonly sslPolicy?: string;
  readonly redirect?: { readonly protocol: 'HTTP' | 'HTTPS'; readonly port: number; readonly permanent: boolean };
}

export interface LoadBalancerConfig {
  readonly id: string;
  readonly constructId: string;
  readonly internetFacing: boolean;
  readonly securityGroupIds: readonly string[];
  readonly subnetIds: readonly string[];
  readonly listeners: readonly ListenerConfig[];
  readonly targetGroup: {
    readonly protocol: 'HTTP' | 'HTTPS';
    readonly port: number;
    readonly healthCheck: {
      readonly path: string;
      readonly intervalSeconds: number;
      readonly timeoutSeconds: number;
      readonly healthyThreshold: number;
      readonly unhealthyThreshold: number;
    };
  };
  readonly accessLogs: boolean;
}

export interface DnsConfig {
  readonly zoneName: string;
  readonly records: readonly { readonly constructId: string; readonly name: string; readonly type: 'A' | 'AAAA' }[];
}

export interface TopicConfig {
  readonly id: string;
  readonly constructId: string;
  readonly subscriptions: readonly { readonly protocol: 'email' | 'https' | 'sms'; readonly endpoint: string }[];
}

export type AlarmSource =
  | { readonly kind: 'service'; readonly metric: string }
  | { readonly kind: 'database'; readonly metric: string }
  | { readonly kind: 'database-connections-percent'; readonly maxConnections: number }
  | { readonly kind: 'load-balancer'; readonly metric: string }
  | { readonly kind: 'load-balancer-error-rate' }
  | { readonly kind: 'cache'; readonly metric: string }
  | { readonly kind: 'table'; readonly tableId: string; readonly metric: string };

export interface AlarmConfig {
  readonly id: string;
  readonly constructId: string;
  readonly description: string;
  readonly source: AlarmSource;
  readonly statistic: 'Average' | 'Maximum' | 'Minimum' | 'Sum' | 'SampleCount';
  readonly comparison: '>' | '>=' | '<' | '<=';
  readonly threshold: number;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly topicId?: string;
}

export interface PipelineConfig {
  readonly id: string;
  readonly constructId: string;
  readonly sourceProviders: readonly string[];
  readonly strategy: 'blue-green' | 'canary' | 'rolling';
  readonly computeType: string;
}

export interface AppConfig {
  readonly appId: string;
  readonly stackName: string;
  readonly environment: string;
  readonly region: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly network: NetworkConfig;
  readonly securityGroups: readonly SecurityGroupConfig[];
  readonly logGroups: readonly LogGroupConfig[];
  readonly registry?: RegistryConfig;
  readonly secrets: readonly SecretConfig[];
  readonly database?: DatabaseConfig;
  readonly tables: readonly TableConfig[];
  readonly cache?: CacheConfig;
  readonly service?: ServiceConfig;
  readonly loadBalancer?: LoadBalancerConfig;
  readonly dns?: DnsConfig;
  readonly topics: readonly TopicConfig[];
  readonly alarms: readonly AlarmConfig[];
  readonly pipeline?: PipelineConfig;
}
