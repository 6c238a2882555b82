/**
 * A real cloud assembly: a tiny CDK app (a stack with a VPC, a nested stack that uses it, and a
 * Stage) synthesized in-process, then read back. Expectations come from the synthesized JSON.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { App, Duration, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTemplateSet } from '../../src/cfn/read/index.js';
import { resolveValue } from '../../src/cfn/resolve.js';
import type { CfnTemplateSet } from '../../src/cfn/types.js';
import { tempDir } from './helpers.js';

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

let outdir: string;
let set: CfnTemplateSet;
const templates: Record<string, Template> = {};

beforeAll(async () => {
  outdir = path.join(await tempDir(), 'cdk.out');
  const app = new App({ outdir });
  const shop = new Stack(app, 'Shop', { env: { region: 'ap-northeast-2' } });
  const vpc = new ec2.Vpc(shop, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PUBLIC }] });
  const data = new NestedStack(shop, 'Data');
  const sg = new ec2.SecurityGroup(data, 'CacheSg', { vpc, description: 'Redis from the app' });
  sg.addIngressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(6379));
  new logs.LogGroup(data, 'Logs', { retention: logs.RetentionDays.ONE_MONTH });
  const prod = new Stage(app, 'Prod');
  new sqs.Queue(new Stack(prod, 'Api'), 'Queue', { visibilityTimeout: Duration.seconds(60) });
  const assembly = app.synth();
  for (const stack of assembly.stacksRecursively) {
    // The cx-api adds the stack name to Stage stacks' display names: "Prod/Api (Prod-Api)".
    templates[stack.displayName.replace(/ \(.*\)$/, '')] = JSON.parse(await readFile(stack.templateFullPath, 'utf8'));
  }
  // Nested stacks are no artifacts of their own: their template is a file asset of the parent.
  const nested = (await readdir(outdir)).filter((name) => name.endsWith('.nested.template.json'));
  expect(nested).toHaveLength(1);
  templates['Shop/Data'] = JSON.parse(await readFile(path.join(outdir, nested[0]!), 'utf8'));
  set = await readTemplateSet(outdir);
});

const idOfType = (template: Template, type: string) => Object.entries(template.Resources).find(([, r]) => r.Type === type)![0];

describe('a synthesized CDK app', () => {
  const nestedPath = () => `Shop/${idOfType(templates.Shop!, 'AWS::CloudFormation::Stack')}`;
  const stack = (stackPath: string) => set.stacks.find((s) => s.path === stackPath)!;

  it('has every stack: top level, nested (Parent/LogicalId) right after its parent, and in the Stage', () => {
    const paths = set.stacks.map((s) => s.path);
    expect([...paths].sort()).toEqual(['Prod/Api', 'Shop', nestedPath()].sort());
    expect(paths.indexOf(nestedPath())).toBe(paths.indexOf('Shop') + 1);
  });

  it('has every resource of every template, in order', () => {
    for (const [stackPath, name] of [['Shop', 'Shop'], [nestedPath(), 'Shop/Data'], ['Prod/Api', 'Prod/Api']] as const) {
      const template = templates[name]!;
      expect(stack(stackPath).resources.map((r) => r.logicalId)).toEqual(Object.keys(template.Resources));
      expect(stack(stackPath).resources.map((r) => r.type)).toEqual(Object.values(template.Resources).map((r) => r.Type));
    }
  });

  it('knows every resource type CDK wrote for it', () => {
    expect(set.warnings).toEqual([]);
  });

  it('folds what is known before deployment, across the nested-stack boundary', () => {
    const nested = stack(nestedPath());
    const byType = (type: string) => nested.resources.find((r) => r.type === type)!;
    const vpcId = idOfType(templates.Shop!, 'AWS::EC2::VPC');
    expect(resolveValue(byType('AWS::EC2::SecurityGroup').properties.VpcId!, nested, set)).toEqual({ kind: 'ref', logicalId: vpcId, stackPath: 'Shop' });
    expect(resolveValue(byType('AWS::EC2::SecurityGroup').properties.SecurityGroupIngress!, nested, set)).toEqual({
      kind: 'literal',
      value: [{ CidrIp: '10.0.0.0/16', Description: 'from 10.0.0.0/16:6379', FromPort: 6379, IpProtocol: 'tcp', ToPort: 6379 }],
    });
    expect(resolveValue(byType('AWS::Logs::LogGroup').properties.RetentionInDays!, nested, set)).toEqual({ kind: 'literal', value: 30 });
    const queue = stack('Prod/Api').resources[0]!;
    expect(resolveValue(queue.properties.VisibilityTimeout!, stack('Prod/Api'), set)).toEqual({ kind: 'literal', value: 60 });
    const subnet = stack('Shop').resources.find((r) => r.type === 'AWS::EC2::Subnet')!;
    expect(resolveValue(subnet.properties.AvailabilityZone!, stack('Shop'), set)).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/Availability Zones/) });
  });
});
