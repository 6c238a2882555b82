/** Turns model paths into {@link SourceRef}s through the model's locator. */
import type { ArchitectureModel, NodePath } from '../model/types.js';
import type { SourceRef } from './types.js';

export type Locate = (loc: NodePath) => SourceRef;

/** A {@link Locate} that remembers every path it placed (to check that another environment places them alike). */
export interface RecordingLocate extends Locate {
  /** Every path asked for so far, by its dotted key. */
  readonly located: ReadonlyMap<string, { readonly loc: NodePath; readonly ref: SourceRef }>;
}

const same = (a: { line: number; col: number }, b: { line: number; col: number }): boolean => a.line === b.line && a.col === b.col;

/**
 * A function that places any model path of environment `env` in the YAML file. A component
 * field the environment overrides (`environments.dev.overrides.components.<id>.<field>`) is
 * placed at the override, since that is the line to change; everything else at the base model.
 */
export function locator(model: ArchitectureModel, env?: string): RecordingLocate {
  const known = new Map<string, { loc: NodePath; ref: SourceRef }>();
  const components = env ? model.environments[env]?.components ?? [] : [];
  // A path the file lacks is placed where its deepest present ancestor is: a path placed like
  // its parent is absent. Whether the component has overrides at all is asked once per id.
  const present = (path: NodePath): boolean => !same(model.source.locate(path), model.source.locate(path.slice(0, -1)));
  const overridden = new Map<string, boolean>();
  const hasOverrides = (id: string): boolean => {
    let has = overridden.get(id);
    if (has === undefined) overridden.set(id, (has = present(['environments', env!, 'overrides', 'components', id])));
    return has;
  };
  const overridePath = (loc: NodePath): NodePath | undefined => {
    if (!env || loc[0] !== 'components' || typeof loc[1] !== 'number' || loc.length < 3) return undefined;
    const id = components[loc[1]]?.id;
    if (!id || !hasOverrides(id)) return undefined;
    const candidate: NodePath = ['environments', env, 'overrides', 'components', id, ...loc.slice(2)];
    return present(candidate) ? candidate : undefined;
  };
  const locate = (loc: NodePath): SourceRef => {
    const key = loc.join('.');
    const entry = known.get(key);
    if (entry) return entry.ref;
    const override = overridePath(loc);
    const ref = override
      ? { file: model.source.file, ...model.source.locate(override), path: override.join('.') }
      : { file: model.source.file, ...model.source.locate(loc), path: key };
    known.set(key, { loc, ref });
    return ref;
  };
  return Object.assign(locate, { located: known as ReadonlyMap<string, { readonly loc: NodePath; readonly ref: SourceRef }> });
}

/**
 * True when `locate` places every path `recorded` holds exactly where it was placed then. Only
 * component fields can move to an environment's overrides; every other path has one place.
 */
export function placesAlike(recorded: RecordingLocate['located'], locate: Locate): boolean {
  for (const { loc, ref } of recorded.values()) {
    if (loc[0] !== 'components') continue;
    const other = locate(loc);
    if (other.file !== ref.file || other.line !== ref.line || other.col !== ref.col || other.path !== ref.path) return false;
  }
  return true;
}
