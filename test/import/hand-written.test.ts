/**
 * Hand-written CloudFormation YAML templates with short-form tags (`!Ref`, `!GetAtt`, `!Sub`,
 * `!Select`, `!GetAZs`, `!Cidr`, `!Join`) import through the real CLI into models that the real
 * loader validates, keep the template's facts, list what they could not map with positions, and
 * say which deploy-time values they guessed.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import type { ApiGatewayComponent, ArchitectureModel, CacheComponent, ContainerServiceComponent, DatabaseComponent, FunctionComponent, KubernetesClusterComponent, LoadBalancerComponent, LogGroupComponent, NoSqlTableComponent, ResolvedEnvironment } from '../../src/model/types.js';
import { archgen, fixture, fixtureDisplay, importJson, lineOf, root, tempDir } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('hand-written');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const envOf = (model: ArchitectureModel): ResolvedEnvironment => model.environments[model.defaultEnvironment]!;
const byType = <T>(env: ResolvedEnvironment, type: string) => env.components.filter((c) => c.type === type) as T[];
const rules = (env: ResolvedEnvironment, sg: string) => env.securityGroups.find((g) => g.id === sg)!.ingress.map((r) =>
  `${r.peer.kind === 'cidr' ? r.peer.cidr : r.peer.securityGroup} ${r.protocol} ${r.fromPort}-${r.toPort}`).sort();

describe('VPC + ALB + ECS + Aurora MySQL + Redis stack (web-stack.yaml)', () => {
  let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  let env: ResolvedEnvironment;
  let out: string;
  const source = fixtureDisplay('web-stack.yaml');

  beforeAll(async () => {
    out = path.join(dir, 'orders.yaml');
    const result = await importJson(['--template', fixture('web-stack.yaml'), '-o', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    json = result.json;
    env = envOf(await loadModelOrThrow(out, root));
  });

  it('writes a model the real loader validates, named after the output file, in the region of the AZs', async () => {
    expect(json).toMatchObject({ id: 'orders', written: true });
    const model = await loadModelOrThrow(out, root);
    expect(model.id).toBe('orders');
    expect(env.metadata.region).toBe('eu-west-1');
    const text = await readFile(out, 'utf8');
    expect(text.split('\n')[1]).toBe(`# Imported by \`archgen import\` from ${source} (stacks: web-stack).`);
    expect(text).toContain('Do not trust it for what a');
  });

  it('keeps the network: CIDRs, AZs, tiers from the routes, one NAT gateway', () => {
    expect(env.network.vpc.cidr).toBe('10.20.0.0/16');
    expect(env.network.availabilityZones).toEqual(['eu-west-1a', 'eu-west-1b']);
    expect(env.network.subnets.map((s) => `${s.id} ${s.tier} ${s.az} ${s.cidr}`)).toEqual([
      'public-a public eu-west-1a 10.20.0.0/24', 'public-b public eu-west-1b 10.20.1.0/24',
      'app-a private eu-west-1a 10.20.10.0/24', 'app-b private eu-west-1b 10.20.11.0/24',
      'data-a isolated eu-west-1a 10.20.20.0/24', 'data-b isolated eu-west-1b 10.20.21.0/24',
    ]);
    expect(env.network.internetGateway).toBe(true);
    expect(env.network.natGateways).toBe('single');
  });

  it('keeps every security group rule, peers by model id, inline and standalone, egress as written', () => {
    expect(rules(env, 'orders-alb-sg')).toEqual(['0.0.0.0/0 tcp 443-443', '0.0.0.0/0 tcp 80-80']);
    expect(rules(env, 'orders-app-sg')).toEqual(['orders-alb-sg tcp 8080-8080']);
    expect(rules(env, 'orders-db-sg')).toEqual(['orders-app-sg tcp 3306-3306']);
    expect(rules(env, 'orders-cache-sg')).toEqual(['orders-app-sg tcp 6379-6379']);
    const db = env.securityGroups.find((g) => g.id === 'orders-db-sg')!;
    expect(db.egress.map((r) => `${r.peer.kind === 'cidr' ? r.peer.cidr : ''} ${r.protocol}`)).toEqual(['127.0.0.1/32 all']);
    expect(env.securityGroups.find((g) => g.id === 'orders-cache-sg')!.egress.map((r) => r.protocol)).toEqual(['all']);
  });

  it('maps the load balancer, service, database, cache and log group with their template values', () => {
    const [alb] = byType<LoadBalancerComponent>(env, 'load-balancer');
    expect(alb!.listeners.map((l) => `${l.protocol}:${l.port}${l.redirect ? `→${l.redirect.protocol}:${l.redirect.port}/${l.redirect.statusCode}` : ''}`)).toEqual(['HTTPS:443', 'HTTP:80→HTTPS:443/301']);
    expect(alb!.targetGroup).toMatchObject({ port: 8080, healthCheck: { path: '/health', intervalSeconds: 15, timeoutSeconds: 5, healthyThreshold: 3, unhealthyThreshold: 2 } });
    const [service] = byType<ContainerServiceComponent>(env, 'container-service');
    expect(alb!.targetGroup.target).toBe(service!.id);
    expect(service).toMatchObject({ cpu: 1024, memory: 2048, architecture: 'arm64', minTasks: 2, desiredTasks: 2, maxTasks: 6, cluster: 'orders-cluster' });
    expect(service!.scaling.map((r) => `${r.metric}${r.comparison}${r.threshold} ${r.adjustment} ${r.cooldownSeconds}s`)).toEqual(['cpu>65 2 120s']);
    expect(service!.container).toMatchObject({ name: 'orders-api', image: 'orders-api:1.4.2', port: 8080, environment: { APP_ENV: 'production' } });
    expect(service!.container.healthCheck).toMatchObject({ intervalSeconds: 30, retries: 3, startPeriodSeconds: 45 });
    expect(service!.secrets).toEqual(['orders-db-credentials']);
    const [db] = byType<DatabaseComponent>(env, 'database');
    expect(db).toMatchObject({ engine: 'aurora-mysql', engineVersion: '8.0.mysql_aurora.3.05.2', databaseName: 'orders', port: 3306, deletionProtection: true, credentialsSecret: 'orders-db-credentials' });
    expect(db!.instances.map((i) => `${i.role} ${i.instanceClass} ${i.az}`)).toEqual(['writer db.r6g.large eu-west-1a', 'reader db.r6g.large eu-west-1b']);
    expect(db!.backup.retentionDays).toBe(14);
    const [cache] = byType<CacheComponent>(env, 'cache');
    expect(cache).toMatchObject({ engine: 'redis', engineVersion: '7.1', nodeType: 'cache.t4g.small', replicas: 1, multiAz: true, snapshotRetentionDays: 3 });
    const [logs] = byType<LogGroupComponent>(env, 'log-group');
    expect(logs).toMatchObject({ logGroupName: '/ecs/orders-api', retentionDays: 14 });
    expect(service!.logGroup).toBe(logs!.id);
  });

  it('infers flows from targets, security group rules and references', () => {
    const [service] = byType<ContainerServiceComponent>(env, 'container-service');
    const [db] = byType<DatabaseComponent>(env, 'database');
    const flows = env.connections.map((c) => `${c.from}>${c.to}:${c.port ?? ''}`);
    expect(flows).toEqual(expect.arrayContaining(['users>orders-alb:443', `orders-alb>${service!.id}:8080`, `${service!.id}>${db!.id}:3306`, `${service!.id}>cache:6379`, `${service!.id}>orders-db-credentials:443`]));
    expect(env.monitoring.alarms).toEqual([expect.objectContaining({ component: db!.id, metric: 'CPUUtilization', comparison: '>=', threshold: 75, periodSeconds: 300, evaluationPeriods: 2, topic: 'orders-alerts' })]);
  });

  it('lists what it could not map, with the template position, type and reason', async () => {
    const text = await readFile(fixture('web-stack.yaml'), 'utf8');
    expect(json.unmapped.map((u: { logicalId: string }) => u.logicalId)).toEqual(['WebAcl', 'WebAclAssociation', 'ArtifactBucket']);
    for (const u of json.unmapped) {
      expect(u.position).toEqual({ file: source, line: lineOf(text, `  ${u.logicalId}:`), col: 3 });
      expect(u.reason).toMatch(/not a component type|WAF/);
    }
    // Every other resource is accounted for as (part of) a model element.
    const resources = text.slice(text.indexOf('\nResources:'), text.indexOf('\nOutputs:'));
    const all = [...resources.matchAll(/^ {2}([A-Za-z0-9]+):\n {4}Type:/gm)].map((m) => m[1]).sort();
    expect([...json.mapped.map((m: { logicalId: string }) => m.logicalId), ...json.unmapped.map((u: { logicalId: string }) => u.logicalId)].sort()).toEqual(all);
  });

  it('says which deploy-time values it guessed', () => {
    const guessed = Object.fromEntries(json.guessed.map((n: { element: string; value: string }) => [n.element, n.value]));
    expect(guessed).toMatchObject({ 'components.users': 'client', 'components.orders-alb.listeners.certificate': 'CertificateArn' });
    const image = json.guessed.find((n: { element: string }) => n.element.endsWith('.container.image'));
    expect(image).toMatchObject({ value: 'orders-api:1.4.2', logicalId: 'TaskDefinition' });
    expect(image.reason).toMatch(/deploy time/);
  });

  it('writes the same bytes every time', async () => {
    const again = path.join(dir, 'orders-again.yaml');
    const { code } = await archgen(['import', '--template', fixture('web-stack.yaml'), '-o', again]);
    expect(code).toBe(0);
    const [a, b] = [await readFile(out, 'utf8'), await readFile(again, 'utf8')];
    // The model id is the file name and appears nowhere in the text: the bytes must be equal.
    expect(b).toBe(a);
  });
});

describe('API Gateway + Lambda + DynamoDB stack (serverless-api.yaml)', () => {
  let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  let env: ResolvedEnvironment;

  beforeAll(async () => {
    const out = path.join(dir, 'loyalty.yaml');
    const result = await importJson(['--template', fixture('serverless-api.yaml'), '-o', out]);
    expect(result.code).toBe(0);
    json = result.json;
    env = envOf(await loadModelOrThrow(out, root));
  });

  it('guesses the region and the AZs that Fn::GetAZs picks at deploy time, and says so', () => {
    expect(env.metadata.region).toBe('us-east-1');
    expect(env.network.subnets.map((s) => `${s.id} ${s.tier} ${s.az} ${s.cidr}`)).toEqual(['isolated-1 isolated us-east-1a 10.40.0.0/24', 'isolated-2 isolated us-east-1b 10.40.1.0/24']);
    const guessed = json.guessed.map((n: { element: string }) => n.element);
    expect(guessed).toEqual(expect.arrayContaining(['metadata.region', 'network.subnets.isolated-1.az', 'network.subnets.isolated-1.cidr', 'network.subnets.isolated-2.az']));
    expect(guessed).not.toContain('network.subnets.isolated-2.cidr');
  });

  it('takes the region from --region', async () => {
    const out = path.join(dir, 'loyalty-eu.yaml');
    const { code, json: eu } = await importJson(['--template', fixture('serverless-api.yaml'), '-o', out, '--region', 'eu-central-1']);
    expect(code).toBe(0);
    const model = envOf(await loadModelOrThrow(out, root));
    expect(model.metadata.region).toBe('eu-central-1');
    expect(model.network.availabilityZones).toEqual(['eu-central-1a', 'eu-central-1b']);
    expect(eu.guessed.map((n: { element: string }) => n.element)).not.toContain('metadata.region');
  });

  it('maps the API, the functions, the table, the secret and the log group', () => {
    const [api] = byType<ApiGatewayComponent>(env, 'api-gateway');
    expect(api).toMatchObject({ apiType: 'rest', throttleRps: 200 });
    const fns = byType<FunctionComponent>(env, 'function');
    expect(fns.map((f) => `${f.runtime} ${f.memoryMb} ${f.timeoutSeconds} ${f.architecture}`)).toEqual(['nodejs20.x 512 10 arm64']);
    // The rotation function is a helper the observation attributes to an element (not a component of its own), and it is reported.
    expect(json.mapped.find((m: { logicalId: string }) => m.logicalId === 'RotationFunction')).toMatchObject({ element: expect.stringMatching(/^components\./) });
    const [fn] = fns;
    expect(fn!.subnets).toEqual(['isolated-1', 'isolated-2']);
    expect(fn!.securityGroups).toHaveLength(1);
    const [table] = byType<NoSqlTableComponent>(env, 'nosql-table');
    expect(table).toMatchObject({ billingMode: 'on-demand', partitionKey: 'memberId', sortKey: 'occurredAt', pointInTimeRecovery: true, encrypted: true });
    expect(env.components.find((c) => c.type === 'secret')).toMatchObject({ rotationDays: 90 });
    expect(fn!.logGroup).toBe(byType<LogGroupComponent>(env, 'log-group')[0]!.id);
    const flows = env.connections.map((c) => `${c.from}>${c.to}`);
    expect(flows).toEqual(expect.arrayContaining([`users>${api!.id}`, `${api!.id}>${fn!.id}`, `${fn!.id}>${table!.id}`]));
    const egress = env.securityGroups[0]!.egress.map((r) => `${r.peer.kind === 'cidr' ? r.peer.cidr : ''} ${r.protocol} ${r.fromPort}`);
    expect(egress).toEqual(['0.0.0.0/0 tcp 443']);
  });

  it('writes a parameter\'s default where the template refers to the parameter, and says so', () => {
    expect(env.components.find((c) => c.type === 'notification-topic')).toMatchObject({ subscriptions: [{ protocol: 'email', endpoint: 'loyalty-oncall@example.com' }] });
    expect(json.guessed).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'loyalty-oncall@example.com', logicalId: 'AlertsTopic', reason: expect.stringContaining('parameter AlertEmail') })]));
  });

  it('lists the queue and the VPC endpoint as not mapped', () => {
    expect(json.unmapped.map((u: { logicalId: string; type: string }) => `${u.logicalId} ${u.type}`)).toEqual(['DynamoDbEndpoint AWS::EC2::VPCEndpoint', 'EventsQueue AWS::SQS::Queue']);
  });
});

describe('EKS behind an HTTP API (eks-http-api.yaml)', () => {
  it('maps the cluster with its spot node group and the HTTP API with its $default stage', async () => {
    const out = path.join(dir, 'shop.yaml');
    const { code, json } = await importJson(['--template', fixture('eks-http-api.yaml'), '-o', out]);
    expect(code).toBe(0);
    const env = envOf(await loadModelOrThrow(out, root));
    expect(env.metadata.region).toBe('ap-southeast-1');
    const [cluster] = byType<KubernetesClusterComponent>(env, 'kubernetes-cluster');
    expect(cluster!.version).toBe('1.30');
    expect(cluster!.nodeGroups.map((g) => `${g.instanceType} ${g.min}/${g.desired}/${g.max} ${g.spot}`)).toEqual(['t3.large 2/3/6 true']);
    expect(byType<ApiGatewayComponent>(env, 'api-gateway')).toEqual([expect.objectContaining({ apiType: 'http', stage: '$default' })]);
    expect(json.unmapped).toEqual([]);
    expect(json.mapped.map((m: { logicalId: string }) => m.logicalId)).toEqual(expect.arrayContaining(['ClusterRole', 'NodeRole', 'GeneralNodes', 'HttpStage']));
  });
});
