/**
 * Scaffold the seed model with the real CLI, synthesize it offline with the project's CDK, import
 * the cloud assembly, and compare the imported model with `model/point-system.yaml`: the facts a
 * template carries survive, and every difference is listed with its explanation.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithModel, type ModelDifference } from '../../src/import/compare-with-model.js';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import type { CacheComponent, ContainerRegistryComponent, ContainerServiceComponent, DatabaseComponent, DnsComponent, LoadBalancerComponent, LogGroupComponent, PipelineComponent, ResolvedEnvironment, SecretComponent } from '../../src/model/types.js';
import { scaffoldWithCli, synthesize, tempAppDir } from '../scaffold/helpers.js';
import { archgen, importJson, root, tempDir } from './helpers.js';

let appDir: string;
let outDir: string;
let assembly: string;
let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
let imported: ResolvedEnvironment;
let seed: ResolvedEnvironment;
let differences: ModelDifference[];

beforeAll(async () => {
  appDir = await tempAppDir('import-seed');
  outDir = await tempDir('seed');
  const { code, stdout } = await scaffoldWithCli(['model/point-system.yaml', '--out', appDir, '--env', 'prod']);
  expect(code).toBe(0);
  await synthesize(appDir, 'point-system', JSON.parse(stdout).stack);
  assembly = path.join(appDir, 'cdk.out');
  const result = await importJson(['--template', assembly, '-o', path.join(outDir, 'seed-import.yaml'), '--compare', 'model/point-system.yaml']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  json = result.json;
  const model = await loadModelOrThrow(path.join(outDir, 'seed-import.yaml'), root);
  imported = model.environments[model.defaultEnvironment]!;
  const reference = await loadModelOrThrow(path.join(root, 'model/point-system.yaml'), root);
  seed = reference.environments.prod!;
  differences = json.comparison.differences;
}, 300_000);

afterAll(async () => {
  await rm(appDir, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
});

const component = <T>(env: ResolvedEnvironment, type: string) => env.components.find((c) => c.type === type) as T;
const rules = (env: ResolvedEnvironment) => Object.fromEntries(env.securityGroups.map((g) => [g.id, {
  ingress: g.ingress.map((r) => `${r.peer.kind === 'cidr' ? r.peer.cidr : r.peer.securityGroup} ${r.protocol} ${r.fromPort}-${r.toPort}`).sort(),
  egress: g.egressNone ? 'none' : g.egress.map((r) => `${r.peer.kind === 'cidr' ? r.peer.cidr : r.peer.securityGroup} ${r.protocol}`).sort(),
}]));

describe('import of the synthesized seed stack', () => {
  it('keeps the network: VPC CIDR, AZs, every subnet with tier, AZ and CIDR, NAT per AZ', () => {
    expect(imported.network.vpc.cidr).toBe('10.0.0.0/16');
    expect(imported.network.availabilityZones).toEqual(seed.network.availabilityZones);
    const subnets = (env: ResolvedEnvironment) => env.network.subnets.map((s) => `${s.id} ${s.tier} ${s.az} ${s.cidr}`).sort();
    expect(subnets(imported)).toEqual(subnets(seed));
    expect(imported.network).toMatchObject({ internetGateway: true, natGateways: 'per-az', dnsZone: { name: 'points.example.com' } });
    expect(imported.metadata.region).toBe('ap-northeast-2');
  });

  it('keeps every security group rule (443, 8080, 5432, 6379) with peers named by model id', () => {
    expect(rules(imported)).toEqual(rules(seed));
    expect(rules(imported)['ecs-sg']!.ingress).toEqual(['alb-sg tcp 8080-8080']);
    expect(rules(imported)['rds-sg']).toEqual({ ingress: ['ecs-sg tcp 5432-5432'], egress: 'none' });
    expect(rules(imported)['cache-sg']!.ingress).toEqual(['ecs-sg tcp 6379-6379']);
    expect(rules(imported)['alb-sg']!.ingress).toEqual(['0.0.0.0/0 tcp 443-443']);
  });

  it('keeps the service: task size, container, health check, scaling limits and rules, logs, secret', () => {
    const api = component<ContainerServiceComponent>(imported, 'container-service');
    const want = component<ContainerServiceComponent>(seed, 'container-service');
    expect(api).toMatchObject({ id: want.id, cpu: want.cpu, memory: want.memory, minTasks: want.minTasks, desiredTasks: want.desiredTasks, maxTasks: want.maxTasks, launchType: 'fargate', cluster: want.cluster });
    expect([api.cpu, api.memory, api.minTasks, api.maxTasks]).toEqual([512, 1024, 2, 10]);
    const scaling = (c: ContainerServiceComponent) => c.scaling.map((r) => `${r.metric}${r.comparison}${r.threshold} ${r.adjustment} ${r.cooldownSeconds}`);
    expect(scaling(api)).toEqual(scaling(want));
    expect(api.container).toMatchObject({ name: want.container.name, image: want.container.image, registry: want.container.registry, port: 8080, healthCheck: want.container.healthCheck });
    expect(api.logGroup).toBe(want.logGroup);
    expect(api.secrets).toHaveLength(1);
    const alb = component<LoadBalancerComponent>(imported, 'load-balancer');
    expect(alb.targetGroup).toMatchObject({ target: api.id, port: 8080, healthCheck: component<LoadBalancerComponent>(seed, 'load-balancer').targetGroup.healthCheck });
    expect(alb.listeners.map((l) => `${l.protocol}:${l.port}:${l.sslPolicy ?? ''}:${l.redirect?.port ?? ''}`)).toEqual(['HTTPS:443:ELBSecurityPolicy-TLS13-1-2-2021-06:', 'HTTP:80::443']);
  });

  it('keeps the data tier: Aurora engine and classes, Redis node type, log retention', () => {
    const db = component<DatabaseComponent>(imported, 'database');
    expect(db).toMatchObject({ engine: 'aurora-postgresql', engineVersion: '15.4', databaseName: 'points', port: 5432, multiAz: true, deletionProtection: true });
    expect(db.instances.map((i) => `${i.role} ${i.instanceClass} ${i.az}`)).toEqual(['writer db.t3.medium ap-northeast-2a', 'reader db.t3.medium ap-northeast-2c']);
    expect(db.backup.retentionDays).toBe(7);
    const cache = component<CacheComponent>(imported, 'cache');
    expect(cache).toMatchObject({ engine: 'redis', engineVersion: '7.1', nodeType: 'cache.t3.small', replicas: 1, multiAz: true, automaticFailover: true, encryptionInTransit: true });
    const logs = component<LogGroupComponent>(imported, 'log-group');
    expect(logs).toMatchObject({ logGroupName: '/ecs/points-api', retentionDays: 30 });
  });

  it('keeps DNS, registry, secret rotation and the pipeline', () => {
    const alb = component<LoadBalancerComponent>(imported, 'load-balancer');
    expect(component<DnsComponent>(imported, 'dns')).toMatchObject({ zone: 'points.example.com', records: [expect.objectContaining({ name: 'api.points.example.com', type: 'A', aliasTarget: alb.id })] });
    expect(component<ContainerRegistryComponent>(imported, 'container-registry')).toMatchObject({ repository: 'points-api', scanOnPush: true, immutableTags: true });
    expect(component<SecretComponent>(imported, 'secret')).toMatchObject({ store: 'secrets-manager', rotationDays: 30 });
    const pipeline = component<PipelineComponent>(imported, 'pipeline');
    expect(pipeline).toMatchObject({ strategy: 'blue-green', computeType: 'BUILD_GENERAL1_SMALL' });
    expect(pipeline.stages.map((s) => s.kind)).toEqual(['source', 'build', 'deploy']);
  });

  it('keeps the alarms with their thresholds, periods and topic', () => {
    const alarms = (env: ResolvedEnvironment) => env.monitoring.alarms.map((a) => `${a.metric} ${a.comparison} ${a.threshold} ${a.periodSeconds}`).sort();
    expect(alarms(imported)).toEqual(alarms(seed));
    expect(new Set(imported.monitoring.alarms.map((a) => a.topic))).toEqual(new Set(['points-alerts']));
  });

  it('lists the second (green) target group as not mapped and no resource goes unreported', async () => {
    const template = JSON.parse(await readFile(path.join(assembly, `${json.mapped[0].stackPath}.template.json`), 'utf8'));
    const reported = [...json.mapped, ...json.unmapped].map((r: { logicalId: string }) => r.logicalId).sort();
    expect(reported).toEqual(Object.keys(template.Resources).sort());
    expect(json.unmapped).toEqual([expect.objectContaining({ type: 'AWS::ElasticLoadBalancingV2::TargetGroup', reason: expect.stringMatching(/one target group/) })]);
  });
});

describe('archgen drift of the imported model against the assembly it came from', () => {
  it('reports no drift', async () => {
    const drift = await archgen(['--format', 'json', 'drift', path.join(outDir, 'seed-import.yaml'), '--template', assembly]);
    const report = JSON.parse(drift.stdout);
    expect(report.findings).toEqual([]);
    expect(report.drift).toBe(false);
    expect(drift.code).toBe(0);
  });
});

describe('comparison with model/point-system.yaml', () => {
  const find = (element: string) => differences.find((d) => d.element === element);

  it('finds no disagreement: every difference is explained by what a template cannot carry', () => {
    expect(differences.filter((d) => d.category === 'value')).toEqual([]);
    for (const d of differences) expect(d.explanation.length).toBeGreaterThan(20);
  });

  it('reports real disagreements as such: a model whose port, retention and node type differ from the template', async () => {
    const text = await readFile(path.join(root, 'model/point-system.yaml'), 'utf8');
    const changed = text
      .replace('{ securityGroup: alb-sg, protocol: tcp, port: 8080,', '{ securityGroup: alb-sg, protocol: tcp, port: 9090,')
      .replace('retentionDays: 30\n    format: json', 'retentionDays: 14\n    format: json')
      .replace('nodeType: cache.t3.small', 'nodeType: cache.r7g.large');
    expect(changed).not.toBe(text);
    await writeFile(path.join(outDir, 'point-system-changed.yaml'), changed);
    const reference = await loadModelOrThrow(path.join(outDir, 'point-system-changed.yaml'), root);
    const model = await loadModelOrThrow(path.join(outDir, 'seed-import.yaml'), root);
    const report = { source: '', mapped: json.mapped, unmapped: json.unmapped, notes: [...json.guessed, ...json.dropped], warnings: [] };
    const values = compareWithModel(model, reference, report).filter((d) => d.category === 'value');
    expect(values.map((d) => `${d.element}: ${d.model} → ${d.imported}`)).toEqual([
      'components.points-api-logs.retentionDays: 14 → 30',
      'components.points-cache.nodeType: cache.r7g.large → cache.t3.small',
      'securityGroups.ecs-sg.ingress.0.fromPort: 9090 → 8080',
      'securityGroups.ecs-sg.ingress.0.toPort: 9090 → 8080',
    ]);
  });

  it('explains the reader class the scaffold raises from db.t3.small to db.t3.medium', () => {
    expect(find('components.points-db.instances.reader.instanceClass')).toMatchObject({ model: 'db.t3.small', imported: 'db.t3.medium', category: 'substitution', explanation: expect.stringMatching(/Aurora offers none smaller/) });
  });

  it('lists prose, usage and design intent the template cannot carry', () => {
    expect(find('components.points-api.rationale')).toMatchObject({ category: 'prose', kind: 'only-in-model' });
    expect(find('metadata.documentNumber')).toMatchObject({ category: 'prose' });
    expect(find('components.points-db.storage.sizeGb')).toMatchObject({ category: 'usage', model: '100' });
    expect(find('cost.reference.0')).toBeUndefined(); // cost ranges are listed per field
    expect(differences.some((d) => d.element.startsWith('cost.reference') && d.category === 'usage')).toBe(true);
    expect(find('components.points-db.connectionPool')).toMatchObject({ category: 'intent', kind: 'only-in-model' });
    expect(find('components.points-api.maxCpu')).toMatchObject({ category: 'intent', model: '2048', imported: '512' });
    expect(find('environments.dev')).toMatchObject({ category: 'intent' });
  });

  it('pairs renamed elements and says their ids differ, and deploy-time guesses as such', () => {
    const naming = differences.filter((d) => d.category === 'naming');
    expect(naming.map((d) => d.element)).toEqual(expect.arrayContaining(['components.points-dns', 'components.points-db-credentials', 'connections.alb-api']));
    expect(find('components.points-alb.listeners.443.certificate')).toMatchObject({ category: 'deploy-time', model: 'points-api-certificate' });
  });

  it('is the same list as the library function gives, and the text output prints it grouped', async () => {
    const model = await loadModelOrThrow(path.join(outDir, 'seed-import.yaml'), root);
    const reference = await loadModelOrThrow(path.join(root, 'model/point-system.yaml'), root);
    const again = compareWithModel(model, reference, { source: '', mapped: json.mapped, unmapped: json.unmapped, notes: [...json.guessed, ...json.dropped], warnings: [] });
    expect(JSON.parse(JSON.stringify(again))).toEqual(differences);
    const { code, stdout } = await archgen(['import', '--template', assembly, '-o', path.join(outDir, 'seed-text.yaml'), '--compare', 'model/point-system.yaml']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/compared with model\/point-system\.yaml: \d+ differences, 0 of them disagreements/);
    expect(stdout).toMatch(/deliberate scaffold substitutions \(\d+\):\n( {2}.*\n)* {2}components\.points-db\.instances\.reader\.instanceClass: db\.t3\.small → db\.t3\.medium — /);
  });

  it('imports the same assembly to the same bytes', async () => {
    const { code } = await archgen(['import', '--template', assembly, '-o', path.join(outDir, 'seed-again.yaml')]);
    expect(code).toBe(0);
    const [a, b] = [await readFile(path.join(outDir, 'seed-import.yaml'), 'utf8'), await readFile(path.join(outDir, 'seed-again.yaml'), 'utf8')];
    expect(b).toBe(a);
  });
});
