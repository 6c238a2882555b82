/**
 * Scaffolds the seed model's prod environment with the real CLI, synthesizes it once with the
 * project's aws-cdk-lib (cdk-nag on), and checks the CloudFormation template against the model.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import type { ContainerServiceComponent, DatabaseComponent, CacheComponent, LoadBalancerComponent, LogGroupComponent, ResolvedEnvironment } from '../../src/model/types.js';
import { awsDescription } from '../../src/scaffold/names.js';
import { resourcesOf, root, scaffoldWithCli, synthesize, tempAppDir, type Synthesized } from './helpers.js';

let env: ResolvedEnvironment;
let app: Synthesized;
let appDir: string;
let stackName: string;
let notExpressed: string[];
const component = <T>(id: string) => env.components.find((c) => c.id === id) as T;

beforeAll(async () => {
  const model = await loadModelOrThrow(path.join(root, 'model/point-system.yaml'), root);
  env = model.environments.prod!;
  appDir = await tempAppDir('prod');
  const { code, stdout } = await scaffoldWithCli(['model/point-system.yaml', '--out', appDir, '--env', 'prod']);
  expect(code).toBe(0);
  const summary = JSON.parse(stdout);
  stackName = summary.stack;
  notExpressed = summary.notExpressed.map((n: { path: string }) => n.path);
  app = await synthesize(appDir, 'point-system', stackName);
}, 300_000);

afterAll(async () => {
  await rm(appDir, { recursive: true, force: true });
});

/** Security-group rules of the template in model terms: peer (model SG id or CIDR), protocol, ports. */
function templateRules(): Map<string, { ingress: string[]; egress: string[] }> {
  const groups = resourcesOf(app, 'AWS::EC2::SecurityGroup');
  const modelIdOf = new Map(groups.map((g) => [g.id, env.securityGroups.find((sg) => awsDescription(sg.description.en || sg.name.en, sg.id) === g.props.GroupDescription)?.id ?? `?${g.id}`]));
  const out = new Map([...modelIdOf.values()].map((id) => [id, { ingress: [] as string[], egress: [] as string[] }]));
  const key = (peer: string, proto: string, from?: number, to?: number) => (proto === '-1' ? `${peer} all` : `${peer} ${proto} ${from}-${to}`);
  for (const g of groups) {
    const entry = out.get(modelIdOf.get(g.id)!)!;
    for (const r of g.props.SecurityGroupIngress ?? []) entry.ingress.push(key(r.CidrIp, r.IpProtocol, r.FromPort, r.ToPort));
    for (const r of g.props.SecurityGroupEgress ?? []) {
      if (r.CidrIp === '255.255.255.255/32' && r.FromPort === 252) continue; // CDK's "no egress at all" placeholder
      entry.egress.push(key(r.CidrIp, r.IpProtocol, r.FromPort, r.ToPort));
    }
  }
  for (const r of resourcesOf(app, 'AWS::EC2::SecurityGroupIngress')) {
    const target = modelIdOf.get(r.props.GroupId['Fn::GetAtt'][0])!;
    out.get(target)!.ingress.push(key(modelIdOf.get(r.props.SourceSecurityGroupId['Fn::GetAtt'][0])!, r.props.IpProtocol, r.props.FromPort, r.props.ToPort));
  }
  expect(resourcesOf(app, 'AWS::EC2::SecurityGroupEgress')).toHaveLength(0);
  return out;
}

