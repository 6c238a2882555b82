/**
 * The network diagram (seed §3.2): VPC, AZs and subnets with their CIDRs and what runs in
 * them, the internet gateway and NAT gateways, and the routes between them.
 */
import type { ResolvedEnvironment, Subnet } from '../../model/types.js';
import { GROUP_STYLE, CATEGORY_STYLE, say, WORDS } from './catalog.js';
import { IdAllocator, mermaidLines, mermaidText } from './escape.js';
import { Flowchart } from './flowchart.js';
import { placeComponents } from './placement.js';

/** Subnets that hold a NAT gateway: the first public subnet of each AZ (`per-az`) or of the first AZ (`single`). */
export function natSubnets(env: ResolvedEnvironment): Subnet[] {
  const { network } = env;
  if (network.natGateways === 'none' || !network.internetGateway) return [];
  const firstPublic = (az: string) => network.subnets.find((s) => s.az === az && s.tier === 'public');
  const azs = network.natGateways === 'per-az' ? network.availabilityZones : network.availabilityZones.slice(0, 1);
  return azs.map(firstPublic).filter((s): s is Subnet => s !== undefined);
}

const ROLE = { writer: WORDS.writer, reader: WORDS.reader, primary: WORDS.primary, replica: WORDS.replica } as const;

export function networkChart(env: ResolvedEnvironment): Flowchart {
  const ids = new IdAllocator();
  const placement = placeComponents(env, new IdAllocator());
  const { network } = env;
  const chart = new Flowchart('TB');
  for (const [name, style] of Object.entries(GROUP_STYLE)) chart.defineClass(`grp_${name}`, style);
  chart.defineClass('network', CATEGORY_STYLE.network).defineClass('client', CATEGORY_STYLE.client);
  for (const tier of ['public', 'private', 'isolated'] as const) chart.defineClass(`sn_${tier}`, GROUP_STYLE[tier].replace('stroke-width:1px', 'stroke-width:2px'));

  const internet = ids.id('n', 'internet');
  chart.node(internet, 'stadium', mermaidText(WORDS.internet), 'client');
  const nats = natSubnets(env);
  const natIds = new Map(nats.map((s) => [s.az, ids.id('n', `nat-${s.id}`)]));
  const igw = ids.id('n', 'igw');
  const vpcTitle = [`${say(network.vpc.name)} · ${network.vpc.cidr}`, network.flowLogs ? WORDS.flowLogs : undefined].filter(Boolean).join(' · ');
  chart.subgraph(ids.id('g', `region-${env.metadata.region}`), mermaidText(`${WORDS.region} ${env.metadata.region}`), 'grp_region');
  chart.subgraph(ids.id('g', `vpc-${network.vpc.id}`), mermaidText(vpcTitle), 'grp_vpc');
  if (network.internetGateway) chart.node(igw, 'hexagon', mermaidText(WORDS.internetGateway), 'network');
  const spanning = placement.vpc.map((n) => n.component);
  for (const az of network.availabilityZones) {
    chart.subgraph(ids.id('g', `az-${az}`), mermaidText(`${WORDS.az} ${az}`), 'grp_az');
    for (const subnet of network.subnets.filter((s) => s.az === az)) {
      const residents = [
        ...spanning.filter((c) => c.subnets.includes(subnet.id)).map((c) => say(c.name)),
        ...(placement.bySubnet.get(subnet.id) ?? []).map((n) => (n.role ? `${say(n.component.name)} ${ROLE[n.role]}` : say(n.component.name))),
      ];
      const routed = subnet.tier === 'public' ? network.internetGateway : subnet.tier === 'private' && natIds.size > 0;
      const lines = [`${WORDS.tier[subnet.tier]} ${subnet.id}`, subnet.cidr, ...residents.map((r) => `• ${r}`), routed ? undefined : `(${WORDS.noRoute})`];
      chart.node(ids.id('s', subnet.id), 'box', mermaidLines(lines), `sn_${subnet.tier}`);
    }
    const nat = natIds.get(az);
    const natHome = nats.find((s) => s.az === az);
    if (nat && natHome) chart.node(nat, 'hexagon', mermaidLines([WORDS.natGateway, natHome.id]), 'network');
    chart.end();
  }
  chart.end().end();

  if (network.internetGateway) chart.edge(internet, igw, { line: 'both' });
  for (const subnet of network.subnets) {
    const id = ids.id('s', subnet.id);
    if (subnet.tier === 'public' && network.internetGateway) chart.edge(id, igw, { line: 'both', label: '0.0.0.0/0' });
    if (subnet.tier === 'private') {
      const nat = natIds.get(subnet.az) ?? [...natIds.values()][0];
      if (nat) chart.edge(id, nat, { line: 'dotted', label: mermaidText(`${WORDS.outbound} 0.0.0.0/0`) });
    }
  }
  // A NAT gateway sits in a public subnet and leaves through the internet gateway.
  for (const nat of natIds.values()) chart.edge(nat, igw, { line: 'dotted' });
  if (network.dnsZone) {
    const zone = ids.id('n', 'dns-zone');
    chart.node(zone, 'hexagon', mermaidLines([`Route 53 ${network.dnsZone.private ? '프라이빗' : '퍼블릭'} 호스팅 영역`, network.dnsZone.name]), 'network');
    chart.edge(internet, zone, { line: 'dotted', label: 'DNS' });
  }
  return chart;
}
