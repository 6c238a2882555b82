/** The model YAML with a numbered, linkable line for every line (`model.html#L12`). */
import { html, type SafeHtml } from '../html.js';
import type { SiteModel } from '../types.js';

export function modelSourceBody(site: SiteModel): SafeHtml {
  const lines = site.model.text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const width = String(lines.length).length;
  return html`<div class="page-head"><h1>Model <code>${site.model.source.file}</code></h1><p class="muted">${lines.length} lines. Click a line number to link to it.</p></div>
<div class="source" role="region" aria-label="Model source" tabindex="0"><pre class="yaml"><code>${lines.map((line, i) => html`<span class="line" id="L${i + 1}"><a class="ln" href="#L${i + 1}" aria-label="Line ${i + 1}">${String(i + 1).padStart(width, ' ')}</a>${highlightYamlLine(line)}\n</span>`)}</code></pre></div>`;
}

/** Light YAML colouring: comments, keys, and quoted strings; everything escaped. */
function highlightYamlLine(line: string): SafeHtml {
  const comment = /^(\s*)(#.*)$/.exec(line);
  if (comment) return html`${comment[1]}<span class="y-comment">${comment[2]}</span>`;
  const key = /^(\s*(?:-\s+)?)([\w.\-/]+|"[^"]*"|'[^']*')(\s*:)(\s.*|$)/.exec(line);
  if (key) return html`${key[1]}<span class="y-key">${key[2]}</span>${key[3]}${key[4]}`;
  return html`${line}`;
}
