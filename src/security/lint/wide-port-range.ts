import { listeningPorts } from '../catalog.js';
import { isPublicCidr } from '../cidr.js';
import { coversPort, isAllTraffic, permissionLabel, rangeWidth } from '../ports.js';
import { q, type LintRule, type RawFinding } from './types.js';

/**
 * Inbound ranges that admit more ports than the group's components listen on. When no attached
 * component says which ports it listens on, only all-traffic rules are reported.
 */
export const widePortRange: LintRule = {
  id: 'sec/wide-port-range',
  name: 'WidePortRange',
  title: 'Port range wider than needed',
  description: 'An inbound rule opens more ports than the components behind the security group listen on. Every extra port is attack surface that nothing needs.',
  defaultSeverity: 'low',
  check({ view }) {
    const found: RawFinding[] = [];
    for (const group of view.env.securityGroups) {
      const listening = [...new Set((view.attached.get(group.id) ?? []).flatMap(listeningPorts))].sort((a, b) => a - b);
      for (const rule of group.ingress) {
        if (rule.protocol === 'icmp' || rangeWidth(rule) <= 1) continue;
        const needed = listening.filter((port) => coversPort(rule, port));
        const tooWide = listening.length ? rangeWidth(rule) > needed.length : isAllTraffic(rule);
        if (!tooWide) continue;
        const publicPeer = rule.peer.kind === 'cidr' && isPublicCidr(rule.peer.cidr);
        found.push({
          severity: publicPeer ? 'medium' : 'low',
          message: `security group ${q(group.id)} admits ${permissionLabel(rule)} (${rangeWidth(rule)} ports)${listening.length ? ` but its components listen on ${needed.length ? needed.join(', ') : `none of them (they listen on ${listening.join(', ')})`}` : ''}`,
          hint: needed.length
            ? `narrow the rule to ${needed.length === 1 ? `\`port: ${needed[0]}\`` : `the ports ${needed.join(', ')}`}`
            : listening.length ? 'remove the rule, or point it at the ports the components listen on' : 'name the protocol and the ports the components need',
          target: group.id,
          loc: rule.loc,
        });
      }
    }
    return found;
  },
};
