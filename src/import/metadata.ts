/** `metadata` of an imported model: names from the stacks, region, and the tags every resource shares. */
import type { ObservedArchitecture, Origin } from '../cfn/observe/types.js';
import type { CfnTemplateSet } from '../cfn/types.js';
import type { RawModel } from './context.js';

/** Every origin of the observed architecture that carries tags. */
function taggedOrigins(o: ObservedArchitecture): Origin[] {
  const groups: readonly (readonly { origin: Origin }[])[] = [
    o.vpcs, o.vpcs.flatMap((v) => v.subnets), o.securityGroups, o.loadBalancers, o.targetGroups, o.clusters, o.services, o.taskDefinitions,
    o.databases, o.caches, o.tables, o.logGroups, o.alarms, o.topics, o.secrets, o.hostedZones, o.repositories, o.pipelines, o.functions,
    o.apis, o.kubernetesClusters,
  ];
  return groups.flat().map((e) => e.origin).filter((origin) => Object.keys(origin.tags).length > 0);
}

/** Tags with the same value on every tagged resource (except `Name` and AWS-reserved keys). */
export function commonTags(o: ObservedArchitecture): Record<string, string> {
  const origins = taggedOrigins(o);
  if (!origins.length) return {};
  const [first, ...rest] = origins;
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(first!.tags).sort(([a], [b]) => a.localeCompare(b))) {
    if (key === 'Name' || key.startsWith('aws:')) continue;
    if (rest.every((origin) => origin.tags[key] === value)) tags[key] = value;
  }
  return tags;
}

/** `metadata` of the imported model. */
export function metadataOf(set: CfnTemplateSet, observed: ObservedArchitecture, region: string): RawModel {
  const stacks = set.stacks.filter((s) => !s.path.includes('/')).map((s) => s.path);
  const name = stacks.join(', ') || set.source;
  const description = set.stacks.map((s) => s.description?.trim()).find(Boolean);
  const tags = commonTags(observed);
  const owner = tags.owner ?? tags.team ?? 'unknown';
  return {
    name,
    title: { ko: 'AWS 아키텍처 (템플릿에서 가져옴)', en: 'AWS architecture (imported from a template)' },
    description: description ?? `Imported from ${set.source}.`,
    owner,
    region,
    ...(Object.keys(tags).length ? { tags } : {}),
  };
}
