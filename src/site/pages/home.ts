/** The site's front page: one card per model with a link to each of its views; the comparison page. */
import type { Locale } from '../../model/types.js';
import { formatUsd, html, raw, type SafeHtml } from '../html.js';
import { MODEL_TABS, unavailable } from '../layout.js';
import { markdownToHtml } from '../markdown.js';
import { barChart } from './cost.js';
import type { SiteContent, SiteModel } from '../types.js';

export function homeBody(content: SiteContent): SafeHtml {
  return html`<div class="page-head"><h1>Architecture models</h1>${content.models.length > 1 ? html`<p><a href="compare.html">Compare the ${content.models.length} models</a></p>` : ''}</div>
<div class="cards">${content.models.map(card)}</div>`;
}

function card(site: SiteModel): SafeHtml {
  const { model } = site;
  const env = model.environments[model.defaultEnvironment]!;
  const cost = site.cost.status === 'ok' ? site.cost.value.environments.find((e) => e.name === model.defaultEnvironment) : undefined;
  return html`<article class="card model-card" data-model="${model.id}">
<h2><a href="${model.id}/index.html">${env.metadata.name.en}</a></h2>
<p lang="ko">${env.metadata.name.ko} — ${env.metadata.title.ko}</p>
<p class="muted">${env.metadata.description.en}</p>
<p><code>${model.source.file}</code> · ${env.components.length} components · ${env.securityGroups.length} security groups · environments ${model.environmentNames.join(', ')}${cost ? html` · ${model.defaultEnvironment} ≈ ${formatUsd(cost.total.expected)}/month` : ''}</p>
<p>${MODEL_TABS.map((tab, i) => html`${i ? ' · ' : ''}<a href="${model.id}/${tab.file}">${tab.label}</a>`)}</p>
</article>`;
}

export function compareBody(content: SiteContent): SafeHtml {
  const chart = costChart(content);
  if (content.comparison.status !== 'ok') return html`<h1>Comparison</h1>${chart}${unavailable('Comparison document', content.comparison.reason)}`;
  const docs = content.comparison.value;
  const ids = new Set(content.models.map((s) => s.model.id));
  const link = (href: string): string | undefined => {
    if (/^(https?:|mailto:|#)/i.test(href)) return href;
    const id = /([^/]+)\.ya?ml$/.exec(href)?.[1];
    return id && ids.has(id) ? `${id}/model.html` : undefined;
  };
  const locales: readonly Locale[] = ['ko', 'en'];
  return html`<div class="page-head"><h1>Comparison</h1><div class="lang-switch" role="group" aria-label="Language">${locales.map((l) => html`<button type="button" data-lang="${l}" aria-pressed="${l === 'ko' ? 'true' : 'false'}">${l === 'ko' ? '한국어' : 'English'}</button>`)}</div></div>
${chart}
${locales.map((l) => html`<article class="doc" data-lang-panel="${l}" lang="${l}"${l === 'ko' ? '' : html` hidden`}>${raw(markdownToHtml(docs[l], { idPrefix: `${l}-`, image: () => undefined, link }).html)}</article>`)}`;
}

/** Monthly cost of every model's default environment, side by side. */
function costChart(content: SiteContent): SafeHtml {
  const rows = content.models.flatMap((site) => {
    if (site.cost.status !== 'ok') return [];
    const env = site.cost.value.environments.find((e) => e.name === site.model.defaultEnvironment);
    return env ? [{ label: `${site.model.id} (${env.name})`, values: [env.total.min, env.total.expected, env.total.max] as const }] : [];
  });
  if (rows.length < 2) return html``;
  return html`<section aria-labelledby="compare-cost"><h2 id="compare-cost">Monthly cost per model</h2><p class="legend" aria-hidden="true"><span class="l-min">min</span><span class="l-expected">expected</span><span class="l-max">max</span></p>${barChart(rows, 'Monthly cost per model, min / expected / max')}</section>`;
}
