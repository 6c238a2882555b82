/** Turns model paths into {@link SourceRef}s through the model's locator. */
import type { ArchitectureModel, NodePath } from '../model/types.js';
import type { SourceRef } from './types.js';

export type Locate = (loc: NodePath) => SourceRef;

/** A function that places any model path in the YAML file. */
export function locator(model: ArchitectureModel): Locate {
  const known = new Map<string, SourceRef>();
  return (loc) => {
    const path = loc.join('.');
    let ref = known.get(path);
    if (!ref) {
      ref = { file: model.source.file, ...model.source.locate(loc), path };
      known.set(path, ref);
    }
    return ref;
  };
}
