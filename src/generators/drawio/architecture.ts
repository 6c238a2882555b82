/**
 * Architecture page: users → Route 53 → ALB → ECS tasks in each zone → cache and database, inside
 * AWS Cloud → Region → VPC → Availability Zone → subnet groups, regional services beside the VPC.
 */
import { AUX_ICONS } from '../../catalog/drawio-shapes.js';
import type { Component, Connection, ResolvedEnvironment } from '../../model/types.js';
import { addEdge, type DiagramEdge, type DiagramNode, type DiagramPage } from './diagram.js';
import { connectionLabel, text } from './labels.js';
import { componentNode, groupNode, iconNode } from './nodes.js';
import { fansOut, natSubnets, placeComponents, subnetsOfZone, tierTitle, type Member, type Placement } from './placement.js';
import { edgeStyle } from './styles.js';

/** Node ids of the drawn members of one component, with the zone each sits in. */
interface Drawn {
  readonly placement: Placement;
  readonly nodes: readonly { readonly id: string; readonly member: Member; readonly az?: string }[];
}

export const componentId = (page: string, componentIdValue: string): string => `${page}/c/${componentIdValue}`;
const memberId = (page: string, c: Component, m: Member): string => (m.key ? `${page}/m/${c.id}/${m.key}` : componentId(page, c.id));

export function architecturePage(env: ResolvedEnvironment, pageId: string, name: string): DiagramPage {
  const p = pageId;
  const placements = placeComponents(env);
  const drawn = new Map<string, Drawn>();
  const bySubnet = new Map<string, DiagramNode[]>();
  const external: DiagramNode[] = [];
  const global: DiagramNode[] = [];
  const regional: DiagramNode[] = [];
  const vpcLevel: DiagramNode[] = [];

  for (const placement of placements) {
    const c = placement.component;
    const nodes = placement.members.map((member, i) => {
      const id = memberId(p, c, member);
      return { id, member, az: member.subnet?.az, node: componentNode(id, c, member.detail, i === 0) };
    });
    drawn.set(c.id, { placement, nodes });
    for (const { node, member } of nodes) {
      if (placement.scope === 'external') external.push(node);
      else if (placement.scope === 'global') global.push(node);
      else if (placement.scope === 'regional') regional.push(node);
      else if (member.subnet) {
        const list = bySubnet.get(member.subnet.id);
        if (list) list.push(node);
        else bySubnet.set(member.subnet.id, [node]);
      }
      else vpcLevel.push({ ...node, partition: 1 });
    }
  }

  const net = env.network;
  const igwId = `${p}/n/internet-gateway`;
  if (net.internetGateway) vpcLevel.unshift({ ...iconNode(igwId, AUX_ICONS.internetGateway, ['Internet gateway']), partition: 0 });
  for (const subnet of natSubnets(env)) {
    bySubnet.set(subnet.id, [iconNode(`${p}/n/nat-${subnet.id}`, AUX_ICONS.natGateway, ['NAT gateway']), ...(bySubnet.get(subnet.id) ?? [])]);
  }

  const edges: DiagramEdge[] = [];
  const zones = net.availabilityZones.map((az, zoneIndex) => {
    const subnets = subnetsOfZone(env, az);
    for (let i = 1; i < subnets.length; i++) {
      edges.push({ id: `${p}/o/${subnets[i - 1]!.id}-${subnets[i]!.id}`, source: `${p}/g/subnet/${subnets[i - 1]!.id}`, target: `${p}/g/subnet/${subnets[i]!.id}`, label: [], style: '', routing: 'order' });
    }
    return groupNode(`${p}/g/az/${az}`, 'az', [`Availability Zone ${az}`], subnets.map((s) =>
      groupNode(`${p}/g/subnet/${s.id}`, `${s.tier}-subnet`, [`${tierTitle(s.tier)} ${s.id} · ${s.cidr}`], bySubnet.get(s.id) ?? [], undefined, `subnet-${s.tier}`)), zoneIndex, 'az');
  }).map((zone) => ({ ...zone, partition: 2, last: true }));
  const vpc = groupNode(`${p}/g/vpc`, 'vpc', [`VPC ${text(net.vpc.name)} · ${net.vpc.cidr}`], [...vpcLevel, ...zones]);
  const region = groupNode(`${p}/g/region`, 'region', [`Region ${env.metadata.region}`], [vpc, ...regional]);
  const cloud = groupNode(`${p}/g/cloud`, 'cloud', ['AWS Cloud'], [...global, region]);

  for (const conn of env.connections) connectionEdges(p, conn, drawn, net.internetGateway ? igwId : undefined, edges);
  replicationEdges(p, drawn, edges);
  alarmEdges(p, env, drawn, edges);

  return { id: p, name, direction: env.layout.direction, nodes: [...external, cloud], edges };
}

