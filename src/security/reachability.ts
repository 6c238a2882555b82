/**
 * Reachability: which node can open connections to which, derived from the security-group
 * rules (inbound of the receiver, outbound of the sender) and the placement of components in
 * subnets (only components in public subnets behind an Internet gateway are reachable from
 * outside, and internal load balancers never are). Nothing here is specific to one model.
 */
import type { Component, SecurityGroupRule } from '../model/types.js';
import { isDataStore, listeningPorts } from './catalog.js';
import { cidrContains, isPrivateCidr, isPublicCidr, isWorld } from './cidr.js';
import { coversPort, hopLabel, overlaps } from './ports.js';
import {
  INTERNET, type DataStoreAccess, type PortRange, type ReachEdge, type ReachNode, type Reachability, type ReachabilityPath, type SourceRef,
} from './types.js';
import type { EnvironmentView } from './view.js';

/** Upper bound on listed paths, so a densely connected model cannot blow up the report. */
export const MAX_PATHS = 500;

/**
 * Upper bound on the nodes of one listed path. In a big, densely connected model a depth-first
 * walk strings hundreds of hops together (service → public load balancer of another domain → …);
 * such a path is cut here and the listing is marked truncated.
 */
export const MAX_PATH_NODES = 16;

export function buildReachability(view: EnvironmentView): Reachability {
  const nodes = buildNodes(view);
  const edges: ReachEdge[] = [];
  const candidates = candidateSources(view, nodes);
  const sources = nodes.map((node) => (node.kind === 'component' ? view.components.get(node.id) : undefined));
  // The same rule admits many sources: place it in the file once.
  const refs = new Map<SecurityGroupRule, SourceRef>();
  const refOf = (rule: SecurityGroupRule): SourceRef => {
    let ref = refs.get(rule);
    if (!ref) refs.set(rule, (ref = view.locate(rule.loc)));
    return ref;
  };
  for (const to of view.env.components) {
    if (!to.securityGroups.length) continue;
    const inbound = to.securityGroups.flatMap((id) => view.groups.get(id)?.ingress ?? []);
    const target: Target = { component: to, cidrs: view.subnetCidrs(to), rules: inbound.map((rule) => ({ rule, ranges: rangesOf(rule, listeningPorts(to)) })) };
    for (const i of candidates(inbound)) {
      const from = nodes[i]!;
      if (from.id === to.id) continue;
      const edge = edgeBetween(view, from, sources[i], target, refOf);
      if (edge) edges.push(edge);
    }
  }
  const { paths, cut } = buildPaths(nodes, edges);
  return { nodes, edges, paths, pathsTruncated: cut || paths.length >= MAX_PATHS, dataStores: buildDataStoreAccess(view, nodes, edges) };
}

/** A component receiving traffic: its subnets' blocks and, per inbound rule, the port ranges it could carry. */
interface Target {
  readonly component: Component;
  readonly cidrs: readonly string[];
  readonly rules: readonly { readonly rule: SecurityGroupRule; readonly ranges: readonly PortRange[] }[];
}

/** The ports of `rule` the receiver listens on, or the rule's own range when the model does not say. */
function rangesOf(rule: SecurityGroupRule, listening: readonly number[]): PortRange[] {
  return listening.length
    ? listening.filter((port) => coversPort(rule, port)).map((port) => ({ protocol: 'tcp', fromPort: port, toPort: port }))
    : [{ protocol: rule.protocol, fromPort: rule.fromPort, toPort: rule.toPort }];
}

/**
 * The nodes (indexes, in node order) that any of `inbound` can admit: members of the groups a
 * rule names, and the nodes inside the blocks a rule names. Big models have thousands of
 * components but each rule admits few: no need to try every pair.
 */
