/** What every section view needs: the model, the environment shown, the locale and its messages. */
import type { ArchitectureModel, Component, ComponentOf, ComponentType, Locale, ResolvedEnvironment, Text } from '../../model/types.js';
import { groupBy } from '../../model/group.js';
import type { Messages } from '../locale.js';

export interface ViewContext {
  readonly model: ArchitectureModel;
  /** The environment the document describes (the model's default, usually `prod`). */
  readonly env: ResolvedEnvironment;
  readonly locale: Locale;
  readonly messages: Messages;
}

/** The text of `value` in the document's locale. */
export const say = (ctx: ViewContext, value: Text | undefined): string => (value ? value[ctx.locale] : '');
export const sayAll = (ctx: ViewContext, values: readonly Text[]): string[] => values.map((v) => v[ctx.locale]);

/** The environment's components of one type, in model order (grouped once per environment; do not mutate). */
export const ofType = <T extends ComponentType>(env: ResolvedEnvironment, type: T): readonly ComponentOf<T>[] =>
  (derivedOf(env, 'componentsByType', (e): ReadonlyMap<string, readonly Component[]> => groupBy(e.components, (c) => c.type)).get(type) ?? []) as readonly ComponentOf<T>[];

/** Components of each environment by id (first one wins, like a search in model order); views look ids up per component. */
const indexes = new WeakMap<ResolvedEnvironment, ReadonlyMap<string, Component>>();
function indexOf(env: ResolvedEnvironment): ReadonlyMap<string, Component> {
  let index = indexes.get(env);
  if (!index) {
    const map = new Map<string, Component>();
    for (const c of env.components) if (!map.has(c.id)) map.set(c.id, c);
    indexes.set(env, (index = map));
  }
  return index;
}

/** Values derived from an environment (lookup maps), built once per environment object and shared by every view and locale. */
const derived = new WeakMap<ResolvedEnvironment, Map<string, unknown>>();
export function derivedOf<T>(env: ResolvedEnvironment, key: string, build: (env: ResolvedEnvironment) => T): T {
  let values = derived.get(env);
  if (!values) derived.set(env, (values = new Map()));
  if (!values.has(key)) values.set(key, build(env));
  return values.get(key) as T;
}

/** `key(item)` → the first item with that key, in order (a search's answer, looked up). */
export function firstBy<T>(items: readonly T[], key: (item: T) => string | undefined): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined && !map.has(k)) map.set(k, item);
  }
  return map;
}

/** The availability zone of a subnet id (undefined when unknown). */
export const subnetAz = (env: ResolvedEnvironment, id: string): string | undefined =>
  derivedOf(env, 'subnetById', (e) => firstBy(e.network.subnets, (s) => s.id)).get(id)?.az;

/** Distinct availability zones the subnets span. */
export const azCount = (env: ResolvedEnvironment, subnets: readonly string[]): number =>
  new Set(subnets.map((id) => subnetAz(env, id)).filter(Boolean)).size;

export const byId = (env: ResolvedEnvironment, id: string | undefined): Component | undefined =>
  id === undefined ? undefined : indexOf(env).get(id);

/** Display name of a component id (the id itself when unknown). */
export const nameOf = (ctx: ViewContext, id: string | undefined): string => {
  const found = byId(ctx.env, id);
  return found ? say(ctx, found.name) : (id ?? '');
};

/** The label of an environment: the locale's word for well-known names, else the name. */
export const envLabel = (ctx: ViewContext, name: string): string => ctx.messages.tryText(`environments.${name}`) ?? name;

/**
 * One figure across environments: `v` when every environment agrees, otherwise
 * `v1 (prod) / v2 (dev)` in declaration order, so the document states each environment's value.
 */
export function perEnvironment(ctx: ViewContext, pick: (env: ResolvedEnvironment) => string | undefined): string {
  const values = ctx.model.environmentNames.map((name) => ({ name, value: pick(ctx.model.environments[name]!) }));
  const present = values.filter((v): v is { name: string; value: string } => v.value !== undefined && v.value !== '');
  const distinct = [...new Set(present.map((v) => v.value))];
  if (distinct.length <= 1) return distinct[0] ?? '';
  return distinct
    .map((value) => `${value} (${present.filter((v) => v.value === value).map((v) => envLabel(ctx, v.name)).join(', ')})`)
    .join(' / ');
}

/** Whether {@link perEnvironment} would show more than one value. */
export function variesByEnvironment(ctx: ViewContext, pick: (env: ResolvedEnvironment) => string | undefined): boolean {
  return new Set(ctx.model.environmentNames.map((name) => pick(ctx.model.environments[name]!))).size > 1;
}

/** Same component (by id) in another environment. */
export const sameIn = <T extends Component>(env: ResolvedEnvironment, component: T): T | undefined => {
  const found = indexOf(env).get(component.id);
  // Ids are unique within an environment (validation), so the first match by id is the only candidate.
  return found?.type === component.type ? (found as T) : undefined;
};

export const yesNo = (ctx: ViewContext, value: boolean): string => ctx.messages.text(value ? 'common.enabled' : 'common.disabled');
