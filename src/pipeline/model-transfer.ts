/**
 * A loaded model as plain data for a worker thread: everything but the `yaml` Document behind
 * `source.locate`, whose answers travel as a position table instead. The worker gets the very
 * model the main thread validated, without parsing it again.
 */
import { positionTableOf } from '../load/load-model.js';
import { tableLocator, type PositionNode } from '../load/position-table.js';
import type { ArchitectureModel } from '../model/types.js';

export interface TransferredModel extends Omit<ArchitectureModel, 'source'> {
  readonly file: string;
  readonly positions: PositionNode;
}

/** Undefined for a model that did not come from the loader (it has no position table). */
export function transferable(model: ArchitectureModel): TransferredModel | undefined {
  const positions = positionTableOf(model);
  if (!positions) return undefined;
  const { source, ...rest } = model;
  return { ...rest, file: source.file, positions };
}

export function received(model: TransferredModel): ArchitectureModel {
  const { file, positions, ...rest } = model;
  return { ...rest, source: tableLocator(file, positions) };
}
