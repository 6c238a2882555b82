/**
 * Decides which flowchart nodes a component becomes and where they sit: outside the cloud,
 * in the Region, across the VPC, or in a subnet — and which of those nodes a connection joins.
 */
import type { Component, Connection, ResolvedEnvironment, Subnet } from '../../model/types.js';
import { say, TYPE_STYLE, WORDS } from './catalog.js';
import { componentDetail } from './describe.js';
import type { IdAllocator } from './escape.js';

export type NodeRole = 'writer' | 'reader' | 'primary' | 'replica';

export interface PlacedNode {
  readonly id: string;
  readonly component: Component;
  /** Unescaped label lines. */
  readonly lines: readonly string[];
  readonly subnet?: string;
  readonly az?: string;
  readonly role?: NodeRole;
}

export interface Placement {
  /** Clients, drawn outside the AWS cloud. */
  readonly internet: readonly PlacedNode[];
  /** Global services (Route 53), inside the AWS cloud but outside the Region. */
  readonly global: readonly PlacedNode[];
  /** Regional services without subnets. */
  readonly region: readonly PlacedNode[];
  /** Components spanning several subnets, drawn once inside the VPC. */
  readonly vpc: readonly PlacedNode[];
  readonly bySubnet: ReadonlyMap<string, readonly PlacedNode[]>;
  readonly nodesOf: ReadonlyMap<string, readonly PlacedNode[]>;
}

/** Places every component of `env`; node ids come from `ids` so they are stable and unique. */
export function placeComponents(env: ResolvedEnvironment, ids: IdAllocator): Placement {
  const subnets = new Map(env.network.subnets.map((s) => [s.id, s]));
  const internet: PlacedNode[] = [];
  const global: PlacedNode[] = [];
  const region: PlacedNode[] = [];
  const vpc: PlacedNode[] = [];
  const bySubnet = new Map<string, PlacedNode[]>(env.network.subnets.map((s) => [s.id, []]));
  const nodesOf = new Map<string, PlacedNode[]>();

  for (const c of env.components) {
    const name = say(c.name);
    const detail = componentDetail(c);
    const placed = c.subnets.map((id) => subnets.get(id)).filter((s): s is Subnet => s !== undefined);
    const nodes: PlacedNode[] = [];
    const style = TYPE_STYLE[c.type];
    if (!placed.length) {
      const node: PlacedNode = { id: ids.id('c', c.id), component: c, lines: [name, ...detail] };
      nodes.push(node);
      (style.scope === 'internet' ? internet : style.scope === 'global' ? global : region).push(node);
    } else if (style.placement === 'instances' && (c.type === 'database' || c.type === 'cache')) {
      for (const instance of instancesOf(c, placed)) {
        const node: PlacedNode = {
          id: ids.id('c', `${c.id}-${instance.key}`),
          component: c,
          lines: [name, instance.line],
          subnet: instance.subnet.id,
          az: instance.subnet.az,
          role: instance.role,
        };
        nodes.push(node);
        bySubnet.get(instance.subnet.id)!.push(node);
      }
    } else if (style.placement === 'per-subnet' || placed.length === 1) {
      for (const subnet of placed) {
        const node: PlacedNode = {
          id: ids.id('c', placed.length === 1 ? c.id : `${c.id}-${subnet.id}`),
          component: c,
          lines: [name, ...detail, ...(style.unit && placed.length > 1 ? [`(${style.unit})`] : [])],
          subnet: subnet.id,
          az: subnet.az,
        };
        nodes.push(node);
        bySubnet.get(subnet.id)!.push(node);
      }
    } else {
      const node: PlacedNode = { id: ids.id('c', c.id), component: c, lines: [name, ...detail, placed.map((s) => s.id).join(', ')] };
      nodes.push(node);
      vpc.push(node);
    }
    nodesOf.set(c.id, nodes);
  }
  return { internet, global, region, vpc, bySubnet, nodesOf };
}

interface Instance {
  readonly key: string;
  readonly role: NodeRole;
  readonly line: string;
  readonly subnet: Subnet;
}

/** Database instances in their AZ's subnet; cache primary and replicas spread over the subnets. */
function instancesOf(c: Component, subnets: readonly Subnet[]): Instance[] {
  if (c.type === 'database') {
    const counters = { writer: 0, reader: 0 };
    return c.instances.map((instance, index) => {
      const n = ++counters[instance.role];
      const subnet = subnets.find((s) => s.az === instance.az) ?? subnets[index % subnets.length]!;
      const role = instance.role === 'writer' ? WORDS.writer : WORDS.reader;
      return { key: `${instance.role}-${n}`, role: instance.role, line: `${role} · ${instance.instanceClass}`, subnet };
    });
  }
  if (c.type === 'cache') {
    const count = 1 + c.replicas;
    return Array.from({ length: count }, (_, index) => ({
      key: index === 0 ? 'primary' : `replica-${index}`,
      role: index === 0 ? ('primary' as const) : ('replica' as const),
      line: `${index === 0 ? WORDS.primary : WORDS.replica} · ${c.nodeType}`,
      subnet: subnets[index % subnets.length]!,
    }));
  }
  return [];
}

/**
 * The nodes a connection from `from` reaches on the `to` side: reads go to database readers when
 * the database routes reads to them, everything else to the writer (cache: primary); and where
 * the target exists in the source's AZ, traffic stays in that AZ.
 */
export function connectionTargets(kind: Connection['kind'], from: PlacedNode, targets: readonly PlacedNode[]): readonly PlacedNode[] {
  let candidates = targets;
  const component = targets[0]?.component;
  if (component?.type === 'database') {
    const readers = targets.filter((t) => t.role === 'reader');
    const writers = targets.filter((t) => t.role === 'writer');
    candidates = kind === 'read' && component.readReplicaRouting && readers.length ? readers : writers.length ? writers : targets;
  } else if (component?.type === 'cache' && kind !== 'read') {
    candidates = targets.filter((t) => t.role === 'primary');
  }
  if (from.az) {
    const sameAz = candidates.filter((t) => t.az === from.az);
    if (sameAz.length) return sameAz;
  }
  return candidates;
}
