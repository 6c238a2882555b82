/**
 * Security groups page: each security group is a group around its members; every ingress rule is
 * an edge from its peer (another group, or a CIDR block) labelled with protocol and port.
 */
import { AUX_ICONS } from '../../catalog/drawio-shapes.js';
import { groupByEach } from '../../model/group.js';
import type { ResolvedEnvironment, SecurityGroup, SecurityGroupRule } from '../../model/types.js';
import type { DiagramEdge, DiagramNode, DiagramPage } from './diagram.js';
import { text, wrap } from './labels.js';
import { componentIcon, groupNode, iconNode } from './nodes.js';
import { edgeStyle } from './styles.js';

/** "TCP :443", "TCP 1024–65535", "All traffic". */
export function ruleProtocol(rule: Pick<SecurityGroupRule, 'protocol' | 'fromPort' | 'toPort'>): string {
  if (rule.protocol === 'all') return 'All traffic';
  const proto = rule.protocol.toUpperCase();
  if (rule.protocol === 'icmp') return proto;
  return rule.fromPort === rule.toPort ? `${proto} :${rule.fromPort}` : `${proto} ${rule.fromPort}–${rule.toPort}`;
}

function outbound(sg: SecurityGroup): string {
  if (sg.egressNone || !sg.egress.length) return 'Outbound: none';
  if (sg.egress.length === 1 && sg.egress[0]!.protocol === 'all' && sg.egress[0]!.peer.kind === 'cidr' && sg.egress[0]!.peer.cidr === '0.0.0.0/0') return 'Outbound: all traffic';
  return `Outbound: ${sg.egress.map(ruleProtocol).join(', ')}`;
}

const cidrNodeId = (p: string, cidr: string): string => `${p}/n/cidr-${cidr.replace(/[/:]/g, '_')}`;

export function securityPage(env: ResolvedEnvironment, pageId: string, name: string): DiagramPage {
  const p = pageId;
  const edges: DiagramEdge[] = [];
  const outside = new Map<string, DiagramNode>();
  const sgId = (id: string) => `${p}/g/sg/${id}`;
  const known = new Set(env.securityGroups.map((sg) => sg.id));

  const attached = groupByEach(env.components, (c) => c.securityGroups);

  const groups = env.securityGroups.map((sg) => {
    const members = (attached.get(sg.id) ?? [])
      .map((c) => iconNode(`${p}/m/${c.id}/${sg.id}`, componentIcon(c), [text(c.name)]));
    sg.ingress.forEach((rule, i) => {
      let source: string | undefined;
      if (rule.peer.kind === 'security-group') source = known.has(rule.peer.securityGroup) ? sgId(rule.peer.securityGroup) : undefined;
      else {
        source = cidrNodeId(p, rule.peer.cidr);
        if (!outside.has(source)) {
          const label = rule.peer.cidr === '0.0.0.0/0' || rule.peer.cidr === '::/0' ? ['Internet', rule.peer.cidr] : [rule.peer.cidr];
          outside.set(source, iconNode(source, AUX_ICONS.internet, label));
        }
      }
      if (!source) return;
      edges.push({ id: `${p}/e/${sg.id}/ingress-${i + 1}`, source, target: sgId(sg.id), label: [ruleProtocol(rule), ...wrap(text(rule.description), 28)], style: edgeStyle('request'), routing: 'layout' });
    });
    return groupNode(sgId(sg.id), 'security-group', [`${text(sg.name)} (${sg.id})`, outbound(sg)], members);
  });
  const vpc = groupNode(`${p}/g/vpc`, 'vpc', [`VPC ${text(env.network.vpc.name)} · ${env.network.vpc.cidr}`], groups);
  return { id: p, name, direction: env.layout.direction, nodes: [...outside.values(), vpc], edges };
}
