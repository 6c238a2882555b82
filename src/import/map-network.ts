/**
 * Network and security groups of the imported model: the VPC with its subnets (tier, AZ, CIDR),
 * gateways and hosted zone, and each security group with every rule, peers named by model id.
 */
import ipaddr from 'ipaddr.js';
import type { ObservedRule, ObservedSecurityGroup, ObservedSubnet, ObservedVpc } from '../cfn/observe/types.js';
import { type ImportContext, type RawModel } from './context.js';
import { displayName, nameCandidates } from './ids.js';

const LETTERS = 'abcdefghijklmnop';

/** `network` of the model. Without a VPC in the template, writes a placeholder the model requires, and says so. */
export function mapNetwork(ctx: ImportContext): RawModel {
  const [vpc, ...others] = ctx.observed.vpcs;
  for (const extra of others) ctx.report.notMapped(extra.origin, 'a model describes one VPC; only the first VPC of the template was imported');
  if (!vpc) return placeholderNetwork(ctx);

  const vpcId = ctx.ids.allocate(nameCandidates(vpc.origin, vpc.name), 'vpc');
  const cidr = ctx.valueOr(vpc.cidr, '10.0.0.0/16', 'network.vpc.cidr', vpc.origin, 'the model needs a VPC CIDR');
  ctx.map(vpc.origin, vpcId, 'network.vpc', [...vpc.supporting, ...vpc.internetGateways.flatMap((g) => [g.origin, ...g.supporting])]);

  const subnets = mapSubnets(ctx, vpc, cidr);
  if (!subnets.length) subnets.push(placeholderSubnet(ctx, cidr));
  const zones = [...new Set(subnets.map((s) => s.az as string))].sort();
  for (const nat of vpc.natGateways) ctx.map(nat.origin, vpcId, 'network.natGateways', nat.supporting);
  const natGateways = vpc.natGateways.length === 0 ? 'none' : vpc.natGateways.length >= zones.length ? 'per-az' : 'single';
  const [zone] = ctx.observed.hostedZones;
  const name = vpc.name ?? vpc.origin.tags.Name;

  return {
    vpc: { id: vpcId, ...(name ? { name: name.includes('/') ? displayName(vpc.origin) : name } : {}), cidr },
    availabilityZones: zones,
    subnets,
    internetGateway: vpc.internetGateways.length > 0,
    natGateways,
    ...(zone?.name.kind === 'known' ? { dnsZone: { name: zone.name.value.replace(/\.$/, ''), ...(zone.private ? { private: true } : {}) } } : {}),
    ...(vpc.flowLogs ? { flowLogs: true } : {}),
  };
}

function placeholderNetwork(ctx: ImportContext): RawModel {
  const az = `${ctx.region}a`;
  ctx.ids.reserve('vpc');
  ctx.ids.reserve('placeholder-subnet');
  const why = 'the template has no VPC, and a model requires one: a placeholder VPC with one isolated subnet; nothing is deployed in it';
  ctx.report.guessed('network.vpc', 'vpc 10.0.0.0/16', why);
  ctx.report.guessed('network.subnets.placeholder-subnet', `${az} 10.0.0.0/24`, why);
  return {
    vpc: { id: 'vpc', name: 'Placeholder VPC (not in the template)', cidr: '10.0.0.0/16' },
    availabilityZones: [az],
    subnets: [{ id: 'placeholder-subnet', tier: 'isolated', az, cidr: '10.0.0.0/24' }],
    internetGateway: false,
    natGateways: 'none',
  };
}

/** A model needs a subnet; a VPC declared without any gets one, said to be a placeholder. */
function placeholderSubnet(ctx: ImportContext, vpcCidr: string): RawModel {
  const id = ctx.ids.allocate(['placeholder-subnet'], 'subnet');
  const az = `${ctx.region}a`;
  const cidr = freeBlock(vpcCidr, []);
  ctx.report.guessed(`network.subnets.${id}`, `${az} ${cidr}`, 'the VPC has no subnet in the template, and a model requires one: a placeholder isolated subnet');
  return { id, tier: 'isolated', az, cidr };
}

