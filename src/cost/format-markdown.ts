/** The estimate and a diff as Markdown (the generated report, and the pull-request comment). */
import type { CostDiff } from './compare.js';
import { escapeMarkdown as md, quantity, unitUsd, usd } from './escape.js';
import type { CostEstimate, Scenarios } from './types.js';

/** Empty table cells read as "—" (and keep markdownlint's compact table style). */
const fill = (lines: readonly string[]): string => `${lines.map(fillLine).join('\n')}\n`;

function fillLine(l: string): string {
  if (!l.startsWith('|')) return l;
  // Most rows have no empty cell: skip the three passes when none of them would match.
  if (!l.includes('| |') && !l.includes('|  |') && !l.includes('—|')) return l;
  return l.replace(/\| {1,2}(?=\|)/g, '| —').replace(/\| {1,2}(?=\|)/g, '| —').replace(/—\|/g, '— |');
}

const range = (s: Scenarios): string => `${usd(s.min)} / ${usd(s.expected)} / ${usd(s.max)}`;
const signed = (n: number): string => (n > 0 ? `+${usd(n)}` : n < 0 ? `−${usd(-n)}` : usd(0));

/** Markdown report: header, totals, line items, subtotals, options, references, assumptions. */
export function estimateToMarkdown(e: CostEstimate): string {
  const out: string[] = [];
  out.push(`# Monthly cost: ${md(e.model)} (${md(e.environment)}, ${md(e.region)})`, '');
  out.push(`- **Total (min / expected / max):** ${range(e.total)} per month`);
  out.push(`- **Prices:** ${md(e.pricing.description)}${e.pricing.fallbackReason ? ` — live pricing was requested but failed: ${md(e.pricing.fallbackReason)}` : ''}`);
  out.push(`- **Hours per month:** ${e.hoursPerMonth}`, '');
  if (e.warnings.length) {
    out.push('## Warnings', '');
    for (const w of e.warnings) out.push(`- ⚠ ${md(w)}`);
    out.push('');
  }
  out.push('## Line items', '');
  out.push('| Component | Dimension | Quantity (expected) | Unit | Unit price | Monthly min | Monthly expected | Monthly max | SKU / usage type | Price date |');
  out.push('| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | --- | --- |');
  for (const l of e.lines) {
    if (l.notPriced) {
      out.push(`| ${md(l.componentName)} | ${md(l.dimension)} | ${quantity(l.quantity.expected)} | ${md(l.unit)} | — | — | **not priced:** ${md(l.notPriced)} | — | ${l.priceKey ? `\`${md(l.priceKey)}\`` : ''} | |`);
      continue;
    }
    const trace = [l.sku ? `SKU ${l.sku}` : undefined, l.usageType].filter(Boolean).map((t) => md(t!)).join('<br>');
    out.push(`| ${md(l.componentName)} | ${md(l.dimension)} | ${quantity(l.quantity.expected)} | ${md(l.unit)} | ${unitUsd(l.unitPrice)} | ${usd(l.monthly.min)} | ${usd(l.monthly.expected)} | ${usd(l.monthly.max)} | ${trace} | ${md(l.priceDate ?? '')} |`);
  }
  out.push('', '## Subtotals per component', '', '| Component | Min | Expected | Max | Not priced |', '| --- | ---: | ---: | ---: | ---: |');
  for (const c of e.components) out.push(`| ${md(c.name)} | ${usd(c.monthly.min)} | ${usd(c.monthly.expected)} | ${usd(c.monthly.max)} | ${c.notPriced} |`);
  out.push(`| **Total** | **${usd(e.total.min)}** | **${usd(e.total.expected)}** | **${usd(e.total.max)}** | ${e.lines.filter((l) => l.notPriced).length} |`);
  out.push('', '## Subtotals per layer', '', '| Layer | Min | Expected | Max |', '| --- | ---: | ---: | ---: |');
  for (const c of e.layers) out.push(`| ${md(c.name)} | ${usd(c.monthly.min)} | ${usd(c.monthly.expected)} | ${usd(c.monthly.max)} |`);
  if (e.purchaseOptions.length) {
    out.push('', '## Reserved and Spot comparisons (expected scenario)', '', '| Line | Option | On-demand | With option | Savings |', '| --- | --- | ---: | ---: | ---: |');
    for (const o of e.purchaseOptions) {
      out.push(o.notPriced
        ? `| ${md(o.lineId)} | ${md(o.label)} | ${usd(o.onDemandMonthly)} | **not priced:** ${md(o.notPriced)} | — |`
        : `| ${md(o.lineId)} | ${md(o.label)} | ${usd(o.onDemandMonthly)} | ${usd(o.monthly!)} | ${usd(o.savings!)} |`);
    }
  }
  if (e.references.length) {
    out.push('', '## Compared with the seed estimate ranges', '', '| Item | Seed range | Computed (min / expected / max) | Expected is |', '| --- | ---: | ---: | --- |');
    for (const r of e.references) out.push(`| ${md(r.label)} | ${usd(r.range.min)}–${usd(r.range.max)} | ${range(r.computed)} | ${r.verdict} the range |`);
    if (e.outsideReferences.length) {
      out.push('', 'Costs the seed ranges left out (expected monthly):', '');
      for (const o of e.outsideReferences) out.push(`- ${md(o.name)} (\`${md(o.component)}\`): ${usd(o.monthly)}`);
    }
  }
  out.push('', '## Assumptions', '');
  for (const a of e.assumptions) out.push(`- ${md(a)}`);
  out.push('', '## How each quantity was derived', '');
  for (const l of e.lines) out.push(`- \`${md(l.id)}\`: ${md(l.formula)}${l.source ? ` — price source: ${md(l.source)}` : ''}`);
  return fill(out);
}

/** A diff as a pull-request comment. */
export function diffToMarkdown(d: CostDiff): string {
  const out = [`# Cost change: ${md(d.before.label)} → ${md(d.after.label)}`, ''];
  out.push(`Expected monthly total: ${usd(d.before.total.expected)} → ${usd(d.after.total.expected)} (**${signed(d.delta.expected)}**); min ${signed(d.delta.min)}, max ${signed(d.delta.max)}.`, '');
  out.push('| Line | Status | Before | After | Change | Note |', '| --- | --- | ---: | ---: | ---: | --- |');
  for (const l of d.lines.filter((x) => x.status !== 'unchanged')) {
    out.push(`| ${md(l.id)} | ${l.status} | ${usd(l.before)} | ${usd(l.after)} | ${signed(l.delta)} | ${md(l.note ?? '')} |`);
  }
  const same = d.lines.filter((x) => x.status === 'unchanged').length;
  if (same) out.push('', `${same} line(s) unchanged.`);
  return fill(out);
}