function candidateSources(view: EnvironmentView, nodes: readonly ReachNode[]): (inbound: readonly SecurityGroupRule[]) => readonly number[] {
  const membersOf = new Map<string, number[]>();
  nodes.forEach((node, i) => {
    if (node.kind !== 'component') return;
    for (const id of new Set(view.components.get(node.id)!.securityGroups)) pushTo(membersOf, id, i);
  });
  const insideOf = new Map<string, number[]>();
  const inside = (rule: SecurityGroupRule): readonly number[] => {
    const cidr = rule.peer.kind === 'cidr' ? rule.peer.cidr : '';
    let found = insideOf.get(cidr);
    if (!found) {
      found = [];
      for (let i = 0; i < nodes.length; i++) if (admits(view, rule, nodes[i]!)) found.push(i);
      insideOf.set(cidr, found);
    }
    return found;
  };
  return (inbound) => {
    const found = new Set<number>();
    for (const rule of inbound) {
      const admitted = rule.peer.kind === 'security-group' ? membersOf.get(rule.peer.securityGroup) ?? [] : inside(rule);
      for (const i of admitted) found.add(i);
    }
    return [...found].sort((a, b) => a - b);
  };
}

function buildNodes(view: EnvironmentView): ReachNode[] {
  const vpc = view.env.network.vpc.cidr;
  const outside = new Set<string>();
  for (const group of view.env.securityGroups) {
    for (const rule of group.ingress) {
      if (rule.peer.kind === 'cidr' && !isWorld(rule.peer.cidr) && !cidrContains(vpc, rule.peer.cidr)) outside.add(rule.peer.cidr);
    }
  }
  return [
    { id: INTERNET, kind: 'internet', label: { ko: '인터넷', en: 'Internet' } },
    ...[...outside].map((cidr): ReachNode => ({ id: cidr, kind: 'cidr', label: { ko: cidr, en: cidr } })),
    ...view.env.components.filter((c) => c.securityGroups.length).map((c): ReachNode => ({ id: c.id, kind: 'component', label: c.name, componentType: c.type })),
  ];
}

/** Whether traffic from outside the VPC can arrive at the component at all, whatever its rules say. */
function reachableFromOutside(view: EnvironmentView, to: Component, cidr: string): boolean {
  if (to.type === 'load-balancer' && to.scheme === 'internal') return isPrivateCidr(cidr);
  if (isPrivateCidr(cidr)) return true; // VPN or peering into the VPC
  return view.env.network.internetGateway && view.inPublicSubnet(to);
}

function admits(view: EnvironmentView, rule: SecurityGroupRule, from: ReachNode): boolean {
  const peer = rule.peer;
  if (from.kind === 'internet') return peer.kind === 'cidr' && isWorld(peer.cidr);
  if (from.kind === 'cidr') return peer.kind === 'cidr' && cidrContains(peer.cidr, from.id);
  const source = view.components.get(from.id)!;
  if (peer.kind === 'security-group') return source.securityGroups.includes(peer.securityGroup);
  const cidrs = view.subnetCidrs(source);
  return isWorld(peer.cidr) || cidrs.some((c) => cidrContains(peer.cidr, c));
}

function egressAllowsTo(view: EnvironmentView, source: Component, to: Target, range: PortRange): boolean {
  return source.securityGroups.some((id) => (view.groups.get(id)?.egress ?? []).some((out) => {
    if (!overlaps(out, range)) return false;
    if (out.peer.kind === 'security-group') return to.component.securityGroups.includes(out.peer.securityGroup);
    const cidr = out.peer.cidr;
    return isWorld(cidr) || to.cidrs.some((c) => cidrContains(cidr, c));
  }));
}

