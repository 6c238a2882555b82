/**
 * Every security lint rule has a case in test/fixtures/security/cases/: a patch of the clean
 * base model that triggers it with the listed findings, and a near miss it must stay silent on.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintRules } from '../../src/security/lint/index.js';
import { analyzeSecurity } from '../../src/security/index.js';
import type { ArchitectureModel, Component, ResolvedEnvironment, SecurityGroup } from '../../src/model/types.js';
import { CASES, loadRaw, loadRawOrThrow, patchedBase, readCase } from './helpers.js';

const caseFiles = readdirSync(CASES).filter((name) => name.endsWith('.yaml')).sort();
const cases = caseFiles.map((file) => ({ file, ...readCase(file) }));
const regular = cases.filter((c) => c.loader !== 'rejects');

/** A loaded model whose default environment was changed in code (for what YAML cannot express). */
function withEnvironment(model: ArchitectureModel, change: (env: ResolvedEnvironment) => ResolvedEnvironment): ArchitectureModel {
  const name = model.defaultEnvironment;
  return { ...model, environments: { ...model.environments, [name]: change(model.environments[name]!) } };
}

describe('security lint cases', () => {
  it('the base fixture model has no findings at all', () => {
    const analysis = analyzeSecurity(loadRawOrThrow(patchedBase({}), 'base.yaml'));
    expect(analysis.findings).toEqual([]);
    expect(analysis.suppressed).toEqual([]);
  });

  it('every lint rule has exactly one case file, and every case names a real rule', () => {
    expect(cases.map((c) => c.rule).sort()).toEqual(lintRules.map((r) => r.id).sort());
  });

  it('rule ids are stable, unique, and each rule has a title, description and hint-bearing findings', () => {
    const ids = lintRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of lintRules) {
      expect(rule.id).toMatch(/^sec\/[a-z0-9-]+$/);
      expect(rule.name).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(rule.title.length).toBeGreaterThan(5);
      expect(rule.description.length).toBeGreaterThan(20);
    }
  });

  describe.each(regular)('$rule ($file)', ({ file, rule, trigger, expect: expected, pass }) => {
    it('fires on the trigger with the expected findings, each located and with a hint', () => {
      const model = loadRawOrThrow(patchedBase(trigger), `cases/${file}`);
      const findings = analyzeSecurity(model).findings.filter((f) => f.rule === rule);
      expect(findings.length).toBeGreaterThan(0);
      const shown = findings.map((f) => `${f.severity} ${f.target} ${f.location.path} ${f.message}`).join('\n');
      for (const want of expected) {
        const match = findings.find((f) => f.severity === want.severity && f.target === want.target && f.location.path === want.path && f.message.includes(want.message));
        expect(match, `expected ${JSON.stringify(want)} among:\n${shown}`).toBeDefined();
      }
      expect(findings.length, shown).toBe(expected.length);
      for (const f of findings) {
        expect(f.hint.length).toBeGreaterThan(5);
        expect(f.location.file).toBe(`cases/${file}`);
        expect(f.location.line).toBeGreaterThan(1);
        expect(f.id).toMatch(/^[0-9a-f]{16}$/);
      }
    });

    it('stays silent on the near miss', () => {
      const model = loadRawOrThrow(patchedBase(pass), `cases/${file}`);
      const findings = analyzeSecurity(model).findings.filter((f) => f.rule === rule);
      expect(findings.map((f) => f.message)).toEqual([]);
    });
  });

  describe('sec/undefined-security-group', () => {
    const c = cases.find((x) => x.rule === 'sec/undefined-security-group')!;

    it('a model file with the dangling reference is refused by the loader (ref/unknown-security-group)', () => {
      const result = loadRaw(patchedBase(c.trigger), 'cases/undefined-security-group.yaml');
      expect(result.model).toBeUndefined();
      expect(result.diagnostics.map((d) => d.rule)).toContain('ref/unknown-security-group');
    });

    it('fires when the reference reaches the analysis through code, for components and rule peers', () => {
      const model = loadRawOrThrow(patchedBase(c.pass), 'cases/undefined-security-group.yaml');
      const broken = withEnvironment(model, (env) => ({
        ...env,
        components: env.components.map((comp): Component => (comp.id === 'app' ? { ...comp, securityGroups: [...comp.securityGroups, 'ghost-sg'] } : comp)),
        securityGroups: env.securityGroups.map((g): SecurityGroup => (g.id === 'cache-sg'
          ? { ...g, ingress: [...g.ingress, { ...g.ingress[0]!, peer: { kind: 'security-group', securityGroup: 'phantom-sg' }, loc: [...g.loc, 'ingress', 1] }] }
          : g)),
      }));
      const findings = analyzeSecurity(broken).findings.filter((f) => f.rule === c.rule);
      for (const want of c.expect) {
        expect(findings.find((f) => f.severity === want.severity && f.target === want.target && f.location.path === want.path && f.message.includes(want.message))).toBeDefined();
      }
      expect(findings.find((f) => f.target === 'cache-sg' && f.message.includes('"phantom-sg"'))).toBeDefined();
      expect(findings).toHaveLength(2);
    });

    it('stays silent on the pass model', () => {
      const model = loadRawOrThrow(patchedBase(c.pass), 'cases/undefined-security-group.yaml');
      expect(analyzeSecurity(model).findings.filter((f) => f.rule === c.rule)).toEqual([]);
    });
  });
});
