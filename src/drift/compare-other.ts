/** Lambda functions, API Gateway APIs and EKS clusters. */
import type { ApiGatewayComponent, FunctionComponent, KubernetesClusterComponent } from '../model/types.js';
import type { DriftContext } from './context.js';
import { pair, SCORE } from './match.js';

const known = <T>(v: { kind: string; value?: T } | undefined): T | undefined => (v?.kind === 'known' ? v.value : undefined);

export function compareServerless(ctx: DriftContext): void {
  const functions = ctx.env.components.filter((c): c is FunctionComponent => c.type === 'function');
  const fpairs = pair(functions, ctx.observed.functions, (m, o) => (known(o.name) === m.id || o.origin.logicalId.toLowerCase().startsWith(m.id.replace(/[^a-z0-9]/gi, '').toLowerCase()) ? SCORE.name : 0));
  for (const fn of functions) {
    const path = `components.${fn.id}`;
    const o = fpairs.get(fn);
    if (!o) {
      ctx.missing(fn.loc, path, `Function ${fn.id}`);
      continue;
    }
    ctx.match(path, o.origin);
    ctx.compare('runtime', [...fn.loc, 'runtime'], `${path}.runtime`, fn.runtime, o.runtime, o.origin);
    ctx.compare('memoryMb', [...fn.loc, 'memoryMb'], `${path}.memoryMb`, fn.memoryMb, o.memoryMb, o.origin);
    ctx.compare('timeoutSeconds', [...fn.loc, 'timeoutSeconds'], `${path}.timeoutSeconds`, fn.timeoutSeconds, o.timeoutSeconds, o.origin);
  }
  const apis = ctx.env.components.filter((c): c is ApiGatewayComponent => c.type === 'api-gateway');
  const apairs = pair(apis, ctx.observed.apis, (m, o) => (known(o.name) === m.id ? SCORE.name : 0) + (o.apiType === m.apiType ? 1 : 0));
  for (const api of apis) {
    const path = `components.${api.id}`;
    const o = apairs.get(api);
    if (!o) {
      ctx.missing(api.loc, path, `API ${api.id}`);
      continue;
    }
    ctx.match(path, o.origin);
    ctx.compare('apiType', [...api.loc, 'apiType'], `${path}.apiType`, api.apiType, { kind: 'known', value: o.apiType }, o.origin);
    if (api.throttleRps !== undefined) ctx.compare('throttleRps', [...api.loc, 'throttleRps'], `${path}.throttleRps`, api.throttleRps, o.throttleRps, o.origin);
  }
  const clusters = ctx.env.components.filter((c): c is KubernetesClusterComponent => c.type === 'kubernetes-cluster');
  const kpairs = pair(clusters, ctx.observed.kubernetesClusters, () => 0);
  for (const k of clusters) {
    const path = `components.${k.id}`;
    const o = kpairs.get(k);
    if (!o) {
      ctx.missing(k.loc, path, `Kubernetes cluster ${k.id}`);
      continue;
    }
    ctx.match(path, o.origin, ...o.nodeGroups.map((n) => n.origin));
    ctx.compare('version', [...k.loc, 'version'], `${path}.version`, k.version, o.version, o.origin);
  }
}
