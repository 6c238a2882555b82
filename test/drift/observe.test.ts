/**
 * The observe layer on hand-written templates (short-form tags): subnet tiers from routes,
 * every security-group rule (inline and separate), listeners and target groups, scaling policies
 * with their alarms, writer/reader by promotion tier, functions and APIs with their links,
 * deploy-time values as unknown, and what no element owns.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { known, observeTemplateSet, type ObservedArchitecture, type Observed } from '../../src/cfn/observe/index.js';
import { readTemplateSet } from '../../src/cfn/read/index.js';
import { root } from './helpers.js';

const observe = async (file: string) => observeTemplateSet(await readTemplateSet(path.join(root, file)));
const k = <T>(v: Observed<T> | undefined): T | string | undefined => (v?.kind === 'unknown' ? '?' : known(v));

describe('a web stack: VPC, ALB, ECS with step scaling, Aurora MySQL, Redis', () => {
  let o: ObservedArchitecture;
  beforeAll(async () => {
    o = await observe('test/fixtures/import/web-stack.yaml');
  });

  it('tiers subnets by their routes: internet gateway → public, NAT → private, none → isolated', () => {
    expect(o.vpcs).toHaveLength(1);
    expect(o.vpcs[0]!.subnets.map((s) => [s.origin.logicalId, k(s.cidr), s.tier])).toEqual([
      ['PublicSubnetA', '10.20.0.0/24', 'public'], ['PublicSubnetB', '10.20.1.0/24', 'public'],
      ['AppSubnetA', '10.20.10.0/24', 'private'], ['AppSubnetB', '10.20.11.0/24', 'private'],
      ['DataSubnetA', '10.20.20.0/24', 'isolated'], ['DataSubnetB', '10.20.21.0/24', 'isolated'],
    ]);
    expect(o.vpcs[0]!.natGateways).toHaveLength(1);
    expect(o.vpcs[0]!.internetGateways).toHaveLength(1);
  });

  it('collects every rule, inline and from separate SecurityGroupIngress resources, with the peer resolved to its group', () => {
    const rules = Object.fromEntries(o.securityGroups.map((g) => [g.origin.logicalId,
      g.ingress.map((r) => [r.inline, r.peer.kind === 'security-group' ? r.peer.group.logicalId : r.peer.kind === 'cidr' ? k(r.peer.cidr) : '', k(r.protocol), k(r.fromPort), k(r.toPort)])]));
    expect(rules).toEqual({
      LoadBalancerSecurityGroup: [[true, '0.0.0.0/0', 'tcp', 443, 443], [true, '0.0.0.0/0', 'tcp', 80, 80]],
      ServiceSecurityGroup: [[true, 'LoadBalancerSecurityGroup', 'tcp', 8080, 8080]],
      DatabaseSecurityGroup: [[false, 'ServiceSecurityGroup', 'tcp', 3306, 3306]],
      CacheSecurityGroup: [[true, 'ServiceSecurityGroup', 'tcp', 6379, 6379]],
    });
    const db = o.securityGroups.find((g) => g.origin.logicalId === 'DatabaseSecurityGroup')!;
    expect(db.defaultEgress).toBe(false);
    expect(db.egress.map((r) => [k(r.protocol), r.peer.kind === 'cidr' ? k(r.peer.cidr) : '', k(r.fromPort), k(r.toPort)])).toEqual([['all', '127.0.0.1/32', 0, 65535]]);
    expect(o.securityGroups.find((g) => g.origin.logicalId === 'ServiceSecurityGroup')!.defaultEgress).toBe(true);
  });

  it('reads listeners (TLS policy, redirect, forward target) and the certificate parameter as deploy-time', () => {
    const listeners = o.loadBalancers[0]!.listeners;
    expect(listeners.map((l) => [k(l.port), k(l.protocol), l.sslPolicy && k(l.sslPolicy), l.redirect && k(l.redirect.statusCode), l.forwardTo.map((t) => t.logicalId)])).toEqual([
      [443, 'HTTPS', 'ELBSecurityPolicy-TLS13-1-2-2021-06', undefined, ['TargetGroup']],
      [80, 'HTTP', undefined, 'HTTP_301', []],
    ]);
    expect(listeners[0]!.certificates.map((c) => c.value.kind)).toEqual(['unknown']);
    expect(o.targetGroups.map((t) => [k(t.port), k(t.healthCheck.path)])).toEqual([[8080, '/health']]);
  });

  it('attaches the scalable target to its service, and each step policy to the alarm that triggers it', () => {
    const scaling = o.services[0]!.scaling!;
    expect([k(scaling.min), k(scaling.max)]).toEqual([2, 6]);
    expect(scaling.policies.map((p) => [p.policyType, p.steps, k(p.cooldownSeconds), p.alarms])).toEqual([
      ['step', [{ adjustment: 2, lowerBound: 0 }], 120, ['web-stack/ScaleOutAlarm']],
    ]);
    const alarm = o.alarms.find((a) => a.origin.logicalId === 'ScaleOutAlarm')!;
    expect([k(alarm.metric), k(alarm.comparison), k(alarm.threshold)]).toEqual(['CPUUtilization', '>', 65]);
    expect(alarm.dimensions.map((d) => d.logicalId)).toEqual(['Cluster', 'Service']);
  });

  it('tells the writer from the readers by promotion tier, and finds the credentials secret', () => {
    const db = o.databases[0]!;
    expect([k(db.engine), k(db.backupRetentionDays), db.credentialsSecret?.logicalId]).toEqual(['aurora-mysql', 14, 'DatabaseSecret']);
    expect(db.instances.map((i) => [i.origin.logicalId, i.role, k(i.instanceClass)])).toEqual([
      ['DatabaseWriter', 'writer', 'db.r6g.large'], ['DatabaseReader', 'reader', 'db.r6g.large'],
    ]);
    expect(db.subnets.map((s) => s.logicalId)).toEqual(['DataSubnetA', 'DataSubnetB']);
  });

  it('leaves resources archgen does not model, and that nothing owns, unclaimed', () => {
    expect(o.unclaimed.map((u) => u.origin.logicalId)).toEqual(['WebAcl', 'WebAclAssociation', 'ArtifactBucket']);
  });
});

describe('a serverless stack: API Gateway, Lambda, DynamoDB, rotated secret', () => {
  let o: ObservedArchitecture;
  beforeAll(async () => {
    o = await observe('test/fixtures/import/serverless-api.yaml');
  });

  it('links the function to its subnets, log group and the resources its environment names', () => {
    expect(o.functions.map((f) => f.origin.logicalId)).toEqual(['Function']);
    const fn = o.functions[0]!;
    expect([k(fn.runtime), k(fn.memoryMb), fn.subnets.length, fn.logGroup?.logicalId]).toEqual(['nodejs20.x', 512, 2, 'FunctionLogs']);
    expect(fn.references.map((r) => r.logicalId)).toEqual(['PointsTable', 'ApiKeysSecret']);
  });

  it('treats the rotation function as part of the secret, and reads the rotation period', () => {
    expect(o.secrets.map((s) => [k(s.name), k(s.rotationDays)])).toEqual([['loyalty/partner-api-keys', 90]]);
    expect(o.unclaimed.map((u) => u.origin.logicalId)).not.toContain('RotationFunction');
    // The nearest owner, not the table that shares the function role.
    expect(o.secrets[0]!.supporting.map((x) => x.logicalId)).toEqual(expect.arrayContaining(['ApiKeysRotation', 'RotationFunction']));
  });

  it('reads the API, its integrations and its stage throttle', () => {
    expect(o.apis.map((a) => [a.apiType, a.integrations.map((i) => i.logicalId), k(a.throttleRps)])).toEqual([['rest', ['Function'], 200]]);
  });

  it('lists a subnet CIDR computed with Fn::Cidr from a GetAtt as deploy-time', () => {
    const subnet = o.vpcs[0]!.subnets.find((s) => s.origin.logicalId === 'IsolatedSubnet1')!;
    expect(subnet.cidr.kind).toBe('unknown');
    expect(subnet.tier).toBe('isolated');
  });
});

describe('a cloud assembly with a nested stack and a nested assembly', () => {
  it('follows references into the parent stack and folds parameters the parent passes', async () => {
    const o = await observe('test/fixtures/cfn/assembly');
    const nested = 'Shop/DataNestedStackDataNestedStackResource1A2B3C4D';
    expect(o.vpcs.map((v) => v.origin.key)).toEqual(['Shop/Vpc8378EB38']);
    const sg = o.securityGroups.find((g) => g.origin.stackPath === nested)!;
    expect(sg.vpc?.key).toBe('Shop/Vpc8378EB38');
    expect(o.logGroups.map((g) => [g.origin.key, k(g.retentionDays)])).toEqual([[`${nested}/Logs5678EFAB`, 30]]);
    expect(o.unclaimed.map((u) => u.origin.key)).toEqual([`${nested}/Gadget`, 'Prod/Api/Queue4A7E3555']);
  });
});
