/**
 * The price catalog: every price key the estimator uses, and how to find it in the AWS Price
 * List (service code, attribute filters, and the usage type that picks the right item out of a
 * query's results). Keys that share a query are fetched with one `GetProducts` call.
 */
import type { RegionInfo } from './regions.js';

/** A `GetProducts` query: the service code plus TERM_MATCH filters on product attributes. */
export interface ProductQuery {
  readonly serviceCode: string;
  /** Sorted `[field, value]` pairs, region filter included. */
  readonly filters: readonly (readonly [string, string])[];
}

/** How one price key is found: its query and the usage type (without region prefix) to pick. */
export interface PriceSpec {
  readonly key: string;
  readonly query: ProductQuery;
  /** Usage type after the region prefix, compared exactly (`Fargate-vCPU-Hours:perCPU`). */
  readonly usageType: string;
  readonly description: string;
  /** Tiered prices (data transfer, requests) keep every tier. */
  readonly tiered?: boolean;
}

/** The identity of a query, for de-duplication and the disk cache. */
export const queryId = (query: ProductQuery): string =>
  `${query.serviceCode}?${query.filters.map(([field, value]) => `${field}=${value}`).join('&')}`;

const ENGINE_NAMES: Readonly<Record<string, string>> = {
  'aurora-postgresql': 'Aurora PostgreSQL',
  'aurora-mysql': 'Aurora MySQL',
  postgres: 'PostgreSQL',
  mysql: 'MySQL',
};
const CACHE_ENGINES: Readonly<Record<string, string>> = { redis: 'Redis', valkey: 'Valkey', memcached: 'Memcached' };
const CODEBUILD_CLASSES: Readonly<Record<string, string>> = {
  BUILD_GENERAL1_SMALL: 'g1.small',
  BUILD_GENERAL1_MEDIUM: 'g1.medium',
  BUILD_GENERAL1_LARGE: 'g1.large',
};

/** Display name of a database engine in the Price List (`databaseEngine` attribute). */
export const priceListEngine = (engine: string): string | undefined => ENGINE_NAMES[engine];

function query(serviceCode: string, region: RegionInfo | undefined, filters: Record<string, string>): ProductQuery {
  const all: Record<string, string> = { ...filters };
  if (region) all.regionCode = region.code;
  return { serviceCode, filters: Object.entries(all).sort(([a], [b]) => a.localeCompare(b)) };
}

type SpecBuilder = (region: RegionInfo, parts: readonly string[]) => Omit<PriceSpec, 'key'> | undefined;

const FARGATE_USAGE: Readonly<Record<string, string>> = {
  'fargate:vcpu:x86': 'Fargate-vCPU-Hours:perCPU',
  'fargate:gb:x86': 'Fargate-GB-Hours',
  'fargate:vcpu:arm': 'Fargate-ARM-vCPU-Hours:perCPU',
  'fargate:gb:arm': 'Fargate-ARM-GB-Hours',
  'fargate-spot:vcpu:x86': 'SpotUsage-Fargate-vCPU-Hours:perCPU',
  'fargate-spot:gb:x86': 'SpotUsage-Fargate-GB-Hours',
  'fargate-spot:vcpu:arm': 'SpotUsage-Fargate-ARM-vCPU-Hours:perCPU',
  'fargate-spot:gb:arm': 'SpotUsage-Fargate-ARM-GB-Hours',
};

