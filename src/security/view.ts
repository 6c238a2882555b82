/** Lookups over one resolved environment that every part of the analysis shares. */
import type { Component, ResolvedEnvironment, SecurityGroup, Subnet, Text } from '../model/types.js';
import type { Locate } from './source-ref.js';
import type { PeerRef } from './types.js';

export interface EnvironmentView {
  readonly env: ResolvedEnvironment;
  readonly locate: Locate;
  readonly groups: ReadonlyMap<string, SecurityGroup>;
  readonly components: ReadonlyMap<string, Component>;
  readonly subnets: ReadonlyMap<string, Subnet>;
  /** Components each security group is attached to, in model order. */
  readonly attached: ReadonlyMap<string, readonly Component[]>;
  /** Label of a security group id (its name), or the id itself when undefined. */
  groupLabel(id: string): Text;
  peerRef(peer: { kind: 'security-group'; securityGroup: string } | { kind: 'cidr'; cidr: string }): PeerRef;
  /** CIDR blocks of the component's subnets. */
  subnetCidrs(component: Component): string[];
  /** True when the component sits in at least one public subnet. */
  inPublicSubnet(component: Component): boolean;
}

export function viewOf(env: ResolvedEnvironment, locate: Locate): EnvironmentView {
  const groups = new Map(env.securityGroups.map((g) => [g.id, g]));
  const components = new Map(env.components.map((c) => [c.id, c]));
  const subnets = new Map(env.network.subnets.map((s) => [s.id, s]));
  const attached = new Map<string, Component[]>(env.securityGroups.map((g) => [g.id, []]));
  for (const component of env.components) {
    for (const id of component.securityGroups) attached.get(id)?.push(component);
  }
  const groupLabel = (id: string): Text => groups.get(id)?.name ?? { ko: id, en: id };
  const cidrsOf = new Map(env.components.map((c) => [c.id, c.subnets.flatMap((id) => (subnets.has(id) ? [subnets.get(id)!.cidr] : []))]));
  return {
    env, locate, groups, components, subnets, attached, groupLabel,
    peerRef: (peer) => peer.kind === 'security-group'
      ? { kind: 'security-group', id: peer.securityGroup, label: groupLabel(peer.securityGroup) }
      : { kind: 'cidr', cidr: peer.cidr, label: { ko: peer.cidr, en: peer.cidr } },
    subnetCidrs: (component) => cidrsOf.get(component.id) ?? [],
    inPublicSubnet: (component) => component.subnets.some((id) => subnets.get(id)?.tier === 'public'),
  };
}
