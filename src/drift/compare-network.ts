/** VPC, subnets, internet/NAT gateways and security groups with every rule. */
import type { ElementKey, ObservedRule, ObservedSecurityGroup, ObservedSubnet, ObservedVpc } from '../cfn/observe/types.js';
import type { SecurityGroup, SecurityGroupRule, Subnet } from '../model/types.js';
import { awsDescription } from '../scaffold/names.js';
import type { DriftContext } from './context.js';
import { constructScore, pair, SCORE } from './match.js';

/** Model id ↔ observed key of the matched security groups and subnets, for the links of other elements. */
export interface NetworkMatch {
  readonly vpc?: ObservedVpc;
  readonly subnetIdOf: ReadonlyMap<ElementKey, string>;
  readonly securityGroupIdOf: ReadonlyMap<ElementKey, string>;
  readonly securityGroupOf: ReadonlyMap<string, ObservedSecurityGroup>;
}

const known = <T>(v: { kind: string; value?: T } | undefined): T | undefined => (v?.kind === 'known' ? v.value : undefined);

export function compareNetwork(ctx: DriftContext): NetworkMatch {
  const { network } = ctx.env;
  const config = ctx.scaffold.config.network;
  const vpcLoc = network.vpc.loc;
  const vpcPath = 'network.vpc';
  const vpc = pair([network.vpc], ctx.observed.vpcs, (_, o) =>
    Math.max(constructScore(o.origin, config.constructId), known(o.cidr) === network.vpc.cidr ? SCORE.cidr : 0, o.name === config.name ? SCORE.name : 0)).get(network.vpc);
  const subnetIdOf = new Map<ElementKey, string>();
  if (!vpc) {
    ctx.missing(vpcLoc, vpcPath, `VPC ${network.vpc.id}`);
  } else {
    ctx.match(vpcPath, vpc.origin, ...vpc.internetGateways.map((g) => g.origin), ...vpc.natGateways.map((g) => g.origin));
    ctx.compare('cidr', [...vpcLoc, 'cidr'], `${vpcPath}.cidr`, network.vpc.cidr, vpc.cidr, vpc.origin);
    compareSubnets(ctx, vpc, subnetIdOf);
    ctx.compare('internetGateway', [...network.loc, 'internetGateway'], 'network.internetGateway', network.internetGateway, { kind: 'known', value: vpc.internetGateways.length > 0 }, vpc.origin);
    const natCount = vpc.natGateways.length;
    const observedNat = natCount === 0 ? 'none' : natCount === 1 && network.availabilityZones.length > 1 ? 'single' : natCount >= network.availabilityZones.length ? 'per-az' : `${natCount} NAT gateways`;
    ctx.compare('natGateways', [...network.loc, 'natGateways'], 'network.natGateways', network.natGateways, { kind: 'known', value: observedNat }, vpc.natGateways[0]?.origin ?? vpc.origin);
    ctx.compare('flowLogs', [...network.loc, 'flowLogs'], 'network.flowLogs', network.flowLogs, { kind: 'known', value: vpc.flowLogs }, vpc.origin);
  }
  const groups = compareSecurityGroups(ctx);
  return { ...(vpc ? { vpc } : {}), subnetIdOf, ...groups };
}

function compareSubnets(ctx: DriftContext, vpc: ObservedVpc, subnetIdOf: Map<ElementKey, string>): void {
  const constructIds = new Map(ctx.scaffold.config.network.subnets.map((s) => [s.id, s.constructId]));
  const named = (m: Subnet, name: string | undefined) =>
    name !== undefined && (name === m.id || name === m.name.en || name.endsWith(`/${constructIds.get(m.id)}`));
  const pairs = pair<Subnet, ObservedSubnet>(ctx.env.network.subnets, vpc.subnets, (m, o) =>
    Math.max(constructScore(o.origin, constructIds.get(m.id)), known(o.cidr) === m.cidr ? SCORE.cidr : 0, named(m, o.origin.tags.Name) ? SCORE.name : 0), false);
  for (const subnet of ctx.env.network.subnets) {
    const path = `network.subnets.${subnet.id}`;
    const o = pairs.get(subnet);
    if (!o) {
      ctx.missing(subnet.loc, path, `Subnet ${subnet.id}`);
      continue;
    }
    subnetIdOf.set(o.origin.key, subnet.id);
    ctx.match(path, o.origin);
    ctx.compare('cidr', [...subnet.loc, 'cidr'], `${path}.cidr`, subnet.cidr, o.cidr, o.origin);
    ctx.compare('az', [...subnet.loc, 'az'], `${path}.az`, subnet.az, o.az, o.origin);
    ctx.compare('tier', [...subnet.loc, 'tier'], `${path}.tier`, subnet.tier, { kind: 'known', value: o.tier }, o.origin);
  }
  for (const o of vpc.subnets) {
    if (!subnetIdOf.has(o.origin.key)) ctx.unmodelled(o.origin, `Subnet ${known(o.cidr) ?? o.origin.logicalId}`, { loc: [...ctx.env.network.loc, 'subnets'], path: 'network.subnets' });
  }
}

