/**
 * A structural key of everything the security analysis reads from one environment. Two
 * environments with the same key (and whose overrides place the analysed paths at the same
 * lines) get the same analysis apart from the environment's name, so it is computed once.
 */
import type { Component, ResolvedEnvironment } from '../model/types.js';

/**
 * Fields of container services the analysis never reads (task counts are what `dev`
 * environments usually override). Everything else stays in the key: a field missing here only
 * costs a recomputation.
 */
const UNREAD_COMPONENT_FIELDS: ReadonlySet<string> = new Set(['minTasks', 'desiredTasks', 'maxTasks']);

const readFields = (component: Component): object => {
  if (component.type !== 'container-service') return component;
  const out: Record<string, unknown> = {};
  for (const key in component) if (!UNREAD_COMPONENT_FIELDS.has(key)) out[key] = component[key as keyof Component];
  return out;
};

/** The environment's analysed inputs as one string (the analysis reads nothing else of it). */
export function securityInputKey(env: ResolvedEnvironment): string {
  const { vpc, subnets, internetGateway } = env.network;
  return JSON.stringify([
    env.metadata.name, vpc, subnets, internetGateway, env.securityGroups, env.connections, env.suppressions, env.components.map(readFields),
  ]);
}