function mapSubnets(ctx: ImportContext, vpc: ObservedVpc, vpcCidr: string): RawModel[] {
  const taken = vpc.subnets.map((s) => (s.cidr.kind === 'known' ? s.cidr.value : undefined)).filter((c): c is string => Boolean(c));
  return vpc.subnets.map((subnet, index) => {
    const id = ctx.ids.allocate(nameCandidates(subnet.origin), `subnet-${index + 1}`);
    const element = `network.subnets.${id}`;
    ctx.map(subnet.origin, id, element, subnet.supporting);
    const az = ctx.valueOr(subnet.az, guessAz(ctx.region, subnet, index), `${element}.az`, subnet.origin, 'guessed from the Fn::Select index over Fn::GetAZs (or the subnet order) in the region');
    let cidr = subnet.cidr.kind === 'known' ? subnet.cidr.value : undefined;
    if (!cidr) {
      cidr = freeBlock(vpcCidr, taken);
      taken.push(cidr);
      ctx.valueOr(subnet.cidr, cidr, `${element}.cidr`, subnet.origin, 'the first free /24 block of the VPC');
    }
    return { id, tier: subnet.tier, az, cidr };
  });
}

/** `{Fn::Select: [i, {Fn::GetAZs: ''}]}` picks the region's i-th AZ: usually letter i. */
function guessAz(region: string, subnet: ObservedSubnet, index: number): string {
  const expression = subnet.az.kind === 'unknown' ? subnet.az.expression : undefined;
  const select = expression && typeof expression === 'object' && !Array.isArray(expression) ? (expression as Record<string, unknown>)['Fn::Select'] : undefined;
  const position = Array.isArray(select) && typeof select[0] === 'number' ? select[0] : Array.isArray(select) && /^\d+$/.test(String(select[0])) ? Number(select[0]) : index;
  return `${region}${LETTERS[position % LETTERS.length]}`;
}

