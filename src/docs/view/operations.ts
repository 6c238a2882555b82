/** Sections 5, 6, 8 and 10: scaling, availability, monitoring and deployment. */
import type { Alarm } from '../../model/types.js';
import { formatMemory, formatNumber, formatVcpu } from '../format.js';
import type { ViewContext } from './context.js';
import { azCount, derivedOf, firstBy, nameOf, ofType, perEnvironment, say, sameIn, sayAll, yesNo } from './context.js';

const UNIT: Readonly<Record<Alarm['unit'], string>> = { percent: '%', count: '', milliseconds: ' ms', bytes: ' bytes' };

/** Seconds as the document's duration words: 300 → "5분" / "5 minutes". */
export function duration(ctx: ViewContext, seconds: number): string {
  return seconds % 60 === 0
    ? ctx.messages.text('common.minutes', { n: formatNumber(seconds / 60) })
    : ctx.messages.text('common.seconds', { n: formatNumber(seconds) });
}

export function scalingView(ctx: ViewContext) {
  const services = ofType(ctx.env, 'container-service').map((s) => ({
    name: say(ctx, s.name),
    rules: s.scaling.map((r) => ({
      metric: ctx.messages.text(`scaling.metric.${r.metric}`),
      comparison: r.comparison,
      threshold: `${formatNumber(r.threshold)}${r.metric === 'requests' ? '' : '%'}`,
      action: ctx.messages.text(r.adjustment > 0 ? 'scaling.out' : 'scaling.in'),
      adjustment: r.adjustment > 0 ? `+${r.adjustment}` : String(r.adjustment),
      cooldown: duration(ctx, r.cooldownSeconds),
    })),
    minTasks: perEnvironment(ctx, (env) => { const o = sameIn(env, s); return o ? ctx.messages.text('common.count', { n: String(o.minTasks) }) : undefined; }),
    maxTasks: perEnvironment(ctx, (env) => { const o = sameIn(env, s); return o ? ctx.messages.text('common.count', { n: String(o.maxTasks) }) : undefined; }),
    stepOut: s.scaling.filter((r) => r.adjustment > 0).map((r) => `+${r.adjustment}`).filter((v, i, a) => a.indexOf(v) === i).join(', '),
    stepIn: s.scaling.filter((r) => r.adjustment < 0).map((r) => String(r.adjustment)).filter((v, i, a) => a.indexOf(v) === i).join(', '),
    verticalCpu: `${formatVcpu(s.cpu)} → ${formatVcpu(s.maxCpu)}`,
    verticalMemory: `${formatMemory(s.memory)} → ${formatMemory(s.maxMemory)}`,
  }));
  const databases = ofType(ctx.env, 'database').map((d) => ({
    name: say(ctx, d.name),
    readReplicaRouting: d.readReplicaRouting,
    readWriteSplit: d.connectionPool?.readWriteSplit ?? false,
    verticalScaling: say(ctx, d.verticalScaling),
  }));
  const nodeGroups = ofType(ctx.env, 'kubernetes-cluster').flatMap((k) => k.nodeGroups.map((g) => ({
    cluster: say(ctx, k.name), name: g.name, instanceType: g.instanceType,
    range: perEnvironment(ctx, (env) => { const o = sameIn(env, k)?.nodeGroups.find((x) => x.name === g.name); return o ? `${o.min} ~ ${o.max}` : undefined; }),
    capacity: ctx.messages.text(g.spot ? 'compute.capacitySpot' : 'compute.capacityOnDemand'),
  })));
  const workloads = ofType(ctx.env, 'kubernetes-cluster').flatMap((k) => k.workloads.map((w) => ({ cluster: say(ctx, k.name), ...w })));
  const functions = ofType(ctx.env, 'function').map((f) => ({ name: say(ctx, f.name), provisionedConcurrency: f.provisionedConcurrency, memoryMb: f.memoryMb }));
  const tables = ofType(ctx.env, 'nosql-table').map((t) => ({ name: say(ctx, t.name), billingMode: ctx.messages.text(`data.billing.${t.billingMode}`) }));
  const apiGateways = ofType(ctx.env, 'api-gateway').filter((a) => a.throttleRps !== undefined).map((a) => ({ name: say(ctx, a.name), throttleRps: a.throttleRps }));
  return { services, databases, nodeGroups, workloads, functions, tables, apiGateways };
}

