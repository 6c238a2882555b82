/** Log groups, CloudWatch alarms (plain and metric math) and SNS topics with their subscriptions. */
import type { CfnValue } from '../types.js';
import type { ObserveContext } from './context.js';
import type { ObservedAlarm, ObservedLogGroup, ObservedTopic, Observed } from './types.js';
import { given, items, keyOf, link, links, num, prop, str } from './values.js';

export function observeLogGroups(ctx: ObserveContext): ObservedLogGroup[] {
  // VPC flow-log destinations belong to the VPC's flow logs (the model's network.flowLogs), not to a log-group component.
  const flowLogGroups = new Set(ctx.ofType('AWS::EC2::FlowLog').flatMap((f) =>
    [f.properties.LogGroupName, f.properties.LogDestination].flatMap((v) => link(v, ctx.scope(f))?.key ?? [])));
  return ctx.ofType('AWS::Logs::LogGroup').filter((g) => !flowLogGroups.has(keyOf(g.stackPath, g.logicalId))).map((g) => {
    const scope = ctx.scope(g);
    const retention = num(g.properties.RetentionInDays, scope);
    return {
      origin: ctx.claim(g),
      supporting: [],
      name: str(g.properties.LogGroupName, scope) ?? { kind: 'unknown', reason: 'the name is generated at deploy time', resolved: { kind: 'unknown', reason: 'absent', expression: null }, expression: null },
      ...(retention ? { retentionDays: retention } : {}),
    };
  });
}

const COMPARISON: Record<string, string> = {
  GreaterThanThreshold: '>', GreaterThanOrEqualToThreshold: '>=', LessThanThreshold: '<', LessThanOrEqualToThreshold: '<=',
};

export function observeAlarms(ctx: ObserveContext): ObservedAlarm[] {
  return ctx.ofType('AWS::CloudWatch::Alarm').map((a) => {
    const scope = ctx.scope(a);
    const p = a.properties;
    const metrics = items(p.Metrics);
    const returned = metrics.find((m) => prop(m, 'ReturnData') !== false) ?? metrics[0];
    const stats = metrics.map((m) => prop(m, 'MetricStat')).filter((s): s is CfnValue => s !== undefined);
    const firstStat = stats[0];
    const label = prop(returned, 'Label');
    const metric: Observed<string> = p.MetricName !== undefined
      ? str(p.MetricName, scope)!
      : typeof label === 'string' ? given(label)
        : str(prop(prop(prop(returned, 'MetricStat'), 'Metric'), 'MetricName'), scope) ?? given(String(prop(returned, 'Expression') ?? ''));
    const dimensionValues = [
      ...items(p.Dimensions),
      ...stats.flatMap((s) => items(prop(prop(s, 'Metric'), 'Dimensions'))),
    ].map((d) => prop(d, 'Value'));
    const seen = new Set<string>();
    const dimensions = dimensionValues.flatMap((v) => link(v, scope) ?? []).filter((l) => (l.key ? !seen.has(l.key) && Boolean(seen.add(l.key)) : false));
    const comparison = str(p.ComparisonOperator, scope);
    const statistic = p.Statistic !== undefined || p.ExtendedStatistic !== undefined
      ? str(p.Statistic ?? p.ExtendedStatistic, scope)
      : metrics.length === 1 && firstStat ? str(prop(firstStat, 'Stat'), scope) : undefined;
    const namespace = p.Namespace !== undefined ? str(p.Namespace, scope) : firstStat ? str(prop(prop(firstStat, 'Metric'), 'Namespace'), scope) : undefined;
    const name = str(p.AlarmName, scope);
    return {
      origin: ctx.claim(a),
      supporting: [],
      ...(name ? { name } : {}),
      metric,
      ...(namespace ? { namespace } : {}),
      dimensions,
      ...(statistic ? { statistic } : {}),
      comparison: comparison?.kind === 'known' ? given(COMPARISON[comparison.value] ?? comparison.value) : comparison ?? given(''),
      threshold: num(p.Threshold, scope) ?? given(0),
      periodSeconds: num(p.Period, scope) ?? (firstStat ? num(prop(firstStat, 'Period'), scope) : undefined) ?? given(0),
      evaluationPeriods: num(p.EvaluationPeriods, scope) ?? given(1),
      actions: links(p.AlarmActions, scope),
    };
  });
}

export function observeTopics(ctx: ObserveContext): ObservedTopic[] {
  const subscriptions = ctx.ofType('AWS::SNS::Subscription');
  return ctx.ofType('AWS::SNS::Topic').map((t) => {
    const scope = ctx.scope(t);
    const key = keyOf(t.stackPath, t.logicalId);
    const inline = items(t.properties.Subscription).map((s) => ({
      protocol: str(prop(s, 'Protocol'), scope) ?? given(''),
      endpoint: str(prop(s, 'Endpoint'), scope) ?? given(''),
    }));
    const separate = subscriptions.filter((s) => link(s.properties.TopicArn, ctx.scope(s))?.key === key).map((s) => {
      const origin = ctx.claim(s);
      return { protocol: str(s.properties.Protocol, ctx.scope(s)) ?? given(''), endpoint: str(s.properties.Endpoint, ctx.scope(s)) ?? given(''), origin };
    });
    const name = str(t.properties.TopicName, scope);
    return { origin: ctx.claim(t), supporting: [], ...(name ? { name } : {}), subscriptions: [...inline, ...separate] };
  });
}
