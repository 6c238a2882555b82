/** Per-security-group rule tables in the seed's shape: Inbound lines, Outbound lines, `None` when empty. */
import type { SecurityGroup, SecurityGroupRule, Text } from '../model/types.js';
import { isWorld } from './cidr.js';
import { portsText, serviceName } from './ports.js';
import type { RuleTable, RuleTableRow } from './types.js';
import type { EnvironmentView } from './view.js';

const NONE: Text = { ko: 'None', en: 'None' };

export function buildRuleTables(view: EnvironmentView): RuleTable[] {
  return view.env.securityGroups.map((group) => ruleTable(view, group));
}

function ruleTable(view: EnvironmentView, group: SecurityGroup): RuleTable {
  const inbound = group.ingress.map((rule) => row(view, rule, 'inbound'));
  const outbound = group.egress.map((rule) => row(view, rule, 'outbound'));
  return {
    securityGroup: group.id,
    name: group.name,
    description: group.description,
    attachedTo: (view.attached.get(group.id) ?? []).map((c) => c.id),
    inbound,
    outbound,
    outboundNone: group.egressNone,
    inboundText: inbound.length ? inbound.map((r) => r.summary) : [NONE],
    outboundText: outbound.length ? outbound.map((r) => r.summary) : [NONE],
    source: view.locate(group.loc),
  };
}

function row(view: EnvironmentView, rule: SecurityGroupRule, direction: 'inbound' | 'outbound'): RuleTableRow {
  const peer = view.peerRef(rule.peer);
  const ports = portsText(rule);
  const service = serviceName(rule);
  const head = service ? `${ports} (${service})` : ports;
  const everywhereOut = direction === 'outbound' && rule.protocol === 'all' && rule.peer.kind === 'cidr' && isWorld(rule.peer.cidr);
  const word = direction === 'inbound' ? 'from' : 'to';
  const summary = (locale: 'ko' | 'en'): string => (everywhereOut ? head : `${head} ${word} ${peer.label[locale]}`);
  return {
    direction,
    protocol: rule.protocol,
    fromPort: rule.fromPort,
    toPort: rule.toPort,
    ports,
    ...(service ? { service } : {}),
    peer,
    description: rule.description,
    summary: { ko: summary('ko'), en: summary('en') },
    source: view.locate(rule.loc),
  };
}
