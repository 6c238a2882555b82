/**
 * Model ↔ template drift: pairs each model element of one environment with the resources that
 * deploy it and reports what is missing, what is not modelled, and which values differ. Values
 * CloudFormation decides at deploy time are listed as unknown; differences the scaffold makes
 * on purpose (its documented substitutions) are notes.
 */
import type { ElementKey, ObservedArchitecture, Origin } from '../cfn/observe/types.js';
import type { ArchitectureModel } from '../model/types.js';
import { buildScaffoldConfig } from '../scaffold/config.js';
import { comparePipelines, compareLogGroups, compareRegistries, compareServices } from './compare-compute.js';
import { compareCaches, compareDatabases, compareSecrets, compareTables } from './compare-data.js';
import { compareDns, compareLoadBalancers } from './compare-edge.js';
import { compareAlarms, compareTopics } from './compare-monitoring.js';
import { compareNetwork } from './compare-network.js';
import { compareServerless } from './compare-other.js';
import { DriftContext } from './context.js';
import type { DriftFinding, DriftReport } from './types.js';

export type * from './types.js';

/** Compares environment `environment` of `model` with the observed template facts. */
export function detectDrift(model: ArchitectureModel, environment: string, observed: ObservedArchitecture): DriftReport {
  const env = model.environments[environment]!;
  const ctx = new DriftContext(model, env, observed, buildScaffoldConfig(model, environment));
  const componentIdOf = new Map<ElementKey, string>();
  const logGroupIdOf = new Map<ElementKey, string>();
  const topicIdOf = new Map<ElementKey, string>();

  const net = compareNetwork(ctx);
  compareLogGroups(ctx, logGroupIdOf);
  compareRegistries(ctx);
  compareLoadBalancers(ctx, net, componentIdOf);
  compareDns(ctx, componentIdOf);
  compareServices(ctx, net, logGroupIdOf, componentIdOf);
  const credentials = compareDatabases(ctx, net, componentIdOf);
  compareCaches(ctx, net, componentIdOf);
  compareSecrets(ctx, credentials);
  compareTables(ctx);
  compareTopics(ctx, topicIdOf);
  compareAlarms(ctx, componentIdOf, topicIdOf);
  comparePipelines(ctx);
  compareServerless(ctx);
  reportUnmodelled(ctx);

  const findings = [...ctx.findings].sort(byPlace);
  const count = (rule: DriftFinding['rule']) => findings.filter((f) => f.rule === rule).length;
  return {
    model: model.id,
    modelFile: model.source.file,
    environment,
    template: observed.source,
    findings,
    unknown: [...ctx.unknown].sort((a, b) => a.model.path.localeCompare(b.model.path) || a.field.localeCompare(b.field) || a.template.logicalId.localeCompare(b.template.logicalId)),
    notes: [...ctx.notes].sort((a, b) => a.model.line - b.model.line || a.model.col - b.model.col || a.message.localeCompare(b.message)),
    matched: [...ctx.matched].map(([path, ids]) => ({ model: path, template: [...ids].sort() })).sort((a, b) => a.model.localeCompare(b.model)),
    summary: { missing: count('drift/missing'), unmodelled: count('drift/unmodelled'), changed: count('drift/changed'), unknown: ctx.unknown.length, notes: ctx.notes.length },
  };
}

/** True when the report has drift (unknown values and notes do not count). */
export const hasDrift = (report: DriftReport): boolean => report.findings.length > 0;

function byPlace(a: DriftFinding, b: DriftFinding): number {
  return (a.model?.line ?? Infinity) - (b.model?.line ?? Infinity) || (a.model?.col ?? 0) - (b.model?.col ?? 0)
    || a.rule.localeCompare(b.rule) || (a.template?.logicalId ?? '').localeCompare(b.template?.logicalId ?? '') || a.message.localeCompare(b.message);
}

const KINDS: readonly [keyof ObservedArchitecture, string][] = [
  ['vpcs', 'VPC'], ['securityGroups', 'Security group'], ['loadBalancers', 'Load balancer'], ['targetGroups', 'Target group'],
  ['clusters', 'ECS cluster'], ['services', 'ECS service'], ['taskDefinitions', 'Task definition'], ['scaling', 'Scalable target'],
  ['databases', 'Database'], ['caches', 'Cache'], ['tables', 'DynamoDB table'], ['logGroups', 'Log group'], ['alarms', 'Alarm'],
  ['topics', 'SNS topic'], ['secrets', 'Secret'], ['hostedZones', 'Hosted zone'], ['repositories', 'ECR repository'],
  ['pipelines', 'Pipeline'], ['functions', 'Lambda function'], ['apis', 'API'], ['kubernetesClusters', 'EKS cluster'],
];

/** Every observed element no model element accounts for, and every resource nothing owns. */
function reportUnmodelled(ctx: DriftContext): void {
  for (const [kind, label] of KINDS) {
    for (const element of ctx.observed[kind] as readonly { origin: Origin }[]) {
      if (ctx.accounted.has(element.origin.key)) continue;
      // Parts of an unmodelled parent are reported with it.
      if (kind === 'clusters' && ctx.observed.services.some((s) => s.cluster.key === element.origin.key && ctx.accounted.has(s.origin.key))) continue;
      if (kind === 'taskDefinitions' && ctx.observed.services.some((s) => s.taskDefinition.key === element.origin.key)) continue;
      if (kind === 'targetGroups' && ctx.observed.loadBalancers.some((lb) => !ctx.accounted.has(lb.origin.key) && lb.listeners.some((l) => l.forwardTo.some((t) => t.key === element.origin.key)))) continue;
      ctx.unmodelled(element.origin, `${label} ${element.origin.logicalId}`);
    }
  }
  // CloudWatch dashboards are what a monitoring component with dashboards describes.
  const dashboards = ctx.env.components.some((c) => c.type === 'monitoring' && c.dashboards > 0);
  for (const { origin } of ctx.observed.unclaimed) {
    if (dashboards && origin.type === 'AWS::CloudWatch::Dashboard') continue;
    ctx.unmodelled(origin, `${origin.type} ${origin.logicalId}`);
  }
}
