/**
 * The edge of the imported model: Internet users (inferred), Route 53 zones and records, and
 * application load balancers with listeners and their one target group.
 */
import type { ObservedLoadBalancer, ObservedTargetGroup } from '../cfn/observe/types.js';
import { known } from '../cfn/observe/types.js';
import type { ImportContext, RawModel } from './context.js';
import { displayName } from './ids.js';

export const USERS_ID = 'users';

/** Internet clients: inferred when something faces the Internet (an internet-facing load balancer, an API, a public zone). */
export function mapUsers(ctx: ImportContext): RawModel[] {
  const o = ctx.observed;
  const facing = o.loadBalancers.some((lb) => known(lb.scheme) !== 'internal') || o.apis.length > 0 || o.hostedZones.some((z) => !z.private);
  if (!facing || !ctx.ids.reserve(USERS_ID)) return [];
  ctx.report.guessed(`components.${USERS_ID}`, 'client', 'inferred: the Internet callers of the public endpoints (not a template resource)');
  return [{ id: USERS_ID, type: 'client', name: { ko: '사용자 (인터넷)', en: 'Users (Internet)' } }];
}

/** Route 53 hosted zones with their A/AAAA/CNAME records and alias targets. */
export function mapDns(ctx: ImportContext): RawModel[] {
  return ctx.observed.hostedZones.flatMap((zone) => {
    const id = ctx.modelIds.get(zone.origin.key);
    if (!id) return [];
    const element = `components.${id}`;
    const zoneName = ctx.value(zone.name, `${element}.zone`, zone.origin)?.replace(/\.$/, '');
    if (!zoneName) {
      ctx.report.notMapped(zone.origin, 'the zone name is known only at deploy time');
      return [];
    }
    ctx.map(zone.origin, id, element, zone.supporting);
    const records: RawModel[] = [];
    for (const record of zone.records) {
      const type = ctx.value(record.type, `${element}.records`, record.origin);
      const name = ctx.value(record.name, `${element}.records`, record.origin)?.replace(/\.$/, '');
      if (!type || !name) continue;
      if (!['A', 'AAAA', 'CNAME'].includes(type)) {
        ctx.partOf(record.origin, id, `${element}.records`);
        ctx.report.dropped(`${element}.records`, `${type} records cannot be expressed in the model (A, AAAA, CNAME)`, record.origin, name);
        continue;
      }
      ctx.partOf(record.origin, id, `${element}.records`, record.supporting);
      const alias = ctx.componentOf(record.aliasTarget);
      records.push({ name, type, ...(alias ? { aliasTarget: alias } : {}) });
    }
    return [{ id, type: 'dns', name: 'Route 53', zone: zoneName, ...(records.length ? { records } : {}) }];
  });
}

/** The target group a load balancer forwards to: the HTTPS listener's first, else any listener's. */
function mainTargetGroup(ctx: ImportContext, lb: ObservedLoadBalancer): ObservedTargetGroup | undefined {
  const listeners = [...lb.listeners].sort((a, b) => Number(known(b.protocol) === 'HTTPS') - Number(known(a.protocol) === 'HTTPS'));
  for (const listener of listeners) {
    for (const link of listener.forwardTo) {
      const group = ctx.observed.targetGroups.find((g) => g.origin.key === link.key);
      if (group) return group;
    }
  }
  return undefined;
}

/** The component registered in a target group: a service (or function) whose `targetGroups` names it. */
function targetOf(ctx: ImportContext, group: ObservedTargetGroup): string | undefined {
  const service = ctx.observed.services.find((s) => s.targetGroups.some((t) => t.key === group.origin.key));
  return service ? ctx.modelIds.get(service.origin.key) : undefined;
}

