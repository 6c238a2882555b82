/**
 * The seed model's dev environment: scaffolded by the CLI, synthesized offline (cdk-nag on),
 * checked for the dev overrides; then the generated app's own test suite runs in the app.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import type { CacheComponent, ContainerServiceComponent, DatabaseComponent, ResolvedEnvironment } from '../../src/model/types.js';
import { inApp, resourcesOf, root, scaffoldWithCli, synthesize, tempAppDir, type Synthesized } from './helpers.js';

let env: ResolvedEnvironment;
let app: Synthesized;
let appDir: string;
const component = <T>(id: string) => env.components.find((c) => c.id === id) as T;

beforeAll(async () => {
  env = (await loadModelOrThrow(path.join(root, 'model/point-system.yaml'), root)).environments.dev!;
  appDir = await tempAppDir('dev');
  const { code, stdout } = await scaffoldWithCli(['model/point-system.yaml', '--out', appDir, '--env', 'dev']);
  expect(code).toBe(0);
  app = await synthesize(appDir, 'point-system', JSON.parse(stdout).stack);
}, 300_000);

afterAll(async () => {
  await rm(appDir, { recursive: true, force: true });
});

describe('scaffolded seed model, dev, synthesized', () => {
  it('keeps the network but uses a single NAT gateway', () => {
    expect(resourcesOf(app, 'AWS::EC2::VPC')[0]!.props.CidrBlock).toBe(env.network.vpc.cidr);
    expect(resourcesOf(app, 'AWS::EC2::Subnet').map((s) => s.props.CidrBlock).sort()).toEqual(env.network.subnets.map((s) => s.cidr).sort());
    expect(env.network.natGateways).toBe('single');
    expect(resourcesOf(app, 'AWS::EC2::NatGateway')).toHaveLength(1);
    expect(resourcesOf(app, 'AWS::EC2::Route').filter((r) => r.props.NatGatewayId)).toHaveLength(2); // both private subnets route through it
  });

  it('runs one writer without deletion protection', () => {
    const db = component<DatabaseComponent>('points-db');
    expect(resourcesOf(app, 'AWS::RDS::DBCluster')[0]!.props).toMatchObject({ Engine: 'aurora-postgresql', StorageEncrypted: true, BackupRetentionPeriod: db.backup.retentionDays, DeletionProtection: false });
    expect(resourcesOf(app, 'AWS::RDS::DBInstance').map((i) => i.props.DBInstanceClass)).toEqual(db.instances.map((i) => i.instanceClass));
  });

  it('runs a single-node cache without Multi-AZ', () => {
    const cache = component<CacheComponent>('points-cache');
    expect(resourcesOf(app, 'AWS::ElastiCache::ReplicationGroup')[0]!.props).toMatchObject({
      CacheNodeType: cache.nodeType, NumCacheClusters: 1, MultiAZEnabled: false, AutomaticFailoverEnabled: false,
    });
  });

  it('scales between the dev task counts on Fargate Spot', () => {
    const api = component<ContainerServiceComponent>('points-api');
    expect(resourcesOf(app, 'AWS::ApplicationAutoScaling::ScalableTarget')[0]!.props).toMatchObject({ MinCapacity: api.minTasks, MaxCapacity: api.maxTasks });
    expect(resourcesOf(app, 'AWS::ECS::Service')[0]!.props.CapacityProviderStrategy).toEqual([{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }]);
  });

  it('passes the generated app\'s own tests (node --test, assertions + cdk-nag)', async () => {
    const output = await inApp(appDir, 'npm', ['test', '--silent']);
    expect(output).toMatch(/# pass [1-9]/);
    expect(output).toMatch(/# fail 0/);
  }, 300_000);
});
