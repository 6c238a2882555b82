/**
 * Reading CloudFormation templates (issue 10): a generated 1 MB template as JSON and as YAML with
 * short-form tags, against `JSON.parse` and the `yaml` library's parse of the same JSON (why
 * JSON has its own position-keeping parser), and the synthesized seed assembly when one exists.
 */
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { readTemplateSet } from '../cfn/read/index.js';
import { resolveValue } from '../cfn/resolve.js';
import type { CfnValue } from '../cfn/types.js';
import { timeMedian, type Benchmark } from './types.js';

const TARGET_BYTES = 1024 * 1024;

/** A template of security groups, rules, queues and log groups, grown to `bytes` of JSON. */
export function generatedTemplate(bytes: number): { readonly [key: string]: CfnValue } {
  const resources: Record<string, CfnValue> = { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } };
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const group = {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: { 'Fn::Join': [' ', ['Service', String(i), { Ref: 'AWS::StackName' }]] },
        VpcId: { Ref: 'Vpc' },
        SecurityGroupIngress: [80, 443, 8080].map((port) => ({ IpProtocol: 'tcp', FromPort: port, ToPort: port, CidrIp: `10.${i % 250}.0.0/16`, Description: `port ${port} for service ${i}` })),
        Tags: [{ Key: 'Name', Value: { 'Fn::Sub': `\${AWS::StackName}-svc-${i}` } }],
      },
    };
    const rule = {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: { GroupId: { 'Fn::GetAtt': [`Sg${i}`, 'GroupId'] }, SourceSecurityGroupId: { 'Fn::GetAtt': [`Sg${Math.max(0, i - 1)}`, 'GroupId'] }, IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432 },
      DependsOn: [`Sg${i}`],
    };
    const logs = { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: `/svc/${i}`, RetentionInDays: 30 } };
    resources[`Sg${i}`] = group;
    resources[`Rule${i}`] = rule;
    resources[`Logs${i}`] = logs;
    size += JSON.stringify([group, rule, logs], null, 1).length;
  }
  return { AWSTemplateFormatVersion: '2010-09-09', Resources: resources };
}

/** YAML the way people write it: block style, intrinsic functions in their short form. */
export function toShortFormYaml(value: CfnValue, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return value.map((item) => `\n${indent}- ${toShortFormYaml(item, `${indent}  `).replace(/^\n\s*/, '')}`).join('');
  }
  const entries = Object.entries(value);
  if (entries.length === 1) {
    const [key, argument] = entries[0]!;
    if (key === 'Ref' && typeof argument === 'string') return `!Ref ${argument}`;
    if (key === 'Fn::GetAtt' && Array.isArray(argument)) return `!GetAtt ${argument.join('.')}`;
    if (key.startsWith('Fn::')) return `!${key.slice(4)} ${JSON.stringify(argument)}`;
  }
  if (!entries.length) return '{}';
  return entries.map(([key, item]) => `\n${indent}${key}: ${toShortFormYaml(item, `${indent}  `)}`).join('');
}

/** A synthesized seed assembly: `ARCHGEN_SEED_ASSEMBLY`, else the first `.tmp/**\/cdk.out` holding a PointSystem stack. */
async function findSeedAssembly(root: string): Promise<string | undefined> {
  if (process.env.ARCHGEN_SEED_ASSEMBLY) return process.env.ARCHGEN_SEED_ASSEMBLY;
  const tmp = path.join(root, '.tmp');
  const candidates: string[] = [];
  for (const entry of await readdir(tmp).catch(() => [] as string[])) {
    for (const sub of ['cdk.out', 'app/cdk.out']) candidates.push(path.join(tmp, entry, sub));
  }
  for (const dir of candidates.sort()) {
    const names = await readdir(dir).catch(() => [] as string[]);
    if (names.includes('manifest.json') && names.some((name) => /^PointSystem.*\.template\.json$/.test(name))) return dir;
  }
  return undefined;
}

export const cfnBenchmark: Benchmark = {
  name: 'cfn',
  async run() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'archgen-bench-cfn-'));
    try {
      const template = generatedTemplate(TARGET_BYTES);
      const json = JSON.stringify(template, null, 1);
      const yaml = toShortFormYaml(template).trimStart();
      await writeFile(path.join(dir, 'big.json'), json);
      await writeFile(path.join(dir, 'big.yaml'), yaml);
      const resources = Object.keys(template.Resources as object).length;
      let readCount = 0;
      const jsonMs = await timeMedian(7, async () => {
        readCount = (await readTemplateSet(path.join(dir, 'big.json'))).stacks[0]!.resources.length;
      });
      const yamlMs = await timeMedian(3, () => readTemplateSet(path.join(dir, 'big.yaml')));
      const plainMs = await timeMedian(7, () => JSON.parse(json));
      const yamlLibraryMs = await timeMedian(3, () => parseDocument(json));
      const set = await readTemplateSet(path.join(dir, 'big.json'));
      const stack = set.stacks[0]!;
      const resolveMs = await timeMedian(5, () => {
        for (const resource of stack.resources) for (const value of Object.values(resource.properties)) resolveValue(value, stack, set);
      });
      const results = [
        { name: `read 1 MB JSON template (${resources} resources)`, ms: jsonMs, notes: [`${(json.length / 1024).toFixed(0)} KiB`, `${readCount} resources read`, `JSON.parse alone ${plainMs.toFixed(1)} ms (${(jsonMs / plainMs).toFixed(1)}x)`, `yaml library on the same JSON ${yamlLibraryMs.toFixed(0)} ms (${(yamlLibraryMs / jsonMs).toFixed(1)}x slower)`] },
        { name: 'read the same template as YAML with short-form tags', ms: yamlMs, notes: [`${(yaml.length / 1024).toFixed(0)} KiB`] },
        { name: 'resolveValue on every property of it', ms: resolveMs },
      ];
      const seed = await findSeedAssembly(process.cwd());
      if (seed) {
        let count = 0;
        const seedMs = await timeMedian(5, async () => {
          count = (await readTemplateSet(seed)).stacks.reduce((sum, s) => sum + s.resources.length, 0);
        });
        const size = (await stat(seed)).isDirectory() ? path.relative(process.cwd(), seed) : seed;
        results.push({ name: 'read the synthesized seed assembly', ms: seedMs, notes: [size, `${count} resources`] });
      } else {
        results.push({ name: 'read the synthesized seed assembly', ms: 0, notes: ['skipped: none found (set ARCHGEN_SEED_ASSEMBLY to a cdk.out)'] });
      }
      return results;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
