/** Section 4.1: compute — ECS services with their container image, Lambda functions, EKS clusters. */
import { formatMemory, formatNumber, formatVcpu } from '../format.js';
import type { ViewContext } from './context.js';
import type { ResolvedEnvironment } from '../../model/types.js';
import { azCount, byId, derivedOf, firstBy, nameOf, ofType, perEnvironment, say, sameIn, sayAll, variesByEnvironment } from './context.js';

export function computeView(ctx: ViewContext) {
  const services = ofType(ctx.env, 'container-service').map((s) => {
    const range = (low: string, high: string) => (low === high ? low : `${low} ~ ${high}`);
    const balancer = derivedOf(ctx.env, 'balancerByTarget', (env) => firstBy(ofType(env, 'load-balancer'), (lb) => lb.targetGroup.target)).get(s.id);
    const registry = byId(ctx.env, s.container.registry);
    const taskRange = (env: ResolvedEnvironment) => {
      const other = sameIn(env, s);
      return other ? ctx.messages.text('compute.taskRange', { min: String(other.minTasks), desired: String(other.desiredTasks), max: String(other.maxTasks) }) : undefined;
    };
    return {
      id: s.id,
      name: say(ctx, s.name),
      description: say(ctx, s.description),
      rationale: sayAll(ctx, s.rationale),
      launchType: s.launchType === 'fargate' ? 'Fargate' : 'EC2',
      cluster: s.cluster,
      spot: perEnvironment(ctx, (env) => {
        const other = sameIn(env, s);
        return other ? ctx.messages.text(other.spot ? 'compute.capacitySpot' : 'compute.capacityOnDemand') : undefined;
      }),
      architecture: s.architecture,
      azCount: azCount(ctx.env, s.subnets),
      cpu: range(formatVcpu(s.cpu), formatVcpu(s.maxCpu)),
      memory: range(formatMemory(s.memory), formatMemory(s.maxMemory)),
      tasksByEnvironment: variesByEnvironment(ctx, taskRange) ? perEnvironment(ctx, taskRange) : undefined,
      minTasks: s.minTasks,
      desiredTasks: s.desiredTasks,
      maxTasks: s.maxTasks,
      scalingMetrics: [...new Set(s.scaling.map((r) => r.metric))].map((m) => ctx.messages.text(`metrics.${m}`)),
      container: {
        name: s.container.name,
        image: s.container.image,
        registry: registry ? say(ctx, registry.name) : undefined,
        repository: registry?.type === 'container-registry' ? registry.repository : undefined,
        baseImage: say(ctx, s.container.baseImage),
        runtime: say(ctx, s.container.runtime),
        port: s.container.port,
        healthCheckPath: balancer?.type === 'load-balancer' ? balancer.targetGroup.healthCheck.path : undefined,
        healthCheck: s.container.healthCheck,
        healthCheckCommand: s.container.healthCheck.command.join(' '),
        environment: Object.entries(s.container.environment).sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => ({ name, value })),
      },
      logGroup: nameOf(ctx, s.logGroup),
      secrets: s.secrets.map((id) => nameOf(ctx, id)),
    };
  });
  const functions = ofType(ctx.env, 'function').map((f) => ({
    id: f.id,
    name: say(ctx, f.name),
    description: say(ctx, f.description),
    rationale: sayAll(ctx, f.rationale),
    runtime: f.runtime,
    memoryMb: f.memoryMb,
    timeoutSeconds: f.timeoutSeconds,
    architecture: f.architecture,
    invocations: perEnvironment(ctx, (env) => {
      const other = sameIn(env, f);
      return other ? formatNumber(other.invocationsPerMonth) : undefined;
    }),
    averageDurationMs: f.averageDurationMs,
    provisionedConcurrency: f.provisionedConcurrency,
    inVpc: f.subnets.length > 0,
    logGroup: nameOf(ctx, f.logGroup),
    secrets: f.secrets.map((id) => nameOf(ctx, id)),
  }));
  const clusters = ofType(ctx.env, 'kubernetes-cluster').map((k) => ({
    id: k.id,
    name: say(ctx, k.name),
    description: say(ctx, k.description),
    rationale: sayAll(ctx, k.rationale),
    version: k.version,
    nodeGroups: k.nodeGroups.map((g) => ({ ...g, capacity: ctx.messages.text(g.spot ? 'compute.capacitySpot' : 'compute.capacityOnDemand') })),
    workloads: k.workloads,
    logGroup: nameOf(ctx, k.logGroup),
  }));
  return { services, functions, clusters, any: services.length + functions.length + clusters.length > 0 };
}
