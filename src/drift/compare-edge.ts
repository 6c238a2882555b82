/** The load balancer (listeners, target group, health check) and the DNS zone with its records. */
import type { ElementKey, Observed, ObservedHostedZone, ObservedListener, ObservedLoadBalancer, ObservedTargetGroup } from '../cfn/observe/types.js';
import type { DnsComponent, Listener, LoadBalancerComponent } from '../model/types.js';
import type { NetworkMatch } from './compare-network.js';
import { same, type DriftContext } from './context.js';
import { linkedIds, sameSet } from './links.js';
import { constructScore, pair, SCORE } from './match.js';

const known = <T>(v: { kind: string; value?: T } | undefined): T | undefined => (v?.kind === 'known' ? v.value : undefined);
const given = <T>(value: T): Observed<T> => ({ kind: 'known', value });

/** Model id of each matched load balancer, by observed key (for DNS aliases and alarms). */
export function compareLoadBalancers(ctx: DriftContext, net: NetworkMatch, idOf: Map<ElementKey, string>): void {
  const models = ctx.env.components.filter((c): c is LoadBalancerComponent => c.type === 'load-balancer');
  const constructId = (m: LoadBalancerComponent) => (ctx.scaffold.config.loadBalancer?.id === m.id ? ctx.scaffold.config.loadBalancer.constructId : undefined);
  const pairs = pair(models, ctx.observed.loadBalancers, (m, o) =>
    Math.max(constructScore(o.origin, constructId(m)), known(o.name) === m.id ? SCORE.name : 0));
  for (const lb of models) {
    const path = `components.${lb.id}`;
    const o = pairs.get(lb);
    if (!o) {
      ctx.missing(lb.loc, path, `Load balancer ${lb.id}`, constructId(lb) !== undefined);
      continue;
    }
    idOf.set(o.origin.key, lb.id);
    ctx.match(path, o.origin);
    ctx.compare('scheme', [...lb.loc, 'scheme'], `${path}.scheme`, lb.scheme, o.scheme, o.origin);
    ctx.compare('securityGroups', [...lb.loc, 'securityGroups'], `${path}.securityGroups`, lb.securityGroups, linkedIds(o.securityGroups, net.securityGroupIdOf), o.origin, { equals: sameSet });
    ctx.compare('subnets', [...lb.loc, 'subnets'], `${path}.subnets`, lb.subnets, linkedIds(o.subnets, net.subnetIdOf), o.origin, { equals: sameSet });
    ctx.compare('accessLogs', [...lb.loc, 'accessLogs'], `${path}.accessLogs`, lb.accessLogs, { kind: 'known', value: o.accessLogs }, o.origin);
    compareListeners(ctx, lb, o);
  }
}

