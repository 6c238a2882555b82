/**
 * The security-group matrix: rows are traffic sources (the Internet, every security group,
 * every other CIDR named in a rule), columns are the security groups receiving traffic, and a
 * cell lists the inbound rules of the column's group that name the row. Cells show the rules
 * as written; what the rules allow end to end is in the reachability analysis.
 */
import type { SecurityGroup, SecurityGroupRule } from '../model/types.js';
import { cidrContains, isWorld } from './cidr.js';
import { overlaps, permissionLabel } from './ports.js';
import { INTERNET, type MatrixPermission, type MatrixSource, type SecurityMatrix } from './types.js';
import type { EnvironmentView } from './view.js';

/** The cell of every pair no rule names (most of a big matrix), shared and frozen. */
const EMPTY: readonly MatrixPermission[] = Object.freeze([]);

export function buildMatrix(view: EnvironmentView): SecurityMatrix {
  const groups = view.env.securityGroups;
  const sources: MatrixSource[] = [
    { key: INTERNET, kind: 'internet', label: { ko: '인터넷 (0.0.0.0/0)', en: 'Internet (0.0.0.0/0)' } },
    ...groups.map((g): MatrixSource => ({ key: g.id, kind: 'security-group', label: g.name })),
    ...otherCidrs(groups).map((cidr): MatrixSource => ({ key: cidr, kind: 'cidr', label: { ko: cidr, en: cidr } })),
  ];
  // Per destination, the inbound rules by the source they name (in rule order): big models have
  // thousands of groups, and most cells are empty.
  const named = groups.map((destination) => {
    const bySource = new Map<string, SecurityGroupRule[]>();
    for (const rule of destination.ingress) {
      const key = rule.peer.kind === 'security-group' ? rule.peer.securityGroup : isWorld(rule.peer.cidr) ? INTERNET : rule.peer.cidr;
      const list = bySource.get(key);
      if (list) list.push(rule);
      else bySource.set(key, [rule]);
    }
    return bySource;
  });
  // Fill only the cells some rule names; the rest stay empty.
  const rowsOf = new Map<string, number[]>();
  sources.forEach((source, i) => {
    const list = rowsOf.get(source.key);
    if (list) list.push(i);
    else rowsOf.set(source.key, [i]);
  });
  const cells: (readonly MatrixPermission[])[][] = sources.map(() => new Array<readonly MatrixPermission[]>(groups.length).fill(EMPTY));
  groups.forEach((destination, d) => {
    for (const [key, candidates] of named[d]!) {
      for (const i of rowsOf.get(key) ?? []) {
        const source = sources[i]!;
        const rules = candidates.filter((rule) => names(rule, source));
        if (rules.length) cells[i]![d] = permissions(view, source, destination, rules);
      }
    }
  });
  return { sources, destinations: groups.map((g) => ({ securityGroup: g.id, label: g.name })), cells };
}

/** CIDR peers of inbound rules other than the whole Internet, in order of first appearance. */
function otherCidrs(groups: readonly SecurityGroup[]): string[] {
  const seen = new Set<string>();
  for (const group of groups) {
    for (const rule of group.ingress) {
      if (rule.peer.kind === 'cidr' && !isWorld(rule.peer.cidr)) seen.add(rule.peer.cidr);
    }
  }
  return [...seen];
}

function names(rule: SecurityGroupRule, source: MatrixSource): boolean {
  const peer = rule.peer;
  if (source.kind === 'internet') return peer.kind === 'cidr' && isWorld(peer.cidr);
  if (source.kind === 'cidr') return peer.kind === 'cidr' && peer.cidr === source.key;
  return peer.kind === 'security-group' && peer.securityGroup === source.key;
}

function permissions(view: EnvironmentView, source: MatrixSource, destination: SecurityGroup, rules: readonly SecurityGroupRule[]): MatrixPermission[] {
  return rules.map((rule) => ({
    protocol: rule.protocol,
    fromPort: rule.fromPort,
    toPort: rule.toPort,
    label: permissionLabel(rule),
    description: rule.description,
    egressAllowed: source.kind !== 'security-group' || egressAllows(view, view.groups.get(source.key), destination, rule),
    source: view.locate(rule.loc),
  }));
}

/** Whether a group's outbound rules let `rule`'s traffic leave towards `destination`. */
export function egressAllows(view: EnvironmentView, from: SecurityGroup | undefined, destination: SecurityGroup, rule: SecurityGroupRule): boolean {
  if (!from) return false;
  const destinationCidrs = (view.attached.get(destination.id) ?? []).flatMap((c) => view.subnetCidrs(c));
  return from.egress.some((out) => {
    if (!overlaps(out, rule)) return false;
    if (out.peer.kind === 'security-group') return out.peer.securityGroup === destination.id;
    const cidr = out.peer.cidr;
    return isWorld(cidr) || destinationCidrs.some((d) => cidrContains(cidr, d));
  });
}
