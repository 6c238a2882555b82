/**
 * The alternative models (serverless: API Gateway + Lambda + DynamoDB; EKS) scaffold and
 * synthesize with cdk-nag clean; what the scaffold builds matches, the rest is reported.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import type { NoSqlTableComponent } from '../../src/model/types.js';
import { resourcesOf, root, scaffoldWithCli, synthesize, tempAppDir } from './helpers.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function scaffoldAndSynth(name: string) {
  const file = `model/point-system-${name}.yaml`;
  const model = await loadModelOrThrow(path.join(root, file), root);
  const dir = await tempAppDir(name);
  dirs.push(dir);
  const { code, stdout } = await scaffoldWithCli([file, '--out', dir]);
  expect(code).toBe(0);
  const summary = JSON.parse(stdout) as { stack: string; notExpressed: { path: string }[] };
  return { model, summary, app: await synthesize(dir, `point-system-${name}`, summary.stack) };
}

describe('alternative models', () => {
  it('serverless: builds the DynamoDB tables as modelled, reports API Gateway and Lambda', async () => {
    const { model, summary, app } = await scaffoldAndSynth('serverless');
    const env = model.environments[model.defaultEnvironment]!;
    const tables = env.components.filter((c): c is NoSqlTableComponent => c.type === 'nosql-table');
    const built = resourcesOf(app, 'AWS::DynamoDB::Table');
    expect(built).toHaveLength(tables.length);
    for (const table of tables) {
      const match = built.find((t) => t.props.KeySchema[0].AttributeName === table.partitionKey);
      expect(match, table.id).toBeDefined();
      expect(match!.props.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled ?? false).toBe(table.pointInTimeRecovery);
      if (table.sortKey) expect(match!.props.KeySchema[1].AttributeName).toBe(table.sortKey);
    }
    for (const c of env.components.filter((x) => x.type === 'api-gateway' || x.type === 'function')) {
      expect(summary.notExpressed.map((n) => n.path)).toContain(`components.${c.id}`);
    }
  }, 400_000);

  it('eks: builds network and data tiers, reports the cluster', async () => {
    const { model, summary, app } = await scaffoldAndSynth('eks');
    const env = model.environments[model.defaultEnvironment]!;
    expect(resourcesOf(app, 'AWS::EC2::VPC')[0]!.props.CidrBlock).toBe(env.network.vpc.cidr);
    expect(resourcesOf(app, 'AWS::EC2::SecurityGroup')).toHaveLength(env.securityGroups.length);
    for (const c of env.components.filter((x) => x.type === 'kubernetes-cluster')) {
      expect(summary.notExpressed.map((n) => n.path)).toContain(`components.${c.id}`);
    }
  }, 400_000);
});
