/**
 * Flows (connections) the template implies: Internet users to the public endpoints, load
 * balancers to their targets, one component to another where a security group rule admits the
 * first's group into the second's, and services to the secrets, logs and registry they use.
 */
import type { ImportContext, RawModel } from './context.js';
import { USERS_ID } from './map-edge.js';

const PROTOCOL_BY_PORT: Record<number, string> = { 53: 'DNS', 80: 'HTTP', 443: 'HTTPS', 3306: 'MySQL', 5432: 'PostgreSQL', 6379: 'Redis', 11211: 'Memcached', 8080: 'HTTP', 8443: 'HTTPS' };

interface Flow { from: string; to: string; protocol: string; port?: number; kind?: string; purpose: string }

/** Connections in template order of discovery, each once per (from, to, port). */
export function mapFlows(ctx: ImportContext, components: readonly RawModel[]): RawModel[] {
  const byId = new Map(components.map((c) => [c.id as string, c]));
  const flows: Flow[] = [];
  const seen = new Set<string>();
  const add = (flow: Flow) => {
    if (flow.from === flow.to || !byId.has(flow.from) || !byId.has(flow.to)) return;
    const key = `${flow.from}\u0000${flow.to}\u0000${flow.port ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    flows.push(flow);
  };
  const ofType = (type: string) => components.filter((c) => c.type === type);

  if (byId.has(USERS_ID)) {
    for (const dns of ofType('dns')) if ((dns.records as unknown[] | undefined)?.length) add({ from: USERS_ID, to: dns.id as string, protocol: 'DNS', port: 53, purpose: 'name resolution' });
    for (const lb of ofType('load-balancer')) {
      if (lb.scheme === 'internal') continue;
      const listeners = lb.listeners as RawModel[];
      const entry = listeners.find((l) => l.protocol === 'HTTPS') ?? listeners[0];
      if (entry) add({ from: USERS_ID, to: lb.id as string, protocol: entry.protocol as string, port: entry.port as number, purpose: 'requests (inferred: internet-facing load balancer)' });
    }
    for (const api of ofType('api-gateway')) add({ from: USERS_ID, to: api.id as string, protocol: 'HTTPS', port: 443, purpose: 'API requests (inferred)' });
  }
  for (const lb of ofType('load-balancer')) {
    const group = lb.targetGroup as RawModel;
    add({ from: lb.id as string, to: group.target as string, protocol: (group.protocol as string | undefined) ?? 'HTTP', port: group.port as number, purpose: 'forward to the target group' });
  }
  for (const api of ctx.observed.apis) {
    const from = ctx.modelIds.get(api.origin.key);
    for (const link of api.integrations) {
      const to = ctx.componentOf(link);
      if (from && to) add({ from, to, protocol: 'HTTPS', purpose: 'API integration' });
    }
  }
  addSecurityGroupFlows(ctx, components, add);
  for (const c of components) {
    const id = c.id as string;
    for (const secret of (c.secrets as string[] | undefined) ?? []) add({ from: id, to: secret, protocol: 'HTTPS', port: 443, kind: 'control', purpose: 'read the secret' });
    if (typeof c.logGroup === 'string') add({ from: id, to: c.logGroup, protocol: 'HTTPS', port: 443, kind: 'async', purpose: 'logs' });
    const registry = (c.container as RawModel | undefined)?.registry;
    if (typeof registry === 'string') add({ from: registry, to: id, protocol: 'HTTPS', port: 443, kind: 'control', purpose: 'image pull' });
  }
  for (const fn of ctx.observed.functions) {
    const from = ctx.modelIds.get(fn.origin.key);
    for (const link of fn.references) {
      const to = ctx.componentOf(link);
      if (from && to && ctx.componentTypes.get(to) === 'nosql-table') add({ from, to, protocol: 'HTTPS', port: 443, purpose: 'table access' });
    }
  }

  return flows.map((flow) => ({
    id: ctx.connectionIds.allocate([`${flow.from}-${flow.to}`], 'flow'),
    from: flow.from, to: flow.to, protocol: flow.protocol,
    ...(flow.port !== undefined ? { port: flow.port } : {}),
    ...(flow.kind ? { kind: flow.kind } : {}),
    purpose: flow.purpose,
  }));
}

/** An ingress rule of group B from group A: every component in A may call every component in B on that port. */
function addSecurityGroupFlows(ctx: ImportContext, components: readonly RawModel[], add: (flow: Flow) => void): void {
  const bySecurityGroup = new Map<string, string[]>();
  for (const c of components) for (const sg of (c.securityGroups as string[] | undefined) ?? []) bySecurityGroup.set(sg, [...(bySecurityGroup.get(sg) ?? []), c.id as string]);
  const members = (sg: string) => bySecurityGroup.get(sg) ?? [];
  for (const sg of ctx.observed.securityGroups) {
    const to = ctx.modelIds.get(sg.origin.key);
    if (!to) continue;
    for (const rule of sg.ingress) {
      if (rule.peer.kind !== 'security-group') continue;
      const from = ctx.idOf(rule.peer.group);
      const port = rule.fromPort.kind === 'known' && rule.toPort.kind === 'known' && rule.fromPort.value === rule.toPort.value && rule.fromPort.value > 0 ? rule.fromPort.value : undefined;
      if (!from) continue;
      for (const caller of members(from)) {
        for (const callee of members(to)) {
          add({ from: caller, to: callee, protocol: port ? PROTOCOL_BY_PORT[port] ?? 'TCP' : 'TCP', ...(port ? { port } : {}), purpose: `allowed by ${to} ingress from ${from}` });
        }
      }
    }
  }
}
