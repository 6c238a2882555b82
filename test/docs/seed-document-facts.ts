/**
 * Every number and named setting of the seed document (`test/fixtures/seed/aws-architecture.ko.md`, a verbatim copy of the seed),
 * as the generated Korean architecture document must state it. `test/fixtures/seed-facts.ts`
 * says where each fact lives in the model; this list says how the document words it, and the
 * docs test checks that it covers every seed quote of that list.
 *
 * `seed` is the wording in the seed (checked against the seed itself when it is present);
 * `expect` is what the generated document must contain, matched against its plain text
 * ({@link plainText}: Markdown emphasis, code spans and escapes removed). Without `expect`, the
 * seed wording itself must appear.
 */
export interface SeedDocumentFact {
  readonly id: string;
  /** Seed section the fact comes from. */
  readonly section: string;
  readonly seed: string;
  readonly expect?: string | RegExp;
}

const fact = (section: string, id: string, seed: string, expect?: string | RegExp): SeedDocumentFact => ({ id, section, seed, expect });

export const SEED_DOCUMENT_FACTS: readonly SeedDocumentFact[] = [
  fact('title', 'document-title', '08. AWS 아키텍처 설계'),
  fact('1', 'overview', '확장성, 가용성, 보안을 고려한 구성입니다'),
  // 2. styles and services
  fact('2.1', 'style-microservices', '마이크로서비스 아키텍처: 포인트 시스템을 독립적인 서비스로 구성'),
  fact('2.1', 'style-serverless', '서버리스 옵션: 일부 기능은 서버리스로 구성 가능'),
  fact('2.1', 'style-containers', '컨테이너 기반: ECS/EKS를 활용한 컨테이너 오케스트레이션'),
  fact('2.2', 'service-compute', '컴퓨팅: ECS (Fargate) 또는 EC2'),
  fact('2.2', 'service-database', 'RDS (PostgreSQL/MySQL) 또는 Aurora', /데이터베이스: Aurora PostgreSQL 또는 RDS PostgreSQL \/ RDS MySQL/),
  fact('2.2', 'service-cache', '캐싱: ElastiCache (Redis)'),
  fact('2.2', 'service-lb', '로드 밸런싱: Application Load Balancer (ALB)'),
  fact('2.2', 'service-apigw', 'API 게이트웨이: API Gateway (옵션)'),
  fact('2.2', 'service-monitoring', '모니터링: CloudWatch'),
  fact('2.2', 'service-security', '보안: VPC, Security Group, IAM'),
  // 3. diagrams
  fact('3.1', 'route53', 'Route 53 (DNS)', 'Route 53'),
  fact('3.1', 'ssl-termination', 'SSL/TLS Termination', 'SSL/TLS 종료'),
  fact('3.2', 'nat-gateway', 'NAT Gateway'),
  fact('3.1', 'two-azs', 'Availability', /가용 영역: ap-northeast-2a, ap-northeast-2c/),
  fact('3.2', 'az-1', 'Public Subnet (AZ-1)', /ap-northeast-2a \(AZ-1\)/),
  fact('3.2', 'az-2', 'Private Subnet (AZ-2)', /ap-northeast-2c \(AZ-2\)/),
  // 4.1 compute
  fact('4.1.1', 'ecs-fargate', 'ECS (Elastic Container Service) with Fargate', /ECS 서비스 points-cluster, Fargate/),
  fact('4.1.1', 'ecs-rationale', '서버 관리 불필요'),
  fact('4.1.1', 'ecs-rationale-scaling', '자동 스케일링'),
  fact('4.1.1', 'ecs-rationale-containers', '컨테이너 기반 배포'),
  fact('4.1.1', 'task-definition', 'Task Definition: Spring Boot 애플리케이션 컨테이너', /Task Definition: Spring Boot 3\.x JAR 애플리케이션 컨테이너/),
  fact('4.1.1', 'service-multi-az', 'Service: ECS 서비스 (다중 AZ 배포)', /Service: ECS 서비스 .*다중 AZ 배포/),
  fact('4.1.1', 'auto-scaling', 'Auto Scaling: CPU/메모리 기반 자동 스케일링'),
  fact('4.1.1', 'cpu-range', 'CPU: 0.5 vCPU ~ 2 vCPU (트래픽에 따라 조정)'),
  fact('4.1.1', 'memory-range', 'Memory: 1GB ~ 4GB', /Memory: 1 ?GB ~ 4 ?GB/),
  fact('4.1.1', 'task-count', 'Task Count: 최소 2개, 최대 10개', /Task Count: 최소 2개, 기본 2개, 최대 10개/),
  fact('4.1.2', 'base-image', 'Base Image: Amazon Linux 2 또는 OpenJDK 21'),
  fact('4.1.2', 'application', '애플리케이션: Spring Boot 3.x JAR'),
  fact('4.1.2', 'health-check-path', 'Health Check: `/actuator/health` 엔드포인트', 'Health Check: /actuator/health 엔드포인트'),
  // 4.2 database
  fact('4.2.1', 'db-engine', 'Amazon RDS (Aurora PostgreSQL)', 'RDS (Aurora PostgreSQL)'),
  fact('4.2.1', 'db-rationale-ha', '고가용성 (Multi-AZ)'),
  fact('4.2.1', 'db-rationale-backup', '자동 백업 및 복구'),
  fact('4.2.1', 'db-rationale-replica', '읽기 전용 복제본 지원'),
  fact('4.2.1', 'db-rationale-performance', '성능 최적화'),
  fact('4.2.1', 'db-primary', 'Primary Instance: Multi-AZ 배포'),
  fact('4.2.1', 'db-replica', 'Read Replica: 읽기 전용 복제본 (옵션)', /Read Replica: 읽기 전용 복제본 1개/),
  fact('4.2.1', 'db-backup', 'Backup: 자동 백업 (7일 보관)'),
  fact('4.2.1', 'db-storage', 'Storage: SSD (GP3)', /Storage: GP3/),
  fact('4.2.1', 'db-primary-class', 'Primary: db.t3.medium (2 vCPU, 4GB RAM)', /Primary \| db\.t3\.medium \| .* \| Primary \(2 vCPU, 4GB RAM\)/),
  fact('4.2.1', 'db-replica-class', 'Replica: db.t3.small (2 vCPU, 2GB RAM)', /Replica \| db\.t3\.small \| .*\(2 vCPU, 2GB RAM/),
  fact('4.2.2', 'pool-library', 'HikariCP: 커넥션 풀 관리'),
  fact('4.2.2', 'pool-max', 'Max Pool Size: 20'),
  fact('4.2.2', 'pool-min-idle', 'Min Idle: 5'),
  // 4.3 cache
  fact('4.3.1', 'cache-use-config', '포인트 설정 캐싱'),
  fact('4.3.1', 'cache-use-session', '세션 캐싱 (옵션)'),
  fact('4.3.1', 'cache-use-lock', '분산 락 (옵션)'),
  fact('4.3.1', 'cache-engine', 'Engine: Redis 7.x'),
  fact('4.3.1', 'cache-node-type', 'Node Type: cache.t3.micro (개발) / cache.t3.small (운영)', /Node Type: cache\.t3\.small \(운영\) \/ cache\.t3\.micro \(개발\)/),
  fact('4.3.1', 'cache-multi-az', 'Multi-AZ: 활성화 (운영 환경)', /Multi-AZ: 활성화 \(운영\)/),
  // 4.4 load balancer
  fact('4.4.1', 'alb-feature-lb', 'HTTP/HTTPS 로드 밸런싱'),
  fact('4.4.1', 'alb-feature-tls', 'SSL/TLS 종료'),
  fact('4.4.1', 'alb-feature-path', 'Path-based 라우팅 (옵션)'),
  fact('4.4.1', 'alb-listeners', 'Listener: HTTPS (443), HTTP (80 → HTTPS 리다이렉트)', /Listener: HTTPS \(443\), HTTP \(80 → HTTPS 443\)/),
  fact('4.4.1', 'alb-redirect', 'HTTP (80 → HTTPS 리다이렉트)', /HTTPS 443로 리다이렉트/),
  fact('4.4.1', 'alb-target', 'Target Group: ECS 서비스', /Target Group: 포인트 API \(ECS 서비스\)/),
  fact('4.4.1', 'alb-health-check', 'Health Check: `/actuator/health`', 'Health Check: /actuator/health'),
  // 4.5 network
  fact('4.5.1', 'vpc-cidr', 'CIDR: 10.0.0.0/16'),
  fact('4.5.1', 'public-subnets', 'Public Subnet: 10.0.1.0/24, 10.0.2.0/24'),
  fact('4.5.1', 'private-subnets', 'Private Subnet: 10.0.10.0/24, 10.0.20.0/24'),
  fact('4.5.2', 'sg-alb', 'ALB Security Group'),
  fact('4.5.2', 'sg-alb-in', 'Inbound: 443 (HTTPS) from 0.0.0.0/0'),
  fact('4.5.2', 'sg-outbound-all', 'Outbound: All traffic'),
  fact('4.5.2', 'sg-ecs', 'ECS Security Group'),
  fact('4.5.2', 'sg-ecs-in', 'Inbound: 8080 from ALB Security Group'),
  fact('4.5.2', 'sg-rds', 'RDS Security Group'),
  fact('4.5.2', 'sg-rds-in', 'Inbound: 5432 (PostgreSQL) from ECS Security Group'),
  fact('4.5.2', 'sg-outbound-none', 'Outbound: None'),
  fact('4.5.2', 'sg-cache', 'ElastiCache Security Group'),
  fact('4.5.2', 'sg-cache-in', 'Inbound: 6379 (Redis) from ECS Security Group'),
  // 5 scaling
  fact('5.1.1', 'scale-cpu-out', 'CPU 사용률 > 70%: 스케일 아웃'),
  fact('5.1.1', 'scale-cpu-in', 'CPU 사용률 < 30%: 스케일 인'),
  fact('5.1.1', 'scale-memory-out', '메모리 사용률 > 80%: 스케일 아웃'),
  fact('5.1.1', 'scale-min', '최소 태스크: 2개'),
  fact('5.1.1', 'scale-max', '최대 태스크: 10개'),
  fact('5.1.1', 'scale-step-out', '스케일 아웃 단계: +2'),
  fact('5.1.1', 'scale-step-in', '스케일 인 단계: -1'),
  fact('5.1.2', 'read-replica-routing', 'Read Replica: 읽기 전용 쿼리는 복제본으로 라우팅'),
  fact('5.1.2', 'read-write-split', 'Connection Pool: 읽기/쓰기 분리'),
  fact('5.2', 'vertical-ecs', 'ECS Task: CPU/메모리 증가', /태스크: CPU 0\.5 vCPU → 2 vCPU, 메모리 1 GB → 4 GB/),
  fact('5.2', 'vertical-rds', 'RDS Instance: 인스턴스 타입 업그레이드', /인스턴스: 인스턴스 타입 업그레이드/),
  // 6 availability
  fact('6.1', 'multi-az-ecs', 'ECS Service: 여러 가용 영역에 태스크 배포', /2개 가용 영역에 태스크 배포/),
  fact('6.1', 'multi-az-rds', 'RDS: Multi-AZ 활성화', /RDS \(Aurora PostgreSQL\): Multi-AZ 활성화/),
  fact('6.1', 'multi-az-cache', 'ElastiCache: Multi-AZ 활성화 (운영)', /ElastiCache \(Redis\): Multi-AZ 활성화 \(운영\)/),
  fact('6.2', 'alb-health', 'ALB Health Check: `/actuator/health`', /Application Load Balancer Health Check: \/actuator\/health/),
  fact('6.2', 'task-health', 'ECS Task Health Check: 컨테이너 레벨 헬스 체크', /태스크 Health Check: 컨테이너 레벨 헬스 체크/),
  fact('6.2', 'rds-failover', 'RDS: 자동 페일오버', /RDS \(Aurora PostgreSQL\): 자동 페일오버 활성화/),
  fact('6.3', 'backup-retention', 'RDS Automated Backups: 7일 보관', /RDS \(Aurora PostgreSQL\) \| 7일/),
  fact('6.3', 'pitr', 'Point-in-Time Recovery: 활성화', /Point-in-Time Recovery[\s\S]*\| 활성화 \|/),
  fact('6.3', 'snapshots', 'Snapshot: 수동 스냅샷 생성 (주기적)', '수동 스냅샷 생성 (주기적)'),
  // 7 security
  fact('7.1', 'sec-vpc', 'VPC: 격리된 네트워크 환경'),
  fact('7.1', 'sec-sg', 'Security Group: 최소 권한 원칙'),
  fact('7.1', 'sec-nat', 'NAT Gateway: 프라이빗 서브넷의 아웃바운드 트래픽'),
  fact('7.2', 'sec-tls', '암호화 전송: TLS 1.2 이상'),
  fact('7.2', 'sec-encryption', '암호화 저장: RDS 암호화 활성화'),
  fact('7.2', 'sec-secrets', 'Secrets Manager: 데이터베이스 비밀번호 관리'),
  fact('7.3', 'sec-iam', 'IAM Role: ECS 태스크에 IAM 역할 할당'),
  fact('7.3', 'sec-least-privilege', 'Least Privilege: 최소 권한 원칙'),
  // 8 monitoring
  fact('8.1.1', 'metrics-ecs', 'ECS: CPU, Memory, Task Count', /\(ECS 서비스\): CPU, Memory, Task Count/),
  fact('8.1.1', 'metrics-rds', 'RDS: CPU, Memory, Connection Count, Read/Write Latency', /RDS \(Aurora PostgreSQL\): CPU, Memory, Connection Count, Read Latency, Write Latency/),
  fact('8.1.1', 'metrics-cache', 'ElastiCache: CPU, Memory, Cache Hits/Misses', /ElastiCache \(Redis\): CPU, Memory, Cache Hits, Cache Misses/),
  fact('8.1.1', 'metrics-alb', 'ALB: Request Count, Response Time, Error Rate', /Application Load Balancer: Request Count, Response Time, Error Rate/),
  fact('8.1.2', 'alarm-cpu', 'High CPU Usage: CPU > 80% 지속 5분'),
  fact('8.1.2', 'alarm-memory', 'High Memory Usage: Memory > 85% 지속 5분'),
  fact('8.1.2', 'alarm-db', 'Database Connection: Connection Count > 80% 지속 5분', /Database Connection: \S+ > 80% 지속 5분/),
  fact('8.1.2', 'alarm-errors', 'Error Rate: 4xx/5xx > 5% 지속 5분', /Error Rate: \S+ > 5% 지속 5분/),
  fact('8.2', 'logs', 'CloudWatch Logs: 애플리케이션 로그 수집', 'CloudWatch Logs로 애플리케이션 로그 수집'),
  fact('8.2', 'log-retention', 'Log Retention: 30일', 'Log Retention 30일'),
  fact('8.2', 'structured-logging', 'Structured Logging: JSON 형식'),
  // 9 cost
  fact('9.1', 'reserved', 'Reserved Instances: RDS 예약 인스턴스 (1년/3년)'),
  fact('9.1', 'spot', 'Spot Instances: 개발 환경에서 사용 (옵션)'),
  fact('9.1', 'right-sizing', 'Right Sizing: 실제 사용량에 맞춘 인스턴스 크기'),
  fact('9.2', 'cost-ecs', 'ECS Fargate: $50 ~ $200 (트래픽에 따라)'),
  fact('9.2', 'cost-rds', 'RDS Aurora: $100 ~ $300'),
  fact('9.2', 'cost-cache', 'ElastiCache: $15 ~ $50'),
  fact('9.2', 'cost-alb', 'ALB: $20 ~ $30'),
  fact('9.2', 'cost-transfer', 'Data Transfer: $10 ~ $50'),
  fact('9.2', 'cost-total', '총 예상 비용: $195 ~ $630/월', '총 예상 비용: $195 ~ $630'),
  // 10 deployment
  fact('10.1', 'cicd-source', 'GitHub/GitLab'),
  fact('10.1', 'cicd-pipeline', 'AWS CodePipeline'),
  fact('10.1', 'cicd-build', 'AWS CodeBuild (빌드 및 테스트)'),
  fact('10.1', 'cicd-registry', 'Amazon ECR (컨테이너 이미지 저장)'),
  fact('10.1', 'cicd-deploy', 'ECS Service Update (Blue/Green 배포)', 'ECS 서비스 업데이트 (Blue/Green 배포)'),
  fact('10.2', 'deploy-blue-green', 'Blue/Green 배포: 무중단 배포', 'Blue/Green: 무중단 배포'),
  fact('10.2', 'deploy-rolling', 'Rolling Update: 점진적 업데이트'),
  fact('10.2', 'deploy-canary', 'Canary Deployment: 일부 트래픽만 새 버전으로 (옵션)', 'Canary: 일부 트래픽만 새 버전으로 (옵션)'),
  // 11 alternatives
  fact('11.1', 'alt-serverless', '서버리스 아키텍처 (옵션)'),
  fact('11.1', 'alt-apigw', 'API Gateway: REST API 엔드포인트'),
  fact('11.1', 'alt-lambda', 'Lambda: 비즈니스 로직 처리'),
  fact('11.1', 'alt-dynamodb', 'DynamoDB: 데이터 저장 (옵션)'),
  fact('11.1', 'alt-serverless-pros', '장점: 서버 관리 불필요, 자동 스케일링'),
  fact('11.1', 'alt-serverless-cons', '단점: 콜드 스타트, 실행 시간 제한'),
  fact('11.2', 'alt-eks', 'EKS (Kubernetes) 아키텍처 (옵션)'),
  fact('11.2', 'alt-eks-service', 'EKS: Kubernetes 클러스터'),
  fact('11.2', 'alt-eks-pros', '장점: 더 세밀한 제어, 오픈소스 생태계'),
  fact('11.2', 'alt-eks-cons', '단점: 관리 복잡도 증가'),
  // 12 files, 13 next
  fact('12', 'resource-dir', '`resource/` 폴더에 저장합니다', 'resource/ 폴더에 저장합니다'),
  fact('12', 'tool-drawio', 'draw.io: 온라인 다이어그램 도구'),
  fact('12', 'tool-lucidchart', 'Lucidchart: 클라우드 기반 다이어그램 도구'),
  fact('12', 'icons', 'AWS Architecture Icons: AWS 공식 아이콘 사용'),
  fact('13', 'next-document', '[09. 테스트 전략](./09-테스트-전략.md)', '[09. 테스트 전략](./09-테스트-전략.md)'),
];

/** The document as plain text: emphasis, code spans and backslash escapes removed. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\\([\\`*_[\]{}()<>#+\-.!|~])/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/`+/g, '');
}

/** Facts of `facts` the document does not state. */
export function missingFacts(markdown: string, facts: readonly SeedDocumentFact[] = SEED_DOCUMENT_FACTS): SeedDocumentFact[] {
  const plain = plainText(markdown);
  return facts.filter((f) => {
    const expect = f.expect ?? f.seed;
    return typeof expect === 'string' ? !plain.includes(expect) : !expect.test(plain);
  });
}
