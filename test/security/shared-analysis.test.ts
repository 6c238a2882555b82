/**
 * analyzeSecurity is remembered per (model, environment), and environments equal in everything
 * the analysis reads share one analysis (and its rendered text) — but only when equal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_TABLES, renderCsv, renderHtml, renderJson, renderMarkdown, renderSarif } from '../../src/generators/security/index.js';
import { stableJson } from '../../src/output/stable-json.js';
import { analyzeSecurity, computeSecurity, sharedAnalysisOf, type SecurityAnalysis } from '../../src/security/index.js';
import { loadRawOrThrow, loadSeed, patchedBase, ROOT } from './helpers.js';

type Raw = Record<string, unknown>;

const withDev = (dev: Raw, patch: Raw = {}) => loadRawOrThrow(patchedBase({
  ...patch,
  environments: { prod: { description: 'Production' }, dev: { description: 'Development', overrides: dev } },
}), 'model/shared.yaml');

/** Every report of an analysis, rendered as the CLI or generator would. */
const reports = (a: SecurityAnalysis): string[] => [
  renderJson(a), renderMarkdown([a]), renderHtml([a]), renderSarif([a]), ...CSV_TABLES.map((t) => renderCsv(a, t)),
];

describe('shared security analyses', () => {
  it('hands out the same analysis for the same model and environment', async () => {
    const seed = await loadSeed();
    const first = analyzeSecurity(seed, 'dev');
    expect(analyzeSecurity(seed, 'dev')).toBe(first);
    expect(analyzeSecurity(seed)).toBe(analyzeSecurity(seed, seed.defaultEnvironment));
    expect(analyzeSecurity(seed, 'prod')).not.toBe(first);
    expect(first.environment).toBe('dev');
    const fresh = computeSecurity(seed, 'dev');
    expect(fresh).not.toBe(first);
    expect(sharedAnalysisOf(fresh)).toBeUndefined();
    expect(stableJson(fresh)).toBe(stableJson(first));
  });

  it('shares one analysis between environments that differ only in what it does not read (task counts)', () => {
    const model = withDev({ components: { app: { minTasks: 1, maxTasks: 1 } } });
    expect(model.environments.dev!.components.find((c) => c.id === 'app')).toMatchObject({ minTasks: 1 });
    const prod = analyzeSecurity(model, 'prod');
    const dev = analyzeSecurity(model, 'dev');
    expect(sharedAnalysisOf(dev)).toBeDefined();
    expect(sharedAnalysisOf(dev)).toBe(sharedAnalysisOf(prod));
    expect(dev.findings).toBe(prod.findings);
    expect([prod.environment, dev.environment]).toEqual(['prod', 'dev']);
  });

  it('renders a shared analysis exactly as an unshared copy of it', () => {
    const model = withDev({ components: { app: { minTasks: 1, maxTasks: 1 } } });
    for (const env of ['prod', 'dev', 'prod', 'dev']) {
      const analysis = analyzeSecurity(model, env);
      const copy: SecurityAnalysis = { ...analysis };
      expect(sharedAnalysisOf(copy)).toBeUndefined();
      expect(reports(analysis)).toEqual(reports(copy));
      expect(renderJson(analysis)).toBe(stableJson(analysis));
      expect(renderMarkdown([analysis], { locale: 'ko' })).toBe(renderMarkdown([copy], { locale: 'ko' }));
    }
    expect(renderMarkdown([analyzeSecurity(model, 'dev')])).toContain('(dev)');
    expect(renderHtml([analyzeSecurity(model, 'dev')])).toContain('environment <code>dev</code>');
  });

  it('computes again when an environment changes something the analysis reads', () => {
    const model = withDev({ components: { db: { backup: { retentionDays: 1 } } } });
    const prod = analyzeSecurity(model, 'prod');
    const dev = analyzeSecurity(model, 'dev');
    expect(sharedAnalysisOf(dev)).not.toBe(sharedAnalysisOf(prod));
    const rule = (a: SecurityAnalysis) => a.findings.filter((f) => f.rule === 'sec/backup-retention').map((f) => f.target);
    expect(rule(prod)).toEqual([]);
    expect(rule(dev)).toEqual(['db']);
  });

  it('computes again when an override moves a finding to another line, even with the same values', () => {
    // Both environments keep backups 1 day, but dev says so in its overrides: its finding points there.
    const model = withDev({ components: { db: { backup: { retentionDays: 1 } } } }, { components: { db: { backup: { retentionDays: 1 } } } });
    const at = (a: SecurityAnalysis) => a.findings.find((f) => f.rule === 'sec/backup-retention')!.location;
    const prod = analyzeSecurity(model, 'prod');
    const dev = analyzeSecurity(model, 'dev');
    expect(sharedAnalysisOf(dev)).not.toBe(sharedAnalysisOf(prod));
    expect(at(prod).path).toMatch(/^components\.\d+\.backup\.retentionDays$/);
    expect(at(dev).path).toBe('environments.dev.overrides.components.db.backup.retentionDays');
    expect(at(dev).line).not.toBe(at(prod).line);
  });
});

describe('the structural key of what the analysis reads (src/security/input-key.ts)', () => {
  const sources = readdirSync(path.join(ROOT, 'src/security'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && file !== 'input-key.ts')
    .map((file) => readFileSync(path.join(ROOT, 'src/security', file), 'utf8'));

  it('leaves out only component fields no part of the analysis reads', () => {
    // A rule that starts reading task counts must take them out of UNREAD_COMPONENT_FIELDS.
    for (const text of sources) expect(text).not.toMatch(/\b(minTasks|desiredTasks|maxTasks)\b/);
  });

  it('covers every part of the environment the analysis reads', () => {
    const read = new Set(sources.flatMap((text) => [...text.matchAll(/\benv\??\.(\w+)(?:\.(\w+))?/g)].map((m) => (m[1] === 'network' || m[1] === 'metadata' ? `${m[1]}.${m[2]}` : m[1]!))));
    const keyed = ['components', 'securityGroups', 'connections', 'suppressions', 'network.vpc', 'network.subnets', 'network.internetGateway', 'metadata.name'];
    expect(read).toContain('components');
    expect(read).toContain('network.subnets');
    expect([...read].filter((field) => !keyed.includes(field))).toEqual([]);
  });
});
