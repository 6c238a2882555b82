import type { LoadBalancerComponent } from '../../model/types.js';
import { q, type LintRule, type RawFinding } from './types.js';

const REQUIRED = 1.2;

/**
 * Minimum TLS version an ELB security policy enforces, from its name; undefined when the name
 * does not say. Named policies before the TLS-suffixed families accept TLS 1.0.
 */
export function policyMinimumTls(policy: string): number | undefined {
  const versioned = /^ELBSecurityPolicy-(?:TLS13|TLS|FS)-1-(\d)(?:-|$)/.exec(policy);
  if (versioned) return Number(`1.${versioned[1]}`);
  if (/^ELBSecurityPolicy-(?:2015-05|2016-08|FS-2018-06)$/.test(policy)) return 1.0;
  return undefined;
}

/** ELB's default policy when a listener names none. */
export const DEFAULT_POLICY = 'ELBSecurityPolicy-2016-08';

/** TLS below 1.2 on load balancers (policy or declared minimum), and Internet-facing listeners without TLS. */
export const tlsPolicy: LintRule = {
  id: 'sec/tls-policy',
  name: 'TlsPolicy',
  title: 'TLS policy below 1.2',
  description: 'A load balancer accepts TLS older than 1.2 (its listener policy or its declared minimum), or serves plain HTTP to the Internet instead of redirecting to HTTPS.',
  defaultSeverity: 'high',
  check({ view }) {
    return view.env.components.flatMap((c) => (c.type === 'load-balancer' ? checkLoadBalancer(c) : []));
  },
};

function checkLoadBalancer(lb: LoadBalancerComponent): RawFinding[] {
  const found: RawFinding[] = [];
  const declared = Number.parseFloat(lb.minTlsVersion);
  if (!(declared >= REQUIRED)) {
    found.push({
      message: `load balancer ${q(lb.id)} declares minimum TLS ${lb.minTlsVersion}, below ${REQUIRED}`,
      hint: 'set `minTlsVersion: "1.2"` (or "1.3")',
      target: lb.id,
      loc: [...lb.loc, 'minTlsVersion'],
    });
  }
  const wanted = Math.max(REQUIRED, Number.isFinite(declared) ? declared : REQUIRED);
  for (const listener of lb.listeners) {
    if (listener.protocol === 'HTTP') {
      if (!listener.redirect && lb.scheme === 'internet-facing') {
        found.push({
          severity: 'medium',
          message: `listener HTTP :${listener.port} of load balancer ${q(lb.id)} serves plain HTTP to the Internet`,
          hint: 'redirect it: `redirect: { protocol: HTTPS, port: 443 }`',
          target: lb.id,
          loc: listener.loc,
        });
      }
      continue;
    }
    const policy = listener.sslPolicy ?? DEFAULT_POLICY;
    const minimum = policyMinimumTls(policy);
    if (minimum === undefined) {
      found.push({
        severity: 'low',
        message: `cannot tell the minimum TLS version of policy ${q(policy)} on listener HTTPS :${listener.port} of ${q(lb.id)}`,
        hint: 'use a TLS-named policy such as `ELBSecurityPolicy-TLS13-1-2-2021-06`',
        target: lb.id,
        loc: [...listener.loc, 'sslPolicy'],
      });
    } else if (minimum < wanted) {
      found.push({
        message: `listener HTTPS :${listener.port} of load balancer ${q(lb.id)} accepts TLS ${minimum.toFixed(1)} (policy ${policy}${listener.sslPolicy ? '' : ', the ELB default'}), below ${wanted.toFixed(1)}`,
        hint: 'set `sslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06`',
        target: lb.id,
        loc: listener.sslPolicy ? [...listener.loc, 'sslPolicy'] : listener.loc,
      });
    }
  }
  return found;
}
