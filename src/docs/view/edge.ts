/** Section 4.4: load balancers, API gateways and DNS. */
import type { Connection, ResolvedEnvironment } from '../../model/types.js';
import { groupBy } from '../../model/group.js';
import type { ViewContext } from './context.js';
import { derivedOf, nameOf, ofType, say, sayAll, yesNo } from './context.js';

/** Connections by their source component, in model order. */
const connectionsFrom = (env: ResolvedEnvironment) => derivedOf(env, 'connectionsFrom', (e): ReadonlyMap<string, readonly Connection[]> => groupBy(e.connections, (c) => c.from));

export function edgeView(ctx: ViewContext) {
  const loadBalancers = ofType(ctx.env, 'load-balancer').map((lb) => ({
    id: lb.id,
    name: say(ctx, lb.name),
    description: say(ctx, lb.description),
    scheme: lb.scheme,
    features: sayAll(ctx, lb.features),
    listeners: lb.listeners.map((l) => ({
      protocol: l.protocol,
      port: l.port,
      action: l.redirect
        ? ctx.messages.text('edge.redirect', { protocol: l.redirect.protocol, port: String(l.redirect.port), status: String(l.redirect.statusCode) })
        : ctx.messages.text('edge.forward', { target: nameOf(ctx, lb.targetGroup.target) }),
      redirect: l.redirect,
      certificate: l.certificate,
      sslPolicy: l.sslPolicy,
    })),
    listenerSummary: lb.listeners.map((l) => (l.redirect ? `${l.protocol} (${l.port} → ${l.redirect.protocol} ${l.redirect.port})` : `${l.protocol} (${l.port})`)).join(', '),
    target: nameOf(ctx, lb.targetGroup.target),
    targetProtocol: lb.targetGroup.protocol,
    targetPort: lb.targetGroup.port,
    healthCheck: lb.targetGroup.healthCheck,
    minTlsVersion: lb.minTlsVersion,
    accessLogs: yesNo(ctx, lb.accessLogs),
  }));
  const apiGateways = ofType(ctx.env, 'api-gateway').map((a) => ({
    id: a.id,
    name: say(ctx, a.name),
    description: say(ctx, a.description),
    rationale: sayAll(ctx, a.rationale),
    apiType: a.apiType === 'rest' ? 'REST API' : 'HTTP API',
    stage: a.stage,
    requestsPerMonth: a.requestsPerMonth,
    throttleRps: a.throttleRps,
    integrations: (connectionsFrom(ctx.env).get(a.id) ?? []).map((c) => nameOf(ctx, c.to)),
  }));
  const dns = ofType(ctx.env, 'dns').map((d) => ({
    name: say(ctx, d.name),
    zone: d.zone,
    records: d.records.map((r) => ({ name: r.name, type: r.type, target: r.aliasTarget ? nameOf(ctx, r.aliasTarget) : '' })),
  }));
  return { loadBalancers, apiGateways, dns, any: loadBalancers.length + apiGateways.length > 0 };
}