/** Picks the nodes a connection joins: readers for reads when there are any, every task for load-balanced targets. */
function connectionEdges(p: string, conn: Connection, drawn: ReadonlyMap<string, Drawn>, igwId: string | undefined, edges: DiagramEdge[]): void {
  const from = drawn.get(conn.from);
  const to = drawn.get(conn.to);
  if (!from || !to) return;
  const readers = to.nodes.filter((n) => n.member.role === 'reader');
  const targets = conn.kind === 'read' && readers.length ? readers : fansOut(to.placement.component) ? to.nodes : to.nodes.slice(0, 1);
  const style = edgeStyle(conn.kind);
  const label = connectionLabel(conn);
  targets.forEach((target, i) => {
    const source = from.nodes.find((n) => n.az !== undefined && n.az === target.az) ?? from.nodes[0]!;
    const id = i === 0 ? `${p}/e/${conn.id}` : `${p}/e/${conn.id}/${target.member.key || 'main'}`;
    if (igwId && from.placement.scope === 'external' && to.placement.scope === 'vpc') {
      // Traffic from the Internet enters the VPC through its internet gateway.
      addEdge(edges, { id, source: source.id, target: igwId, label, style, routing: 'layout' });
      addEdge(edges, { id: `${p}/e/igw-${to.placement.component.id}-${target.member.key || 'main'}`, source: igwId, target: target.id, label: [], style, routing: 'layout' });
    } else {
      addEdge(edges, { id, source: source.id, target: target.id, label, style, routing: 'layout' });
    }
  });
}

/** Writer → reader and primary → replica, drawn along the side so the zones keep their order. */
function replicationEdges(p: string, drawn: ReadonlyMap<string, Drawn>, edges: DiagramEdge[]): void {
  for (const { placement, nodes } of drawn.values()) {
    const main = nodes[0];
    if (!main) continue;
    for (const other of nodes.slice(1)) {
      if (other.member.role !== 'reader' && other.member.role !== 'replica') continue;
      const label = placement.component.type === 'database' ? ['replication'] : ['async replication'];
      addEdge(edges, { id: `${p}/r/${placement.component.id}/${other.member.key}`, source: main.id, target: other.id, label, style: edgeStyle('replication'), routing: other.az === main.az ? 'layout' : 'side' });
    }
  }
}

/** CloudWatch alarms notify their SNS topics. */
function alarmEdges(p: string, env: ResolvedEnvironment, drawn: ReadonlyMap<string, Drawn>, edges: DiagramEdge[]): void {
  const monitor = env.components.find((c) => c.type === 'monitoring');
  if (!monitor) return;
  const byTopic = new Map<string, number>();
  for (const alarm of env.monitoring.alarms) if (alarm.topic) byTopic.set(alarm.topic, (byTopic.get(alarm.topic) ?? 0) + 1);
  for (const [topic, count] of byTopic) {
    const target = drawn.get(topic)?.nodes[0];
    if (!target) continue;
    addEdge(edges, { id: `${p}/e/alarms-${topic}`, source: componentId(p, monitor.id), target: target.id, label: [`${count} alarm${count === 1 ? '' : 's'}`], style: edgeStyle('async'), routing: 'layout' });
  }
}
