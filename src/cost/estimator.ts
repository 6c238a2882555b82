/**
 * `estimateCost`: quantities from the model × prices from a snapshot → a traced monthly
 * estimate. Pure: same model and snapshot give the same estimate.
 */
import type { ArchitectureModel, ResolvedEnvironment } from '../model/types.js';
import { UserError, didYouMean } from '../diagnostics/diagnostic.js';
import { demandsOf, type Demand } from './dimensions.js';
import { purchaseOptionsOf } from './purchase-options.js';
import { compareWithReferences } from './references.js';
import { costOf, describeSnapshot } from './snapshot.js';
import type { CostEstimate, EstimateOptions, LineItem, PriceSnapshot, Scenarios, Subtotal } from './types.js';

const ZERO: Scenarios = { min: 0, expected: 0, max: 0 };
/** Cents precision for money, six decimals for quantities: stable output, no float noise. */
export const money = (n: number): number => Math.round(n * 100) / 100;
const qty = (n: number): number => Math.round(n * 1e6) / 1e6;
const mapScenarios = (s: Scenarios, f: (n: number) => number): Scenarios => ({ min: f(s.min), expected: f(s.expected), max: f(s.max) });
const add = (a: Scenarios, b: Scenarios): Scenarios => ({ min: a.min + b.min, expected: a.expected + b.expected, max: a.max + b.max });

/** The environment of a model, or a {@link UserError} naming the known ones. */
export function environmentOf(model: ArchitectureModel, env: string): ResolvedEnvironment {
  const resolved = model.environments[env];
  if (resolved) return resolved;
  const guess = didYouMean(env, model.environmentNames);
  throw new UserError(`model "${model.id}" has no environment "${env}"`, [{
    file: model.source.file, line: 1, col: 1, rule: 'cost/unknown-environment', severity: 'error',
    message: `no environment "${env}"`, hint: `${guess ? `did you mean "${guess}"? ` : ''}environments: ${model.environmentNames.join(', ')}`,
  }]);
}

function describeMissing(key: string, snapshot: PriceSnapshot): string {
  const notOffered = snapshot.notOffered[key];
  if (notOffered) return `not offered in ${snapshot.region}: ${notOffered.reason}`;
  return `no price for "${key}" in the ${snapshot.region} price data (run \`archgen pricing refresh --region ${snapshot.region}\`)`;
}

function priceLine(demand: Demand, snapshot: PriceSnapshot, assumptions: Set<string>): LineItem {
  // Object literals in one fixed key order (no spreads): an estimate at scale has thousands of lines.
  const id = `${demand.component}/${demand.dimension}`;
  const quantity = mapScenarios(demand.quantity, qty);
  if (demand.notPriced || !demand.priceKey) {
    return {
      id, component: demand.component, componentName: demand.componentName, componentType: demand.componentType, layer: demand.layer,
      dimension: demand.dimension, quantity, unit: demand.unit, formula: demand.formula,
      monthly: ZERO, notPriced: demand.notPriced ?? 'no price dimension',
    };
  }
  let key = demand.priceKey;
  let entry = snapshot.prices[key];
  let formula = demand.formula;
  if (!entry && demand.fallback && snapshot.prices[demand.fallback.key]) {
    assumptions.add(`${demand.component}: ${demand.fallback.note}.`);
    formula = `${formula}; ${demand.fallback.note}`;
    key = demand.fallback.key;
    entry = snapshot.prices[key];
  }
  if (!entry) {
    return {
      id, component: demand.component, componentName: demand.componentName, componentType: demand.componentType, layer: demand.layer,
      dimension: demand.dimension, quantity, unit: demand.unit, formula: demand.formula,
      priceKey: demand.priceKey, monthly: ZERO, notPriced: describeMissing(demand.priceKey, snapshot),
    };
  }
  const priced = entry;
  const monthly = mapScenarios(demand.quantity, (q) => money(costOf(priced, q)));
  return priced.sku
    ? {
      id, component: demand.component, componentName: demand.componentName, componentType: demand.componentType, layer: demand.layer,
      dimension: demand.dimension, quantity, unit: demand.unit, formula,
      priceKey: key, unitPrice: priced.price, monthly, sku: priced.sku, usageType: priced.usageType, priceDate: priced.effectiveDate, source: priced.source,
    }
    : {
      id, component: demand.component, componentName: demand.componentName, componentType: demand.componentType, layer: demand.layer,
      dimension: demand.dimension, quantity, unit: demand.unit, formula,
      priceKey: key, unitPrice: priced.price, monthly, usageType: priced.usageType, priceDate: priced.effectiveDate, source: priced.source,
    };
}

