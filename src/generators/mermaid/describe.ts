/** Short, plain-text detail lines for component nodes (escaped by the caller). */
import type { Component, Connection } from '../../model/types.js';
import { say, TYPE_STYLE, WORDS } from './catalog.js';

const vcpu = (units: number): string => `${Number((units / 1024).toFixed(2))} vCPU`;
const gb = (mib: number): string => `${Number((mib / 1024).toFixed(2))} GB`;

/** Detail lines shown under a component's name: the service and the sizing that matters. */
export function componentDetail(c: Component): string[] {
  switch (c.type) {
    case 'client': return [];
    case 'dns': return [c.zone];
    case 'load-balancer': return [c.listeners.map((l) => (l.redirect ? `${l.protocol} ${l.port}→${l.redirect.port}` : `${l.protocol} ${l.port}`)).join(' · ')];
    case 'api-gateway': return [`${c.apiType === 'rest' ? 'REST' : 'HTTP'} API · ${c.stage}`];
    case 'container-service': return [`${c.launchType === 'fargate' ? 'Fargate' : 'EC2'}${c.spot ? ' Spot' : ''} · ${vcpu(c.cpu)} / ${gb(c.memory)}`, `${WORDS.tasks} ${c.minTasks}–${c.maxTasks}`];
    case 'kubernetes-cluster': return [`EKS ${c.version}`, ...c.nodeGroups.map((g) => `${g.instanceType}${g.spot ? ' Spot' : ''} · ${g.min}–${g.max}`)];
    case 'function': return [`${c.runtime} · ${c.memoryMb} MB`];
    case 'database': return [`${engineName(c.engine)} ${c.engineVersion}`];
    case 'cache': return [`${c.engine === 'redis' ? 'Redis' : c.engine === 'valkey' ? 'Valkey' : 'Memcached'} ${c.engineVersion} · ${c.nodeType}`];
    case 'nosql-table': return [`${c.billingMode === 'on-demand' ? 'On-Demand' : 'Provisioned'} · PK ${c.partitionKey}`];
    case 'secret': return [`${c.store === 'secrets-manager' ? 'Secrets Manager' : c.store === 'ssm-parameter' ? 'SSM Parameter Store' : 'plaintext'}${c.rotationDays ? ` · ${c.rotationDays}일 교체` : ''}`];
    case 'container-registry': return [`리포지토리 ${c.repository}`];
    case 'log-group': return [`${c.logGroupName}${c.retentionDays ? ` · ${c.retentionDays}일` : ''}`];
    case 'monitoring': return [`대시보드 ${c.dashboards}`];
    case 'notification-topic': return [`구독 ${c.subscriptions.length}`];
    case 'pipeline': return [`${strategyName(c.strategy)} 배포`];
  }
}

export function engineName(engine: string): string {
  return ({ 'aurora-postgresql': 'Aurora PostgreSQL', 'aurora-mysql': 'Aurora MySQL', postgres: 'PostgreSQL', mysql: 'MySQL' } as Record<string, string>)[engine] ?? engine;
}

export function strategyName(strategy: string): string {
  return ({ 'blue-green': 'Blue/Green', rolling: 'Rolling', canary: 'Canary' } as Record<string, string>)[strategy] ?? strategy;
}

/** Service name for a component, falling back to the catalog's AWS service. */
export const serviceName = (c: Component): string => TYPE_STYLE[c.type].service;

/** `API 요청 (HTTPS 443)` — a connection's purpose with protocol and port. */
export function connectionLabel(c: Connection): string {
  const transport = c.port === undefined ? c.protocol : `${c.protocol} ${c.port}`;
  const condition = c.condition ? ` [${say(c.condition)}]` : '';
  return `${say(c.purpose)} (${transport})${condition}`;
}

/** Port range text: `443`, `1024-65535`, or all traffic. */
export function portRange(protocol: string, from: number, to: number): string {
  if (protocol === 'all') return WORDS.allTraffic;
  const ports = from === to ? `${from}` : from === 0 && to === 65535 ? '전체 포트' : `${from}-${to}`;
  return `${protocol.toUpperCase()} ${ports}`;
}
