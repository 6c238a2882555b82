/** Section 4.5 and the subnet layout of section 3: VPC, subnets with what runs in them, security groups. */
import { groupByEach } from '../../model/group.js';
import type { SecurityGroupRule, Text } from '../../model/types.js';
import type { ViewContext } from './context.js';
import { perEnvironment, say } from './context.js';

export function networkView(ctx: ViewContext) {
  const n = ctx.env.network;
  const azIndex = (az: string) => n.availabilityZones.indexOf(az) + 1;
  // Names of the components in each subnet and behind each group, in model order, found in one pass.
  const inSubnet = groupByEach(ctx.env.components, (c) => c.subnets);
  const behindGroup = groupByEach(ctx.env.components, (c) => c.securityGroups);
  const names = (components: readonly { readonly name: Text }[] | undefined) => (components ?? []).map((c) => say(ctx, c.name));
  const groupsById = new Map<string, (typeof ctx.env.securityGroups)[number]>();
  for (const g of ctx.env.securityGroups) if (!groupsById.has(g.id)) groupsById.set(g.id, g);
  const withNat = natSubnets(ctx);
  const subnets = n.subnets.map((s) => ({
    id: s.id,
    name: say(ctx, s.name),
    tier: s.tier,
    tierLabel: ctx.messages.text(`network.tier.${s.tier}`),
    az: s.az,
    azNumber: azIndex(s.az),
    cidr: s.cidr,
    components: [
      ...names(inSubnet.get(s.id)),
      ...(s.tier === 'public' && withNat.has(s.id) ? ['NAT Gateway'] : []),
    ],
  }));
  const tiers = (['public', 'private', 'isolated'] as const)
    .map((tier) => ({ tier, label: ctx.messages.text(`network.tier.${tier}`), cidrs: subnets.filter((s) => s.tier === tier).map((s) => s.cidr) }))
    .filter((t) => t.cidrs.length);
  const groupName = (id: string) => {
    const found = groupsById.get(id);
    return found ? say(ctx, found.name) : id;
  };
  const rule = (r: SecurityGroupRule) => ({
    ports: r.protocol === 'all' ? ctx.messages.text('network.allTraffic') : r.fromPort === r.toPort ? String(r.fromPort) : `${r.fromPort}-${r.toPort}`,
    protocol: r.protocol === 'all' ? ctx.messages.text('network.allProtocols') : r.protocol.toUpperCase(),
    peer: r.peer.kind === 'cidr' ? r.peer.cidr : groupName(r.peer.securityGroup),
    peerIsCidr: r.peer.kind === 'cidr',
    description: say(ctx, r.description),
  });
  const securityGroups = ctx.env.securityGroups.map((g) => ({
    id: g.id,
    name: say(ctx, g.name),
    description: say(ctx, g.description),
    attachedTo: names(behindGroup.get(g.id)),
    inbound: g.ingress.map(rule),
    outbound: g.egress.map(rule),
    outboundNone: g.egressNone || g.egress.length === 0,
  }));
  return {
    vpc: { id: n.vpc.id, name: say(ctx, n.vpc.name), cidr: n.vpc.cidr },
    availabilityZones: n.availabilityZones.map((az, i) => ({ az, number: i + 1 })),
    subnets,
    tiers,
    internetGateway: n.internetGateway,
    natGateways: perEnvironment(ctx, (env) => ctx.messages.text(`network.nat.${env.network.natGateways}`)),
    flowLogs: n.flowLogs,
    dnsZone: n.dnsZone?.name,
    securityGroups,
    hasSecurityGroups: securityGroups.length > 0,
  };
}

/** Ids of the public subnets that hold a NAT gateway. */
function natSubnets(ctx: ViewContext): ReadonlySet<string> {
  const n = ctx.env.network;
  if (n.natGateways === 'none') return new Set();
  const publics = n.subnets.filter((s) => s.tier === 'public');
  if (n.natGateways === 'single') return new Set(publics.slice(0, 1).map((s) => s.id));
  const firstPerAz = new Map<string, string>();
  for (const s of publics) if (!firstPerAz.has(s.az)) firstPerAz.set(s.az, s.id);
  return new Set(firstPerAz.values());
}
