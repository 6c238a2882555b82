/** The `security` generator: files per environment, deterministic, and every model type handled. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generators } from '../../src/generators/index.js';
import { securityGenerator } from '../../src/generators/security/index.js';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import type { GeneratorContext } from '../../src/generators/types.js';
import { ROOT, loadSeed, validateSarif } from './helpers.js';

const ctx: GeneratorContext = { models: [], inputs: new Map() };
const FILES = ['analysis.json', 'data-stores.csv', 'findings.csv', 'findings.sarif', 'matrix.csv', 'reachability.csv', 'report.html', 'report.md', 'rules.csv'];

describe('security generator', () => {
  it('is registered', () => {
    expect(generators).toContain(securityGenerator);
  });

  it('writes every format for every environment under output/<model>/security/<env>/', async () => {
    const model = await loadSeed();
    const files = await securityGenerator.generate(model, ctx);
    const expected = model.environmentNames.flatMap((env) => FILES.map((f) => `output/point-system/security/${env}/${f}`)).sort();
    expect(files.map((f) => f.path).sort()).toEqual(expected);
    const report = String(files.find((f) => f.path === 'output/point-system/security/prod/report.md')!.content);
    expect(report).toContain('1. Internet → Application Load Balancer :443 → Points API (ECS service) :8080 → RDS (Aurora PostgreSQL) :5432');
    expect(report).not.toContain('No network paths');
    expect(report).toContain('- Inbound: 443 (HTTPS) from 0.0.0.0/0');
    for (const file of files.filter((f) => f.path.endsWith('.sarif'))) {
      expect(validateSarif(JSON.parse(String(file.content))).valid, file.path).toBe(true);
    }
  });

  it('is deterministic: two runs give byte-identical files', async () => {
    const model = await loadSeed();
    const first = await securityGenerator.generate(model, ctx);
    const again = await securityGenerator.generate(await loadSeed(), ctx);
    expect(again).toEqual(first);
  });

  it('handles every bundled model (serverless and EKS alternatives included) without crashing', async () => {
    const names = readdirSync(path.join(ROOT, 'model')).filter((n) => /\.ya?ml$/.test(n));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const model = await loadModelOrThrow(path.join(ROOT, 'model', name), ROOT);
      const files = await securityGenerator.generate(model, ctx);
      expect(files.length, name).toBe(model.environmentNames.length * FILES.length);
      const json = JSON.parse(String(files.find((f) => f.path.endsWith('analysis.json'))!.content));
      expect(json.model).toBe(model.id);
    }
  });
});
