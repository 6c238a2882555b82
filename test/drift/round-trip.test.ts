/**
 * The acceptance test: scaffold the seed model through the real CLI, synthesize it
 * offline with the real CDK, and `archgen drift` reports nothing; then change one port, one
 * instance class and one log retention in the GENERATED CDK code (lib/generated/config.ts),
 * synthesize again, and drift reports exactly those three, at the right model positions.
 * The two synths (~10 s each) run once; every format reuses them.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lint } from 'markdownlint/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import type { ArchitectureModel, DatabaseComponent, LoadBalancerComponent, LogGroupComponent, NodePath } from '../../src/model/types.js';
import { LINT_CONFIG } from '../docs/helpers.js';
import { scaffoldWithCli, synthesize, tempAppDir } from '../scaffold/helpers.js';
import { validateSarif } from '../security/helpers.js';
import { root, runDrift } from './helpers.js';

const SEED = 'model/point-system.yaml';
let model: ArchitectureModel;
let pristine: string;
let edited: string;
const seedLines = (async () => (await readFile(path.join(root, SEED), 'utf8')).split('\n'))();

/** Scaffolds the seed (prod) into a fresh app folder; returns the folder and stack name. */
async function scaffold(name: string): Promise<{ dir: string; stack: string }> {
  const dir = await tempAppDir(`drift-${name}`);
  const { code, stdout } = await scaffoldWithCli([SEED, '--out', dir, '--env', 'prod']);
  expect(code).toBe(0);
  return { dir, stack: (JSON.parse(stdout) as { stack: string }).stack };
}

/** Edits the generated config the way a developer would: one port, one instance class, one retention. */
async function editGeneratedConfig(dir: string): Promise<void> {
  const file = path.join(dir, 'lib', 'generated', 'config.ts');
  const text = await readFile(file, 'utf8');
  const match = /export const config: AppConfig = (\{[\s\S]*\});\s*$/.exec(text);
  expect(match).not.toBeNull();
  const config = JSON.parse(match![1]!) as {
    loadBalancer: { targetGroup: { port: number } };
    database: { instances: { role: string; instanceType: string }[] };
    logGroups: { id: string; retentionDays: number }[];
  };
  expect(config.loadBalancer.targetGroup.port).toBe(8080);
  config.loadBalancer.targetGroup.port = 8081;
  const writer = config.database.instances.find((i) => i.role === 'writer')!;
  expect(writer.instanceType).toBe('t3.medium');
  writer.instanceType = 'r6g.large';
  const logs = config.logGroups.find((g) => g.id === 'points-api-logs')!;
  expect(logs.retentionDays).toBe(30);
  logs.retentionDays = 90;
  await writeFile(file, text.replace(match![1]!, JSON.stringify(config, null, 2)));
}

beforeAll(async () => {
  model = await loadModelOrThrow(path.join(root, SEED), root);
  const a = await scaffold('pristine');
  const b = await scaffold('edited');
  await editGeneratedConfig(b.dir);
  await synthesize(a.dir, 'point-system', a.stack);
  await synthesize(b.dir, 'point-system', b.stack);
  pristine = path.relative(root, path.join(a.dir, 'cdk.out'));
  edited = path.relative(root, path.join(b.dir, 'cdk.out'));
}, 300_000);

afterAll(async () => {
  for (const dir of [pristine, edited]) if (dir) await rm(path.dirname(path.join(root, dir)), { recursive: true, force: true });
});

const env = () => model.environments.prod!;
const component = <T>(id: string) => env().components.find((c) => c.id === id) as T;
const at = (loc: NodePath) => model.source.locate(loc);

interface Finding { rule: string; field?: string; modelValue?: unknown; templateValue?: unknown; model?: { file: string; line: number; col: number; path: string }; template?: { logicalId: string; type: string; stackPath: string } }

