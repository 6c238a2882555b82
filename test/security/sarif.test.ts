/** SARIF output validates against the official SARIF 2.1.0 schema and points code scanning at the model's lines. */
import { describe, expect, it } from 'vitest';
import { sarifLog, renderSarif } from '../../src/generators/security/index.js';
import { analyzeSecurity } from '../../src/security/index.js';
import { loadFixture, loadSeed, validateSarif } from './helpers.js';

type Log = ReturnType<typeof sarifLog>;

describe('SARIF', () => {
  it('the validator is real: it rejects a log with an invalid level and one without runs', async () => {
    const log = JSON.parse(renderSarif([analyzeSecurity(await loadSeed())])) as Log;
    expect(validateSarif(log).valid).toBe(true);
    const badLevel = structuredClone(log) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    badLevel.runs[0].results[0].level = 'fatal';
    expect(validateSarif(badLevel).valid).toBe(false);
    expect(validateSarif({ version: '2.1.0' }).valid).toBe(false);
  });

  it('the seed\'s log validates in every environment, one run each, with the listener finding at its line', async () => {
    const model = await loadSeed();
    const analyses = model.environmentNames.map((env) => analyzeSecurity(model, env));
    const text = renderSarif(analyses);
    const log = JSON.parse(text) as Log;
    const { valid, errors } = validateSarif(log);
    expect(valid, errors).toBe(true);
    expect(log.runs.map((r) => r.automationDetails.id)).toEqual(model.environmentNames.map((env) => `archgen-security/point-system/${env}/`));
    const run = log.runs[0]!;
    const listener = run.results.find((r) => r.ruleId === 'sec/listener-port-blocked')!;
    const finding = analyses[0]!.findings.find((f) => f.rule === 'sec/listener-port-blocked')!;
    expect(listener.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'model/point-system.yaml', index: 0 }, region: { startLine: finding.location.line, startColumn: finding.location.col } });
    expect(listener.level).toBe('warning');
    expect(run.tool.driver.rules[listener.ruleIndex]!.id).toBe('sec/listener-port-blocked');
    expect(run.artifacts[0]!.location.uri).toBe('model/point-system.yaml');
    expect(renderSarif(analyses)).toBe(text);
  });

  it('a world-open database gives error-level results with a security-severity code scanning can rank', async () => {
    const log = sarifLog([analyzeSecurity(await loadFixture('world-open-database.yaml'))]);
    expect(validateSarif(JSON.parse(JSON.stringify(log))).valid).toBe(true);
    const results = log.runs[0]!.results;
    expect(results.map((r) => [r.ruleId, r.level, r.properties['security-severity']])).toEqual([
      ['sec/data-store-exposed', 'error', '9.5'],
      ['sec/world-open-port', 'error', '9.5'],
    ]);
    for (const rule of log.runs[0]!.tool.driver.rules) expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
  });

  it('suppressed findings carry an inSource suppression with the model\'s reason', async () => {
    const a = analyzeSecurity(await loadFixture('escaping.yaml'));
    const log = sarifLog([a]);
    expect(validateSarif(JSON.parse(JSON.stringify(log))).valid).toBe(true);
    const suppressed = log.runs[0]!.results.filter((r) => 'suppressions' in r);
    expect(suppressed).toHaveLength(a.suppressed.length);
    expect(suppressed[0]).toMatchObject({ ruleId: 'sec/log-retention', suppressions: [{ kind: 'inSource', justification: a.suppressed[0]!.suppression.reason }] });
  });
});
