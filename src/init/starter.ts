/**
 * The starter model `archgen init` writes: a small, complete container architecture (ALB → ECS on
 * Fargate → Aurora PostgreSQL) in the chosen region and number of AZs, which validates and goes
 * through every generator. Pure: options in, YAML text out.
 */
import { stringify } from 'yaml';
import type { InitOptions } from './options.js';
import { slugOf } from './options.js';

const LETTERS = ['a', 'b', 'c'];

/** @param schemaRef path of `architecture.schema.json` relative to the model file, for editor completion. */
export function starterModel(options: InitOptions, schemaRef = './architecture.schema.json'): string {
  const slug = slugOf(options.name);
  const zones = LETTERS.slice(0, options.azs).map((letter) => `${options.region}${letter}`);
  const suffix = (az: string) => az.slice(-1);
  const subnets = [
    ...zones.map((az, i) => ({ id: `public-${suffix(az)}`, tier: 'public', az, cidr: `10.0.${i + 1}.0/24` })),
    ...zones.map((az, i) => ({ id: `private-${suffix(az)}`, tier: 'private', az, cidr: `10.0.${(i + 1) * 10}.0/24` })),
  ];
  const publicIds = subnets.filter((s) => s.tier === 'public').map((s) => s.id);
  const privateIds = subnets.filter((s) => s.tier === 'private').map((s) => s.id);
  const zone = `${slug}.example.com`;
  const model = {
    version: 1,
    metadata: {
      name: options.name,
      title: { ko: 'AWS 아키텍처 설계', en: 'AWS architecture design' },
      description: {
        ko: `${options.name}의 AWS 아키텍처입니다. 모델을 수정한 뒤 archgen generate로 다이어그램과 문서를 다시 만드세요.`,
        en: `The AWS architecture of ${options.name}. Edit this model, then run archgen generate to rebuild the diagrams and documents.`,
      },
      owner: `${slug}-team`,
      region: options.region,
      tags: { service: slug },
      styles: [{ id: 'containers', name: { ko: '컨테이너 기반', en: 'Container based' }, description: { ko: 'ECS Fargate에서 컨테이너 실행', en: 'Containers on ECS Fargate' } }],
      serviceChoices: [
        { category: 'compute', label: { ko: '컴퓨팅', en: 'Compute' }, chosen: 'ECS (Fargate)' },
        { category: 'database', label: { ko: '데이터베이스', en: 'Database' }, chosen: 'Aurora PostgreSQL' },
        { category: 'load-balancing', label: { ko: '로드 밸런싱', en: 'Load balancing' }, chosen: 'Application Load Balancer (ALB)' },
      ],
    },
    environments: {
      prod: { description: { ko: '운영 환경', en: 'Production' } },
      dev: {
        description: { ko: '개발 환경 (NAT 1개, 태스크 1개, Spot)', en: 'Development (one NAT, one task, Spot)' },
        overrides: {
          network: { natGateways: 'single' },
          components: { [`${slug}-api`]: { spot: true, minTasks: 1, desiredTasks: 1, maxTasks: 2 } },
        },
      },
    },
    network: {
      vpc: { id: `${slug}-vpc`, cidr: '10.0.0.0/16' },
      availabilityZones: zones,
      subnets,
      internetGateway: true,
      natGateways: 'per-az',
      dnsZone: { name: zone },
    },
    securityGroups: [
      { id: 'alb-sg', name: 'ALB Security Group', description: { ko: '인터넷에서 HTTPS만 허용', en: 'HTTPS from the Internet only' }, ingress: [{ cidr: '0.0.0.0/0', protocol: 'tcp', port: 443, description: 'HTTPS' }, { cidr: '0.0.0.0/0', protocol: 'tcp', port: 80, description: { ko: 'HTTPS로 리다이렉트', en: 'Redirect to HTTPS' } }], egress: 'all' },
      { id: 'app-sg', name: 'App Security Group', description: { ko: 'ALB에서 애플리케이션 포트만 허용', en: 'Application port from the ALB only' }, ingress: [{ securityGroup: 'alb-sg', protocol: 'tcp', port: 8080, description: 'ALB → app' }], egress: 'all' },
      { id: 'db-sg', name: 'DB Security Group', description: { ko: '앱에서 PostgreSQL만 허용', en: 'PostgreSQL from the app only' }, ingress: [{ securityGroup: 'app-sg', protocol: 'tcp', port: 5432, description: 'PostgreSQL' }], egress: 'none' },
    ],
    components: [
      { id: 'users', type: 'client', name: { ko: '사용자 (인터넷)', en: 'Users (Internet)' } },
      { id: `${slug}-dns`, type: 'dns', name: 'Route 53', zone, records: [{ name: `api.${zone}`, type: 'A', aliasTarget: `${slug}-alb` }], queriesPerMonth: 1000000 },
      {
        id: `${slug}-alb`, type: 'load-balancer', name: 'Application Load Balancer', subnets: publicIds, securityGroups: ['alb-sg'], minTlsVersion: '1.2',
        listeners: [
          { protocol: 'HTTPS', port: 443, certificate: `${slug}-certificate`, sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' },
          { protocol: 'HTTP', port: 80, redirect: { protocol: 'HTTPS', port: 443, statusCode: 301 } },
        ],
        targetGroup: { target: `${slug}-api`, protocol: 'HTTP', port: 8080, healthCheck: { path: '/health' } },
      },
      {
        id: `${slug}-api`, type: 'container-service', name: { ko: `${options.name} API`, en: `${options.name} API` }, launchType: 'fargate', cluster: `${slug}-cluster`,
        subnets: privateIds, securityGroups: ['app-sg'], cpu: 512, memory: 1024, spot: false, minTasks: options.azs, desiredTasks: options.azs, maxTasks: Math.max(4, options.azs * 2),
        scaling: [{ metric: 'cpu', comparison: '>', threshold: 70, adjustment: 1 }, { metric: 'cpu', comparison: '<', threshold: 30, adjustment: -1 }],
        container: { name: 'api', image: `${slug}-api:latest`, registry: `${slug}-ecr`, port: 8080, healthCheck: { command: ['CMD-SHELL', 'curl -fs http://localhost:8080/health || exit 1'], startPeriodSeconds: 30 } },
        logGroup: `${slug}-logs`, secrets: [`${slug}-db-credentials`],
      },
      {
        id: `${slug}-db`, type: 'database', name: 'Aurora PostgreSQL', subnets: privateIds, securityGroups: ['db-sg'], engine: 'aurora-postgresql', engineVersion: '15.4', databaseName: 'app', port: 5432,
        instances: [
          { role: 'writer', instanceClass: 'db.t3.medium', az: zones[0] },
          ...(zones.length > 1 ? [{ role: 'reader', instanceClass: 'db.t3.medium', az: zones[1] }] : []),
        ],
        storage: { type: 'aurora', sizeGb: 20, encrypted: true },
        backup: { retentionDays: 7, pointInTimeRecovery: true },
        multiAz: zones.length > 1, automaticFailover: zones.length > 1, deletionProtection: true, credentialsSecret: `${slug}-db-credentials`,
      },
      { id: `${slug}-db-credentials`, type: 'secret', name: { ko: 'DB 자격 증명', en: 'Database credentials' }, store: 'secrets-manager', rotationDays: 30, apiCallsPerMonth: 100000 },
      { id: `${slug}-ecr`, type: 'container-registry', name: 'Amazon ECR', repository: `${slug}-api`, scanOnPush: true, immutableTags: true, storageGb: 1 },
      { id: `${slug}-logs`, type: 'log-group', name: 'CloudWatch Logs', logGroupName: `/ecs/${slug}-api`, retentionDays: 30, format: 'json', ingestedGbPerMonth: 5 },
      { id: `${slug}-monitoring`, type: 'monitoring', name: 'CloudWatch', dashboards: 1 },
      { id: `${slug}-alerts`, type: 'notification-topic', name: { ko: '운영 알림 (SNS)', en: 'Operations alerts (SNS)' }, subscriptions: [{ protocol: 'email', endpoint: `${slug}-oncall@example.com` }] },
    ],
    connections: [
      { id: 'users-alb', from: 'users', to: `${slug}-alb`, protocol: 'HTTPS', port: 443, purpose: { ko: 'API 요청', en: 'API requests' } },
      { id: 'alb-api', from: `${slug}-alb`, to: `${slug}-api`, protocol: 'HTTP', port: 8080, purpose: { ko: '대상 그룹 전달', en: 'Forward to target group' } },
      { id: 'api-db', from: `${slug}-api`, to: `${slug}-db`, protocol: 'PostgreSQL', port: 5432, kind: 'write', purpose: { ko: '읽기/쓰기', en: 'Reads and writes' } },
      { id: 'api-secrets', from: `${slug}-api`, to: `${slug}-db-credentials`, protocol: 'HTTPS', port: 443, kind: 'control', purpose: { ko: 'DB 비밀번호 조회', en: 'Fetch DB password' } },
      { id: 'api-logs', from: `${slug}-api`, to: `${slug}-logs`, protocol: 'HTTPS', port: 443, kind: 'async', purpose: { ko: 'JSON 로그', en: 'JSON logs' } },
    ],
    monitoring: {
      metrics: [{ component: `${slug}-api`, metrics: [{ name: 'CPUUtilization', label: 'CPU' }, { name: 'MemoryUtilization', label: 'Memory' }] }],
      alarms: [{ id: 'high-cpu', name: 'High CPU Usage', component: `${slug}-api`, metric: 'CPUUtilization', comparison: '>', threshold: 80, unit: 'percent', periodSeconds: 300, evaluationPeriods: 1, topic: `${slug}-alerts` }],
      logging: { logGroups: [`${slug}-logs`], structured: true },
    },
    cost: {
      hoursPerMonth: 730,
      requestsPerMonth: { min: 100000, expected: 1000000, max: 5000000 },
      dataTransferOutGb: { min: 10, expected: 50, max: 200 },
      natProcessedGb: { min: 5, expected: 20, max: 50 },
      albLcu: { min: 1, expected: 1, max: 2 },
    },
  };
  const header = [
    `# yaml-language-server: $schema=${schemaRef}`,
    `# ${options.name} — starter model written by \`archgen init\`. Edit it, then run \`archgen generate\`.`,
  ].join('\n');
  return `${header}\n${stringify(model, { lineWidth: 0 })}`;
}
