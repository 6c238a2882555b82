/**
 * Network page: the VPC with its zones and subnets (CIDRs and default routes), the internet and NAT
 * gateways, and which component sits in which subnet.
 */
import { AUX_ICONS } from '../../catalog/drawio-shapes.js';
import { groupByEach } from '../../model/group.js';
import type { ResolvedEnvironment, Subnet } from '../../model/types.js';
import type { DiagramEdge, DiagramNode, DiagramPage } from './diagram.js';
import { text } from './labels.js';
import { componentIcon, groupNode, iconNode } from './nodes.js';
import { natSubnets, subnetsOfZone, tierTitle } from './placement.js';
import { edgeStyle } from './styles.js';

function defaultRoute(env: ResolvedEnvironment, subnet: Subnet, nats: readonly Subnet[]): string {
  if (subnet.tier === 'public') return env.network.internetGateway ? 'route 0.0.0.0/0 → internet gateway' : 'no internet route';
  if (subnet.tier === 'isolated' || !nats.length) return 'no internet route';
  const nat = nats.find((n) => n.az === subnet.az) ?? nats[0]!;
  return `route 0.0.0.0/0 → NAT gateway (${nat.id})`;
}

export function networkPage(env: ResolvedEnvironment, pageId: string, name: string): DiagramPage {
  const p = pageId;
  const net = env.network;
  const nats = natSubnets(env);
  const edges: DiagramEdge[] = [];
  const igwId = `${p}/n/internet-gateway`;
  const internetId = `${p}/n/internet`;
  const both = edgeStyle('network').replace('endArrow=block;', 'endArrow=block;startArrow=block;startFill=1;');

  // Components per subnet in model order, each listed once per subnet it names (as a filter over the list would).
  const bySubnet = groupByEach(env.components, (c) => c.subnets);

  const zones = net.availabilityZones.map((az, zoneIndex) => {
    const subnets = subnetsOfZone(env, az);
    for (let i = 1; i < subnets.length; i++) {
      edges.push({ id: `${p}/o/${subnets[i - 1]!.id}-${subnets[i]!.id}`, source: `${p}/g/subnet/${subnets[i - 1]!.id}`, target: `${p}/g/subnet/${subnets[i]!.id}`, label: [], style: '', routing: 'order' });
    }
    return groupNode(`${p}/g/az/${az}`, 'az', [`Availability Zone ${az}`], subnets.map((subnet) => {
      const children: DiagramNode[] = [];
      if (nats.includes(subnet)) {
        const natId = `${p}/n/nat-${subnet.id}`;
        children.push(iconNode(natId, AUX_ICONS.natGateway, ['NAT gateway']));
        if (net.internetGateway) edges.push({ id: `${p}/e/nat-${subnet.id}`, source: igwId, target: natId, label: ['0.0.0.0/0', 'private subnets’ egress'], style: both, routing: 'layout' });
      }
      for (const c of bySubnet.get(subnet.id) ?? []) {
        children.push(iconNode(`${p}/m/${c.id}/${subnet.id}`, componentIcon(c), [text(c.name)]));
      }
      return groupNode(`${p}/g/subnet/${subnet.id}`, `${subnet.tier}-subnet`, [`${tierTitle(subnet.tier)} ${subnet.id} · ${subnet.cidr}`, defaultRoute(env, subnet, nats)], children, undefined, `subnet-${subnet.tier}`);
    }), zoneIndex, 'az');
  });

  const vpcChildren: DiagramNode[] = [];
  const outside: DiagramNode[] = [];
  if (net.internetGateway) {
    vpcChildren.push(iconNode(igwId, AUX_ICONS.internetGateway, ['Internet gateway']));
    outside.push(iconNode(internetId, AUX_ICONS.internet, ['Internet']));
    edges.unshift({ id: `${p}/e/internet`, source: internetId, target: igwId, label: [], style: both, routing: 'layout' });
  }
  const vpcLabel = [`VPC ${text(net.vpc.name)} · ${net.vpc.cidr}`, `${net.availabilityZones.length} zones · NAT: ${net.natGateways}${net.flowLogs ? ' · flow logs on' : ''}`];
  const vpc = groupNode(`${p}/g/vpc`, 'vpc', vpcLabel, [...vpcChildren, ...zones]);
  const regionChildren: DiagramNode[] = [vpc];
  const cloudChildren: DiagramNode[] = [];
  if (net.dnsZone) {
    cloudChildren.push(iconNode(`${p}/n/dns-zone`, AUX_ICONS.hostedZone, [`${net.dnsZone.private ? 'Private' : 'Public'} hosted zone`, net.dnsZone.name]));
  }
  const region = groupNode(`${p}/g/region`, 'region', [`Region ${env.metadata.region}`], regionChildren);
  const cloud = groupNode(`${p}/g/cloud`, 'cloud', ['AWS Cloud'], [...cloudChildren, region]);
  return { id: p, name, direction: env.layout.direction, nodes: [...outside, cloud], edges };
}
