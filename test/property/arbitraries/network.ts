/**
 * The network part of a random model: a VPC CIDR, AZs of the region, subnets with distinct,
 * non-overlapping blocks inside the VPC, and security groups whose rules point at each other.
 */
import fc from 'fast-check';
import { ref, type Raw } from './refs.js';
import { text } from './text.js';

/** Regions with a committed price snapshot, and ones without (the estimate says so). */
export const REGIONS = ['ap-northeast-2', 'us-east-1', 'eu-west-1', 'sa-east-1'] as const;

const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

/**
 * A VPC of prefix /16–/22 at `10.a.b.0` and subnets at distinct /24 blocks inside it (or
 * either half of a block as a /25), so no two subnets overlap.
 */
export const networkPlan = (region: string) =>
  fc.record({
    second: fc.nat({ max: 255 }),
    prefix: fc.constantFrom(16, 18, 20, 22),
    base: fc.nat({ max: 63 }),
    zones: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 3 }),
    subnets: fc.uniqueArray(
      fc.record({ block: fc.nat({ max: 255 }), half: fc.constantFrom(undefined, 0, 128), tier: fc.constantFrom('public', 'private', 'isolated'), zone: fc.nat({ max: 3 }), name: opt(text) }),
      { minLength: 1, maxLength: 6, selector: (s) => s.block },
    ),
    vpcName: opt(text),
    internetGateway: opt(fc.boolean()),
    natGateways: opt(fc.constantFrom('per-az', 'single', 'none')),
    dnsZone: opt(fc.record({ name: fc.constant('example.com'), private: opt(fc.boolean()) })),
    flowLogs: opt(fc.boolean()),
  }).map((p) => {
    const blocks = 2 ** (24 - p.prefix);
    const start = (p.base % (256 / blocks)) * blocks;
    const zones = p.zones.map((z) => `${region}${z}`);
    const subnets = p.subnets
      .filter((s, i, all) => all.findIndex((o) => o.block % blocks === s.block % blocks) === i)
      .map((s, i) => {
        const third = start + (s.block % blocks);
        const cidr = s.half === undefined ? `10.${p.second}.${third}.0/24` : `10.${p.second}.${third}.${s.half}/25`;
        return { id: `subnet-${i}`, ...(s.name ? { name: s.name } : {}), tier: s.tier, az: zones[s.zone % zones.length]!, cidr };
      });
    const hasPublic = subnets.some((s) => s.tier === 'public');
    const natGateways = p.natGateways && p.natGateways !== 'none' && !hasPublic ? 'none' : p.natGateways;
    const network: Raw = {
      vpc: { id: 'vpc-main', ...(p.vpcName ? { name: p.vpcName } : {}), cidr: `10.${p.second}.${start}.0/${p.prefix}` },
      availabilityZones: zones,
      subnets,
    };
    for (const [key, value] of Object.entries({ internetGateway: p.internetGateway, natGateways, dnsZone: p.dnsZone, flowLogs: p.flowLogs })) {
      if (value !== undefined) network[key] = value;
    }
    return network;
  });

const portFields = fc.oneof(
  fc.record({ port: fc.integer({ min: 1, max: 65535 }) }),
  fc.tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 })).map(([a, b]) => ({ fromPort: Math.min(a, b), toPort: Math.max(a, b) })),
);

const rule = fc.record({
  peer: fc.oneof(
    ref('security-group').map((securityGroup) => ({ securityGroup })),
    fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '192.168.1.0/24', '203.0.113.7/32').map((cidr) => ({ cidr })),
  ),
  protocol: fc.constantFrom('tcp', 'udp', 'icmp', 'all'),
  ports: portFields,
  description: opt(text),
}).map(({ peer, protocol, ports, description }) => ({
  ...peer,
  protocol,
  ...(protocol === 'tcp' || protocol === 'udp' ? ports : {}),
  ...(description ? { description } : {}),
}));

/** Security groups `sg-0`… with rules that reference each other or CIDR blocks. */
export const securityGroupsPlan = fc.array(
  fc.record({
    name: text,
    description: opt(text),
    ingress: opt(fc.array(rule, { maxLength: 3 })),
    egress: opt(fc.oneof(fc.constantFrom('all', 'none'), fc.array(rule, { maxLength: 2 }))),
  }),
  { maxLength: 4 },
).map((groups) => groups.map((g, i) => ({ id: `sg-${i}`, ...Object.fromEntries(Object.entries(g).filter(([, v]) => v !== undefined)) })));