/** A rule as comparable text: direction, peer (model SG id or CIDR), protocol and ports. */
function modelRuleKey(rule: SecurityGroupRule, direction: string): string {
  const peer = rule.peer.kind === 'cidr' ? rule.peer.cidr : `sg:${rule.peer.securityGroup}`;
  return `${direction} ${peer} ${rule.protocol} ${rule.fromPort}-${rule.toPort}`;
}

function observedRuleKey(rule: ObservedRule, idOf: ReadonlyMap<ElementKey, string>): string | undefined {
  const protocol = known(rule.protocol);
  const from = known(rule.fromPort);
  const to = known(rule.toPort);
  let peer: string | undefined;
  if (rule.peer.kind === 'cidr') peer = known(rule.peer.cidr);
  else if (rule.peer.kind === 'prefix-list') peer = known(rule.peer.prefixList) && `pl:${known(rule.peer.prefixList)}`;
  else peer = rule.peer.group.key ? `sg:${idOf.get(rule.peer.group.key) ?? rule.peer.group.logicalId}` : undefined;
  if (protocol === undefined || from === undefined || to === undefined || peer === undefined) return undefined;
  return `${rule.direction} ${peer} ${protocol} ${protocol === 'all' ? '0-65535' : `${from}-${to}`}`;
}

const describe = (key: string): string => {
  const [direction, peer, protocol, ports] = key.split(' ');
  return `${direction} rule ${protocol} ${ports} ${direction === 'ingress' ? 'from' : 'to'} ${peer!.replace(/^sg:/, 'security group ')}`;
};

function compareSecurityGroups(ctx: DriftContext): Omit<NetworkMatch, 'vpc' | 'subnetIdOf'> {
  const configs = new Map(ctx.scaffold.config.securityGroups.map((c) => [c.id, c]));
  const pairs = pair<SecurityGroup, ObservedSecurityGroup>(ctx.env.securityGroups, ctx.observed.securityGroups, (m, o) => {
    const config = configs.get(m.id);
    return Math.max(
      constructScore(o.origin, config?.constructId),
      o.groupName === m.id || o.origin.tags.Name === m.id || o.origin.tags.Name === m.name.en ? SCORE.name : 0,
      o.description !== undefined && o.description === awsDescription(m.description.en || m.name.en, m.id) ? SCORE.description : 0,
    );
  });
  const securityGroupIdOf = new Map<ElementKey, string>();
  const securityGroupOf = new Map<string, ObservedSecurityGroup>();
  for (const [m, o] of pairs) {
    securityGroupIdOf.set(o.origin.key, m.id);
    securityGroupOf.set(m.id, o);
  }
  ctx.env.securityGroups.forEach((sg) => {
    const path = `securityGroups.${sg.id}`;
    const o = securityGroupOf.get(sg.id);
    if (!o) {
      ctx.missing(sg.loc, path, `Security group ${sg.id}`);
      return;
    }
    ctx.match(path, o.origin, ...[...o.ingress, ...o.egress].filter((r) => !r.inline).map((r) => r.origin));
    const wanted = new Map<string, SecurityGroupRule>();
    for (const r of sg.ingress) wanted.set(modelRuleKey(r, 'ingress'), r);
    const allOutbound = sg.egress.length === 1 && sg.egress[0]!.protocol === 'all' && sg.egress[0]!.peer.kind === 'cidr' && sg.egress[0]!.peer.cidr === '0.0.0.0/0';
    if (!allOutbound) for (const r of sg.egress) wanted.set(modelRuleKey(r, 'egress'), r);
    const seen = new Set<string>();
    for (const rule of [...o.ingress, ...o.egress]) {
      const key = observedRuleKey(rule, securityGroupIdOf);
      if (key === undefined) {
        const modelRule = sg[rule.direction][0];
        ctx.unknown.push({
          model: ctx.modelRef(modelRule?.loc ?? sg.loc, `${path}.${rule.direction}`),
          template: ctx.templateRef(rule.origin),
          field: `${rule.direction} rule`,
          modelValue: null,
          reason: 'the rule names a peer or port known only at deploy time',
        });
        continue;
      }
      if (rule.direction === 'egress' && allOutbound && key === 'egress 0.0.0.0/0 all 0-65535') continue;
      seen.add(key);
      if (!wanted.has(key)) ctx.unmodelled(rule.origin, `Security group ${sg.id}: ${describe(key)}`, { loc: [...sg.loc, rule.direction], path: `${path}.${rule.direction}` });
    }
    for (const [key, rule] of wanted) {
      if (!seen.has(key)) ctx.missing(rule.loc, `${path}.${key.startsWith('ingress') ? 'ingress' : 'egress'}`, `Security group ${sg.id}: ${describe(key)}`);
    }
    if (allOutbound && !o.defaultEgress && !o.egress.some((r) => observedRuleKey(r, securityGroupIdOf) === 'egress 0.0.0.0/0 all 0-65535')) {
      ctx.missing([...sg.loc, 'egress'], `${path}.egress`, `Security group ${sg.id}: all outbound traffic`);
    }
    if (!allOutbound && o.defaultEgress) {
      ctx.unmodelled(o.origin, `Security group ${sg.id}: all outbound traffic (no egress rule declared, EC2's default)`, { loc: [...sg.loc, 'egress'], path: `${path}.egress` });
    }
  });
  return { securityGroupIdOf, securityGroupOf };
}
