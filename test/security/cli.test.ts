/** `archgen security` through the built CLI (run `npm run build` first). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { patchedBase, runCli, validateSarif } from './helpers.js';

const SEED = 'model/point-system.yaml';
const WORLD_OPEN_DB = 'test/fixtures/security/world-open-database.yaml';

describe('archgen security', () => {
  it('prints the matrix, the seed-shaped rules, the reachability and the 80/443 listener finding', async () => {
    const run = await runCli(['security', SEED]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Internet \(0\.0\.0\.0\/0\)\s+tcp\/443\s+·\s+·\s+·/);
    expect(run.stdout).toMatch(/ECS Security Group\s+·\s+·\s+tcp\/5432\s+tcp\/6379/);
    expect(run.stdout).toContain('Inbound:  5432 (PostgreSQL) from ECS Security Group');
    expect(run.stdout).toContain('Outbound: None');
    expect(run.stdout).toContain('Internet → Application Load Balancer :443 → Points API (ECS service) :8080 → RDS (Aurora PostgreSQL) :5432');
    expect(run.stdout).toMatch(/model\/point-system\.yaml:\d+:\d+: medium sec\/listener-port-blocked: listener HTTP :80/);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('--fail-on high exits 1 on a model with a world-open database port, naming the findings', async () => {
    const run = await runCli(['security', WORLD_OPEN_DB, '--fail-on', 'high']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/world-open-database\.yaml:\d+:\d+: critical sec\/world-open-port: security group "db-sg" allows tcp\/5432/);
    expect(run.stderr).toContain('2 findings at or above high');
  });

  it('--fail-on high exits 0 on the seed (its only finding is medium), --fail-on medium exits 1', async () => {
    expect((await runCli(['security', SEED, '--fail-on', 'high'])).status).toBe(0);
    expect((await runCli(['security', SEED, '--fail-on', 'medium', '--quiet'])).status).toBe(1);
  });

  it('--output-format sarif writes a valid SARIF 2.1.0 log for every model and environment asked for', async () => {
    const run = await runCli(['security', SEED, WORLD_OPEN_DB, '--env', 'all', '--output-format', 'sarif']);
    expect(run.status, run.stderr).toBe(0);
    const log = JSON.parse(run.stdout);
    const { valid, errors } = validateSarif(log);
    expect(valid, errors).toBe(true);
    expect(log.runs.map((r: { automationDetails: { id: string } }) => r.automationDetails.id)).toEqual([
      'archgen-security/point-system/prod/', 'archgen-security/point-system/dev/', 'archgen-security/world-open-database/prod/',
    ]);
  });

  it('the global --format json gives the analyses as JSON, with the --fail-on verdict', async () => {
    const run = await runCli(['--format', 'json', 'security', WORLD_OPEN_DB, '--fail-on', 'critical']);
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.failed).toBe(true);
    expect(out.failOn).toBe('critical');
    expect(out.analyses[0].summary.critical).toBe(2);
    expect(out.analyses[0].ruleTables.map((t: { securityGroup: string }) => t.securityGroup)).toEqual(['web-sg', 'app-sg', 'db-sg', 'cache-sg']);
  });

  it('md and html go to stdout, in the asked locale', async () => {
    const md = await runCli(['security', SEED, '--output-format', 'md']);
    expect(md.stdout).toMatch(/^# Security review: Free point system \(prod\)/);
    const html = await runCli(['security', SEED, '--output-format', 'html', '--locale', 'ko']);
    expect(html.stdout).toMatch(/^<!doctype html>\n<html lang="ko">/);
    expect(html.stdout).toContain('포인트 API (ECS 서비스)');
  });

  it('csv prints the asked table of one analysis, and refuses several', async () => {
    const csv = await runCli(['security', SEED, '--env', 'dev', '--output-format', 'csv', '--table', 'findings']);
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe('Severity,Rule,Target,Message,Hint,File,Line,Column,Suppressed,Reason,Id');
    const two = await runCli(['security', SEED, '--env', 'all', '--output-format', 'csv']);
    expect(two.status).toBe(2);
    expect(two.stderr).toContain('pass one model file and --env <name>');
  });

  it('an unknown environment exits 2 with a did-you-mean hint', async () => {
    const env = await runCli(['security', SEED, '--env', 'prd']);
    expect(env.status).toBe(2);
    expect(env.stderr).toContain('did you mean `prod`?');
  });

  it('an unknown severity or an invalid model exits 2', async () => {
    const severity = await runCli(['security', SEED, '--fail-on', 'severe']);
    expect(severity.status).toBe(2);
    expect(severity.stderr).toContain('critical, high, medium, low, info');
    const invalid = await runCli(['security', 'test/fixtures/security/cases/README.md']);
    expect(invalid.status).toBe(2);
  });

  it('never sends control characters from model text to the terminal', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'archgen-security-'));
    try {
      const raw = patchedBase({ securityGroups: { 'web-sg': { name: 'Web \u001b]0;pwned\u0007\u001b[31mSG' } } });
      await writeFile(path.join(dir, 'evil.yaml'), stringify(raw));
      const run = await runCli(['security', 'evil.yaml'], dir);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('Web ?]0;pwned??[31mSG');
      expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
