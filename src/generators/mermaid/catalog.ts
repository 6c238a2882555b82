/**
 * How each component type looks in Mermaid: its AWS category (colour), node shape and where it
 * sits in the architecture flowchart. A `Record<ComponentType, …>` so a new type cannot be
 * added to the model without deciding how it is drawn.
 */
import type { ComponentType, Locale, PipelineStage, Text } from '../../model/types.js';

/** Diagram text is Korean, like the seed document; technical names stay as the model spells them. */
export const LOCALE: Locale = 'ko';

export const say = (text: Text): string => text[LOCALE];

/** AWS Architecture Icons category colours (2023 set), used as classDef names. */
export type Category = 'client' | 'network' | 'compute' | 'database' | 'security' | 'management' | 'integration' | 'devtools';

export const CATEGORY_STYLE: Readonly<Record<Category, string>> = {
  client: 'fill:#ffffff,stroke:#232f3e,stroke-width:2px,color:#232f3e',
  network: 'fill:#f1ebff,stroke:#8c4fff,stroke-width:2px,color:#232f3e',
  compute: 'fill:#fdefe3,stroke:#ed7100,stroke-width:2px,color:#232f3e',
  database: 'fill:#f9e8fa,stroke:#c925d1,stroke-width:2px,color:#232f3e',
  security: 'fill:#fce9eb,stroke:#dd344c,stroke-width:2px,color:#232f3e',
  management: 'fill:#fde7f1,stroke:#e7157b,stroke-width:2px,color:#232f3e',
  integration: 'fill:#fde7f1,stroke:#e7157b,stroke-width:2px,color:#232f3e',
  devtools: 'fill:#e9ebfa,stroke:#3b48cc,stroke-width:2px,color:#232f3e',
};

/** Group (subgraph) styles: AWS Cloud, Region, VPC, AZ and subnet tiers as in the AWS icon set. */
export const GROUP_STYLE = {
  cloud: 'fill:#ffffff,stroke:#232f3e,stroke-width:1px,color:#232f3e',
  region: 'fill:#ffffff,stroke:#00a4a6,stroke-width:1px,stroke-dasharray:6 4,color:#00a4a6',
  vpc: 'fill:#ffffff,stroke:#8c4fff,stroke-width:1px,color:#8c4fff',
  az: 'fill:#ffffff,stroke:#147eba,stroke-width:1px,stroke-dasharray:6 4,color:#147eba',
  public: 'fill:#f2f6e8,stroke:#7aa116,stroke-width:1px,color:#3f6b00',
  private: 'fill:#e6f6f7,stroke:#00a4a6,stroke-width:1px,color:#00696b',
  isolated: 'fill:#f2f3f3,stroke:#7d8998,stroke-width:1px,color:#545b64',
} as const;

export type Shape = 'box' | 'rounded' | 'stadium' | 'cylinder' | 'hexagon';

/** Wraps an already escaped, quoted label in a flowchart shape. */
export function shape(kind: Shape, label: string): string {
  switch (kind) {
    case 'box': return `[${label}]`;
    case 'rounded': return `(${label})`;
    case 'stadium': return `([${label}])`;
    case 'cylinder': return `[(${label})]`;
    case 'hexagon': return `{{${label}}}`;
  }
}

/**
 * Where a component without subnets sits: on the Internet side (clients, global services such
 * as Route 53) or inside the Region. Components with subnets are always drawn inside the VPC.
 */
export type Scope = 'internet' | 'global' | 'region';

/**
 * How a component placed in several subnets is drawn: `per-subnet` repeats it in every subnet
 * (tasks, nodes, ENIs), `instances` draws its own instances (database writer/readers, cache
 * primary/replicas), `span` draws it once at VPC level with its subnets in the label.
 */
export type Placement = 'per-subnet' | 'instances' | 'span';

export interface TypeStyle {
  readonly category: Category;
  readonly shape: Shape;
  readonly scope: Scope;
  readonly placement: Placement;
  /** AWS service name shown under the component name. */
  readonly service: string;
  /** What one repeated node of a `per-subnet` component is called, when its name does not say it. */
  readonly unit?: string;
}

