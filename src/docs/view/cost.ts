/**
 * Section 9: cost optimizations, the seed's rough ranges, and the computed estimate (per component,
 * min/expected/max, with the price snapshot's date) plus its pie chart.
 */
import { snapshotPath } from '../../cost/snapshot.js';
import { estimateFor as sharedEstimateFor } from '../../generators/mermaid/cost.js';
import type { CostEstimate } from '../../cost/types.js';
import type { ArchitectureModel } from '../../model/types.js';
import { formatUnitPrice, formatUsd } from '../format.js';
import type { ViewContext } from './context.js';
import { byId, envLabel, nameOf, say } from './context.js';

/** Pricing files the documents read (`model/pricing/<region>.json`). */
export const PRICING_DIR = 'model/pricing/';

/**
 * The estimate of one environment, or undefined when the project has no snapshot for its region.
 * The same (remembered) estimate the cost pie draws, so a model is priced once per run.
 */
export function estimateFor(model: ArchitectureModel, env: string, inputs: ReadonlyMap<string, string>): CostEstimate | undefined {
  return sharedEstimateFor(model, env, inputs);
}

const pieLabel = (text: string): string => text.replace(/["\\\n]/g, ' ');

export function costView(ctx: ViewContext, inputs: ReadonlyMap<string, string>) {
  const cost = ctx.env.cost;
  const estimate = estimateFor(ctx.model, ctx.env.name, inputs);
  const optimizations = cost.optimizations.map((o) => ({
    description: say(ctx, o.description),
    environments: o.environments.map((name) => envLabel(ctx, name)).join(', '),
  }));
  const references = cost.reference.map((r) => {
    const computed = estimate?.references.find((c) => c.id === r.id);
    return {
      label: say(ctx, r.label),
      note: say(ctx, r.note),
      min: r.min,
      max: r.max,
      computed: computed?.computed.expected,
      verdict: computed ? ctx.messages.text(`cost.verdict.${computed.verdict}`) : '',
    };
  });
  const assumptions = {
    hoursPerMonth: cost.hoursPerMonth,
    requests: cost.requestsPerMonth,
    dataTransferOutGb: cost.dataTransferOutGb,
    natProcessedGb: cost.natProcessedGb,
    albLcu: cost.albLcu,
  };
  if (!estimate) return { optimizations, references, assumptions, estimate: undefined, snapshotFile: snapshotPath(ctx.env.metadata.region) };
  const label = (id: string, fallback: string) => (byId(ctx.env, id) ? nameOf(ctx, id) : ctx.messages.tryText(`cost.pseudo.${id}`) ?? fallback);
  const components = estimate.components.filter((c) => c.monthly.max > 0);
  const pie = components
    .filter((c) => c.monthly.expected > 0)
    .map((c) => `    "${pieLabel(label(c.id, c.name))}" : ${c.monthly.expected.toFixed(2)}`);
  return {
    optimizations,
    references,
    assumptions,
    snapshotFile: snapshotPath(estimate.region),
    estimate: {
      region: estimate.region,
      pricing: estimate.pricing.description,
      snapshotDate: snapshotDate(inputs.get(snapshotPath(estimate.region))),
      total: estimate.total,
      components: components.map((c) => ({
        name: label(c.id, c.name),
        monthly: c.monthly,
        notPriced: c.notPriced,
      })),
      lines: estimate.lines.map((l) => ({
        component: label(l.component, l.componentName),
        dimension: l.dimension,
        quantity: l.quantity.expected,
        unit: l.unit,
        unitPrice: l.unitPrice === undefined ? '' : formatUnitPrice(l.unitPrice),
        expected: l.monthly.expected,
        notPriced: l.notPriced ?? '',
        usageType: l.usageType ?? '',
      })),
      purchaseOptions: estimate.purchaseOptions.filter((p) => p.monthly !== undefined).map((p) => ({
        component: label(p.component, p.component), label: p.label, onDemand: formatUsd(p.onDemandMonthly), monthly: formatUsd(p.monthly!), savings: p.savings === undefined ? '' : formatUsd(p.savings),
      })),
      outside: estimate.outsideReferences.map((o) => ({ name: label(o.component, o.name), monthly: o.monthly })),
      assumptions: estimate.assumptions,
      warnings: estimate.warnings,
      pie: [`pie showData`, `    title ${pieLabel(ctx.messages.text('cost.pieTitle'))}`, ...pie].join('\n'),
    },
  };
}

function snapshotDate(text: string | undefined): string {
  if (!text) return '';
  try {
    return String((JSON.parse(text) as { retrievedAt?: string }).retrievedAt ?? '');
  } catch {
    return '';
  }
}
