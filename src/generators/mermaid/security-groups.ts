/**
 * Security-group flows: one node per security group (with the components it protects), one
 * edge per rule from the allowed peer to the group, labelled with protocol and ports.
 * Outbound rules are dotted; "Outbound: None" is written in the group's node.
 */
import type { ResolvedEnvironment, SecurityGroupRule } from '../../model/types.js';
import { CATEGORY_STYLE, say, WORDS } from './catalog.js';
import { portRange } from './describe.js';
import { IdAllocator, mermaidLines, mermaidText } from './escape.js';
import { Flowchart } from './flowchart.js';

const ruleLabel = (rule: SecurityGroupRule): string => {
  const ports = portRange(rule.protocol, rule.fromPort, rule.toPort);
  const description = say(rule.description);
  // An all-traffic rule's description only repeats "all traffic".
  return description && description !== ports && rule.protocol !== 'all' ? `${ports} · ${description}` : ports;
};

/** The security-group flow chart of one environment, or undefined when it has no security groups. */
export function securityGroupChart(env: ResolvedEnvironment): Flowchart | undefined {
  if (!env.securityGroups.length) return undefined;
  const ids = new IdAllocator();
  const chart = new Flowchart('LR');
  chart.defineClass('security', CATEGORY_STYLE.security).defineClass('client', CATEGORY_STYLE.client);
  const sgId = (id: string) => ids.id('sg', id);
  const cidrs = new Set<string>();
  const cidrId = (cidr: string) => {
    cidrs.add(cidr);
    return ids.id('cidr', cidr);
  };
  const peerId = (rule: SecurityGroupRule) => (rule.peer.kind === 'security-group' ? sgId(rule.peer.securityGroup) : cidrId(rule.peer.cidr));
  const known = new Set(env.securityGroups.map((g) => g.id));

  // Members of each group in model order, found in one pass (big models have thousands of both).
  const membersOf = new Map<string, string[]>();
  for (const c of env.components) {
    for (const id of new Set(c.securityGroups)) {
      const list = membersOf.get(id);
      if (list) list.push(say(c.name));
      else membersOf.set(id, [say(c.name)]);
    }
  }

  const edges: (() => void)[] = [];
  for (const group of env.securityGroups) {
    const members = membersOf.get(group.id) ?? [];
    const lines = [
      say(group.name),
      say(group.description),
      members.length ? `${WORDS.appliedTo}: ${members.join(', ')}` : undefined,
      group.egressNone ? WORDS.egressNone : undefined,
    ];
    chart.node(sgId(group.id), 'box', mermaidLines(lines), 'security');
    for (const rule of group.ingress) {
      if (rule.peer.kind === 'security-group' && !known.has(rule.peer.securityGroup)) continue;
      edges.push(() => chart.edge(peerId(rule), sgId(group.id), { label: mermaidText(ruleLabel(rule)), linkStyle: 'stroke:#dd344c,stroke-width:2px' }));
    }
    for (const rule of group.egress) {
      if (rule.peer.kind === 'security-group' && !known.has(rule.peer.securityGroup)) continue;
      edges.push(() => chart.edge(sgId(group.id), peerId(rule), { line: 'dotted', label: mermaidText(`${WORDS.outbound} ${ruleLabel(rule)}`), linkStyle: 'stroke:#7d8998,stroke-width:1.5px' }));
    }
  }
  for (const rule of env.securityGroups.flatMap((g) => [...g.ingress, ...g.egress])) {
    if (rule.peer.kind === 'cidr') cidrId(rule.peer.cidr);
  }
  // CIDR peers are declared before any edge names them, so their labels are the ones shown.
  for (const cidr of cidrs) {
    chart.node(cidrId(cidr), 'stadium', mermaidText(cidr === '0.0.0.0/0' || cidr === '::/0' ? `${cidr} (${WORDS.anywhere})` : cidr), 'client');
  }
  for (const edge of edges) edge();
  return chart;
}