/** Fixed keys: `key → [service, filters, usage type, description, tiered?, global?]`. */
const FIXED: Readonly<Record<string, readonly [string, Record<string, string>, string, string, boolean?, boolean?]>> = {
  'aurora:storage': ['AmazonRDS', { productFamily: 'Database Storage' }, 'Aurora:StorageUsage', 'Aurora storage (Standard)'],
  'aurora:storage-io-optimized': ['AmazonRDS', { productFamily: 'Database Storage' }, 'Aurora:IO-OptimizedStorageUsage', 'Aurora storage (I/O-Optimized)'],
  'aurora:io': ['AmazonRDS', { productFamily: 'System Operation' }, 'Aurora:StorageIOUsage', 'Aurora I/O requests'],
  'aurora:backup': ['AmazonRDS', { productFamily: 'Storage Snapshot' }, 'Aurora:BackupUsage', 'Aurora backup storage beyond the free amount'],
  'rds:storage:gp3': ['AmazonRDS', { productFamily: 'Database Storage' }, 'RDS:GP3-Storage', 'RDS gp3 storage (Single-AZ)'],
  'rds:storage:gp3-multi-az': ['AmazonRDS', { productFamily: 'Database Storage' }, 'RDS:Multi-AZ-GP3-Storage', 'RDS gp3 storage (Multi-AZ)'],
  'rds:backup': ['AmazonRDS', { productFamily: 'Storage Snapshot' }, 'RDS:ChargedBackupUsage', 'RDS backup storage beyond the free amount'],
  'alb:hours': ['AWSELB', { productFamily: 'Load Balancer-Application' }, 'LoadBalancerUsage', 'Application Load Balancer hours'],
  'alb:lcu-hours': ['AWSELB', { productFamily: 'Load Balancer-Application' }, 'LCUUsage', 'Application Load Balancer LCU-hours'],
  'nat:hours': ['AmazonEC2', { productFamily: 'NAT Gateway' }, 'NatGateway-Hours', 'NAT gateway hours'],
  'nat:gb': ['AmazonEC2', { productFamily: 'NAT Gateway' }, 'NatGateway-Bytes', 'NAT gateway data processed'],
  'route53:hosted-zone': ['AmazonRoute53', { productFamily: 'DNS Zone' }, 'HostedZone', 'Route 53 hosted zone', true, true],
  'route53:queries': ['AmazonRoute53', { productFamily: 'DNS Query' }, 'DNS-Queries', 'Route 53 standard queries', true, true],
  'secrets:secret': ['AWSSecretsManager', { productFamily: 'Secret' }, 'AWSSecretsManager-Secrets', 'Secrets Manager secret-month'],
  'secrets:api': ['AWSSecretsManager', { productFamily: 'API Request' }, 'AWSSecretsManager-APIRequest', 'Secrets Manager API requests'],
  'logs:ingest': ['AmazonCloudWatch', { productFamily: 'Data Payload' }, 'DataProcessing-Bytes', 'CloudWatch Logs ingestion (standard)'],
  'logs:storage': ['AmazonCloudWatch', { productFamily: 'Storage Snapshot' }, 'TimedStorage-ByteHrs', 'CloudWatch Logs archived storage'],
  'cloudwatch:metric': ['AmazonCloudWatch', { productFamily: 'Metric' }, 'CW:MetricMonitorUsage', 'CloudWatch custom metric-month', true],
  'cloudwatch:alarm': ['AmazonCloudWatch', { productFamily: 'Alarm' }, 'CW:AlarmMonitorUsage', 'CloudWatch standard-resolution alarm-month'],
  'cloudwatch:dashboard': ['AmazonCloudWatch', { productFamily: 'Dashboard' }, 'DashboardsUsageHour', 'CloudWatch dashboard-month'],
  'ecr:storage': ['AmazonECR', { productFamily: 'EC2 Container Registry' }, 'TimedStorage-ByteHrs', 'ECR storage'],
  'codepipeline:active': ['AWSCodePipeline', {}, 'activePipeline', 'CodePipeline V1 active pipeline-month'],
  'apigw:rest-requests': ['AmazonApiGateway', { productFamily: 'API Calls' }, 'ApiGatewayRequest', 'API Gateway REST API requests', true],
  'apigw:http-requests': ['AmazonApiGateway', { productFamily: 'API Calls' }, 'ApiGatewayHttpRequest', 'API Gateway HTTP API requests', true],
  'lambda:requests:x86': ['AWSLambda', { productFamily: 'Serverless' }, 'Request', 'Lambda requests (x86)'],
  'lambda:gb-seconds:x86': ['AWSLambda', { productFamily: 'Serverless' }, 'Lambda-GB-Second', 'Lambda duration (x86)', true],
  'lambda:requests:arm': ['AWSLambda', { productFamily: 'Serverless' }, 'Request-ARM', 'Lambda requests (Arm)'],
  'lambda:gb-seconds:arm': ['AWSLambda', { productFamily: 'Serverless' }, 'Lambda-GB-Second-ARM', 'Lambda duration (Arm)', true],
  'lambda:provisioned:x86': ['AWSLambda', { productFamily: 'Serverless' }, 'Lambda-Provisioned-Concurrency', 'Lambda provisioned concurrency (x86)'],
  'lambda:provisioned:arm': ['AWSLambda', { productFamily: 'Serverless' }, 'Lambda-Provisioned-Concurrency-ARM', 'Lambda provisioned concurrency (Arm)'],
  'dynamodb:read-units': ['AmazonDynamoDB', { productFamily: 'Amazon DynamoDB PayPerRequest Throughput' }, 'ReadRequestUnits', 'DynamoDB on-demand read request units'],
  'dynamodb:write-units': ['AmazonDynamoDB', { productFamily: 'Amazon DynamoDB PayPerRequest Throughput' }, 'WriteRequestUnits', 'DynamoDB on-demand write request units'],
  'dynamodb:storage': ['AmazonDynamoDB', { productFamily: 'Database Storage' }, 'TimedStorage-ByteHrs', 'DynamoDB Standard table storage', true],
  'eks:cluster-hours': ['AmazonEKS', { productFamily: 'Compute' }, 'AmazonEKS-Hours:perCluster', 'EKS cluster hours (standard support)'],
};

