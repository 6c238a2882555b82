/**
 * Operations of the imported model: SNS topics, the CloudWatch monitoring component, CI/CD
 * pipelines and the alarms (those that do not drive autoscaling).
 */
import type { ObservedAlarm, ObservedPipeline } from '../cfn/observe/types.js';
import { known } from '../cfn/observe/types.js';
import type { ImportContext, RawModel } from './context.js';
import { displayName, kebabId, nameCandidates } from './ids.js';

export const MONITORING_ID = 'cloudwatch';

/** SNS topics with their email, https and sms subscriptions. */
export function mapTopics(ctx: ImportContext): RawModel[] {
  return ctx.observed.topics.flatMap((topic) => {
    const id = ctx.modelIds.get(topic.origin.key);
    if (!id) return [];
    const element = `components.${id}`;
    ctx.map(topic.origin, id, element, topic.supporting);
    const subscriptions = topic.subscriptions.flatMap((s) => {
      if (s.origin) ctx.partOf(s.origin, id, `${element}.subscriptions`);
      const protocol = ctx.text(s.protocol, `${element}.subscriptions`, topic.origin);
      const endpoint = ctx.text(s.endpoint, `${element}.subscriptions`, topic.origin);
      if (!protocol || !endpoint) return [];
      if (!['email', 'https', 'sms'].includes(protocol)) {
        ctx.report.dropped(`${element}.subscriptions`, `${protocol} subscriptions cannot be expressed in the model (email, https, sms)`, topic.origin, endpoint);
        return [];
      }
      return [{ protocol, endpoint }];
    });
    return [{ id, type: 'notification-topic', name: displayName(topic.origin, known(topic.name)), ...(subscriptions.length ? { subscriptions } : {}) }];
  });
}

/** Alarms that do not drive a scaling policy (those became scaling rules). */
export const plainAlarms = (ctx: ImportContext): ObservedAlarm[] => ctx.observed.alarms.filter((a) => !ctx.ownerComponent.has(a.origin.key));

/** One CloudWatch component when the template has alarms: the component alarms point at when they watch nothing mapped. */
export function mapMonitoring(ctx: ImportContext): RawModel[] {
  // The id was reserved before component ids were handed out.
  if (!plainAlarms(ctx).length || !ctx.ids.has(MONITORING_ID)) return [];
  ctx.componentTypes.set(MONITORING_ID, 'monitoring');
  ctx.report.guessed(`components.${MONITORING_ID}`, 'monitoring', 'inferred from the alarms: CloudWatch itself is not a template resource');
  return [{ id: MONITORING_ID, type: 'monitoring', name: 'CloudWatch' }];
}

const COMPARISONS: Record<string, string> = { '>': '>', '>=': '>=', '<': '<', '<=': '<=' };
const STATISTICS = ['Average', 'Maximum', 'Minimum', 'Sum', 'SampleCount'];

/** CloudWatch alarms that do not drive scaling, attached to the component they watch. */
export function mapAlarms(ctx: ImportContext): RawModel[] {
  return plainAlarms(ctx).flatMap((alarm) => {
    const id = ctx.alarmIds.allocate(nameCandidates(alarm.origin, alarmName(ctx, alarm)), 'alarm');
    const element = `monitoring.alarms.${id}`;
    const metric = ctx.value(alarm.metric, `${element}.metric`, alarm.origin);
    const comparison = COMPARISONS[ctx.value(alarm.comparison, `${element}.comparison`, alarm.origin) ?? ''];
    const threshold = ctx.value(alarm.threshold, `${element}.threshold`, alarm.origin);
    const period = ctx.value(alarm.periodSeconds, `${element}.periodSeconds`, alarm.origin);
    if (!metric || !comparison || threshold === undefined || period === undefined) {
      ctx.report.notMapped(alarm.origin, 'its metric, comparison, threshold or period is not a literal the model can hold');
      return [];
    }
    ctx.map(alarm.origin, id, element, alarm.supporting);
    const component = alarm.dimensions.map((d) => ctx.componentOf(d)).find((c) => c && ctx.componentTypes.has(c)) ?? MONITORING_ID;
    if (component === MONITORING_ID) ctx.report.guessed(`${element}.component`, MONITORING_ID, 'the alarm watches nothing the model holds; it is attached to CloudWatch', alarm.origin);
    const statistic = ctx.value(alarm.statistic, `${element}.statistic`, alarm.origin);
    if (statistic && !STATISTICS.includes(statistic)) ctx.report.dropped(`${element}.statistic`, `statistic ${statistic} cannot be expressed (Average, Maximum, Minimum, Sum, SampleCount)`, alarm.origin, statistic);
    const evaluations = ctx.value(alarm.evaluationPeriods, `${element}.evaluationPeriods`, alarm.origin);
    const topic = alarm.actions.map((a) => ctx.componentOf(a)).find((c) => c && ctx.componentTypes.get(c) === 'notification-topic');
    const unit = /Utilization|Percent|ErrorRate/i.test(metric) ? 'percent' : undefined;
    return [{
      id, name: alarmName(ctx, alarm) ?? displayName(alarm.origin), component, metric,
      ...(statistic && STATISTICS.includes(statistic) && statistic !== 'Average' ? { statistic } : {}),
      comparison, threshold, ...(unit ? { unit } : {}), periodSeconds: period,
      ...(evaluations !== undefined ? { evaluationPeriods: evaluations } : {}),
      ...(topic ? { topic } : {}),
    }];
  });
}

