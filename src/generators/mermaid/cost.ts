/**
 * The monthly cost pie: the cost estimator's expected figure per component, from the committed
 * price snapshot (`model/pricing/<region>.json`). Without a snapshot, or when nothing could be
 * priced, there is no pie — never made-up numbers.
 */
import { estimateCost, parseSnapshot, snapshotPath, type CostEstimate } from '../../cost/index.js';
import type { ArchitectureModel, ResolvedEnvironment } from '../../model/types.js';
import { say, WORDS } from './catalog.js';
import { mermaidText } from './escape.js';

const usd = (n: number): string => n.toFixed(2);

/** Estimator subtotals that are not model components, in the diagram locale. */
const SHARED_COSTS: Readonly<Record<string, string>> = { 'nat-gateways': WORDS.natGateway, 'data-transfer': '데이터 전송 (아웃바운드)' };

/**
 * Estimates already made, per inputs map and environment object: the cost pie and the documents'
 * cost section (both locales) price a model once. Keyed on the immutable model and inputs.
 */
const estimates = new WeakMap<ReadonlyMap<string, string>, WeakMap<ResolvedEnvironment, CostEstimate | undefined>>();

/** The estimate for `env`, or undefined when the region has no committed price snapshot. */
export function estimateFor(model: ArchitectureModel, env: string, inputs: ReadonlyMap<string, string>): CostEstimate | undefined {
  const resolved = model.environments[env]!;
  let byEnv = estimates.get(inputs);
  if (!byEnv) estimates.set(inputs, (byEnv = new WeakMap()));
  if (byEnv.has(resolved)) return byEnv.get(resolved);
  const path = snapshotPath(resolved.metadata.region);
  const text = inputs.get(path);
  const estimate = text === undefined ? undefined : estimateCost(model, env, parseSnapshot(text, path));
  byEnv.set(resolved, estimate);
  return estimate;
}

/** A Mermaid pie of expected monthly cost per component, or undefined when there is nothing priced. */
export function costPieBody(model: ArchitectureModel, env: string, inputs: ReadonlyMap<string, string>): string | undefined {
  const estimate = estimateFor(model, env, inputs);
  if (!estimate) return undefined;
  const components = new Map(model.environments[env]!.components.map((c) => [c.id, c]));
  const slices = estimate.components
    .filter((s) => s.monthly.expected > 0)
    .map((s) => ({ label: components.has(s.id) ? say(components.get(s.id)!.name) : SHARED_COSTS[s.id] ?? s.name, value: s.monthly.expected, id: s.id }))
    .sort((a, b) => b.value - a.value || a.id.localeCompare(b.id));
  if (!slices.length) return undefined;
  const { total } = estimate;
  const title = `월 예상 비용 (USD, 기대값) — 합계 $${usd(total.expected)} (범위 $${usd(total.min)}–$${usd(total.max)})`;
  return [
    'pie showData',
    `  title ${mermaidText(title)}`,
    // `showData` prints each slice's value in the legend, so the label is just the name.
    ...slices.map((s) => `  "${mermaidText(s.label)}" : ${usd(s.value)}`),
  ].join('\n');
}
