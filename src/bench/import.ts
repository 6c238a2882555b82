/**
 * `archgen import` (issue 10): the two hand-written fixtures, and generated templates of growing
 * size (security groups with rules, log groups), from reading to a validated model text.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { importTemplate } from '../import/index.js';
import { timeMedian, type Benchmark } from './types.js';

const root = path.resolve(import.meta.dirname, '..', '..');

/** A VPC with `services` tiers of security group (rules from the previous tier), standalone ingress rule and log group. */
function generatedTemplate(services: number): { Resources: Record<string, unknown> } {
  const resources: Record<string, unknown> = {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
    SubnetA: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'eu-west-1a' } },
  };
  for (let i = 0; i < services; i++) {
    resources[`Sg${i}`] = {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: `service ${i}`, VpcId: { Ref: 'Vpc' },
        SecurityGroupIngress: [80, 443].map((port) => ({ IpProtocol: 'tcp', FromPort: port, ToPort: port, CidrIp: `10.${i % 250}.0.0/16` })),
      },
    };
    resources[`Rule${i}`] = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { 'Fn::GetAtt': [`Sg${i}`, 'GroupId'] }, SourceSecurityGroupId: { 'Fn::GetAtt': [`Sg${Math.max(0, i - 1)}`, 'GroupId'] }, IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432 } };
    resources[`Logs${i}`] = { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: `/svc/${i}`, RetentionInDays: 30 } };
  }
  return { Resources: resources };
}

export const importBenchmark: Benchmark = {
  name: 'import',
  async run() {
    const results = [];
    for (const name of ['web-stack.yaml', 'serverless-api.yaml']) {
      const template = path.join(root, 'test', 'fixtures', 'import', name);
      let components = 0;
      const ms = await timeMedian(7, async () => {
        const result = await importTemplate({ template, out: path.join(root, '.tmp', 'bench-import.yaml'), root, dryRun: true });
        components = result.model.environments[result.model.defaultEnvironment]!.components.length;
      });
      results.push({ name: `import ${name} (read, observe, map, validate)`, ms, notes: [`${components} components`] });
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'archgen-bench-import-'));
    try {
      const perResource: number[] = [];
      for (const services of [100, 400]) {
        const template = generatedTemplate(services);
        const file = path.join(dir, `generated-${services}.json`);
        await writeFile(file, JSON.stringify(template, null, 1));
        const resources = Object.keys(template.Resources).length;
        let modelBytes = 0;
        const ms = await timeMedian(3, async () => {
          modelBytes = Buffer.byteLength((await importTemplate({ template: file, out: path.join(dir, 'generated.yaml'), root, dryRun: true })).text);
        });
        perResource.push(ms / resources);
        results.push({ name: `import generated template, ${services} services`, ms, notes: [`${resources} resources`, `${(modelBytes / 1024).toFixed(0)} KB model`] });
      }
      results[results.length - 1] = { ...results[results.length - 1]!, notes: [...(results[results.length - 1]!.notes ?? []), `ms per resource ${perResource.map((v) => v.toFixed(3)).join(' → ')} (flat = linear)`] };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return results;
  },
};