function subtotals(lines: readonly LineItem[], group: (l: LineItem) => [string, string]): Subtotal[] {
  // Sums kept in place, added in line order (the same floating-point results as summing copies).
  const map = new Map<string, { name: string; min: number; expected: number; max: number; notPriced: number }>();
  for (const line of lines) {
    const [id, name] = group(line);
    let current = map.get(id);
    if (!current) map.set(id, (current = { name, min: 0, expected: 0, max: 0, notPriced: 0 }));
    current.name = name;
    current.min += line.monthly.min;
    current.expected += line.monthly.expected;
    current.max += line.monthly.max;
    if (line.notPriced) current.notPriced++;
  }
  return [...map].map(([id, s]) => ({ id, name: s.name, monthly: { min: money(s.min), expected: money(s.expected), max: money(s.max) }, notPriced: s.notPriced }));
}

function baseAssumptions(env: ResolvedEnvironment, snapshot: PriceSnapshot): string[] {
  const c = env.cost;
  return [
    `${c.hoursPerMonth} hours per month for hourly prices.`,
    `Prices: on-demand USD list prices for ${snapshot.region} (${snapshot.location}), no taxes, credits or account-wide free tiers (100 GB free data transfer out, Lambda/CodeBuild free tiers) deducted.`,
    `Traffic: ${c.requestsPerMonth.min}/${c.requestsPerMonth.expected}/${c.requestsPerMonth.max} requests per month (min/expected/max); request-driven quantities scale with requests ÷ expected requests.`,
    `Task and node counts: minimum / desired / maximum for the min / expected / max scenarios, each task at its starting size (vertical scaling ceilings are not priced).`,
    `Data transfer out ${c.dataTransferOutGb.min}/${c.dataTransferOutGb.expected}/${c.dataTransferOutGb.max} GB, NAT processed ${c.natProcessedGb.min}/${c.natProcessedGb.expected}/${c.natProcessedGb.max} GB, ALB load ${c.albLcu.min}/${c.albLcu.expected}/${c.albLcu.max} LCU on average.`,
    'Inter-AZ traffic, CloudWatch metrics published by AWS services, KMS keys and public IPv4 addresses are not priced.',
  ];
}

/**
 * Monthly cost of `model` in environment `env`, priced from `prices` (the snapshot of the
 * environment's region, or prices fetched live into the same shape). Every line carries its
 * quantity, unit price, SKU/usage type, price date and source, or a "not priced" reason.
 * Without `options.pricing` the estimate is remembered per (environment, snapshot) object and
 * shared by every caller: treat it as read-only.
 */
export function estimateCost(model: ArchitectureModel, env: string, prices: PriceSnapshot, options: EstimateOptions = {}): CostEstimate {
  const resolved = environmentOf(model, env);
  if (options.pricing) return compute(model, env, resolved, prices, options);
  let byEnv = estimates.get(model);
  if (!byEnv) estimates.set(model, (byEnv = new Map()));
  let bySnapshot = byEnv.get(env);
  if (!bySnapshot) byEnv.set(env, (bySnapshot = new WeakMap()));
  let estimate = bySnapshot.get(prices);
  if (!estimate) bySnapshot.set(prices, (estimate = compute(model, env, resolved, prices, options)));
  return estimate;
}

/**
 * Estimates already made, per model, environment and snapshot object (the generators, the
 * documents and the Mermaid cost pie price the same model; {@link parseSnapshot} hands out one
 * object per snapshot text). Models and snapshots are immutable; estimates are read-only.
 */
const estimates = new WeakMap<ArchitectureModel, Map<string, WeakMap<PriceSnapshot, CostEstimate>>>();

function compute(model: ArchitectureModel, env: string, resolved: ResolvedEnvironment, prices: PriceSnapshot, options: EstimateOptions): CostEstimate {
  const assumptions = new Set<string>();
  const demands = demandsOf(resolved);
  const lines = demands.map((d) => priceLine(d, prices, assumptions));
  const total = mapScenarios(lines.reduce((sum, l) => add(sum, l.monthly), ZERO), money);
  const components = subtotals(lines, (l) => [l.component, l.componentName]);
  const layers = subtotals(lines, (l) => [l.layer, l.layer]);
  const warnings = lines
    .filter((l) => l.priceKey && prices.notOffered[l.priceKey])
    .map((l) => `${l.component}: ${l.dimension}: ${prices.notOffered[l.priceKey!]!.reason}`);
  const notPriced = lines.filter((l) => l.notPriced);
  if (notPriced.length) assumptions.add(`${notPriced.length} line(s) are not priced and count as nothing in the totals; each says why.`);
  const { references, outside } = compareWithReferences(resolved, lines, components);
  return {
    model: model.id,
    environment: env,
    region: prices.region,
    currency: 'USD',
    hoursPerMonth: resolved.cost.hoursPerMonth,
    pricing: options.pricing ?? { mode: 'snapshot', requested: 'snapshot', description: describeSnapshot(prices) },
    lines,
    components,
    layers,
    total,
    purchaseOptions: purchaseOptionsOf(demands, lines, prices, resolved),
    assumptions: [...baseAssumptions(resolved, prices), ...assumptions],
    references,
    outsideReferences: outside,
    warnings,
  };
}
