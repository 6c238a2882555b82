/** The security-group matrix as a sortable, filterable table, and the findings linked to model lines. */
import { html, type SafeHtml } from '../html.js';
import { unavailable } from '../layout.js';
import type { MatrixGrid, SiteModel } from '../types.js';

export function securityBody(site: SiteModel): SafeHtml {
  if (site.security.status !== 'ok') return unavailable('Security analysis', site.security.reason);
  const { rows, findings, environment } = site.security.value;
  const targets = [...new Set(rows.map((r) => r.target))].sort();
  const lineLink = (line?: number) => (line ? html`<a href="model.html#L${line}">L${line}</a>` : html`<span class="muted">–</span>`);
  const matrix = !rows.length
    ? html`<section aria-labelledby="matrix-title"><h2 id="matrix-title">Security-group matrix <span class="muted">(${environment})</span></h2><p class="empty-matrix">No security group admits any traffic in this environment: the model declares no security-group rules (serverless services are reached through their AWS endpoints and IAM, not security groups).</p></section>`
    : html`<section aria-labelledby="matrix-title">
<h2 id="matrix-title">Security-group matrix <span class="muted">(${environment})</span></h2>
${gridTable(site.security.value.grid)}
<h3>Every allowed flow</h3>
<div class="controls">
<label>Filter <input type="search" data-filter-for="sg-matrix" placeholder="e.g. 5432 or ecs-sg" aria-describedby="sg-count"></label>
<label>Destination <select data-filter-for="sg-matrix" data-column="1"><option value="">all</option>${targets.map((t) => html`<option value="${t}">${t}</option>`)}</select></label>
<span class="muted" id="sg-count" data-count-for="sg-matrix">${rows.length} of ${rows.length} rows</span>
</div>
<div class="table-wrap"><table class="data" id="sg-matrix" data-sortable>
<thead><tr><th scope="col">Source</th><th scope="col">Security group</th><th scope="col">Direction</th><th scope="col">Protocol</th><th scope="col" class="num">Ports</th><th scope="col">Description</th><th scope="col">Model</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><td>${r.source}</td><td>${r.target}</td><td>${r.direction}</td><td>${r.protocol}</td><td class="num" data-sort="${portSortKey(r.ports)}">${r.ports}</td><td>${r.description}</td><td data-sort="${r.line ?? 0}">${lineLink(r.line)}</td></tr>`)}</tbody>
</table></div></section>`;
  const findingList = findings.length
    ? html`<div class="controls"><label>Filter <input type="search" data-filter-for="findings" placeholder="rule, severity, resource"></label><span class="muted" data-count-for="findings">${findings.length} of ${findings.length} rows</span></div>
<div class="table-wrap"><table class="data" id="findings" data-sortable>
<thead><tr><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Finding</th><th scope="col">Resource</th><th scope="col">Position</th></tr></thead>
<tbody>${findings.map((f) => html`<tr><td data-sort="${severityRank(f.severity)}"><span class="sev sev-${f.severity.toLowerCase()}">${f.severity}</span></td><td><code>${f.rule}</code></td><td>${f.message}${f.hint ? html`<div class="muted">${f.hint}</div>` : ''}</td><td>${f.target ?? ''}</td><td data-sort="${f.line}"><a href="model.html#L${f.line}"><code>${f.file}:${f.line}:${f.col}</code></a></td></tr>`)}</tbody>
</table></div>`
    : html`<p class="ok">No findings.</p>`;
  return html`<div class="page-head"><h1>Security</h1></div>${matrix}<section aria-labelledby="findings-title"><h2 id="findings-title">Findings (${findings.length})</h2>${findingList}</section>`;
}

/** Sources down, destination groups across; a cell lists what the destination admits from the source. */
function gridTable(grid: MatrixGrid): SafeHtml {
  return html`<div class="table-wrap"><table class="data grid" id="sg-grid">
<caption class="muted">Rows: where traffic comes from. Columns: the security group that admits it.</caption>
<thead><tr><th scope="col">from \\ to</th>${grid.destinations.map((d) => html`<th scope="col">${d}</th>`)}</tr></thead>
<tbody>${grid.sources.map((source, r) => html`<tr><th scope="row">${source}</th>${grid.destinations.map((_, c) => {
    const ports = grid.cells[r]?.[c] ?? [];
    return ports.length ? html`<td class="allowed">${ports.join(', ')}</td>` : html`<td class="denied" aria-label="nothing allowed">·</td>`;
  })}</tr>`)}</tbody></table></div>`;
}

function portSortKey(ports: string): string {
  const first = /\d+/.exec(ports);
  return first ? first[0] : ports === 'all' ? '-1' : ports;
}

function severityRank(severity: string): number {
  return ({ critical: 0, error: 1, high: 1, warning: 2, medium: 2, low: 3, info: 4, note: 4 } as Record<string, number>)[severity.toLowerCase()] ?? 5;
}