export function availabilityView(ctx: ViewContext) {
  const azOf = (subnets: readonly string[]) => azCount(ctx.env, subnets);
  const multiAz = [
    ...ofType(ctx.env, 'container-service').map((s) => ({ name: say(ctx, s.name), detail: ctx.messages.text('availability.tasksAcrossAzs', { azs: String(azOf(s.subnets)) }) })),
    ...ofType(ctx.env, 'kubernetes-cluster').map((k) => ({ name: say(ctx, k.name), detail: ctx.messages.text('availability.nodesAcrossAzs', { azs: String(azOf(k.subnets)) }) })),
    ...ofType(ctx.env, 'database').map((d) => ({ name: say(ctx, d.name), detail: `Multi-AZ ${perEnvironment(ctx, (env) => { const o = sameIn(env, d); return o ? yesNo(ctx, o.multiAz) : undefined; })}` })),
    ...ofType(ctx.env, 'cache').map((c) => ({ name: say(ctx, c.name), detail: `Multi-AZ ${perEnvironment(ctx, (env) => { const o = sameIn(env, c); return o ? yesNo(ctx, o.multiAz) : undefined; })}` })),
    ...ofType(ctx.env, 'function').map((f) => ({ name: say(ctx, f.name), detail: ctx.messages.text('availability.regional') })),
    ...ofType(ctx.env, 'nosql-table').map((t) => ({ name: say(ctx, t.name), detail: ctx.messages.text('availability.regional') })),
    ...ofType(ctx.env, 'api-gateway').map((a) => ({ name: say(ctx, a.name), detail: ctx.messages.text('availability.regional') })),
  ];
  const loadBalancerChecks = ofType(ctx.env, 'load-balancer').map((lb) => ({ name: say(ctx, lb.name), target: nameOf(ctx, lb.targetGroup.target), port: lb.targetGroup.port, ...lb.targetGroup.healthCheck }));
  const containerChecks = ofType(ctx.env, 'container-service').map((s) => ({ name: say(ctx, s.name), ...s.container.healthCheck, command: s.container.healthCheck.command.join(' ') }));
  const failover = [
    ...ofType(ctx.env, 'database').map((d) => ({ name: say(ctx, d.name), automatic: yesNo(ctx, d.automaticFailover) })),
    ...ofType(ctx.env, 'cache').map((c) => ({ name: say(ctx, c.name), automatic: perEnvironment(ctx, (env) => { const o = sameIn(env, c); return o ? yesNo(ctx, o.automaticFailover) : undefined; }) })),
  ];
  const backups = [
    ...ofType(ctx.env, 'database').map((d) => ({
      name: say(ctx, d.name), retentionDays: d.backup.retentionDays, pointInTimeRecovery: yesNo(ctx, d.backup.pointInTimeRecovery),
      snapshots: say(ctx, d.backup.manualSnapshots), deletionProtection: yesNo(ctx, d.deletionProtection),
    })),
    ...ofType(ctx.env, 'cache').map((c) => ({ name: say(ctx, c.name), retentionDays: c.snapshotRetentionDays, pointInTimeRecovery: '-', snapshots: ctx.messages.text('availability.automaticSnapshots'), deletionProtection: '-' })),
    ...ofType(ctx.env, 'nosql-table').map((t) => ({ name: say(ctx, t.name), retentionDays: t.pointInTimeRecovery ? 35 : 0, pointInTimeRecovery: yesNo(ctx, t.pointInTimeRecovery), snapshots: '-', deletionProtection: '-' })),
  ];
  return { multiAz, loadBalancerChecks, containerChecks, failover, backups };
}

export function monitoringView(ctx: ViewContext) {
  const m = ctx.env.monitoring;
  const labelOf = (component: string, metric: string) => {
    const found = derivedOf(ctx.env, 'metricSetByComponent', (env) => firstBy(env.monitoring.metrics, (set) => set.component)).get(component)?.metrics.find((x) => x.name === metric);
    return found ? say(ctx, found.label) : metric;
  };
  const logGroups = ofType(ctx.env, 'log-group');
  return {
    metrics: m.metrics.map((set) => ({
      component: nameOf(ctx, set.component),
      labels: [...new Set(set.metrics.map((x) => say(ctx, x.label)))],
      metrics: set.metrics.map((x) => ({ name: x.name, label: say(ctx, x.label) })),
    })),
    alarms: m.alarms.map((a) => ({
      name: say(ctx, a.name),
      component: nameOf(ctx, a.component),
      metric: a.metric,
      label: labelOf(a.component, a.metric),
      condition: `${a.comparison} ${formatNumber(a.threshold)}${UNIT[a.unit]}`,
      statistic: a.statistic,
      duration: duration(ctx, a.periodSeconds * a.evaluationPeriods),
      period: duration(ctx, a.periodSeconds),
      evaluationPeriods: a.evaluationPeriods,
      topic: a.topic ? nameOf(ctx, a.topic) : '-',
    })),
    logging: {
      description: say(ctx, m.logging.description),
      structured: m.logging.structured,
      logGroups: logGroups.map((g) => ({
        name: say(ctx, g.name),
        logGroupName: g.logGroupName,
        retention: g.retentionDays === undefined ? ctx.messages.text('monitoring.neverExpire') : ctx.messages.text('common.days', { n: String(g.retentionDays) }),
        format: g.format.toUpperCase(),
        ingestedGbPerMonth: g.ingestedGbPerMonth,
      })),
    },
    dashboards: ofType(ctx.env, 'monitoring').reduce((sum, c) => sum + c.dashboards, 0),
    customMetrics: m.customMetrics,
    topics: ofType(ctx.env, 'notification-topic').map((t) => ({ name: say(ctx, t.name), subscriptions: t.subscriptions.map((s) => ({ protocol: s.protocol, endpoint: s.endpoint })) })),
  };
}

const STRATEGY: Readonly<Record<string, string>> = { 'blue-green': 'Blue/Green', rolling: 'Rolling Update', canary: 'Canary' };

export function deploymentView(ctx: ViewContext) {
  return ofType(ctx.env, 'pipeline').map((p) => ({
    name: say(ctx, p.name),
    sourceProviders: p.sourceProviders,
    stages: p.stages.map((s) => ({
      name: say(ctx, s.name), kind: ctx.messages.text(`deployment.kind.${s.kind}`), provider: s.provider, description: say(ctx, s.description),
      target: s.target ? nameOf(ctx, s.target) : '',
      flowLine: s.kind === 'source' ? s.provider : say(ctx, s.description) ? `${say(ctx, s.name)} (${say(ctx, s.description)})` : say(ctx, s.name),
    })),
    strategy: STRATEGY[p.strategy] ?? p.strategy,
    strategies: p.alternativeStrategies.map((s) => ({ name: STRATEGY[s.strategy] ?? s.strategy, description: say(ctx, s.description), optional: s.optional, current: s.strategy === p.strategy })),
    buildMinutesPerMonth: p.buildMinutesPerMonth,
    computeType: p.computeType,
    rationale: sayAll(ctx, p.rationale),
  }));
}
