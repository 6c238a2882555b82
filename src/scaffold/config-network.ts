/** Network and security-group part of the scaffold config. */
import type { ResolvedEnvironment, SecurityGroupRule } from '../model/types.js';
import { awsDescription, pascalCase, uniqueIds } from './names.js';
import type { NotExpressedList } from './not-expressed.js';
import type { NetworkConfig, RuleConfig, SecurityGroupConfig } from './config-types.js';

export function networkConfig(env: ResolvedEnvironment, report: NotExpressedList): NetworkConfig {
  const { network } = env;
  const ids = uniqueIds();
  ids('Vpc');
  if (network.dnsZone?.private) {
    report.add([...network.loc, 'dnsZone'], 'network.dnsZone.private', 'Private hosted zones are not generated; the DNS layer creates (or imports) a public zone.');
  }
  return {
    constructId: pascalCase(network.vpc.id, 'Vpc'),
    name: awsDescription(network.vpc.name.en, network.vpc.id),
    cidr: network.vpc.cidr,
    availabilityZones: [...network.availabilityZones],
    internetGateway: network.internetGateway,
    natGateways: network.natGateways,
    flowLogs: network.flowLogs,
    subnets: network.subnets.map((s) => ({ id: s.id, constructId: ids(pascalCase(s.id, 'Subnet')), tier: s.tier, az: s.az, cidr: s.cidr })),
  };
}

const isAllTraffic = (rule: SecurityGroupRule): boolean =>
  rule.protocol === 'all' && rule.peer.kind === 'cidr' && rule.peer.cidr === '0.0.0.0/0';

function ruleConfig(rule: SecurityGroupRule, fallback: string): RuleConfig {
  return {
    peer: rule.peer.kind === 'cidr' ? { kind: 'cidr', cidr: rule.peer.cidr } : { kind: 'securityGroup', id: rule.peer.securityGroup },
    protocol: rule.protocol,
    fromPort: rule.fromPort,
    toPort: rule.toPort,
    description: awsDescription(rule.description.en, fallback),
  };
}

export function securityGroupConfigs(env: ResolvedEnvironment): SecurityGroupConfig[] {
  const ids = uniqueIds();
  return env.securityGroups.map((sg) => {
    const allowAllOutbound = sg.egress.length === 1 && isAllTraffic(sg.egress[0]!);
    return {
      id: sg.id,
      constructId: ids(pascalCase(sg.id, 'SecurityGroup')),
      description: awsDescription(sg.description.en || sg.name.en, sg.id),
      allowAllOutbound,
      ingress: sg.ingress.map((r) => ruleConfig(r, `${sg.id} ingress`)),
      egress: allowAllOutbound ? [] : sg.egress.map((r) => ruleConfig(r, `${sg.id} egress`)),
    };
  });
}
