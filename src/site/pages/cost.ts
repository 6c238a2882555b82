/** Cost breakdown: per-scenario totals for every environment and a chart per component. */
import { formatUsd, html, type SafeHtml } from '../html.js';
import { unavailable } from '../layout.js';
import type { CostEnvironment, SiteModel } from '../types.js';

const SCENARIOS = ['min', 'expected', 'max'] as const;

export function costBody(site: SiteModel): SafeHtml {
  if (site.cost.status !== 'ok') return unavailable('Cost estimate', site.cost.reason);
  const view = site.cost.value;
  const legend = html`<p class="legend" aria-hidden="true"><span class="l-min">min</span><span class="l-expected">expected</span><span class="l-max">max</span></p>`;
  const totals = view.environments.map((env) => ({ label: env.name, values: [env.total.min, env.total.expected, env.total.max] as const }));
  return html`<div class="page-head"><h1>Cost estimate</h1><p class="muted">Monthly, ${view.currency}. Scenarios min / expected / max.</p></div>
<div class="cards">${view.environments.map((env) => html`<div class="card" data-env="${env.name}"><h2>${env.name}</h2><div class="big">${formatUsd(env.total.expected)}</div><div class="muted">${formatUsd(env.total.min)} – ${formatUsd(env.total.max)} per month</div></div>`)}</div>
<section aria-labelledby="scenario-title"><h2 id="scenario-title">Per scenario</h2>${legend}${barChart(totals, 'Monthly total per environment and scenario')}</section>
${view.environments.map((env, i) => environmentSection(env, i, legend))}
${view.notes.length ? html`<section><h2>Notes</h2><ul>${view.notes.map((n) => html`<li>${n}</li>`)}</ul></section>` : ''}`;
}

function environmentSection(env: CostEnvironment, index: number, legend: SafeHtml): SafeHtml {
  const lines = [...env.lines].sort((a, b) => b.expected - a.expected || a.id.localeCompare(b.id));
  const id = `cost-${index}`;
  return html`<section aria-labelledby="${id}-title" class="cost-env" data-env="${env.name}">
<h2 id="${id}-title">Per component: ${env.name}</h2>${legend}
${barChart(lines.map((l) => ({ label: l.label, values: [l.min, l.expected, l.max] as const })), `Monthly cost per component in ${env.name}`)}
<div class="table-wrap"><table class="data" id="${id}-table" data-sortable>
<thead><tr><th scope="col">Component</th>${SCENARIOS.map((s) => html`<th scope="col" class="num">${s}</th>`)}<th scope="col" class="num">share of expected</th></tr></thead>
<tbody>${lines.map((l) => html`<tr><td>${l.label}</td>${SCENARIOS.map((s) => html`<td class="num" data-sort="${l[s]}">${formatUsd(l[s])}</td>`)}<td class="num" data-sort="${share(l.expected, env.total.expected)}">${share(l.expected, env.total.expected).toFixed(1)}%</td></tr>`)}</tbody>
<tfoot><tr><th scope="row">Total</th>${SCENARIOS.map((s) => html`<td class="num"><strong>${formatUsd(env.total[s])}</strong></td>`)}<td class="num">100%</td></tr></tfoot>
</table></div></section>`;
}

const share = (part: number, total: number): number => (total > 0 ? (part / total) * 100 : 0);

/** Horizontal grouped bars (min / expected / max) as inline SVG, scaled to the largest value. */
export function barChart(rows: readonly { label: string; values: readonly [number, number, number] }[], title: string): SafeHtml {
  const labelWidth = 230;
  const barArea = 470;
  const valueWidth = 100;
  const barHeight = 9;
  const rowHeight = barHeight * 3 + 12;
  const height = rows.length * rowHeight + 8;
  const width = labelWidth + barArea + valueWidth;
  const max = Math.max(1e-9, ...rows.flatMap((r) => r.values));
  const scale = (v: number) => Math.max(v > 0 ? 1 : 0, (v / max) * barArea);
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}" preserveAspectRatio="xMinYMin meet"><title>${title}</title>
<line class="axis" x1="${labelWidth}" y1="0" x2="${labelWidth}" y2="${height}"/>
${rows.map((row, i) => {
    const y = i * rowHeight + 4;
    return html`<g class="row"><text x="${labelWidth - 8}" y="${y + rowHeight / 2}" text-anchor="end" dominant-baseline="middle">${truncate(row.label, 32)}</text>
${SCENARIOS.map((s, k) => html`<rect class="bar-${s}" x="${labelWidth}" y="${y + k * barHeight}" width="${scale(row.values[k]!).toFixed(1)}" height="${barHeight - 1}"><title>${row.label} ${s}: ${formatUsd(row.values[k]!)}</title></rect>`)}
<text x="${labelWidth + scale(row.values[2]) + 6}" y="${y + barHeight * 1.5}" dominant-baseline="middle">${formatUsd(row.values[1])}</text></g>`;
  })}</svg>`;
}

const truncate = (text: string, length: number): string => (text.length > length ? `${text.slice(0, length - 1)}…` : text);
