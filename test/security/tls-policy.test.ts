/** Minimum TLS versions read from ELB security policy names. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, policyMinimumTls } from '../../src/security/lint/tls-policy.js';

describe('policyMinimumTls', () => {
  it.each([
    ['ELBSecurityPolicy-TLS13-1-2-2021-06', 1.2],
    ['ELBSecurityPolicy-TLS13-1-3-2021-06', 1.3],
    ['ELBSecurityPolicy-TLS13-1-2-Res-2021-06', 1.2],
    ['ELBSecurityPolicy-TLS13-1-1-2021-06', 1.1],
    ['ELBSecurityPolicy-TLS13-1-0-2021-06', 1.0],
    ['ELBSecurityPolicy-TLS-1-2-Ext-2018-06', 1.2],
    ['ELBSecurityPolicy-TLS-1-1-2017-01', 1.1],
    ['ELBSecurityPolicy-FS-1-2-Res-2020-10', 1.2],
    ['ELBSecurityPolicy-FS-2018-06', 1.0],
    ['ELBSecurityPolicy-2016-08', 1.0],
    ['ELBSecurityPolicy-2015-05', 1.0],
  ])('%s accepts TLS %s and up', (policy, version) => {
    expect(policyMinimumTls(policy)).toBe(version);
  });

  it('does not guess for names it does not know', () => {
    expect(policyMinimumTls('my-custom-policy')).toBeUndefined();
  });

  it('the ELB default (used when a listener names no policy) accepts TLS 1.0', () => {
    expect(policyMinimumTls(DEFAULT_POLICY)).toBe(1.0);
  });
});
