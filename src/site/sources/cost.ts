/**
 * The cost estimate (`src/cost`) shaped for the site: per environment, per component, the
 * min / expected / max monthly figures, priced from the committed snapshot
 * `model/pricing/<region>.json` (no network).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CostEstimate, PriceSnapshot } from '../../cost/types.js';
import type { ArchitectureModel } from '../../model/types.js';
import { available, missing, type Availability, type CostView } from '../types.js';

export async function costView(model: ArchitectureModel, root: string): Promise<Availability<CostView>> {
  const region = model.environments[model.defaultEnvironment]!.metadata.region;
  let estimates: CostEstimate[];
  try {
    const { estimateCost } = await import('../../cost/estimator.js');
    const { parseSnapshot, snapshotPath } = await import('../../cost/snapshot.js');
    const file = snapshotPath(region);
    let text: string;
    try {
      text = await readFile(path.join(root, file), 'utf8');
    } catch {
      return missing(`There is no price snapshot ${file} for region ${region}, so no cost can be estimated. Run \`archgen pricing refresh --region ${region}\`.`);
    }
    const snapshot: PriceSnapshot = parseSnapshot(text, file);
    estimates = model.environmentNames.map((env) => estimateCost(model, env, snapshot));
  } catch (error) {
    return missing(`The cost estimate could not run: ${error instanceof Error ? error.message : String(error)}`);
  }
  return available(toView(estimates));
}

export function toView(estimates: readonly CostEstimate[]): CostView {
  const notes = new Set<string>();
  for (const estimate of estimates) {
    notes.add(`${estimate.environment}: ${estimate.pricing.description}`);
    for (const warning of estimate.warnings) notes.add(`${estimate.environment}: ${warning}`);
    const unpriced = estimate.lines.filter((l) => l.notPriced);
    if (unpriced.length) notes.add(`${estimate.environment}: ${unpriced.length} line(s) not priced: ${unpriced.map((l) => `${l.id} (${l.notPriced})`).join('; ')}`);
  }
  return {
    currency: estimates[0]?.currency ?? 'USD',
    environments: estimates.map((estimate) => ({
      name: estimate.environment,
      total: estimate.total,
      lines: estimate.components.map((c) => ({ id: c.id, label: c.name, ...c.monthly })),
    })),
    notes: [...notes],
  };
}
