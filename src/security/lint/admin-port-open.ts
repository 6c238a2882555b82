import { ADMIN_PORTS } from '../catalog.js';
import { isPublicCidr, isWorld } from '../cidr.js';
import { coversPort } from '../ports.js';
import { q, type LintRule, type RawFinding } from './types.js';

/** SSH (22) or RDP (3389) reachable from addresses outside private networks. */
export const adminPortOpen: LintRule = {
  id: 'sec/admin-port-open',
  name: 'AdminPortOpen',
  title: 'SSH or RDP open to the Internet',
  description: 'An inbound rule admits a public CIDR block on SSH (22) or RDP (3389). Remote administration belongs behind SSM Session Manager, a VPN or a bastion security group.',
  defaultSeverity: 'critical',
  check({ view }) {
    const found: RawFinding[] = [];
    for (const group of view.env.securityGroups) {
      for (const rule of group.ingress) {
        if (rule.peer.kind !== 'cidr' || !isPublicCidr(rule.peer.cidr)) continue;
        const names = Object.entries(ADMIN_PORTS).filter(([port]) => coversPort(rule, Number(port))).map(([port, name]) => `${name} (${port})`);
        if (!names.length) continue;
        const world = isWorld(rule.peer.cidr);
        found.push({
          severity: world ? 'critical' : 'high',
          message: `security group ${q(group.id)} opens ${names.join(' and ')} to ${world ? 'the whole Internet' : 'public addresses'} (${rule.peer.cidr})`,
          hint: 'use SSM Session Manager instead of open admin ports, or admit only a bastion\'s security group (`securityGroup: bastion-sg`)',
          target: group.id,
          loc: rule.loc,
        });
      }
    }
    return found;
  },
};
