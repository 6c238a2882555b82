/**
 * Where each component is drawn: outside AWS, global, regional, or in the VPC. In the VPC a
 * component that spans availability zones is either drawn once at VPC level (load balancers) or as
 * one node per zone (ECS tasks, database instances, cache nodes), the way reference diagrams do.
 */
import type { Component, ResolvedEnvironment, Subnet, SubnetTier } from '../../model/types.js';

export type Scope = 'external' | 'global' | 'regional' | 'vpc';

/** One drawn node of a component. The first member of a placement is the component's main node. */
export interface Member {
  /** Suffix of the node id; empty for the main node. */
  readonly key: string;
  readonly subnet?: Subnet;
  readonly role?: 'writer' | 'reader' | 'primary' | 'replica' | 'tasks';
  /** Label lines below the component name. */
  readonly detail: readonly string[];
}

export interface Placement {
  readonly component: Component;
  readonly scope: Scope;
  /** Drawn once directly in the VPC because it spans zones. */
  readonly span: boolean;
  readonly members: readonly Member[];
}

export const TIER_ORDER: readonly SubnetTier[] = ['public', 'private', 'isolated'];
export const tierTitle = (tier: SubnetTier): string => `${tier[0]!.toUpperCase()}${tier.slice(1)} subnet`;

/** Components whose traffic is spread over every node (a load balancer's targets). */
const FAN_OUT = new Set<Component['type']>(['container-service', 'kubernetes-cluster']);
export const fansOut = (c: Component): boolean => FAN_OUT.has(c.type);

function scopeOf(c: Component): Scope {
  if (c.type === 'client') return 'external';
  if (c.type === 'dns') return 'global';
  return c.subnets.length ? 'vpc' : 'regional';
}

const cpuLabel = (units: number): string => `${units / 1024} vCPU`;
const memLabel = (mib: number): string => (mib >= 1024 ? `${mib / 1024} GB` : `${mib} MB`);

/** One short line describing the component (shown under its name on its main node). */
export function summary(c: Component): string[] {
  switch (c.type) {
    case 'dns': return [c.zone];
    case 'load-balancer': return c.listeners.map((l) => (l.redirect ? `${l.protocol} :${l.port} → ${l.redirect.port}` : `${l.protocol} :${l.port}`));
    case 'secret': return c.rotationDays ? [`rotation ${c.rotationDays} days`] : [];
    case 'container-registry': return [c.repository];
    case 'log-group': return [c.logGroupName];
    case 'pipeline': return [`${c.strategy} deployment`];
    case 'api-gateway': return [`${c.apiType.toUpperCase()} API · ${c.stage}`];
    case 'function': return [`${c.runtime} · ${c.memoryMb} MB`];
    case 'nosql-table': return [`${c.billingMode} · PK ${c.partitionKey}`];
    case 'kubernetes-cluster': return [`Kubernetes ${c.version}`];
    case 'monitoring': return [`${c.dashboards} dashboard${c.dashboards === 1 ? '' : 's'}`];
    case 'notification-topic': return c.subscriptions.length ? [c.subscriptions.map((s) => s.protocol).join(', ')] : [];
    default: return [];
  }
}

function spread(total: number, buckets: number): number[] {
  return Array.from({ length: buckets }, (_, i) => Math.floor(total / buckets) + (i < total % buckets ? 1 : 0));
}

function vpcMembers(c: Component, subnets: readonly Subnet[]): { span: boolean; members: Member[] } {
  const zones = new Set(subnets.map((s) => s.az));
  switch (c.type) {
    case 'container-service': {
      const counts = spread(Math.max(1, c.desiredTasks), subnets.length);
      const taskLine = (n: number) => `${n} × ${c.launchType === 'fargate' ? 'Fargate' : 'ECS'} task${n === 1 ? '' : 's'}`;
      const size = `${cpuLabel(c.cpu)} · ${memLabel(c.memory)}`;
      return { span: false, members: subnets.flatMap((s, i) => (counts[i]! > 0 ? [{ key: '', subnet: s, role: 'tasks' as const, detail: [taskLine(counts[i]!), size] }] : [])) };
    }
    case 'kubernetes-cluster': {
      const nodes = c.nodeGroups.map((g) => `${g.instanceType} × ${g.desired}`).join(', ');
      return { span: false, members: subnets.map((s) => ({ key: '', subnet: s, detail: [`worker nodes${nodes ? ` (${nodes})` : ''}`] })) };
    }
    case 'database': {
      const instances = c.instances.length ? c.instances : [{ role: 'writer' as const, instanceClass: '', az: undefined }];
      return {
        span: false,
        members: [...instances].sort((a, b) => Number(a.role !== 'writer') - Number(b.role !== 'writer')).map((inst, i) => ({
          key: '',
          subnet: subnets.find((s) => s.az === inst.az) ?? subnets[i % subnets.length]!,
          role: inst.role,
          detail: [`${inst.role === 'writer' ? 'Writer' : 'Reader'}${inst.instanceClass ? ` · ${inst.instanceClass}` : ''}`],
        })),
      };
    }
    case 'cache': {
      const members: Member[] = [{ key: '', subnet: subnets[0]!, role: 'primary', detail: [`Primary · ${c.nodeType}`] }];
      for (let r = 1; r <= c.replicas; r++) {
        members.push({ key: '', subnet: c.multiAz ? subnets[r % subnets.length]! : subnets[0]!, role: 'replica', detail: [`Replica · ${c.nodeType}`] });
      }
      return { span: false, members };
    }
    default:
      return zones.size > 1 ? { span: true, members: [{ key: '', detail: summary(c) }] } : { span: false, members: [{ key: '', subnet: subnets[0]!, detail: summary(c) }] };
  }
}

/** Gives members unique, stable keys: the main node keeps `''`, the others `<role>-<subnet>[-n]`. */
function keyed(members: readonly Member[]): Member[] {
  const used = new Set<string>();
  return members.map((m, i) => {
    if (i === 0) return { ...m, key: '' };
    const base = `${m.role ?? 'node'}-${m.subnet?.id ?? 'vpc'}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return { ...m, key };
  });
}

/** Placement of every component of an environment, in model order. */
export function placeComponents(env: ResolvedEnvironment): Placement[] {
  const subnetById = new Map(env.network.subnets.map((s) => [s.id, s]));
  return env.components.map((component) => {
    const scope = scopeOf(component);
    if (scope !== 'vpc') return { component, scope, span: false, members: [{ key: '', detail: summary(component) }] };
    const subnets = component.subnets.map((id) => subnetById.get(id)).filter((s): s is Subnet => s !== undefined);
    if (!subnets.length) return { component, scope, span: true, members: [{ key: '', detail: summary(component) }] };
    const { span, members } = vpcMembers(component, subnets);
    return { component, scope, span, members: keyed(members) };
  });
}

/** The subnets that hold a NAT gateway: the first public subnet of every zone, or only of the first. */
export function natSubnets(env: ResolvedEnvironment): Subnet[] {
  if (env.network.natGateways === 'none') return [];
  const zones = env.network.natGateways === 'single' ? env.network.availabilityZones.slice(0, 1) : env.network.availabilityZones;
  return zones.flatMap((az) => env.network.subnets.filter((s) => s.az === az && s.tier === 'public').slice(0, 1));
}

/** Subnets of one zone, public first. */
export function subnetsOfZone(env: ResolvedEnvironment, az: string): Subnet[] {
  return env.network.subnets.filter((s) => s.az === az).sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier));
}