/** The first /24 inside the VPC that overlaps none of the known subnets. */
function freeBlock(vpcCidr: string, taken: readonly string[]): string {
  const [base, bits] = ipaddr.IPv4.parseCIDR(vpcCidr);
  const start = ipaddr.IPv4.networkAddressFromCIDR(`${base.toString()}/${bits}`).toByteArray();
  const used = taken.map((c) => ipaddr.IPv4.parseCIDR(c));
  const count = bits <= 24 ? 2 ** (24 - bits) : 1;
  for (let i = 0; i < count; i++) {
    const value = ((start[0]! << 24) | (start[1]! << 16) | (start[2]! << 8)) + i * 256;
    const candidate = ipaddr.IPv4.parse([(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, 0].join('.'));
    const block: [ipaddr.IPv4, number] = [candidate, 24];
    if (!used.some((u) => candidate.match(u) || u[0].match(block))) return `${candidate.toString()}/24`;
  }
  return vpcCidr;
}

// ---------------------------------------------------------------- security groups

/** Allocates the ids of all security groups first, so rules can name groups declared later. */
export function allocateSecurityGroupIds(ctx: ImportContext): void {
  for (const sg of ctx.observed.securityGroups) {
    const id = ctx.ids.allocate(nameCandidates(sg.origin, sg.groupName), 'security-group');
    ctx.map(sg.origin, id, `securityGroups.${id}`, sg.supporting);
  }
}

/** Security groups with every rule the model can express; ids were allocated by {@link allocateSecurityGroupIds}. */
export function mapSecurityGroups(ctx: ImportContext): RawModel[] {
  return ctx.observed.securityGroups.map((sg) => {
    const id = ctx.modelIds.get(sg.origin.key)!;
    const element = `securityGroups.${id}`;
    const name = sg.groupName ?? sg.origin.tags.Name ?? displayName(sg.origin);
    const ingress = mapRules(ctx, sg, sg.ingress, `${element}.ingress`);
    return {
      id,
      name: name.includes('/') ? displayName(sg.origin) : name,
      ...(sg.description ? { description: sg.description } : {}),
      ...(ingress.length ? { ingress } : {}),
      egress: mapEgress(ctx, sg, element),
    };
  });
}

function mapEgress(ctx: ImportContext, sg: ObservedSecurityGroup, element: string): string | RawModel[] {
  if (sg.defaultEgress) return 'all';
  if (sg.egress.length === 0) return 'none';
  const rules = mapRules(ctx, sg, sg.egress, `${element}.egress`);
  const allOut = rules.length === 1 && rules[0]!.protocol === 'all' && rules[0]!.cidr === '0.0.0.0/0';
  return allOut ? 'all' : rules.length ? rules : 'none';
}

const PROTOCOLS: Record<string, string> = { tcp: 'tcp', udp: 'udp', icmp: 'icmp', all: 'all', '-1': 'all', '6': 'tcp', '17': 'udp', '1': 'icmp' };

function mapRules(ctx: ImportContext, sg: ObservedSecurityGroup, rules: readonly ObservedRule[], element: string): RawModel[] {
  const out: RawModel[] = [];
  for (const rule of rules) {
    if (!rule.inline) ctx.map(rule.origin, ctx.modelIds.get(sg.origin.key)!, element);
    const mapped = mapRule(ctx, rule, element);
    if (mapped) out.push(mapped);
  }
  return out;
}

function mapRule(ctx: ImportContext, rule: ObservedRule, element: string): RawModel | undefined {
  const where = rule.origin;
  const drop = (reason: string, value?: string) => (ctx.report.dropped(element, reason, where, value), undefined);
  let peer: RawModel;
  if (rule.peer.kind === 'security-group') {
    const group = ctx.idOf(rule.peer.group);
    if (!group) return drop('the peer security group is not in the template', rule.peer.group.logicalId ?? describe(rule.peer.group.value));
    peer = { securityGroup: group };
  } else if (rule.peer.kind === 'cidr') {
    const cidr = ctx.value(rule.peer.cidr, element, where);
    if (!cidr) return undefined;
    if (cidr.includes(':')) return drop('IPv6 peers cannot be expressed in the model', cidr);
    peer = { cidr };
  } else {
    return drop('prefix-list peers cannot be expressed in the model', describe(rule.peer.prefixList));
  }
  const rawProtocol = ctx.value(rule.protocol, element, where);
  if (rawProtocol === undefined) return undefined;
  const protocol = PROTOCOLS[rawProtocol.toLowerCase()];
  if (!protocol) return drop(`protocol ${rawProtocol} cannot be expressed in the model (tcp, udp, icmp or all)`, rawProtocol);
  const ports = protocol === 'all' || protocol === 'icmp' ? {} : portsOf(ctx, rule, element);
  if (!ports) return undefined;
  return { ...peer, protocol, ...ports, ...(rule.description ? { description: rule.description } : {}) };
}

function portsOf(ctx: ImportContext, rule: ObservedRule, element: string): RawModel | undefined {
  const from = ctx.value(rule.fromPort, element, rule.origin);
  const to = ctx.value(rule.toPort, element, rule.origin);
  if (from === undefined || to === undefined) return undefined;
  const low = Math.max(1, from);
  const high = Math.min(65535, to < 0 ? 65535 : to);
  if (from < 1 || to < 0) ctx.report.guessed(element, `${low}-${high}`, `port range ${from}-${to} written as ${low}-${high} (model ports are 1–65535)`, rule.origin);
  return low === high ? { port: low } : { fromPort: low, toPort: high };
}

function describe(value: { kind: string; value?: unknown; expression?: unknown }): string {
  return value.kind === 'known' ? String(value.value) : JSON.stringify(value.expression);
}
