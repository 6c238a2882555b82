/**
 * YAML templates as teams write them: every short-form tag becomes its long JSON form, nested in
 * any combination, and resources keep the positions of their logical ids.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { positionOf, propertyPosition, readTemplateSet } from '../../src/cfn/read/index.js';
import type { CfnValue } from '../../src/cfn/types.js';
import { FIXTURES, tempFile } from './helpers.js';

/** Reads a one-resource YAML template and returns that resource's properties. */
async function propertiesOf(yaml: string): Promise<Record<string, CfnValue>> {
  const file = await tempFile('t.yaml', `Parameters:\n  P: {Type: String}\nConditions:\n  C: !Equals [a, a]\nMappings:\n  M: {k: {v: x}}\nResources:\n  Other: {Type: AWS::SNS::Topic}\n  R:\n    Type: AWS::SQS::Queue\n    Properties:\n${yaml.replace(/^/gm, '      ')}\n`);
  const set = await readTemplateSet(file);
  return set.stacks[0]!.resources.find((r) => r.logicalId === 'R')!.properties as Record<string, CfnValue>;
}

describe('short-form tags', () => {
  it.each([
    ['!Ref Other', { Ref: 'Other' }],
    ['!Ref AWS::Region', { Ref: 'AWS::Region' }],
    ['!GetAtt Other.TopicName', { 'Fn::GetAtt': ['Other', 'TopicName'] }],
    ['!GetAtt Other.Endpoint.Address', { 'Fn::GetAtt': ['Other', 'Endpoint.Address'] }],
    ['!GetAtt [Other, Endpoint.Port]', { 'Fn::GetAtt': ['Other', 'Endpoint.Port'] }],
    ["!Sub '${Other}-x'", { 'Fn::Sub': '${Other}-x' }],
    ["!Sub ['${A}-${Other.TopicName}', {A: !Ref P}]", { 'Fn::Sub': ['${A}-${Other.TopicName}', { A: { Ref: 'P' } }] }],
    ["!Join ['', [a, !Ref P]]", { 'Fn::Join': ['', ['a', { Ref: 'P' }]] }],
    ["!Select [0, !GetAZs '']", { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
    ["!Split [',', 'a,b']", { 'Fn::Split': [',', 'a,b'] }],
    ['!If [C, 1, !Ref AWS::NoValue]', { 'Fn::If': ['C', 1, { Ref: 'AWS::NoValue' }] }],
    ['!Equals [a, b]', { 'Fn::Equals': ['a', 'b'] }],
    ['!And [!Condition C, !Not [!Condition C]]', { 'Fn::And': [{ Condition: 'C' }, { 'Fn::Not': [{ Condition: 'C' }] }] }],
    ['!Or [!Equals [a, b], !Condition C]', { 'Fn::Or': [{ 'Fn::Equals': ['a', 'b'] }, { Condition: 'C' }] }],
    ['!FindInMap [M, k, v]', { 'Fn::FindInMap': ['M', 'k', 'v'] }],
    ['!Base64 hello', { 'Fn::Base64': 'hello' }],
    ["!Cidr ['10.0.0.0/16', 4, 8]", { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }],
    ['!GetAZs', { 'Fn::GetAZs': '' }],
    ['!ImportValue shared-vpc', { 'Fn::ImportValue': 'shared-vpc' }],
    ["{'Fn::ImportValue': !Sub '${P}-vpc'}", { 'Fn::ImportValue': { 'Fn::Sub': '${P}-vpc' } }],
    ['!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}', { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } }],
    ['!ToJsonString {a: !Ref P}', { 'Fn::ToJsonString': { a: { Ref: 'P' } } }],
    ['!Length [a, b]', { 'Fn::Length': ['a', 'b'] }],
  ])('%s', async (source, expected) => {
    expect((await propertiesOf(`V: ${source}`)).V).toEqual(expected);
  });

  it('nest in any combination, in block and flow style', async () => {
    const properties = await propertiesOf([
      'V: !Join',
      "  - ''",
      '  - - !Sub arn:${AWS::Partition}:s3:::${P}',
      "    - !Select [1, !Split ['/', !Sub '${Other.TopicName}/x/y']]",
      '    - !If',
      '      - C',
      '      - !FindInMap [M, !Select [0, [k]], v]',
      '      - !Base64 {"Fn::Join": ["-", [!Ref P, b]]}',
    ].join('\n'));
    expect(properties.V).toEqual({
      'Fn::Join': ['', [
        { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${P}' },
        { 'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::Sub': '${Other.TopicName}/x/y' }] }] },
        { 'Fn::If': ['C', { 'Fn::FindInMap': ['M', { 'Fn::Select': [0, ['k']] }, 'v'] }, { 'Fn::Base64': { 'Fn::Join': ['-', [{ Ref: 'P' }, 'b']] } }] },
      ]],
    });
  });

  it('keep long forms written in YAML as they are', async () => {
    const properties = await propertiesOf("V:\n  Fn::GetAtt: [Other, TopicName]\nW: {Ref: P}\nX: {'Fn::Sub': 'a-${P}'}");
    expect(properties).toEqual({ V: { 'Fn::GetAtt': ['Other', 'TopicName'] }, W: { Ref: 'P' }, X: { 'Fn::Sub': 'a-${P}' } });
  });
});

