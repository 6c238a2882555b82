/**
 * Public API of the cost estimator. Pure functions (no I/O) unless marked: generators and other
 * helpers import from here only.
 *
 * - {@link estimateCost}: model + environment + price snapshot → traced {@link CostEstimate}.
 * - {@link parseSnapshot}: text of `model/pricing/<region>.json` → {@link PriceSnapshot}.
 * - {@link classAvailabilityWarnings}: instance/node classes with no product → warnings for `validate`.
 * - {@link compareEstimates}: per-line differences between two estimates.
 * - formatters: Markdown, CSV, HTML, terminal table, JSON; {@link costReportSchema} for the JSON.
 */
export type {
  CostEstimate, EstimateOptions, Layer, LineItem, NotOffered, PriceEntry, PriceSnapshot, PriceTier, PricingSource,
  PurchaseOption, ReferenceComparison, ReservedTerm, ScenarioName, Scenarios, Subtotal,
} from './types.js';
export { SCENARIOS } from './types.js';
export { estimateCost, environmentOf } from './estimator.js';
export { demandsOf, type Demand } from './dimensions.js';
export { parseSnapshot, serializeSnapshot, snapshotPath, emptySnapshot, costOf, describeSnapshot } from './snapshot.js';
export { classAvailabilityWarnings } from './availability.js';
export { compareEstimates, type CostDiff, type LineDiff } from './compare.js';
export { estimateToMarkdown, diffToMarkdown } from './format-markdown.js';
export { estimateToCsv, estimateToHtml, estimateToJson, estimateToTable, diffToTable } from './format-other.js';
export { costReportSchema } from './report-schema.js';
export { tryRegion, assertRegion, knownRegions } from './regions.js';

import { demandsOf } from './dimensions.js';
import { environmentOf } from './estimator.js';
import type { ArchitectureModel } from '../model/types.js';

/** Price keys an environment needs (what `pricing refresh` and live mode fetch). */
export function priceKeysOf(model: ArchitectureModel, env: string): string[] {
  const keys = new Set<string>();
  for (const d of demandsOf(environmentOf(model, env))) {
    if (d.priceKey) keys.add(d.priceKey);
    if (d.fallback) keys.add(d.fallback.key);
    if (d.spotCompare) {
      keys.add(d.spotCompare.onDemandKey);
      if (d.spotCompare.spotKey) keys.add(d.spotCompare.spotKey);
    }
  }
  return [...keys].sort();
}

/**
 * Slices for a pie chart of the monthly cost: one per component with a cost in the scenario,
 * largest first (ties by id), amounts in USD. Not-priced components are left out, so callers
 * should show `estimate.lines.filter((l) => l.notPriced)` next to the chart.
 */
export function costShares(estimate: import('./types.js').CostEstimate, scenario: import('./types.js').ScenarioName = 'expected'): { id: string; label: string; amount: number }[] {
  return estimate.components
    .filter((c) => c.monthly[scenario] > 0)
    .map((c) => ({ id: c.id, label: c.name, amount: c.monthly[scenario] }))
    .sort((a, b) => b.amount - a.amount || a.id.localeCompare(b.id));
}
