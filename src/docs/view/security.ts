/** Sections 4.5.2 and 7: security-group tables, reachability and findings from the security analysis. */
import { analyzeSecurity } from '../../security/index.js';
import type { ViewContext } from './context.js';
import { nameOf, say, sayAll } from './context.js';

export function securityView(ctx: ViewContext) {
  const analysis = analyzeSecurity(ctx.model, ctx.env.name);
  const tables = analysis.ruleTables.map((t) => ({
    id: t.securityGroup,
    name: say(ctx, t.name),
    description: say(ctx, t.description),
    attachedTo: t.attachedTo.map((id) => nameOf(ctx, id)),
    inboundText: sayAll(ctx, t.inboundText),
    outboundText: sayAll(ctx, t.outboundText),
    rows: [...t.inbound, ...t.outbound].map((r) => ({
      direction: ctx.messages.text(`security.direction.${r.direction}`),
      ports: r.ports,
      protocol: r.protocol === 'all' ? ctx.messages.text('network.allProtocols') : r.protocol.toUpperCase(),
      service: r.service ?? '',
      peer: say(ctx, r.peer.label),
      description: say(ctx, r.description),
    })),
    outboundNone: t.outboundNone,
  }));
  const dataStores = analysis.reachability.dataStores.map((d) => ({
    name: say(ctx, d.label),
    direct: d.direct.map((x) => `${say(ctx, x.label)} ${x.ports}`),
    internet: ctx.messages.text(`security.internet.${d.internet}`),
    networkReachable: d.networkReachable,
    iam: d.iam.map((id) => nameOf(ctx, id)),
  }));
  return {
    principles: sayAll(ctx, ctx.env.security.principles),
    dataProtection: sayAll(ctx, ctx.env.security.dataProtection),
    accessControl: sayAll(ctx, ctx.env.security.accessControl),
    tables,
    paths: analysis.reachability.paths.map((p) => say(ctx, p.text)),
    dataStores,
    findings: analysis.findings.map((f) => ({ severity: f.severity, rule: f.rule, target: f.target, message: f.message, hint: f.hint, line: f.location.line })),
    suppressed: analysis.suppressed.map((f) => ({ severity: f.severity, rule: f.rule, target: f.target, reason: f.suppression.reason })),
    summary: Object.entries(analysis.summary).map(([severity, count]) => ({ severity, count })),
    findingCount: analysis.findings.length,
  };
}
