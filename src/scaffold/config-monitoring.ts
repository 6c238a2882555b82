/** Monitoring part of the scaffold config: SNS topics and CloudWatch alarms, including derived metrics. */
import type { Alarm, Component, NotificationTopicComponent, ResolvedEnvironment } from '../model/types.js';
import type { AlarmConfig, AlarmSource, AppConfig, TopicConfig } from './config-types.js';
import { pascalCase, plainText, uniqueIds } from './names.js';
import type { NotExpressedList } from './not-expressed.js';

/** Memory (GiB) of instance sizes, for Aurora's memory-derived `max_connections`. */
const SIZE_MEMORY_GIB: Readonly<Record<string, number>> = {
  micro: 1, small: 2, medium: 4, large: 16, xlarge: 32, '2xlarge': 64, '4xlarge': 128, '8xlarge': 256, '12xlarge': 384, '16xlarge': 512, '24xlarge': 768,
};

/**
 * Aurora's default `max_connections` for an instance class. PostgreSQL:
 * LEAST(DBInstanceClassMemory / 9531392, 5000); MySQL: DBInstanceClassMemory / 12582880.
 * Burstable classes (t3/t4g) have half the memory of the same size in the memory-optimized families.
 */
export function defaultMaxConnections(instanceClass: string, engine: string): number | undefined {
  const [, family, size] = /^db\.([a-z0-9]+)\.([a-z0-9]+)$/.exec(instanceClass) ?? [];
  if (!family || !size) return undefined;
  let gib = SIZE_MEMORY_GIB[size];
  if (gib === undefined) return undefined;
  if (/^t\d/.test(family) && size === 'large') gib = 8;
  const bytes = gib * 1024 ** 3;
  return engine === 'aurora-mysql' ? Math.floor(bytes / 12582880) : Math.min(Math.floor(bytes / 9531392), 5000);
}

export function topicConfigs(env: ResolvedEnvironment): TopicConfig[] {
  const ids = uniqueIds();
  return env.components.filter((c): c is NotificationTopicComponent => c.type === 'notification-topic').map((topic) => ({
    id: topic.id,
    constructId: ids(pascalCase(topic.id, 'Topic')),
    subscriptions: topic.subscriptions.map((s) => ({ protocol: s.protocol, endpoint: s.endpoint })),
  }));
}

export function alarmConfigs(env: ResolvedEnvironment, config: Partial<AppConfig>, report: NotExpressedList): AlarmConfig[] {
  const ids = uniqueIds();
  const out: AlarmConfig[] = [];
  for (const alarm of env.monitoring.alarms) {
    const component = env.components.find((c) => c.id === alarm.component);
    const source = component && alarmSource(alarm, component, config);
    if (typeof source === 'string' || !source) {
      report.add(alarm.loc, `monitoring.alarms.${alarm.id}`, source ?? `Component "${alarm.component}" is not generated, so its alarm cannot be.`);
      continue;
    }
    const topicId = alarm.topic && config.topics?.some((t) => t.id === alarm.topic) ? alarm.topic : undefined;
    if (alarm.topic && !topicId) report.add([...alarm.loc, 'topic'], `monitoring.alarms.${alarm.id}.topic`, `Topic "${alarm.topic}" is not generated.`);
    out.push({
      id: alarm.id,
      constructId: ids(pascalCase(alarm.id, 'Alarm')),
      description: plainText(`${alarm.name.en}: ${alarm.metric} ${alarm.comparison} ${alarm.threshold} (${alarm.unit})`, 1024),
      source,
      statistic: alarm.statistic,
      comparison: alarm.comparison,
      threshold: alarm.threshold,
      periodSeconds: alarm.periodSeconds,
      evaluationPeriods: alarm.evaluationPeriods,
      topicId,
    });
  }
  return out;
}

/** Where an alarm's metric comes from, or why it cannot be generated. */
function alarmSource(alarm: Alarm, component: Component, config: Partial<AppConfig>): AlarmSource | string | undefined {
  switch (component.type) {
    case 'container-service':
      return config.service?.id === component.id ? { kind: 'service', metric: alarm.metric } : undefined;
    case 'load-balancer':
      if (config.loadBalancer?.id !== component.id) return undefined;
      return alarm.metric === 'ErrorRate' ? { kind: 'load-balancer-error-rate' } : { kind: 'load-balancer', metric: alarm.metric };
    case 'cache':
      return config.cache?.id === component.id ? { kind: 'cache', metric: alarm.metric } : undefined;
    case 'nosql-table':
      return config.tables?.some((t) => t.id === component.id) ? { kind: 'table', tableId: component.id, metric: alarm.metric } : undefined;
    case 'database': {
      if (config.database?.id !== component.id) return undefined;
      if (alarm.metric !== 'DatabaseConnectionsPercent') return { kind: 'database', metric: alarm.metric };
      const writer = component.instances.find((i) => i.role === 'writer') ?? component.instances[0];
      const maxConnections = writer && defaultMaxConnections(writer.instanceClass, component.engine);
      return maxConnections
        ? { kind: 'database-connections-percent', maxConnections }
        : `The default max_connections of instance class "${writer?.instanceClass}" is unknown, so the connection percentage cannot be derived.`;
    }
    default:
      return `Alarms on ${component.type} components are not generated.`;
  }
}
