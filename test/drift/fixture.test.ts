/**
 * `archgen drift` on a hand-written YAML template with short-form tags against a small model:
 * one changed value, one missing element, one unmodelled resource, deploy-time values as unknown,
 * every report format, and user errors (exit 2).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from 'markdownlint/promise';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import type { ArchitectureModel, LogGroupComponent } from '../../src/model/types.js';
import { LINT_CONFIG } from '../docs/helpers.js';
import { validateSarif } from '../security/helpers.js';
import { FIXTURE_MODEL, FIXTURE_TEMPLATE, root, runDrift } from './helpers.js';

let model: ArchitectureModel;
const modelLines = readFileSync(path.join(root, FIXTURE_MODEL), 'utf8').split('\n');
const templateLines = readFileSync(path.join(root, FIXTURE_TEMPLATE), 'utf8').split('\n');
const base = [FIXTURE_MODEL, '--template', FIXTURE_TEMPLATE];

interface JsonReport {
  drift: boolean;
  findings: { rule: string; message: string; field?: string; modelValue?: unknown; templateValue?: unknown; model?: { file: string; line: number; col: number; path: string }; template?: { logicalId: string; line: number; col: number; file: string } }[];
  unknown: { model: { path: string }; template: { logicalId: string }; reason: string }[];
  notes: unknown[];
  summary: Record<string, number>;
}

beforeAll(async () => {
  model = await loadModelOrThrow(path.join(root, FIXTURE_MODEL), root);
});

describe('drift of a hand-written template (short-form tags)', () => {
  let report: JsonReport;
  let code: number;
  beforeAll(async () => {
    const run = await runDrift([...base, '--output-format', 'json']);
    code = run.code;
    report = JSON.parse(run.stdout) as JsonReport;
  });

  it('exits 1 and reports exactly one changed value, one missing element and one unmodelled resource', () => {
    expect(code).toBe(1);
    expect(report.drift).toBe(true);
    expect(report.findings.map((f) => [f.rule, f.model?.path ?? f.template?.logicalId])).toEqual([
      ['drift/changed', 'components.app-logs.retentionDays'],
      ['drift/missing', 'components.app-repo'],
      ['drift/unmodelled', 'Jobs'],
    ]);
    expect(report.summary).toMatchObject({ changed: 1, missing: 1, unmodelled: 1 });
  });

  it('places the changed value at the model field and the template resource', () => {
    const changed = report.findings[0]!;
    const logs = model.environments.prod!.components.find((c) => c.id === 'app-logs') as LogGroupComponent;
    const at = model.source.locate([...logs.loc, 'retentionDays']);
    expect(changed.model).toMatchObject({ file: FIXTURE_MODEL, line: at.line, col: at.col });
    expect(modelLines[at.line - 1]).toContain('retentionDays: 14');
    expect(changed).toMatchObject({ field: 'retentionDays', modelValue: 14, templateValue: 30 });
    expect(changed.template!.logicalId).toBe('AppLogs');
    expect(templateLines[changed.template!.line - 1]).toMatch(/^ {2}AppLogs:/);
  });

  it('points an unmodelled resource at its template position', () => {
    const queue = report.findings[2]!;
    expect(templateLines[queue.template!.line - 1]).toMatch(/^ {2}Jobs:/);
    expect(queue.message).toContain('AWS::SQS::Queue');
  });

  it('lists values CloudFormation decides at deploy time as unknown, not as drift', () => {
    const unknown = report.unknown.map((u) => [u.model.path, u.template.logicalId]);
    expect(unknown).toContainEqual(['components.db.engineVersion', 'Db']);
    expect(unknown).toContainEqual(['network.subnets.private-a.az', 'PrivateA']);
    expect(report.unknown.find((u) => u.template.logicalId === 'Db')!.reason).toContain('EngineVersion');
    expect(report.findings.some((f) => f.model?.path.includes('engineVersion') || f.model?.path.includes('.az'))).toBe(false);
  });

  it('owns supporting resources (routes, EIP, subnet group, the generated master secret) instead of calling them unmodelled', () => {
    const unmodelled = report.findings.filter((f) => f.rule === 'drift/unmodelled').map((f) => f.template!.logicalId);
    for (const id of ['PublicRoutes', 'PublicDefault', 'NatIp', 'Nat', 'Igw', 'DbSubnets', 'DbSecret', 'DbFromApp', 'DbWriter']) expect(unmodelled).not.toContain(id);
  });

  it('matches the alarm by metric and dimension when its name is only known at deploy time', async () => {
    const run = await runDrift([...base, '--output-format', 'json']);
    expect((JSON.parse(run.stdout) as { matched: { model: string; template: string[] }[] }).matched).toContainEqual({ model: 'monitoring.alarms.db-cpu', template: ['DbCpu'] });
  });
});

describe('report formats', () => {
  it('json is stable: byte-identical across runs, sorted keys', async () => {
    const a = await runDrift([...base, '--output-format', 'json']);
    const b = await runDrift([...base], ['--format', 'json']);
    expect(b.stdout).toBe(a.stdout);
    const keys = Object.keys(JSON.parse(a.stdout) as object);
    expect(keys).toEqual([...keys].sort());
  });

  it('text groups the findings, prints file:line:col first and ends with the summary', async () => {
    const run = await runDrift(base);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContain('Changed values (1)');
    expect(lines.some((l) => l.startsWith(`${FIXTURE_MODEL}:`) && l.includes('drift/changed components.app-logs.retentionDays: model 14, template 30'))).toBe(true);
    expect(lines.at(-1)).toBe('✗ drift: 1 changed, 1 missing, 1 unmodelled');
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('md is a pull-request comment that passes markdownlint', async () => {
    const run = await runDrift([...base, '--output-format', 'md']);
    expect(run.stdout).toMatch(/^# Architecture drift\n\n\*\*Drift\*\*: .*1 changed, 1 missing, 1 unmodelled\./);
    expect(run.stdout).toContain('## Changed values');
    expect(run.stdout).toContain('## Known only at deploy time (not drift)');
    const result = await lint({ strings: { 'drift.md': run.stdout }, config: LINT_CONFIG });
    expect(result.toString()).toBe('');
  });

  it('sarif validates against the SARIF 2.1.0 schema and locates results in the model', async () => {
    const run = await runDrift([...base, '--output-format', 'sarif']);
    const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[] };
    const { valid, errors } = validateSarif(log);
    expect(errors).toBe('[]');
    expect(valid).toBe(true);
    const results = log.runs[0]!.results;
    expect(results.map((r) => r.ruleId)).toEqual(['drift/changed', 'drift/missing', 'drift/unmodelled']);
    expect(results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(FIXTURE_MODEL);
    expect(results[2]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(FIXTURE_TEMPLATE);
  });
});

describe('user errors exit 2 with a message, never a stack', () => {
  it('a template that does not exist', async () => {
    const run = await runDrift([FIXTURE_MODEL, '--template', 'test/fixtures/drift/nope.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('an invalid model', async () => {
    const run = await runDrift(['test/fixtures/invalid/schema-min-items.yaml', '--template', FIXTURE_TEMPLATE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('schema-min-items.yaml');
  });

  it('an environment the model does not have, with a suggestion', async () => {
    const run = await runDrift([...base, '--env', 'prd']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did you mean "prod"');
  });

  it('a malformed template', async () => {
    const run = await runDrift([FIXTURE_MODEL, '--template', 'test/fixtures/drift/model.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/internal error/);
  });
});