describe('scaffolded seed model, prod, synthesized', () => {
  it('has the VPC with exactly the model CIDR and the four subnets with exact CIDRs and AZs', () => {
    const [vpc] = resourcesOf(app, 'AWS::EC2::VPC');
    expect(vpc!.props.CidrBlock).toBe(env.network.vpc.cidr);
    const subnets = resourcesOf(app, 'AWS::EC2::Subnet').map((s) => `${s.props.CidrBlock} ${s.props.AvailabilityZone}`).sort();
    expect(subnets).toEqual(env.network.subnets.map((s) => `${s.cidr} ${s.az}`).sort());
    expect(subnets).toHaveLength(4);
    expect(resourcesOf(app, 'AWS::EC2::NatGateway')).toHaveLength(env.network.availabilityZones.length);
  });

  it('has security-group ingress and egress exactly as the model matrix', () => {
    const actual = templateRules();
    const expected = new Map(env.securityGroups.map((sg) => {
      const rule = (r: (typeof sg.ingress)[number]) => {
        const peer = r.peer.kind === 'cidr' ? r.peer.cidr : r.peer.securityGroup;
        return r.protocol === 'all' ? `${peer} all` : `${peer} ${r.protocol} ${r.fromPort}-${r.toPort}`;
      };
      return [sg.id, { ingress: sg.ingress.map(rule).sort(), egress: sg.egress.map(rule).sort() }];
    }));
    for (const value of actual.values()) { value.ingress.sort(); value.egress.sort(); }
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });

  it('builds the Aurora cluster as modelled', () => {
    const db = component<DatabaseComponent>('points-db');
    const [cluster] = resourcesOf(app, 'AWS::RDS::DBCluster');
    expect(cluster!.props).toMatchObject({
      Engine: db.engine, EngineVersion: db.engineVersion, StorageEncrypted: db.storage.encrypted,
      BackupRetentionPeriod: db.backup.retentionDays, DeletionProtection: db.deletionProtection, Port: db.port, DatabaseName: db.databaseName,
    });
    expect(cluster!.props.MasterUserPassword['Fn::Join'][1].join('')).toContain('secretsmanager');
    // Aurora offers no burstable class below medium: the scaffold reports the seed's db.t3.small reader and uses db.t3.medium.
    const offered = (cls: string) => cls.replace(/^db\.(t\d+g?)\.(nano|micro|small)$/, 'db.$1.medium');
    const instances = resourcesOf(app, 'AWS::RDS::DBInstance').map((i) => `${i.props.DBInstanceClass} ${i.props.AvailabilityZone}`).sort();
    expect(instances).toEqual(db.instances.map((i) => `${offered(i.instanceClass)} ${i.az}`).sort());
    for (const i of db.instances.filter((x) => offered(x.instanceClass) !== x.instanceClass)) {
      expect(notExpressed).toContain(`components.points-db.instances.${i.role}.instanceClass`);
    }
    expect(resourcesOf(app, 'AWS::SecretsManager::RotationSchedule')[0]!.props.RotationRules.ScheduleExpression).toBe('rate(30 days)');
  });

  it('builds the Redis replication group as modelled', () => {
    const cache = component<CacheComponent>('points-cache');
    const [group] = resourcesOf(app, 'AWS::ElastiCache::ReplicationGroup');
    expect(group!.props).toMatchObject({
      Engine: cache.engine, EngineVersion: cache.engineVersion, CacheNodeType: cache.nodeType, NumCacheClusters: 1 + cache.replicas,
      MultiAZEnabled: cache.multiAz, AutomaticFailoverEnabled: cache.automaticFailover,
      AtRestEncryptionEnabled: cache.encryptionAtRest, TransitEncryptionEnabled: cache.encryptionInTransit,
    });
  });

  it('runs the Fargate service with the modelled size, health check, logs and autoscaling', () => {
    const api = component<ContainerServiceComponent>('points-api');
    const logs = component<LogGroupComponent>('points-api-logs');
    const [task] = resourcesOf(app, 'AWS::ECS::TaskDefinition');
    expect(task!.props).toMatchObject({ Cpu: String(api.cpu), Memory: String(api.memory), RequiresCompatibilities: ['FARGATE'] });
    const [container] = task!.props.ContainerDefinitions;
    expect(container.PortMappings[0].ContainerPort).toBe(api.container.port);
    expect(container.HealthCheck).toMatchObject({ Command: api.container.healthCheck.command, Interval: 30, Retries: 3, StartPeriod: 60, Timeout: 5 });
    expect(container.LogConfiguration.LogDriver).toBe('awslogs');
    expect(container.Environment).toEqual(expect.arrayContaining([{ Name: 'LOG_FORMAT', Value: 'json' }]));
    const [group] = resourcesOf(app, 'AWS::Logs::LogGroup');
    expect(group!.props).toMatchObject({ LogGroupName: logs.logGroupName, RetentionInDays: logs.retentionDays });
    const [service] = resourcesOf(app, 'AWS::ECS::Service');
    expect(service!.props).toMatchObject({ DesiredCount: api.desiredTasks, DeploymentController: { Type: 'CODE_DEPLOY' } });
    const [target] = resourcesOf(app, 'AWS::ApplicationAutoScaling::ScalableTarget');
    expect(target!.props).toMatchObject({ MinCapacity: api.minTasks, MaxCapacity: api.maxTasks });
    const policies = resourcesOf(app, 'AWS::ApplicationAutoScaling::ScalingPolicy');
    expect(policies.map((p) => p.props.StepScalingPolicyConfiguration.StepAdjustments[0].ScalingAdjustment).sort()).toEqual(api.scaling.map((r) => r.adjustment).sort());
    const scalingAlarms = resourcesOf(app, 'AWS::CloudWatch::Alarm').filter((a) => String(a.props.AlarmDescription).startsWith('Scaling:'));
    expect(scalingAlarms.map((a) => `${a.props.MetricName} ${a.props.ComparisonOperator} ${a.props.Threshold}`).sort()).toEqual(api.scaling.map((r) =>
      `${r.metric === 'cpu' ? 'CPUUtilization' : 'MemoryUtilization'} ${r.comparison === '>' ? 'GreaterThanThreshold' : 'LessThanThreshold'} ${r.threshold}`).sort());
  });

  it('lets the task role read only the service\'s own secret', () => {
    const [task] = resourcesOf(app, 'AWS::ECS::TaskDefinition');
    const taskRole = task!.props.TaskRoleArn['Fn::GetAtt'][0];
    const statements = resourcesOf(app, 'AWS::IAM::Policy').filter((p) => p.props.Roles.some((r: { Ref: string }) => r.Ref === taskRole)).flatMap((p) => p.props.PolicyDocument.Statement);
    const [secret] = resourcesOf(app, 'AWS::SecretsManager::Secret');
    const [attachment] = resourcesOf(app, 'AWS::SecretsManager::SecretTargetAttachment');
    expect(attachment!.props.SecretId).toEqual({ Ref: secret!.id }); // the cluster's credentials, attached to the cluster
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect([secret!.id, attachment!.id]).toContain(statement.Resource.Ref);
      for (const action of [statement.Action].flat()) expect(action).toMatch(/^secretsmanager:(GetSecretValue|DescribeSecret)$/);
    }
  });

  it('fronts the service with an HTTPS-only ALB, TLS policy, 80 → 443 redirect, health-checked target group and DNS alias', () => {
    const alb = component<LoadBalancerComponent>('points-alb');
    const listeners = resourcesOf(app, 'AWS::ElasticLoadBalancingV2::Listener').map((l) => l.props);
    const https = listeners.find((l) => l.Protocol === 'HTTPS')!;
    expect(https.SslPolicy).toBe(alb.listeners.find((l) => l.protocol === 'HTTPS')!.sslPolicy);
    expect(https.Certificates[0].CertificateArn).toEqual({ Ref: expect.stringMatching(/CertificateArn/) });
    const http = listeners.find((l) => l.Protocol === 'HTTP')!;
    expect(http.DefaultActions[0]).toMatchObject({ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } });
    const groups = resourcesOf(app, 'AWS::ElasticLoadBalancingV2::TargetGroup');
    expect(groups).toHaveLength(2); // blue and green for CodeDeploy
    for (const g of groups) expect(g.props).toMatchObject({ HealthCheckPath: alb.targetGroup.healthCheck.path, Port: alb.targetGroup.port, TargetType: 'ip' });
    const [record] = resourcesOf(app, 'AWS::Route53::RecordSet');
    expect(record!.props).toMatchObject({ Name: 'api.points.example.com.', Type: 'A' });
    expect(record!.props.AliasTarget).toBeDefined();
  });

  it('creates every modelled alarm with its threshold, period and SNS action, derived metrics through metric math', () => {
    const alarms = resourcesOf(app, 'AWS::CloudWatch::Alarm');
    for (const modelled of env.monitoring.alarms) {
      const alarm = alarms.find((a) => a.props.AlarmName === `${stackName}-${modelled.id}`);
      expect(alarm, modelled.id).toBeDefined();
      const operator = { '>': 'GreaterThanThreshold', '>=': 'GreaterThanOrEqualToThreshold', '<': 'LessThanThreshold', '<=': 'LessThanOrEqualToThreshold' }[modelled.comparison];
      expect(alarm!.props).toMatchObject({ Threshold: modelled.threshold, EvaluationPeriods: modelled.evaluationPeriods, ComparisonOperator: operator });
      expect(alarm!.props.AlarmActions).toHaveLength(1);
      if (alarm!.props.Metrics) {
        const expression = alarm!.props.Metrics.find((m: { Expression?: string }) => m.Expression);
        expect(expression.Expression).toMatch(/\//);
        for (const m of alarm!.props.Metrics.filter((x: { MetricStat?: unknown }) => x.MetricStat)) expect(m.MetricStat.Period).toBe(modelled.periodSeconds);
      } else {
        expect(alarm!.props).toMatchObject({ Period: modelled.periodSeconds, MetricName: modelled.metric, Statistic: modelled.statistic });
      }
    }
    expect(resourcesOf(app, 'AWS::SNS::Subscription')[0]!.props).toMatchObject({ Protocol: 'email', Endpoint: 'points-oncall@example.com' });
  });

  it('builds the ECR repository and the blue/green pipeline', () => {
    const [repo] = resourcesOf(app, 'AWS::ECR::Repository');
    expect(repo!.props).toMatchObject({ RepositoryName: 'points-api', ImageScanningConfiguration: { ScanOnPush: true }, ImageTagMutability: 'IMMUTABLE' });
    const [pipeline] = resourcesOf(app, 'AWS::CodePipeline::Pipeline');
    expect(pipeline!.props.Stages.map((s: { Name: string }) => s.Name)).toEqual(['Source', 'Build', 'Deploy']);
    const [group] = resourcesOf(app, 'AWS::CodeDeploy::DeploymentGroup');
    expect(group!.props.DeploymentStyle).toEqual({ DeploymentOption: 'WITH_TRAFFIC_CONTROL', DeploymentType: 'BLUE_GREEN' });
  });

  it('passes cdk-nag AwsSolutions: synthesis succeeded, and every acknowledged finding carries a reason', () => {
    const entries = app.acknowledgements.flatMap((a) => Object.entries(a));
    expect(entries.length).toBeGreaterThan(5);
    for (const [rule, reason] of entries) {
      expect(rule).toMatch(/AwsSolutions-|CloudFormation-Validate::/);
      expect(reason.length, rule).toBeGreaterThan(30);
    }
  });
});