describe('a hand-written template (VPC, security groups, ALB, ECS, Aurora, Redis)', () => {
  const file = path.join(FIXTURES, 'web-stack.yaml');
  const lines = readFileSync(file, 'utf8').split('\n');
  /** 1-based line and column of the first line matching `pattern` after line `after`. */
  const where = (pattern: RegExp, after = 0) => {
    const index = lines.findIndex((line, i) => i >= after && pattern.test(line));
    return { line: index + 1, col: lines[index]!.search(/\S/) + 1 };
  };

  it('reads every section', async () => {
    const set = await readTemplateSet(file);
    expect(set.stacks).toHaveLength(1);
    const stack = set.stacks[0]!;
    expect(stack.path).toBe('web-stack');
    expect(stack.description).toMatch(/^Point system, hand-written/);
    expect(stack.parameters.Env).toEqual({ type: 'String', default: 'prod' });
    expect(stack.parameters.CertificateArn).toEqual({ type: 'String' });
    expect(Object.keys(stack.conditions)).toEqual(['IsProd', 'AlwaysTrue', 'NotTrue']);
    expect(Object.keys(stack.mappings)).toEqual(['Sizing']);
    expect(Object.keys(stack.outputs)).toEqual(['LoadBalancerDns', 'DatabaseEndpoint']);
    expect(set.warnings).toEqual([]);
  });

  it('keeps resources in template order with their types, DependsOn, Condition and positions', async () => {
    const stack = (await readTemplateSet(file)).stacks[0]!;
    const ids = stack.resources.map((r) => r.logicalId);
    expect(ids.slice(0, 3)).toEqual(['Vpc', 'PublicSubnetA', 'PublicSubnetB']);
    expect(ids).toHaveLength(23);
    const byId = Object.fromEntries(stack.resources.map((r) => [r.logicalId, r]));
    expect(byId.Vpc!.position).toEqual({ file: path.relative(process.cwd(), file), ...where(/^  Vpc:$/) });
    expect(byId.Cache!.position).toEqual({ file: path.relative(process.cwd(), file), ...where(/^  Cache:$/) });
    expect(byId.Service!.dependsOn).toEqual(['HttpsListener']);
    expect(byId.DatabaseReader!.dependsOn).toEqual(['DatabaseWriter']);
    expect(byId.DatabaseReader!.condition).toBe('IsProd');
    expect(byId.Database!.type).toBe('AWS::RDS::DBCluster');
    expect(byId.TaskDefinition!.properties.ContainerDefinitions).toMatchObject([{
      Environment: [
        { Name: 'DB_HOST', Value: { 'Fn::GetAtt': ['Database', 'Endpoint.Address'] } },
        { Name: 'REDIS_HOST', Value: { 'Fn::GetAtt': ['Cache', 'PrimaryEndPoint.Address'] } },
        { Name: 'GREETING', Value: { 'Fn::Base64': 'hello' } },
      ],
    }]);
    expect(stack.resources.every((r) => r.stackPath === 'web-stack')).toBe(true);
  });

  it('knows where every value is written', async () => {
    const stack = (await readTemplateSet(file)).stacks[0]!;
    const tg = stack.resources.find((r) => r.logicalId === 'TargetGroup')!;
    expect(positionOf(tg.properties, 'HealthCheckPath')).toMatchObject(where(/HealthCheckPath:/));
    const ingress = (stack.resources.find((r) => r.logicalId === 'DbSecurityGroup')!.properties.SecurityGroupIngress as CfnValue[])[0] as object;
    expect(positionOf(ingress, 'FromPort')).toMatchObject(where(/FromPort: 5432/));
    const db = stack.resources.find((r) => r.logicalId === 'DbSecurityGroup')!;
    expect(propertyPosition(db, ['SecurityGroupIngress', 0, 'ToPort'])).toMatchObject(where(/ToPort: 5432/));
    // No such key: the deepest part found, the list item, whose mapping starts after its `- `.
    const item = where(/- IpProtocol: tcp/, where(/^  DbSecurityGroup:/).line);
    expect(propertyPosition(db, ['SecurityGroupIngress', 0, 'NoSuchKey'])).toMatchObject({ line: item.line, col: item.col + 2 });
    expect(propertyPosition(db, [])).toEqual(db.position);
  });
});

describe('file conventions', () => {
  it('a byte-order mark, CRLF line ends and a closing `---` change nothing', async () => {
    const text = 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n  Queue:\n    Type: AWS::SQS::Queue\n';
    const plain = await readTemplateSet(await tempFile('t.yaml', text));
    const variant = await readTemplateSet(await tempFile('t.yaml', `\ufeff${text.replace(/\n/g, '\r\n')}---\n`));
    const summary = (set: typeof plain) => set.stacks[0]!.resources.map((r) => [r.logicalId, r.type, r.position.line, r.position.col]);
    expect(summary(variant)).toEqual(summary(plain));
    expect(summary(plain)).toEqual([['Topic', 'AWS::SNS::Topic', 2, 3], ['Queue', 'AWS::SQS::Queue', 4, 3]]);
  });
});
