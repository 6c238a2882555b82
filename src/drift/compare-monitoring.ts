/** Alarms (metric, comparison, threshold, period, actions) and notification topics. */
import type { ElementKey, ObservedAlarm, ObservedTopic, Observed } from '../cfn/observe/types.js';
import type { Alarm, NotificationTopicComponent } from '../model/types.js';
import type { DriftContext } from './context.js';
import { linkedIds, sameSet } from './links.js';
import { constructScore, pair, SCORE } from './match.js';

const known = <T>(v: { kind: string; value?: T } | undefined): T | undefined => (v?.kind === 'known' ? v.value : undefined);
const given = <T>(value: T): Observed<T> => ({ kind: 'known', value });

export function compareTopics(ctx: DriftContext, idOf: Map<ElementKey, string>): void {
  const models = ctx.env.components.filter((c): c is NotificationTopicComponent => c.type === 'notification-topic');
  const configs = new Map(ctx.scaffold.config.topics.map((t) => [t.id, t]));
  const pairs = pair<NotificationTopicComponent, ObservedTopic>(models, ctx.observed.topics, (m, o) =>
    Math.max(constructScore(o.origin, configs.get(m.id)?.constructId), known(o.name) === m.id ? SCORE.name : 0));
  for (const topic of models) {
    const path = `components.${topic.id}`;
    const o = pairs.get(topic);
    if (!o) {
      ctx.missing(topic.loc, path, `Notification topic ${topic.id}`);
      continue;
    }
    idOf.set(o.origin.key, topic.id);
    ctx.match(path, o.origin);
    const endpoints = o.subscriptions.map((s) => known(s.endpoint));
    if (endpoints.every((e): e is string => e !== undefined)) {
      ctx.compare('subscriptions', [...topic.loc, 'subscriptions'], `${path}.subscriptions`, topic.subscriptions.map((s) => s.endpoint), given(endpoints), o.origin, { equals: sameSet });
    }
  }
}

export function compareAlarms(ctx: DriftContext, componentIdOf: ReadonlyMap<ElementKey, string>, topicIdOf: ReadonlyMap<ElementKey, string>): void {
  const alarms = ctx.env.monitoring.alarms;
  const configs = new Map(ctx.scaffold.config.alarms.map((a) => [a.id, a]));
  const candidates = ctx.observed.alarms.filter((a) => !ctx.accounted.has(a.origin.key));
  const onComponent = (m: Alarm, o: ObservedAlarm) => o.dimensions.some((d) => d.key !== undefined && componentIdOf.get(d.key) === m.component);
  const pairs = pair<Alarm, ObservedAlarm>(alarms, candidates, (m, o) => {
    const name = known(o.name);
    return Math.max(
      constructScore(o.origin, configs.get(m.id)?.constructId),
      name !== undefined && (name === m.id || name.endsWith(`-${m.id}`)) ? SCORE.name : 0,
      known(o.metric) === m.metric && onComponent(m, o) ? SCORE.tag : 0,
    );
  }, false);
  alarms.forEach((alarm) => {
    const path = `monitoring.alarms.${alarm.id}`;
    const o = pairs.get(alarm);
    if (!o) {
      ctx.missing(alarm.loc, path, `Alarm ${alarm.id}`, configs.has(alarm.id));
      return;
    }
    ctx.match(path, o.origin);
    ctx.compare('metric', [...alarm.loc, 'metric'], `${path}.metric`, alarm.metric, o.metric, o.origin);
    ctx.compare('comparison', [...alarm.loc, 'comparison'], `${path}.comparison`, alarm.comparison, o.comparison, o.origin);
    ctx.compare('threshold', [...alarm.loc, 'threshold'], `${path}.threshold`, alarm.threshold, o.threshold, o.origin);
    ctx.compare('periodSeconds', [...alarm.loc, 'periodSeconds'], `${path}.periodSeconds`, alarm.periodSeconds, o.periodSeconds, o.origin);
    ctx.compare('evaluationPeriods', [...alarm.loc, 'evaluationPeriods'], `${path}.evaluationPeriods`, alarm.evaluationPeriods, o.evaluationPeriods, o.origin);
    if (o.statistic) ctx.compare('statistic', [...alarm.loc, 'statistic'], `${path}.statistic`, alarm.statistic, o.statistic, o.origin);
    const component = o.dimensions.map((d) => (d.key ? componentIdOf.get(d.key) : undefined)).find((id) => id !== undefined);
    if (component !== undefined) ctx.compare('component', [...alarm.loc, 'component'], `${path}.component`, alarm.component, given(component), o.origin);
    if (alarm.topic !== undefined || o.actions.length) {
      const topics = linkedIds(o.actions, topicIdOf);
      ctx.compare('topic', [...alarm.loc, 'topic'], `${path}.topic`, alarm.topic === undefined ? [] : [alarm.topic], topics, o.origin, { equals: sameSet });
    }
  });
}