function compareListeners(ctx: DriftContext, lb: LoadBalancerComponent, o: ObservedLoadBalancer): void {
  const path = `components.${lb.id}`;
  // Port first; a listener whose port changed still pairs by protocol and action.
  const pairs = pair<Listener, ObservedListener>(lb.listeners, o.listeners, (m, l) =>
    (known(l.port) === m.port ? 4 : 0) + (same(known(l.protocol), m.protocol) ? 2 : 0) + ((l.redirect !== undefined) === (m.redirect !== undefined) ? 1 : 0));
  lb.listeners.forEach((m, i) => {
    const lpath = `${path}.listeners[${i}]`;
    const l = pairs.get(m);
    if (!l) {
      ctx.missing(m.loc, lpath, `Listener ${m.protocol} ${m.port} of ${lb.id}`);
      return;
    }
    ctx.match(lpath, l.origin);
    ctx.compare('port', [...m.loc, 'port'], `${lpath}.port`, m.port, l.port, l.origin);
    ctx.compare('protocol', [...m.loc, 'protocol'], `${lpath}.protocol`, m.protocol, l.protocol, l.origin);
    // An HTTPS listener without SslPolicy gets ELBSecurityPolicy-2016-08.
    if (m.sslPolicy && m.protocol === 'HTTPS') ctx.compare('sslPolicy', [...m.loc, 'sslPolicy'], `${lpath}.sslPolicy`, m.sslPolicy, l.sslPolicy ?? given('ELBSecurityPolicy-2016-08'), l.origin);
    if (m.redirect) {
      if (!l.redirect) {
        ctx.compare('redirect', [...m.loc, 'redirect'], `${lpath}.redirect`, `${m.redirect.protocol}:${m.redirect.port}`, { kind: 'known', value: 'forward' }, l.origin);
      } else {
        ctx.compare('redirect.protocol', [...m.loc, 'redirect', 'protocol'], `${lpath}.redirect.protocol`, m.redirect.protocol, l.redirect.protocol, l.origin);
        ctx.compare('redirect.port', [...m.loc, 'redirect', 'port'], `${lpath}.redirect.port`, String(m.redirect.port), l.redirect.port, l.origin);
        ctx.compare('redirect.statusCode', [...m.loc, 'redirect', 'statusCode'], `${lpath}.redirect.statusCode`, `HTTP_${m.redirect.statusCode}`, l.redirect.statusCode, l.origin);
      }
    } else if (l.redirect) {
      ctx.compare('redirect', [...m.loc, 'redirect'], `${lpath}.redirect`, 'forward', { kind: 'known', value: 'redirect' }, l.origin);
    }
  });
  for (const l of o.listeners) {
    if (![...pairs.values()].includes(l)) ctx.unmodelled(l.origin, `Listener ${known(l.protocol) ?? ''} ${known(l.port) ?? ''} of ${lb.id}`, { loc: [...lb.loc, 'listeners'], path: `${path}.listeners` });
  }
  // The target group: the one the forwarding listeners send to.
  const forwarded = [...new Set(o.listeners.flatMap((l) => l.forwardTo.flatMap((t) => t.key ?? [])))];
  const tg = forwarded.map((key) => ctx.observed.targetGroups.find((t) => t.origin.key === key)).find((t): t is ObservedTargetGroup => t !== undefined);
  const tpath = `${path}.targetGroup`;
  if (!tg) {
    ctx.missing(lb.targetGroup.loc, tpath, `Target group of ${lb.id}`);
    return;
  }
  ctx.match(tpath, tg.origin);
  const m = lb.targetGroup;
  ctx.compare('port', [...m.loc, 'port'], `${tpath}.port`, m.port, tg.port, tg.origin);
  ctx.compare('protocol', [...m.loc, 'protocol'], `${tpath}.protocol`, m.protocol, tg.protocol, tg.origin);
  const hc = m.healthCheck;
  // What CloudFormation uses when the template leaves a health-check setting out (HTTP/HTTPS targets).
  const h = {
    path: tg.healthCheck.path ?? given('/'),
    intervalSeconds: tg.healthCheck.intervalSeconds ?? given(30),
    timeoutSeconds: tg.healthCheck.timeoutSeconds ?? given(5),
    healthyThreshold: tg.healthCheck.healthyThreshold ?? given(5),
    unhealthyThreshold: tg.healthCheck.unhealthyThreshold ?? given(2),
  };
  ctx.compare('healthCheck.path', [...hc.loc, 'path'], `${tpath}.healthCheck.path`, hc.path, h.path, tg.origin);
  ctx.compare('healthCheck.intervalSeconds', [...hc.loc, 'intervalSeconds'], `${tpath}.healthCheck.intervalSeconds`, hc.intervalSeconds, h.intervalSeconds, tg.origin);
  ctx.compare('healthCheck.timeoutSeconds', [...hc.loc, 'timeoutSeconds'], `${tpath}.healthCheck.timeoutSeconds`, hc.timeoutSeconds, h.timeoutSeconds, tg.origin);
  ctx.compare('healthCheck.healthyThreshold', [...hc.loc, 'healthyThreshold'], `${tpath}.healthCheck.healthyThreshold`, hc.healthyThreshold, h.healthyThreshold, tg.origin);
  ctx.compare('healthCheck.unhealthyThreshold', [...hc.loc, 'unhealthyThreshold'], `${tpath}.healthCheck.unhealthyThreshold`, hc.unhealthyThreshold, h.unhealthyThreshold, tg.origin);
}

const bare = (name: string): string => name.toLowerCase().replace(/\.$/, '');

export function compareDns(ctx: DriftContext, lbIdOf: ReadonlyMap<ElementKey, string>): void {
  const models = ctx.env.components.filter((c): c is DnsComponent => c.type === 'dns');
  const pairs = pair<DnsComponent, ObservedHostedZone>(models, ctx.observed.hostedZones, (m, o) =>
    (known(o.name) !== undefined && bare(known(o.name)!) === bare(m.zone) ? SCORE.name : 0) || (o.records.some((r) => m.records.some((mr) => bare(known(r.name) ?? '') === bare(mr.name))) ? SCORE.name - 1 : 0));
  for (const dns of models) {
    const path = `components.${dns.id}`;
    const zone = pairs.get(dns);
    if (!zone) {
      ctx.missing(dns.loc, path, `DNS zone ${dns.zone}`, ctx.scaffold.config.dns?.zoneName === dns.zone);
      continue;
    }
    ctx.match(path, zone.origin);
    ctx.compare('zone', [...dns.loc, 'zone'], `${path}.zone`, dns.zone, zone.name.kind === 'known' && zone.name.value === '' ? undefined : zone.name, zone.origin);
    const records = pair(dns.records, zone.records, (m, r) => (bare(known(r.name) ?? '') === bare(m.name) ? 2 : 0) + (same(known(r.type), m.type) ? 1 : 0), false);
    dns.records.forEach((m, i) => {
      const rpath = `${path}.records[${i}]`;
      const r = records.get(m);
      if (!r) {
        ctx.missing(m.loc, rpath, `DNS record ${m.name}`);
        return;
      }
      ctx.match(rpath, r.origin);
      ctx.compare('name', [...m.loc, 'name'], `${rpath}.name`, m.name, r.name, r.origin);
      ctx.compare('type', [...m.loc, 'type'], `${rpath}.type`, m.type, r.type, r.origin);
      if (m.aliasTarget && r.aliasTarget?.key) {
        ctx.compare('aliasTarget', [...m.loc, 'aliasTarget'], `${rpath}.aliasTarget`, m.aliasTarget, { kind: 'known', value: lbIdOf.get(r.aliasTarget.key) ?? r.aliasTarget.logicalId ?? '' }, r.origin);
      }
    });
    for (const r of zone.records) {
      if (![...records.values()].includes(r)) ctx.unmodelled(r.origin, `DNS record ${known(r.name) ?? r.origin.logicalId}`, { loc: [...dns.loc, 'records'], path: `${path}.records` });
    }
  }
}