const BUILDERS: Readonly<Record<string, SpecBuilder>> = {
  // rds:instance:<engine>:<deployment>:<class>[:io-optimized]
  'rds:instance': (region, [engine, deployment, instanceClass, mode]) => {
    const name = engine ? ENGINE_NAMES[engine] : undefined;
    if (!name || !instanceClass || !deployment) return undefined;
    const usage = mode === 'io-optimized' ? `InstanceUsageIOOptimized:${instanceClass}` : deployment === 'Multi-AZ' ? `Multi-AZUsage:${instanceClass}` : `InstanceUsage:${instanceClass}`;
    return {
      query: query('AmazonRDS', region, { productFamily: 'Database Instance', databaseEngine: name, deploymentOption: deployment, instanceType: instanceClass }),
      usageType: usage,
      description: `${name} ${instanceClass} instance hours${mode === 'io-optimized' ? ' (I/O-Optimized)' : ''}${deployment === 'Multi-AZ' ? ' (Multi-AZ)' : ''}`,
    };
  },
  // elasticache:node:<engine>:<nodeType>
  'elasticache:node': (region, [engine, nodeType]) => {
    const name = engine ? CACHE_ENGINES[engine] : undefined;
    if (!name || !nodeType) return undefined;
    return {
      query: query('AmazonElastiCache', region, { productFamily: 'Cache Instance', cacheEngine: name, instanceType: nodeType }),
      usageType: `NodeUsage:${nodeType}`,
      description: `ElastiCache ${name} ${nodeType} node hours`,
    };
  },
  // ec2:instance:<type>
  'ec2:instance': (region, [instanceType]) => instanceType ? {
    query: query('AmazonEC2', region, { productFamily: 'Compute Instance', instanceType, operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used' }),
    usageType: `BoxUsage:${instanceType}`,
    description: `EC2 ${instanceType} Linux on-demand hours`,
  } : undefined,
  // codebuild:<computeType>
  codebuild: (region, [computeType]) => {
    const size = computeType ? CODEBUILD_CLASSES[computeType] : undefined;
    return size ? {
      query: query('AWSCodeBuild', region, { productFamily: 'Compute' }),
      usageType: `Build-Min:${size}`,
      description: `CodeBuild ${computeType} Linux build minutes`,
    } : undefined;
  },
  'data-transfer:out-internet': (region) => ({
    query: query('AWSDataTransfer', undefined, { fromRegionCode: region.code, transferType: 'AWS Outbound' }),
    usageType: 'DataTransfer-Out-Bytes',
    description: 'Data transfer out to the Internet',
    tiered: true,
  }),
};

/** How to find `key` in the Price List for `region`, or undefined for a key the catalog cannot express. */
export function priceSpec(key: string, region: RegionInfo): PriceSpec | undefined {
  const fargate = FARGATE_USAGE[key];
  if (fargate) {
    return { key, query: query('AmazonECS', region, { productFamily: 'Compute' }), usageType: fargate, description: `Fargate ${key.replace(/^fargate(-spot)?:/, '').replace(':', ' ')}${key.startsWith('fargate-spot') ? ' (Spot)' : ''}` };
  }
  const fixed = FIXED[key];
  if (fixed) {
    const [service, filters, usageType, description, tiered, global] = fixed;
    return { key, query: query(service, global ? undefined : region, filters), usageType, description, tiered: tiered ?? false };
  }
  const parts = key.split(':');
  for (const length of [2, 1]) {
    const builder = BUILDERS[parts.slice(0, length).join(':')];
    if (builder) {
      const spec = builder(region, parts.slice(length));
      return spec ? { key, ...spec } : undefined;
    }
  }
  return undefined;
}
