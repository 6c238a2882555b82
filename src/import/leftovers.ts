/**
 * Everything of the template that no mapper took: each resource is listed once with the reason
 * the model has no place for it.
 */
import type { ObservedArchitecture, Origin } from '../cfn/observe/types.js';
import type { CfnTemplateSet } from '../cfn/types.js';
import type { ImportContext } from './context.js';

const SERVICE_REASONS: readonly [RegExp, string][] = [
  [/^AWS::IAM::/, 'IAM roles and policies are not modelled; the model states which components talk to which'],
  [/^AWS::KMS::/, 'KMS keys are not modelled; encryption is a flag of the component that uses the key'],
  [/^AWS::S3::/, 'S3 buckets are not a component type of the model'],
  [/^AWS::SQS::/, 'SQS queues are not a component type of the model'],
  [/^AWS::WAFv2::|^AWS::WAF::/, 'WAF is not a component type of the model'],
  [/^AWS::CloudFront::/, 'CloudFront is not a component type of the model'],
  [/^AWS::Lambda::Permission$/, 'invoke permissions are implied by the flows of the model'],
  [/^AWS::EC2::VPCEndpoint$/, 'VPC endpoints are not modelled'],
  [/^AWS::CloudWatch::Dashboard$/, 'dashboards are not modelled (only counted by the monitoring component)'],
  [/^AWS::CDK::Metadata$/, 'CDK bookkeeping, not infrastructure'],
  [/^AWS::CloudFormation::Stack$/, 'a nested stack: its resources are imported, the stack resource itself is not an element'],
];

function reasonFor(type: string): string {
  return SERVICE_REASONS.find(([pattern]) => pattern.test(type))?.[1] ?? `${type} is not a kind of resource the model describes`;
}

/** Elements of the observed architecture with a reason each kind may stay unmapped. */
function elements(o: ObservedArchitecture): { origin: Origin; supporting: readonly Origin[]; reason: string }[] {
  const list = <T extends { origin: Origin; supporting: readonly Origin[] }>(items: readonly T[], reason: string) => items.map((e) => ({ origin: e.origin, supporting: e.supporting, reason }));
  return [
    ...list(o.loadBalancers, 'only application load balancers with a forwarding listener can be expressed in the model'),
    ...list(o.targetGroups, 'a second target group (e.g. the green group of a blue/green deployment): the model holds one target group per load balancer'),
    ...list(o.clusters, 'an ECS cluster without a service in the template'),
    ...list(o.taskDefinitions, 'a task definition no service of the template runs'),
    ...list(o.scaling, 'a scalable target of something other than an ECS service'),
    ...list(o.alarms, 'an alarm the model cannot express'),
    ...list(o.kubernetesClusters.flatMap((c) => c.nodeGroups), 'a node group of a cluster that was not imported'),
    ...list(o.pipelines.flatMap((p) => p.buildProjects), 'a build project outside an imported pipeline'),
  ];
}

/** Reports every resource no mapper took, with the reason the model has no place for it. */
export function reportLeftovers(ctx: ImportContext, set: CfnTemplateSet): void {
  const report = ctx.report;
  for (const element of elements(ctx.observed)) {
    if (report.isMapped(element.origin.key)) continue;
    report.notMapped(element.origin, element.reason);
  }
  for (const { origin } of ctx.observed.unclaimed) report.notMapped(origin, reasonFor(origin.type));
  for (const element of allSupported(ctx.observed)) if (!report.isMapped(element.origin.key)) report.notMapped(element.origin, reasonFor(element.origin.type));
  // Safety net: every resource of the template is reported, even one the observation does not place.
  for (const stack of set.stacks) {
    for (const r of stack.resources) {
      const origin: Origin = { key: `${stack.path}/${r.logicalId}`, logicalId: r.logicalId, stackPath: stack.path, type: r.type, position: r.position, tags: {} };
      if (!report.isMapped(origin.key)) report.notMapped(origin, reasonFor(r.type));
    }
  }
  // Helpers of elements that were not imported (route tables of a second VPC, roles of a skipped service, …).
  for (const group of allSupported(ctx.observed)) {
    if (report.isMapped(group.origin.key)) continue;
    for (const s of group.supporting) report.notMapped(s, `part of ${group.origin.logicalId}, which was not imported`);
  }
}

function allSupported(o: ObservedArchitecture): { origin: Origin; supporting: readonly Origin[] }[] {
  return [
    ...o.vpcs, ...o.vpcs.flatMap((v) => [...v.subnets, ...v.internetGateways, ...v.natGateways]), ...o.securityGroups, ...o.loadBalancers, ...o.targetGroups,
    ...o.loadBalancers.flatMap((l) => l.listeners), ...o.clusters, ...o.services, ...o.taskDefinitions, ...o.scaling, ...o.databases, ...o.databases.flatMap((d) => d.instances), ...o.caches, ...o.tables,
    ...o.logGroups, ...o.alarms, ...o.topics, ...o.secrets, ...o.hostedZones, ...o.hostedZones.flatMap((z) => z.records), ...o.repositories, ...o.pipelines,
    ...o.functions, ...o.apis, ...o.kubernetesClusters,
  ];
}