/** The alarm's literal name without the stack prefix CDK apps often add (`PointSystem-Prod-high-cpu` → `high-cpu`). */
function alarmName(ctx: ImportContext, alarm: ObservedAlarm): string | undefined {
  const name = known(alarm.name);
  if (!name) return undefined;
  const prefix = `${alarm.origin.stackPath.split('/')[0]}-`;
  return name.startsWith(prefix) && name.length > prefix.length ? name.slice(prefix.length) : name;
}

const STAGE_KINDS: Record<string, string> = { source: 'source', build: 'build', deploy: 'deploy', approval: 'approval', test: 'test' };

/** CodePipeline pipelines with stage kinds and the deployment strategy. */
export function mapPipelines(ctx: ImportContext): RawModel[] {
  return ctx.observed.pipelines.flatMap((pipeline) => {
    const id = ctx.modelIds.get(pipeline.origin.key);
    if (!id) return [];
    const element = `components.${id}`;
    if (!pipeline.stages.length) {
      ctx.report.notMapped(pipeline.origin, 'the pipeline has no literal stages');
      return [];
    }
    ctx.map(pipeline.origin, id, element, pipeline.supporting);
    for (const project of pipeline.buildProjects) ctx.partOf(project.origin, id, `${element}.stages`, project.supporting);
    if (pipeline.deployment) ctx.partOf(pipeline.deployment.origin, id, `${element}.strategy`, pipeline.deployment.supporting);
    const stageIds = new Set<string>();
    const stages = pipeline.stages.map((stage) => {
      let stageId = kebabId(stage.name) || 'stage';
      for (let n = 2; stageIds.has(stageId); n++) stageId = `${kebabId(stage.name) || 'stage'}-${n}`;
      stageIds.add(stageId);
      return { id: stageId, kind: stageKind(stage), name: stage.name, provider: stage.providers.join('/') || 'CodePipeline' };
    });
    const computeType = pipeline.buildProjects.map((p) => known(p.computeType)).find(Boolean);
    return [{
      id, type: 'pipeline', name: displayName(pipeline.origin),
      sourceProviders: [...new Set(pipeline.stages.filter((s) => stageKind(s) === 'source').flatMap((s) => s.providers))],
      stages, strategy: strategyOf(pipeline),
      ...(computeType ? { computeType } : {}),
    }];
  });
}

function stageKind(stage: ObservedPipeline['stages'][number]): string {
  const byName = STAGE_KINDS[stage.name.toLowerCase()];
  if (byName) return byName;
  const providers = stage.providers.join(' ').toLowerCase();
  if (/codestar|github|codecommit|s3|bitbucket/.test(providers)) return 'source';
  if (/codebuild/.test(providers)) return 'build';
  if (/codedeploy|ecs|cloudformation/.test(providers)) return 'deploy';
  if (/manual/.test(providers)) return 'approval';
  return 'build';
}

function strategyOf(pipeline: ObservedPipeline): string {
  const providers = pipeline.stages.flatMap((s) => s.providers).join(' ');
  return pipeline.deployment || /CodeDeployToECS/.test(providers) ? 'blue-green' : 'rolling';
}