function edgeBetween(view: EnvironmentView, from: ReachNode, source: Component | undefined, to: Target, refOf: (rule: SecurityGroupRule) => SourceRef): ReachEdge | undefined {
  if (from.kind !== 'component') {
    const cidr = from.kind === 'internet' ? '0.0.0.0/0' : from.id;
    if (!reachableFromOutside(view, to.component, cidr)) return undefined;
  }
  const ports = new Map<string, PortRange>();
  const rules: SourceRef[] = [];
  for (const { rule, ranges } of to.rules) {
    if (!admits(view, rule, from)) continue;
    const allowed = source ? ranges.filter((range) => egressAllowsTo(view, source, to, range)) : ranges;
    if (!allowed.length) continue;
    for (const range of allowed) ports.set(`${range.protocol}/${range.fromPort}-${range.toPort}`, range);
    rules.push(refOf(rule));
  }
  if (!ports.size) return undefined;
  const sorted = [...ports.values()].sort((a, b) => a.fromPort - b.fromPort || a.toPort - b.toPort || a.protocol.localeCompare(b.protocol));
  return { from: from.id, to: to.component.id, ports: sorted, label: hopLabel(sorted), rules };
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildPaths(nodes: readonly ReachNode[], edges: readonly ReachEdge[]): { paths: ReachabilityPath[]; cut: boolean } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const outgoing = new Map<string, ReachEdge[]>();
  const hasIncoming = new Set(edges.map((e) => e.to));
  for (const edge of edges) pushTo(outgoing, edge.from, edge);
  const entries = nodes.filter((n) => n.kind !== 'component' || (!hasIncoming.has(n.id) && outgoing.has(n.id)));
  const paths: ReachabilityPath[] = [];
  let cut = false;
  const walk = (trail: { node: ReachNode; via?: string }[], visited: Set<string>): void => {
    if (paths.length >= MAX_PATHS) return;
    const last = trail[trail.length - 1]!;
    const next = (outgoing.get(last.node.id) ?? []).filter((e) => !visited.has(e.to));
    if (next.length && trail.length >= MAX_PATH_NODES) {
      cut = true;
      paths.push(toPath(trail));
      return;
    }
    if (!next.length) {
      if (trail.length > 1) paths.push(toPath(trail));
      return;
    }
    for (const edge of next) {
      const node = byId.get(edge.to)!;
      visited.add(node.id);
      walk([...trail, { node, via: edge.label }], visited);
      visited.delete(node.id);
    }
  };
  for (const entry of entries) walk([{ node: entry }], new Set([entry.id]));
  return { paths, cut };
}

function toPath(trail: readonly { node: ReachNode; via?: string }[]): ReachabilityPath {
  const text = (locale: 'ko' | 'en'): string => trail.map((hop) => (hop.via ? `${hop.node.label[locale]} ${hop.via}` : hop.node.label[locale])).join(' → ');
  return {
    hops: trail.map((hop) => ({ node: hop.node.id, label: hop.node.label, ...(hop.via ? { via: hop.via } : {}) })),
    text: { ko: text('ko'), en: text('en') },
  };
}

function buildDataStoreAccess(view: EnvironmentView, nodes: readonly ReachNode[], edges: readonly ReachEdge[]): DataStoreAccess[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const incoming = new Map<string, ReachEdge[]>();
  for (const edge of edges) pushTo(incoming, edge.to, edge);
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const outside = nodes.map((n) => n.kind === 'internet' || (n.kind === 'cidr' && isPublicCidr(n.id)));
  // Sources of each node's incoming edges as node indexes, for the walks below.
  const sourcesOf = nodes.map((n) => (incoming.get(n.id) ?? []).map((e) => order.get(e.from)!));
  const seen = new Int32Array(nodes.length); // walk number that reached the node: no clearing between walks
  let walk = 0;
  // Container services whose task role names each resource, in model order.
  const iamOf = new Map<string, string[]>();
  for (const c of view.env.components) {
    if (c.type !== 'container-service') continue;
    for (const id of new Set(c.permissions.flatMap((p) => p.resources))) pushTo(iamOf, id, c.id);
  }
  return view.env.components.filter(isDataStore).map((store): DataStoreAccess => {
    const direct = incoming.get(store.id) ?? [];
    const start = order.get(store.id);
    const reached: number[] = [];
    if (start !== undefined) {
      walk++;
      seen[start] = walk; // the store itself is never among what reaches it
      const queue = [start];
      for (let head = 0; head < queue.length; head++) {
        for (const from of sourcesOf[queue[head]!]!) {
          if (seen[from] === walk) continue;
          seen[from] = walk;
          reached.push(from);
          queue.push(from);
        }
      }
    }
    const iam = iamOf.get(store.id) ?? [];
    return {
      dataStore: store.id,
      label: store.name,
      componentType: store.type,
      networkReachable: store.securityGroups.length > 0,
      direct: direct.map((e) => ({ node: e.from, label: byId.get(e.from)!.label, ports: e.label })),
      transitive: reached.sort((a, b) => a - b).map((i) => nodes[i]!.id),
      iam,
      internet: direct.some((e) => outside[order.get(e.from)!]) ? 'direct' : reached.some((i) => outside[i]) ? 'transitive' : 'none',
    };
  });
}
