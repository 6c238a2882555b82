/** VPCs, subnets with their tier (from the routes), internet and NAT gateways, security groups with every rule. */
import type { CfnResource, CfnValue } from '../types.js';
import type { ObserveContext } from './context.js';
import type { Link, ObservedPeer, ObservedRule, ObservedSecurityGroup, ObservedSubnet, ObservedTier, ObservedVpc, Observed } from './types.js';
import { bool, given, items, keyOf, link, num, str } from './values.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Route-table key → what its default routes lead to. */
function routeTargets(ctx: ObserveContext): Map<string, Set<'igw' | 'nat'>> {
  const out = new Map<string, Set<'igw' | 'nat'>>();
  for (const route of ctx.ofType('AWS::EC2::Route')) {
    const scope = ctx.scope(route);
    const table = link(route.properties.RouteTableId, scope)?.key;
    if (!table) continue;
    const gateway = link(route.properties.GatewayId, scope);
    const nat = link(route.properties.NatGatewayId, scope);
    const kind = gateway && (gateway.key ? ctx.get(gateway.key)?.type === 'AWS::EC2::InternetGateway' : /^igw-/.test(String(route.properties.GatewayId)))
      ? 'igw' : nat ? 'nat' : undefined;
    if (kind) out.set(table, (out.get(table) ?? new Set()).add(kind));
  }
  return out;
}

function subnetTiers(ctx: ObserveContext): Map<string, ObservedTier> {
  const targets = routeTargets(ctx);
  const tiers = new Map<string, ObservedTier>();
  for (const assoc of ctx.ofType('AWS::EC2::SubnetRouteTableAssociation')) {
    const scope = ctx.scope(assoc);
    const subnet = link(assoc.properties.SubnetId, scope)?.key;
    const table = link(assoc.properties.RouteTableId, scope)?.key;
    const via = table ? targets.get(table) : undefined;
    if (subnet && via) tiers.set(subnet, via.has('igw') ? 'public' : 'private');
  }
  return tiers;
}

function subnet(ctx: ObserveContext, resource: CfnResource, tiers: Map<string, ObservedTier>): ObservedSubnet {
  const scope = ctx.scope(resource);
  const p = resource.properties;
  const mapPublic = bool(p.MapPublicIpOnLaunch, scope);
  const mapPublicIpOnLaunch = mapPublic?.kind === 'known' && mapPublic.value;
  const routed = tiers.get(keyOf(resource.stackPath, resource.logicalId));
  return {
    origin: ctx.claim(resource),
    supporting: [],
    vpc: link(p.VpcId, scope) ?? { value: given('') },
    cidr: str(p.CidrBlock, scope) ?? given(''),
    az: str(p.AvailabilityZone, scope) ?? { kind: 'unknown', reason: 'AvailabilityZone is chosen by EC2 at deploy time', resolved: { kind: 'unknown', reason: 'absent', expression: null }, expression: null },
    tier: routed === 'public' || mapPublicIpOnLaunch ? 'public' : routed ?? 'isolated',
    mapPublicIpOnLaunch,
  };
}

export function observeVpcs(ctx: ObserveContext): ObservedVpc[] {
  const tiers = subnetTiers(ctx);
  const subnets = ctx.ofType('AWS::EC2::Subnet').map((s) => subnet(ctx, s, tiers));
  const attachments = ctx.ofType('AWS::EC2::VPCGatewayAttachment').map((a) => ({
    vpc: link(a.properties.VpcId, ctx.scope(a))?.key,
    igw: link(a.properties.InternetGatewayId, ctx.scope(a))?.key,
  }));
  const nats = ctx.ofType('AWS::EC2::NatGateway').map((n) => ({ resource: n, subnet: link(n.properties.SubnetId, ctx.scope(n)) ?? { value: given('') } }));
  const flowLogs = new Set(ctx.ofType('AWS::EC2::FlowLog').flatMap((f) => link(f.properties.ResourceId, ctx.scope(f))?.key ?? []));
  return ctx.ofType('AWS::EC2::VPC').map((vpc) => {
    const key = keyOf(vpc.stackPath, vpc.logicalId);
    const origin = ctx.claim(vpc);
    const own = subnets.filter((s) => s.vpc.key === key);
    const ownKeys = new Set(own.map((s) => s.origin.key));
    const igws = attachments.filter((a) => a.vpc === key && a.igw).map((a) => ctx.get(a.igw)!).filter(Boolean);
    return {
      origin,
      supporting: [],
      cidr: str(vpc.properties.CidrBlock, ctx.scope(vpc)) ?? given(''),
      ...(origin.tags.Name !== undefined ? { name: origin.tags.Name } : {}),
      subnets: own,
      internetGateways: igws.map((g) => ({ origin: ctx.claim(g), supporting: [] })),
      natGateways: nats.filter((n) => n.subnet.key !== undefined && ownKeys.has(n.subnet.key)).map((n) => ({ origin: ctx.claim(n.resource), supporting: [], subnet: n.subnet })),
      flowLogs: flowLogs.has(key),
    };
  });
}

