import { isDataStore, PUBLIC_WEB_PORTS } from '../catalog.js';
import { isWorld } from '../cidr.js';
import { permissionLabel } from '../ports.js';
import { q, type LintRule, type RawFinding } from './types.js';

const onlyAdminPort = (from: number, to: number): boolean => from === to && (from === 22 || from === 3389);

/** Inbound rules open to 0.0.0.0/0 on anything but HTTP and HTTPS. SSH/RDP alone is `sec/admin-port-open`'s job. */
export const worldOpenPort: LintRule = {
  id: 'sec/world-open-port',
  name: 'WorldOpenPort',
  title: 'Port open to the whole Internet',
  description: 'An inbound rule admits 0.0.0.0/0 on a port other than 80 (HTTP) and 443 (HTTPS). Only a public web endpoint should accept traffic from anywhere, and only on those ports.',
  defaultSeverity: 'high',
  check({ view }) {
    const found: RawFinding[] = [];
    for (const group of view.env.securityGroups) {
      const holdsData = (view.attached.get(group.id) ?? []).some(isDataStore);
      for (const rule of group.ingress) {
        if (rule.peer.kind !== 'cidr' || !isWorld(rule.peer.cidr) || rule.protocol === 'icmp') continue;
        const webOnly = rule.protocol === 'tcp' && rule.fromPort === rule.toPort && PUBLIC_WEB_PORTS.includes(rule.fromPort);
        if (webOnly || (rule.protocol === 'tcp' && onlyAdminPort(rule.fromPort, rule.toPort))) continue;
        found.push({
          severity: holdsData ? 'critical' : 'high',
          message: `security group ${q(group.id)} allows ${permissionLabel(rule)} from the whole Internet (${rule.peer.cidr})${holdsData ? ' on a data store' : ''}`,
          hint: 'name the callers instead: `securityGroup: <their group>` or a known CIDR block; only 80 and 443 belong open to 0.0.0.0/0',
          target: group.id,
          loc: rule.loc,
        });
      }
    }
    return found;
  },
};