/** Application load balancers with listeners and the one target group the model holds. */
export function mapLoadBalancers(ctx: ImportContext): RawModel[] {
  return ctx.observed.loadBalancers.flatMap((lb) => {
    const id = ctx.modelIds.get(lb.origin.key);
    if (!id) return [];
    const element = `components.${id}`;
    const group = mainTargetGroup(ctx, lb);
    const target = group ? targetOf(ctx, group) : undefined;
    if (!group || !target) {
      ctx.report.notMapped(lb.origin, group ? 'its target group has no registered service in the template; the model needs a target' : 'no listener forwards to a target group; the model needs one');
      return [];
    }
    ctx.map(lb.origin, id, element, lb.supporting);
    ctx.partOf(group.origin, id, `${element}.targetGroup`, group.supporting);
    const listeners = lb.listeners.flatMap((listener) => {
      ctx.partOf(listener.origin, id, `${element}.listeners`, listener.supporting);
      const protocol = ctx.value(listener.protocol, `${element}.listeners`, listener.origin);
      const port = ctx.value(listener.port, `${element}.listeners`, listener.origin);
      if (protocol === undefined || port === undefined) return [];
      if (protocol !== 'HTTP' && protocol !== 'HTTPS') {
        ctx.report.dropped(`${element}.listeners`, `${protocol} listeners cannot be expressed in the model (HTTP, HTTPS)`, listener.origin);
        return [];
      }
      const redirect = listener.redirect ? redirectOf(ctx, listener.redirect, port, `${element}.listeners`, listener.origin) : undefined;
      const certificate = listener.certificates[0] ? certificateName(ctx, listener.certificates[0], `${element}.listeners`, listener.origin) : undefined;
      const sslPolicy = ctx.text(listener.sslPolicy, `${element}.listeners`, listener.origin);
      return [{ protocol, port, ...(redirect ? { redirect } : {}), ...(certificate ? { certificate } : {}), ...(sslPolicy ? { sslPolicy } : {}) }];
    });
    const hc = group.healthCheck;
    const at = `${element}.targetGroup.healthCheck`;
    const healthCheck = {
      path: ctx.valueOr(hc.path, '/', `${at}.path`, group.origin, 'the model needs a health check path; the target group uses the default `/`'),
      ...optional('intervalSeconds', ctx.value(hc.intervalSeconds, at, group.origin)),
      ...optional('timeoutSeconds', ctx.value(hc.timeoutSeconds, at, group.origin)),
      ...optional('healthyThreshold', ctx.value(hc.healthyThreshold, at, group.origin)),
      ...optional('unhealthyThreshold', ctx.value(hc.unhealthyThreshold, at, group.origin)),
    };
    const tgProtocol = ctx.value(group.protocol, `${element}.targetGroup`, group.origin);
    const tgPort = ctx.valueOr(group.port, 80, `${element}.targetGroup.port`, group.origin, 'the model needs a target port');
    const scheme = ctx.value(lb.scheme, element, lb.origin);
    const subnets = lb.subnets.map((l) => ctx.idOf(l)).filter((s): s is string => Boolean(s));
    const securityGroups = lb.securityGroups.map((l) => ctx.idOf(l)).filter((s): s is string => Boolean(s));
    const minTls = minTlsVersion(listeners.map((l) => l.sslPolicy).filter((p): p is string => Boolean(p)));
    return [{
      id, type: 'load-balancer', name: displayName(lb.origin, known(lb.name)),
      ...(subnets.length ? { subnets } : {}), ...(securityGroups.length ? { securityGroups } : {}),
      ...(scheme === 'internal' ? { scheme } : {}),
      ...(minTls ? { minTlsVersion: minTls } : {}),
      listeners,
      targetGroup: { target, ...(tgProtocol === 'HTTP' || tgProtocol === 'HTTPS' ? { protocol: tgProtocol } : {}), port: tgPort, healthCheck },
      ...(lb.accessLogs ? { accessLogs: true } : {}),
    }];
  });
}

function redirectOf(ctx: ImportContext, redirect: NonNullable<ObservedLoadBalancer['listeners'][number]['redirect']>, listenerPort: number, element: string, origin: ObservedLoadBalancer['origin']): RawModel | undefined {
  const protocol = ctx.value(redirect.protocol, element, origin);
  const portText = ctx.value(redirect.port, element, origin);
  const status = ctx.value(redirect.statusCode, element, origin);
  if (protocol !== 'HTTP' && protocol !== 'HTTPS') return undefined;
  const port = portText === undefined || portText === '#{port}' ? listenerPort : Number(portText);
  if (!Number.isInteger(port)) return undefined;
  const statusCode = status === 'HTTP_302' ? 302 : 301;
  return { protocol, port, statusCode };
}

function certificateName(ctx: ImportContext, link: ObservedLoadBalancer['listeners'][number]['certificates'][number], element: string, origin: ObservedLoadBalancer['origin']): string | undefined {
  if (link.value.kind === 'known') return link.value.value;
  const name = link.logicalId ?? 'certificate';
  ctx.report.guessed(`${element}.certificate`, name, 'the certificate ARN is known only at deploy time; the model names it by the parameter or resource that supplies it', origin);
  return name;
}

/** Lowest TLS version the listeners' ELB policies allow (`ELBSecurityPolicy-TLS13-1-2-2021-06` → 1.2). */
function minTlsVersion(policies: readonly string[]): string | undefined {
  const versions = policies.map((p) => {
    const match = /TLS13-1-([0-3])|TLS-1-([0-3])/.exec(p);
    return match ? `1.${match[1] ?? match[2]}` : p.startsWith('ELBSecurityPolicy-') ? '1.0' : undefined;
  }).filter((v): v is string => Boolean(v)).sort();
  return versions[0];
}

const optional = <T>(key: string, value: T | undefined): Record<string, T> => (value === undefined ? {} : { [key]: value });