const PROTOCOLS: Record<string, string> = { '-1': 'all', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

function protocolOf(value: Observed<string> | undefined): Observed<string> {
  if (!value) return given('all');
  if (value.kind !== 'known') return value;
  const text = value.value.toLowerCase();
  return given(PROTOCOLS[text] ?? text);
}

function peerOf(rule: { readonly [key: string]: CfnValue }, direction: 'ingress' | 'egress', ctx: ObserveContext, resource: CfnResource): ObservedPeer {
  const scope = ctx.scope(resource);
  const group = direction === 'ingress' ? rule.SourceSecurityGroupId ?? rule.SourceSecurityGroupName : rule.DestinationSecurityGroupId;
  if (group !== undefined) return { kind: 'security-group', group: link(group, scope) ?? { value: given('') } };
  const prefix = direction === 'ingress' ? rule.SourcePrefixListId : rule.DestinationPrefixListId;
  if (prefix !== undefined) return { kind: 'prefix-list', prefixList: str(prefix, scope) ?? given('') };
  return { kind: 'cidr', cidr: str(rule.CidrIp ?? rule.CidrIpv6, scope) ?? given('0.0.0.0/0') };
}

function ruleOf(rule: { readonly [key: string]: CfnValue }, direction: 'ingress' | 'egress', ctx: ObserveContext, resource: CfnResource, inline: boolean): ObservedRule {
  const scope = ctx.scope(resource);
  const protocol = protocolOf(str(rule.IpProtocol, scope));
  const all = protocol.kind === 'known' && protocol.value === 'all';
  const description = str(rule.Description, scope);
  return {
    origin: ctx.origin(resource),
    inline,
    direction,
    peer: peerOf(rule, direction, ctx, resource),
    protocol,
    fromPort: all ? given(0) : num(rule.FromPort, scope) ?? given(0),
    toPort: all ? given(65535) : num(rule.ToPort, scope) ?? given(65535),
    ...(description?.kind === 'known' ? { description: description.value } : {}),
  };
}

/** CDK's `allowAllOutbound: false` placeholder: no traffic can match it. */
const isPlaceholder = (r: ObservedRule): boolean =>
  r.peer.kind === 'cidr' && r.peer.cidr.kind === 'known' && r.peer.cidr.value === '255.255.255.255/32'
  && r.protocol.kind === 'known' && r.protocol.value === 'icmp' && r.fromPort.kind === 'known' && r.fromPort.value === 252;

export function observeSecurityGroups(ctx: ObserveContext): ObservedSecurityGroup[] {
  const groups = new Map<string, Mutable<ObservedSecurityGroup> & { ingress: ObservedRule[]; egress: ObservedRule[]; sawEgress: boolean }>();
  for (const sg of ctx.ofType('AWS::EC2::SecurityGroup')) {
    const scope = ctx.scope(sg);
    const p = sg.properties;
    const ingress = items(p.SecurityGroupIngress).flatMap((r) => (typeof r === 'object' && r && !Array.isArray(r) ? [ruleOf(r as never, 'ingress', ctx, sg, true)] : []));
    const egress = items(p.SecurityGroupEgress).flatMap((r) => (typeof r === 'object' && r && !Array.isArray(r) ? [ruleOf(r as never, 'egress', ctx, sg, true)] : []));
    const description = str(p.GroupDescription, scope);
    const name = str(p.GroupName, scope);
    const vpc = link(p.VpcId, scope);
    groups.set(keyOf(sg.stackPath, sg.logicalId), {
      origin: ctx.claim(sg),
      supporting: [],
      ...(vpc ? { vpc } : {}),
      ...(description?.kind === 'known' ? { description: description.value } : {}),
      ...(name?.kind === 'known' ? { groupName: name.value } : {}),
      ingress,
      egress,
      sawEgress: egress.length > 0,
      defaultEgress: true,
    });
  }
  for (const [type, direction] of [['AWS::EC2::SecurityGroupIngress', 'ingress'], ['AWS::EC2::SecurityGroupEgress', 'egress']] as const) {
    for (const r of ctx.ofType(type)) {
      const target: Link | undefined = link(r.properties.GroupId ?? r.properties.GroupName, ctx.scope(r));
      const group = target?.key ? groups.get(target.key) : undefined;
      if (!group) {
        ctx.warnings.push({ message: `${r.logicalId}: ${direction} rule of a security group that is not in the template`, position: r.position });
        continue;
      }
      ctx.claim(r);
      group[direction].push(ruleOf(r.properties, direction, ctx, r, false));
      if (direction === 'egress') group.sawEgress = true;
    }
  }
  return [...groups.values()].map(({ sawEgress, ...g }) => ({ ...g, egress: g.egress.filter((r) => !isPlaceholder(r)), defaultEgress: !sawEgress }));
}

