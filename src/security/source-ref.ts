/** Turns model paths into {@link SourceRef}s through the model's locator. */
import type { ArchitectureModel, NodePath } from '../model/types.js';
import type { SourceRef } from './types.js';

export type Locate = (loc: NodePath) => SourceRef;

const same = (a: { line: number; col: number }, b: { line: number; col: number }): boolean => a.line === b.line && a.col === b.col;

/**
 * A function that places any model path of environment `env` in the YAML file. A component
 * field the environment overrides (`environments.dev.overrides.components.<id>.<field>`) is
 * placed at the override, since that is the line to change; everything else at the base model.
 */
export function locator(model: ArchitectureModel, env?: string): Locate {
  const known = new Map<string, SourceRef>();
  const components = env ? model.environments[env]?.components ?? [] : [];
  const overridePath = (loc: NodePath): NodePath | undefined => {
    if (!env || loc[0] !== 'components' || typeof loc[1] !== 'number' || loc.length < 3) return undefined;
    const id = components[loc[1]]?.id;
    if (!id) return undefined;
    const candidate: NodePath = ['environments', env, 'overrides', 'components', id, ...loc.slice(2)];
    const found = model.source.locate(candidate);
    return same(found, model.source.locate(candidate.slice(0, -1))) ? undefined : candidate;
  };
  return (loc) => {
    const key = loc.join('.');
    let ref = known.get(key);
    if (!ref) {
      const override = overridePath(loc);
      ref = override
        ? { file: model.source.file, ...model.source.locate(override), path: override.join('.') }
        : { file: model.source.file, ...model.source.locate(loc), path: key };
      known.set(key, ref);
    }
    return ref;
  };
}