describe('the seed, scaffolded and synthesized unchanged', () => {
  it('has no drift: exit 0 and "no drift"', async () => {
    const run = await runDrift([SEED, '--template', pristine]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✓ no drift/);
  });

  it('finds the model and the environment from the stack name when they are not given', async () => {
    const run = await runDrift(['--template', pristine, '--output-format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ drift: false, model: 'point-system', environment: 'prod', findings: [] });
  });

  it('matches every deployable model element, and lists the scaffold\'s documented substitution as a note', async () => {
    const report = JSON.parse((await runDrift([SEED, '--template', pristine, '--output-format', 'json'])).stdout) as {
      matched: { model: string }[]; notes: { model: { path: string }; message: string }[]; unknown: { model: { path: string } }[];
    };
    const matched = report.matched.map((m) => m.model);
    for (const id of ['points-alb', 'points-api', 'points-db', 'points-cache', 'points-db-credentials', 'points-ecr', 'points-api-logs', 'points-alerts', 'points-pipeline', 'points-dns']) {
      expect(matched).toContain(`components.${id}`);
    }
    for (const sg of env().securityGroups) expect(matched).toContain(`securityGroups.${sg.id}`);
    for (const alarm of env().monitoring.alarms) expect(matched).toContain(`monitoring.alarms.${alarm.id}`);
    expect(report.notes).toHaveLength(1);
    expect(report.notes[0]!.model.path).toBe('components.points-db.instances[1].instanceClass');
    expect(report.notes[0]!.message).toContain('db.t3.medium');
    // The image URI is built from the repository ARN at deploy time.
    expect(report.unknown.map((u) => u.model.path)).toContain('components.points-api.container.image');
  });
});

describe('the seed after editing the generated CDK code', () => {
  let findings: Finding[];
  beforeAll(async () => {
    const run = await runDrift([SEED, '--template', edited, '--output-format', 'json']);
    expect(run.code).toBe(1);
    findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
  });

  it('reports exactly the three changed values', () => {
    expect(findings.map((f) => [f.rule, f.model?.path, f.modelValue, f.templateValue])).toEqual([
      ['drift/changed', 'components.points-alb.targetGroup.port', 8080, 8081],
      ['drift/changed', 'components.points-db.instances[0].instanceClass', 'db.t3.medium', 'db.r6g.large'],
      ['drift/changed', 'components.points-api-logs.retentionDays', 30, 90],
    ]);
  });

  it('places each at its model field (file:line:col) and its template resource', async () => {
    const lines = await seedLines;
    const lb = component<LoadBalancerComponent>('points-alb');
    const db = component<DatabaseComponent>('points-db');
    const logs = component<LogGroupComponent>('points-api-logs');
    const expected = [
      { loc: [...lb.targetGroup.loc, 'port'], text: 'port: 8080', type: 'AWS::ElasticLoadBalancingV2::TargetGroup' },
      { loc: [...db.instances[0]!.loc, 'instanceClass'], text: 'instanceClass: db.t3.medium', type: 'AWS::RDS::DBInstance' },
      { loc: [...logs.loc, 'retentionDays'], text: 'retentionDays: 30', type: 'AWS::Logs::LogGroup' },
    ];
    expected.forEach((e, i) => {
      const f = findings[i]!;
      const pos = at(e.loc);
      expect(f.model).toMatchObject({ file: SEED, line: pos.line, col: pos.col });
      expect(lines[pos.line - 1]!.slice(pos.col - 1)).toMatch(new RegExp(`^${e.text.split(': ')[1]!.replace(/\./g, '\\.')}`));
      expect(lines[pos.line - 1]).toContain(e.text);
      expect(f.template).toMatchObject({ type: e.type, stackPath: 'PointSystem-Prod' });
    });
    // Spot-check the literal positions in model/point-system.yaml.
    expect(findings.map((f) => f.model!.line)).toEqual([173, 244, 316]);
  });

  it('prints the same three in text, with the drift summary', async () => {
    const run = await runDrift([SEED, '--template', edited]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${SEED}:173:13: drift/changed components.points-alb.targetGroup.port: model 8080, template 8081`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✗ drift: 3 changed, 0 missing, 0 unmodelled');
  });

  it('writes a Markdown comment that passes markdownlint', async () => {
    const run = await runDrift([SEED, '--template', edited, '--output-format', 'md']);
    expect(run.stdout).toContain('**Drift**');
    expect(run.stdout.match(/^\| `components\./gm)).toHaveLength(3 + 1 + 1);
    expect((await lint({ strings: { 'drift.md': run.stdout }, config: LINT_CONFIG })).toString()).toBe('');
  });

  it('writes a SARIF log that validates, one result per change', async () => {
    const run = await runDrift([SEED, '--template', edited, '--output-format', 'sarif']);
    const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    expect(validateSarif(log)).toEqual({ valid: true, errors: '[]' });
    expect(log.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ['drift/changed', 173], ['drift/changed', 244], ['drift/changed', 316],
    ]);
  });
});

describe('the synthesized template on its own (no cdk.out: logical ids instead of construct paths)', () => {
  /** The pristine stack template, changed by `edit`, written next to the assembly. */
  async function variant(name: string, edit: (resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>) => void): Promise<string> {
    const template = JSON.parse(await readFile(path.join(root, pristine, 'PointSystem-Prod.template.json'), 'utf8')) as { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
    edit(template.Resources);
    const file = path.join(path.dirname(pristine), `${name}.template.json`);
    await writeFile(path.join(root, file), JSON.stringify(template, null, 1));
    return file;
  }
  const drift = async (file: string) => {
    const run = await runDrift([SEED, '--template', file, '--env', 'prod', '--output-format', 'json']);
    return { code: run.code, report: JSON.parse(run.stdout) as { findings: Finding[] } };
  };

  it('still has no drift', async () => {
    const { code, report } = await drift(await variant('same', () => undefined));
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('reports a resource no model element describes as unmodelled, and a removed alarm as missing', async () => {
    const file = await variant('changed', (resources) => {
      resources.ExtraQueue = { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 60 } };
      const alarm = Object.keys(resources).find((id) => id.startsWith('MonitoringHighMemory'))!;
      delete resources[alarm];
      const sg = Object.keys(resources).find((id) => id.startsWith('NetworkRdsSg') && resources[id]!.Type === 'AWS::EC2::SecurityGroup')!;
      resources[sg]!.Properties!.SecurityGroupIngress = [{ CidrIp: '10.0.0.0/8', IpProtocol: 'tcp', FromPort: 22, ToPort: 22 }];
    });
    const { code, report } = await drift(file);
    expect(code).toBe(1);
    const rds = env().securityGroups.find((g) => g.id === 'rds-sg')!;
    const alarm = env().monitoring.alarms.find((a) => a.id === 'high-memory')!;
    expect(report.findings.map((f) => [f.rule, f.model?.path, f.template?.logicalId])).toEqual([
      ['drift/unmodelled', 'securityGroups.rds-sg.ingress', expect.stringMatching(/^NetworkRdsSg/)],
      ['drift/missing', 'monitoring.alarms.high-memory', undefined],
      ['drift/unmodelled', undefined, 'ExtraQueue'],
    ]);
    expect(report.findings[0]!.model!.line).toBe(at([...rds.loc, 'ingress']).line);
    expect(report.findings[1]!.model!.line).toBe(at(alarm.loc).line);
  });
});
