import { coversPort } from '../ports.js';
import { q, type LintRule, type RawFinding } from './types.js';

/** A listener nobody can reach: the seed's HTTP :80 → HTTPS redirect while the ALB group opens only 443. */
export const listenerPortBlocked: LintRule = {
  id: 'sec/listener-port-blocked',
  name: 'ListenerPortBlocked',
  title: 'Load balancer listener port not allowed by its security group',
  description: 'A load balancer listens on a port that none of its security groups admit, so the listener never receives traffic (for an HTTP → HTTPS redirect, clients typing http:// time out instead of being redirected).',
  defaultSeverity: 'medium',
  check({ view }) {
    const found: RawFinding[] = [];
    for (const lb of view.env.components) {
      if (lb.type !== 'load-balancer' || !lb.securityGroups.length) continue;
      const rules = lb.securityGroups.flatMap((id) => view.groups.get(id)?.ingress ?? []);
      for (const listener of lb.listeners) {
        if (rules.some((rule) => coversPort(rule, listener.port))) continue;
        const action = listener.redirect ? ` (redirect to ${listener.redirect.protocol} :${listener.redirect.port})` : '';
        const source = lb.scheme === 'internet-facing' ? 'cidr: 0.0.0.0/0' : 'securityGroup: <client-sg>';
        found.push({
          message: `listener ${listener.protocol} :${listener.port}${action} of load balancer ${q(lb.id)} is not allowed by its security group${lb.securityGroups.length > 1 ? 's' : ''} ${lb.securityGroups.map(q).join(', ')}`,
          hint: `add \`{ ${source}, protocol: tcp, port: ${listener.port} }\` to ${lb.securityGroups[0]}'s ingress, or remove the listener`,
          target: lb.id,
          loc: listener.loc,
        });
      }
    }
    return found;
  },
};
