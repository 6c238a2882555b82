/** Load balancers with listeners, target groups, Route 53 zones and records. */
import type { ObserveContext } from './context.js';
import type { ObservedHostedZone, ObservedListener, ObservedLoadBalancer, ObservedTargetGroup } from './types.js';
import { given, items, keyOf, link, links, num, prop, str } from './values.js';

export function observeTargetGroups(ctx: ObserveContext): ObservedTargetGroup[] {
  return ctx.ofType('AWS::ElasticLoadBalancingV2::TargetGroup').map((tg) => {
    const scope = ctx.scope(tg);
    const p = tg.properties;
    const targetType = str(p.TargetType, scope);
    const healthCheck = {
      ...(p.HealthCheckPath !== undefined ? { path: str(p.HealthCheckPath, scope)! } : {}),
      ...(p.HealthCheckIntervalSeconds !== undefined ? { intervalSeconds: num(p.HealthCheckIntervalSeconds, scope)! } : {}),
      ...(p.HealthCheckTimeoutSeconds !== undefined ? { timeoutSeconds: num(p.HealthCheckTimeoutSeconds, scope)! } : {}),
      ...(p.HealthyThresholdCount !== undefined ? { healthyThreshold: num(p.HealthyThresholdCount, scope)! } : {}),
      ...(p.UnhealthyThresholdCount !== undefined ? { unhealthyThreshold: num(p.UnhealthyThresholdCount, scope)! } : {}),
    };
    return {
      origin: ctx.claim(tg),
      supporting: [],
      port: num(p.Port, scope) ?? given(0),
      protocol: str(p.Protocol, scope) ?? given(''),
      ...(targetType?.kind === 'known' ? { targetType: targetType.value } : {}),
      healthCheck,
    };
  });
}

function listenersOf(ctx: ObserveContext): ObservedListener[] {
  return ctx.ofType('AWS::ElasticLoadBalancingV2::Listener').map((l) => {
    const scope = ctx.scope(l);
    const p = l.properties;
    const actions = items(p.DefaultActions);
    const redirect = actions.map((a) => prop(a, 'RedirectConfig')).find((r) => r !== undefined);
    const forwardTo = actions.flatMap((a) => {
      const direct = prop(a, 'TargetGroupArn');
      const weighted = items(prop(prop(a, 'ForwardConfig'), 'TargetGroups')).map((t) => prop(t, 'TargetGroupArn'));
      return [direct, ...weighted].flatMap((v) => (v === undefined ? [] : link(v, scope) ?? []));
    });
    const sslPolicy = str(p.SslPolicy, scope);
    return {
      origin: ctx.claim(l),
      supporting: [],
      loadBalancer: link(p.LoadBalancerArn, scope) ?? { value: given('') },
      port: num(p.Port, scope) ?? given(0),
      protocol: str(p.Protocol, scope) ?? given(''),
      certificates: items(p.Certificates).flatMap((c) => link(prop(c, 'CertificateArn'), scope) ?? []),
      ...(sslPolicy ? { sslPolicy } : {}),
      ...(redirect !== undefined ? {
        redirect: {
          protocol: str(prop(redirect, 'Protocol'), scope) ?? given('#{protocol}'),
          port: str(prop(redirect, 'Port'), scope) ?? given('#{port}'),
          statusCode: str(prop(redirect, 'StatusCode'), scope) ?? given(''),
        },
      } : {}),
      forwardTo,
    };
  });
}

export function observeLoadBalancers(ctx: ObserveContext): ObservedLoadBalancer[] {
  const listeners = listenersOf(ctx);
  return ctx.ofType('AWS::ElasticLoadBalancingV2::LoadBalancer').map((lb) => {
    const scope = ctx.scope(lb);
    const p = lb.properties;
    const key = keyOf(lb.stackPath, lb.logicalId);
    const attributes = items(p.LoadBalancerAttributes);
    const accessLogs = attributes.some((a) => prop(a, 'Key') === 'access_logs.s3.enabled' && String(prop(a, 'Value')) === 'true');
    const subnets = p.Subnets !== undefined ? links(p.Subnets, scope) : items(p.SubnetMappings).flatMap((m) => link(prop(m, 'SubnetId'), scope) ?? []);
    const name = str(p.Name, scope);
    return {
      origin: ctx.claim(lb),
      supporting: [],
      ...(name ? { name } : {}),
      lbType: typeof p.Type === 'string' ? p.Type : 'application',
      scheme: str(p.Scheme, scope) ?? given('internet-facing'),
      subnets,
      securityGroups: links(p.SecurityGroups, scope),
      listeners: listeners.filter((l) => l.loadBalancer.key === key),
      accessLogs,
    };
  });
}

export function observeHostedZones(ctx: ObserveContext): ObservedHostedZone[] {
  const records = ctx.ofType('AWS::Route53::RecordSet').map((r) => {
    const scope = ctx.scope(r);
    const p = r.properties;
    const alias = prop(p.AliasTarget, 'DNSName');
    const aliasTarget = alias !== undefined ? link(alias, scope) : undefined;
    const zone = link(p.HostedZoneId, scope);
    return {
      origin: ctx.claim(r),
      supporting: [],
      name: str(p.Name, scope) ?? given(''),
      type: str(p.Type, scope) ?? given(''),
      ...(aliasTarget ? { aliasTarget } : {}),
      ...(zone ? { zone } : {}),
    };
  });
  const zones: ObservedHostedZone[] = ctx.ofType('AWS::Route53::HostedZone').map((z) => {
    const key = keyOf(z.stackPath, z.logicalId);
    const vpcs = items(z.properties.VPCs);
    return { origin: ctx.claim(z), supporting: [], name: str(z.properties.Name, ctx.scope(z)) ?? given(''), private: vpcs.length > 0, records: records.filter((r) => r.zone?.key === key) };
  });
  const orphans = records.filter((r) => !r.zone?.key);
  if (orphans.length) {
    // Records in a zone the template does not create (an imported zone): one zone per zone id.
    const byZone = new Map<string, typeof orphans>();
    for (const r of orphans) {
      const id = r.zone?.value.kind === 'known' ? r.zone.value.value : r.zone?.logicalId ?? '';
      byZone.set(id, [...(byZone.get(id) ?? []), r]);
    }
    for (const [id, list] of byZone) {
      const first = list[0]!;
      zones.push({ origin: first.origin, supporting: [], name: given(id), private: false, records: list });
    }
  }
  return zones;
}