export const TYPE_STYLE: Readonly<Record<ComponentType, TypeStyle>> = {
  client: { category: 'client', shape: 'stadium', scope: 'internet', placement: 'span', service: '' },
  dns: { category: 'network', shape: 'hexagon', scope: 'global', placement: 'span', service: 'Amazon Route 53' },
  'load-balancer': { category: 'network', shape: 'hexagon', scope: 'region', placement: 'per-subnet', service: 'Elastic Load Balancing', unit: 'LB 노드' },
  'api-gateway': { category: 'network', shape: 'hexagon', scope: 'region', placement: 'span', service: 'Amazon API Gateway' },
  'container-service': { category: 'compute', shape: 'rounded', scope: 'region', placement: 'per-subnet', service: 'Amazon ECS' },
  'kubernetes-cluster': { category: 'compute', shape: 'rounded', scope: 'region', placement: 'per-subnet', service: 'Amazon EKS', unit: '워커 노드' },
  function: { category: 'compute', shape: 'rounded', scope: 'region', placement: 'per-subnet', service: 'AWS Lambda', unit: 'ENI' },
  database: { category: 'database', shape: 'cylinder', scope: 'region', placement: 'instances', service: 'Amazon RDS' },
  cache: { category: 'database', shape: 'cylinder', scope: 'region', placement: 'instances', service: 'Amazon ElastiCache' },
  'nosql-table': { category: 'database', shape: 'cylinder', scope: 'region', placement: 'span', service: 'Amazon DynamoDB' },
  secret: { category: 'security', shape: 'rounded', scope: 'region', placement: 'span', service: 'AWS Secrets Manager' },
  'container-registry': { category: 'compute', shape: 'rounded', scope: 'region', placement: 'span', service: 'Amazon ECR' },
  'log-group': { category: 'management', shape: 'rounded', scope: 'region', placement: 'span', service: 'Amazon CloudWatch Logs' },
  monitoring: { category: 'management', shape: 'rounded', scope: 'region', placement: 'span', service: 'Amazon CloudWatch' },
  'notification-topic': { category: 'integration', shape: 'rounded', scope: 'region', placement: 'span', service: 'Amazon SNS' },
  pipeline: { category: 'devtools', shape: 'rounded', scope: 'region', placement: 'span', service: 'AWS CodePipeline' },
};

/** Fixed diagram vocabulary (Korean, the diagram locale). */
export const WORDS = {
  internet: '인터넷',
  cloud: 'AWS 클라우드',
  region: '리전',
  az: '가용 영역',
  tier: { public: '퍼블릭 서브넷', private: '프라이빗 서브넷', isolated: '격리 서브넷' },
  internetGateway: '인터넷 게이트웨이',
  natGateway: 'NAT 게이트웨이',
  noRoute: '인터넷 경로 없음',
  outbound: '아웃바운드',
  replication: '복제',
  writer: 'Writer',
  reader: 'Reader',
  primary: 'Primary',
  replica: '복제본',
  flowLogs: 'VPC 흐름 로그',
  cacheHit: '캐시 히트',
  cacheMiss: '캐시 미스',
  cachedValue: '캐시된 값',
  notCached: '값 없음',
  rows: '조회 결과',
  committed: '커밋 완료',
  response: '응답',
  dnsAnswer: '별칭 레코드 주소',
  allTraffic: '전체 트래픽',
  egressNone: '아웃바운드: 없음',
  appliedTo: '적용',
  anywhere: '모든 대상',
  strategy: '배포 전략',
  alternatives: '대안',
  optional: '옵션',
  tasks: '태스크',
  alarms: 'CloudWatch 알람',
} as const;

/** What a pipeline stage does to the component it targets. */
export const STAGE_ACTION: Readonly<Record<PipelineStage['kind'], string>> = {
  source: '소스 가져오기',
  build: '빌드',
  registry: '이미지 푸시',
  deploy: '배포',
  approval: '승인',
  test: '테스트',
};
