/**
 * Which element owns each supporting resource (route tables, EIPs, IAM roles and policies, KMS
 * keys, subnet groups, CDK helper functions, …): the nearest element (ties: the first listed) that
 * reaches it through `Ref`/`GetAtt` links running either way through other supporting
 * resources. What no element reaches is {@link UnclaimedResource}: a candidate for "unmodelled".
 */
import type { CfnResource } from '../types.js';
import type { ObserveContext } from './context.js';
import type { ElementKey, Origin, UnclaimedResource } from './types.js';
import { allReferences, keyOf } from './values.js';

const SUPPORTING = new Set([
  'AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::InstanceProfile',
  'AWS::EC2::RouteTable', 'AWS::EC2::Route', 'AWS::EC2::SubnetRouteTableAssociation', 'AWS::EC2::EIP',
  'AWS::EC2::VPCGatewayAttachment', 'AWS::EC2::InternetGateway', 'AWS::EC2::NatGateway', 'AWS::EC2::FlowLog',
  'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress', 'AWS::EC2::NetworkAcl', 'AWS::EC2::NetworkAclEntry',
  'AWS::EC2::SubnetNetworkAclAssociation', 'AWS::EC2::VPCCidrBlock',
  'AWS::RDS::DBSubnetGroup', 'AWS::RDS::DBClusterParameterGroup', 'AWS::RDS::DBParameterGroup', 'AWS::RDS::DBInstance',
  'AWS::ElastiCache::SubnetGroup', 'AWS::ElastiCache::ParameterGroup',
  'AWS::SecretsManager::SecretTargetAttachment', 'AWS::SecretsManager::ResourcePolicy', 'AWS::SecretsManager::RotationSchedule',
  'AWS::KMS::Key', 'AWS::KMS::Alias', 'AWS::S3::Bucket', 'AWS::S3::BucketPolicy',
  'AWS::SNS::TopicPolicy', 'AWS::SNS::Subscription', 'AWS::Lambda::Permission', 'AWS::Lambda::Function', 'AWS::Logs::LogGroup',
  'AWS::CDK::Metadata', 'AWS::CloudFormation::CustomResource', 'AWS::CloudFormation::WaitConditionHandle', 'AWS::CloudFormation::Stack',
  'AWS::ECS::ClusterCapacityProviderAssociations', 'AWS::CodeDeploy::Application', 'AWS::CodeDeploy::DeploymentGroup',
  'AWS::CodeBuild::Project', 'AWS::CodeStarConnections::Connection', 'AWS::CodeConnections::Connection', 'AWS::Events::Rule',
  'AWS::ApplicationAutoScaling::ScalingPolicy', 'AWS::ApplicationAutoScaling::ScalableTarget',
  'AWS::ElasticLoadBalancingV2::ListenerRule', 'AWS::ElasticLoadBalancingV2::ListenerCertificate', 'AWS::ElasticLoadBalancingV2::TargetGroup',
  'AWS::CertificateManager::Certificate', 'AWS::CloudWatch::Alarm',
  'AWS::ApiGateway::Deployment', 'AWS::ApiGateway::Stage', 'AWS::ApiGateway::Resource', 'AWS::ApiGateway::Method', 'AWS::ApiGateway::Account',
  'AWS::ApiGatewayV2::Stage', 'AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::Integration',
  'AWS::EKS::Nodegroup', 'AWS::EKS::FargateProfile', 'AWS::EKS::AccessEntry', 'AWS::EKS::Addon',
]);

const isSupporting = (r: CfnResource): boolean => SUPPORTING.has(r.type) || r.type.startsWith('Custom::');

/**
 * Assigns supporting resources to elements (pushing into each element's `supporting`) and
 * returns the resources nobody owns.
 */
export function assignOwnership(ctx: ObserveContext, elements: readonly { readonly origin: Origin; readonly supporting: readonly Origin[] }[]): UnclaimedResource[] {
  const neighbours = new Map<ElementKey, Set<ElementKey>>();
  const edge = (a: ElementKey, b: ElementKey) => {
    if (!neighbours.has(a)) neighbours.set(a, new Set());
    neighbours.get(a)!.add(b);
  };
  for (const r of ctx.resources) {
    const from = keyOf(r.stackPath, r.logicalId);
    for (const id of allReferences(r.properties as never)) {
      const to = keyOf(r.stackPath, id);
      if (!ctx.get(to)) continue;
      edge(from, to);
      edge(to, from);
    }
  }
  // One breadth-first search from all elements at once: each resource goes to the nearest
  // element (the secret owns its rotation function, not a table that shares its IAM role).
  const owned = new Set(ctx.claimed);
  const queue: [ElementKey, (typeof elements)[number]][] = elements.map((e) => [e.origin.key, e]);
  for (let head = 0; head < queue.length; head++) {
    const [key, element] = queue[head]!;
    for (const next of neighbours.get(key) ?? []) {
      if (owned.has(next)) continue;
      const resource = ctx.get(next)!;
      if (!isSupporting(resource)) continue;
      owned.add(next);
      (element.supporting as Origin[]).push(ctx.origin(resource));
      queue.push([next, element]);
    }
  }
  return ctx.resources
    .filter((r) => !owned.has(keyOf(r.stackPath, r.logicalId)) && r.type !== 'AWS::CDK::Metadata' && r.type !== 'AWS::CloudFormation::Stack')
    .map((r) => ({ origin: ctx.origin(r) }));
}
