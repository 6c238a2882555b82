/** The estimate as CSV, HTML, a terminal table and JSON; a diff as a terminal table. */
import { stableJson } from '../output/stable-json.js';
import type { CostDiff } from './compare.js';
import { escapeCsv as csv, escapeHtml as html, quantity, unitUsd, usd } from './escape.js';
import type { CostEstimate } from './types.js';

const CSV_HEAD = ['component', 'component_type', 'layer', 'dimension', 'quantity_min', 'quantity_expected', 'quantity_max', 'unit', 'unit_price_usd', 'monthly_min_usd', 'monthly_expected_usd', 'monthly_max_usd', 'sku', 'usage_type', 'price_date', 'price_key', 'not_priced', 'source'];

/** One row per line item, plus a TOTAL row; not-priced lines keep their reason. */
export function estimateToCsv(e: CostEstimate): string {
  const rows = [CSV_HEAD.join(',')];
  for (const l of e.lines) {
    rows.push([
      l.component, l.componentType, l.layer, l.dimension, l.quantity.min, l.quantity.expected, l.quantity.max, l.unit, l.unitPrice,
      l.monthly.min, l.monthly.expected, l.monthly.max, l.sku, l.usageType, l.priceDate, l.priceKey, l.notPriced, l.source,
    ].map((v) => csv(v)).join(','));
  }
  rows.push(['TOTAL', '', '', '', '', '', '', '', '', e.total.min, e.total.expected, e.total.max, '', '', '', '', '', ''].map((v) => csv(v)).join(','));
  return `${rows.join('\r\n')}\r\n`;
}

/** Stable JSON of the estimate (matches `model/cost-report.schema.json`). */
export const estimateToJson = (e: CostEstimate): string => stableJson({ $schema: 'https://archgen.dev/schema/cost-report.schema.json', ...e });

/** A self-contained HTML page. */
export function estimateToHtml(e: CostEstimate): string {
  const rows = e.lines.map((l) => l.notPriced
    ? `<tr class="np"><td>${html(l.componentName)}</td><td>${html(l.dimension)}</td><td>${quantity(l.quantity.expected)}</td><td>${html(l.unit)}</td><td></td><td colspan="3">not priced: ${html(l.notPriced)}</td><td>${html(l.priceKey ?? '')}</td></tr>`
    : `<tr><td>${html(l.componentName)}</td><td>${html(l.dimension)}</td><td>${quantity(l.quantity.expected)}</td><td>${html(l.unit)}</td><td>${unitUsd(l.unitPrice)}</td><td>${usd(l.monthly.min)}</td><td>${usd(l.monthly.expected)}</td><td>${usd(l.monthly.max)}</td><td title="${html(l.source ?? '')}">${html([l.sku, l.usageType].filter(Boolean).join(' · '))}</td></tr>`);
  const refs = e.references.map((r) => `<tr><td>${html(r.label)}</td><td>${usd(r.range.min)}–${usd(r.range.max)}</td><td>${usd(r.computed.expected)}</td><td>${r.verdict}</td></tr>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Monthly cost: ${html(e.model)} (${html(e.environment)})</title>
<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px}td:nth-child(n+3){text-align:right}.np{color:#a40}</style></head>
<body><h1>Monthly cost: ${html(e.model)} (${html(e.environment)}, ${html(e.region)})</h1>
<p><strong>Total (min / expected / max):</strong> ${usd(e.total.min)} / ${usd(e.total.expected)} / ${usd(e.total.max)}</p>
<p><strong>Prices:</strong> ${html(e.pricing.description)}${e.pricing.fallbackReason ? ` (live pricing failed: ${html(e.pricing.fallbackReason)})` : ''}</p>
${e.warnings.map((w) => `<p class="np">⚠ ${html(w)}</p>`).join('\n')}
<table><thead><tr><th>Component</th><th>Dimension</th><th>Quantity</th><th>Unit</th><th>Unit price</th><th>Min</th><th>Expected</th><th>Max</th><th>SKU / usage type</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
<h2>Seed ranges</h2><table><thead><tr><th>Item</th><th>Seed range</th><th>Computed</th><th>Expected is</th></tr></thead><tbody>
${refs.join('\n')}
</tbody></table>
<h2>Assumptions</h2><ul>${e.assumptions.map((a) => `<li>${html(a)}</li>`).join('')}</ul>
</body></html>
`;
}

const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width));

function table(head: readonly string[], rows: readonly (readonly string[])[], rightFrom: number): string {
  const widths = head.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const fmt = (r: readonly string[]) => r.map((cell, i) => pad(cell.length > widths[i]! ? `${cell.slice(0, widths[i]! - 1)}…` : cell, widths[i]!, i >= rightFrom)).join('  ').trimEnd();
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

/** Terminal table: line items with their trace, then totals, references and warnings. */
export function estimateToTable(e: CostEstimate): string {
  const rows = e.lines.map((l) => [
    l.component, l.dimension, l.notPriced ? `not priced: ${l.notPriced}` : `${quantity(l.quantity.expected)} ${l.unit} × ${unitUsd(l.unitPrice)}`,
    l.notPriced ? '—' : usd(l.monthly.min), l.notPriced ? '—' : usd(l.monthly.expected), l.notPriced ? '—' : usd(l.monthly.max),
  ]);
  const out = [
    `Monthly cost of ${e.model} (${e.environment}, ${e.region}) — prices: ${e.pricing.description}`,
    ...(e.pricing.fallbackReason ? [`! live pricing failed (${e.pricing.fallbackReason}); these are snapshot prices, not live ones`] : []),
    '',
    table(['component', 'dimension', 'quantity × unit price', 'min', 'expected', 'max'], rows, 3),
    '',
    table(['subtotal', 'min', 'expected', 'max'], [...e.components.map((c) => [c.id, usd(c.monthly.min), usd(c.monthly.expected), usd(c.monthly.max)]), ['TOTAL', usd(e.total.min), usd(e.total.expected), usd(e.total.max)]], 1),
  ];
  if (e.references.length) {
    out.push('', table(['seed range', 'range', 'computed expected', 'verdict'], e.references.map((r) => [r.label, `${usd(r.range.min)}–${usd(r.range.max)}`, usd(r.computed.expected), r.verdict]), 9));
    if (e.outsideReferences.length) out.push(`left out of the seed ranges: ${e.outsideReferences.map((o) => `${o.component} ${usd(o.monthly)}`).join(', ')}`);
  }
  for (const o of e.purchaseOptions) out.push(`option ${o.lineId}: ${o.label}: ${o.notPriced ? `not priced (${o.notPriced})` : `${usd(o.monthly!)} vs ${usd(o.onDemandMonthly)} on-demand`}`);
  for (const w of e.warnings) out.push(`warning: ${w}`);
  return `${out.join('\n')}\n`;
}

/** Terminal table of a diff. */
export function diffToTable(d: CostDiff): string {
  const changed = d.lines.filter((l) => l.status !== 'unchanged');
  const signed = (n: number) => (n > 0 ? `+${usd(n)}` : n < 0 ? `-${usd(-n)}` : usd(0));
  const rows = changed.map((l) => [l.id, l.status, usd(l.before), usd(l.after), signed(l.delta)]);
  return `${d.before.label} → ${d.after.label}: expected ${usd(d.before.total.expected)} → ${usd(d.after.total.expected)} (${signed(d.delta.expected)})\n\n${table(['line', 'status', 'before', 'after', 'change'], rows, 2)}\n`;
}
