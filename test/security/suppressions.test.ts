/** Suppressions in the model silence matching findings, keep their reason, and are all listed. */
import { describe, expect, it } from 'vitest';
import { analyzeSecurity } from '../../src/security/index.js';
import { loadRaw, loadRawOrThrow, patchedBase, readCase } from './helpers.js';

const worldOpen = readCase('world-open-port.yaml').trigger;

describe('suppressions', () => {
  it('move a matching finding to `suppressed` with its reason, and list every suppression with its match count', () => {
    const raw = {
      ...patchedBase(worldOpen),
      suppressions: [
        { rule: 'sec/world-open-port', target: 'web-sg', reason: 'Partner API on 8443 is public by contract' },
        { rule: 'sec/unused-security-group', target: 'app-sg', reason: 'Nothing to silence here, kept on purpose' },
      ],
    };
    const a = analyzeSecurity(loadRawOrThrow(raw, 'suppressed.yaml'));
    expect(a.findings.filter((f) => f.rule === 'sec/world-open-port').map((f) => f.target)).toEqual(['db-sg']);
    expect(a.suppressed).toHaveLength(1);
    expect(a.suppressed[0]).toMatchObject({ rule: 'sec/world-open-port', target: 'web-sg', suppression: { reason: 'Partner API on 8443 is public by contract' } });
    expect(a.suppressed[0]!.suppression.location.path).toBe('suppressions.0');
    expect(a.suppressions.map((s) => [s.rule, s.target, s.matched])).toEqual([
      ['sec/world-open-port', 'web-sg', 1],
      ['sec/unused-security-group', 'app-sg', 0],
    ]);
    expect(a.summary.high).toBe(a.findings.filter((f) => f.severity === 'high').length);
  });

  it('only silence the named target: the same rule on another group still reports', () => {
    const raw = { ...patchedBase(worldOpen), suppressions: [{ rule: 'sec/world-open-port', target: 'db-sg', reason: 'Testing that targets are respected' }] };
    const a = analyzeSecurity(loadRawOrThrow(raw, 'suppressed.yaml'));
    expect(a.findings.filter((f) => f.rule === 'sec/world-open-port').map((f) => f.target)).toEqual(['web-sg']);
    expect(a.suppressed.map((f) => f.target)).toEqual(['db-sg']);
  });

  it('need a reason: a suppression without one (or a too short one) is refused by the loader', () => {
    for (const suppression of [{ rule: 'sec/world-open-port', target: 'web-sg' }, { rule: 'sec/world-open-port', target: 'web-sg', reason: 'ok' }]) {
      const result = loadRaw({ ...patchedBase(worldOpen), suppressions: [suppression] }, 'suppressed.yaml');
      expect(result.model).toBeUndefined();
      expect(result.diagnostics.some((d) => d.severity === 'error' && d.line > 1)).toBe(true);
    }
  });
});
