/** The site's front page: one card per model with a link to each of its views; the comparison page. */
import type { Locale } from '../../model/types.js';
import { formatUsd, html, raw, type SafeHtml } from '../html.js';
import { MODEL_TABS, unavailable } from '../layout.js';
import { markdownToHtml } from '../markdown.js';
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
  if (content.comparison.status !== 'ok') return html`<h1>Comparison</h1>${unavailable('Comparison', content.comparison.reason)}`;
  const docs = content.comparison.value;
  const locales: readonly Locale[] = ['ko', 'en'];
  return html`<div class="page-head"><h1>Comparison</h1><div class="lang-switch" role="group" aria-label="Language">${locales.map((l) => html`<button type="button" data-lang="${l}" aria-pressed="${l === 'ko' ? 'true' : 'false'}">${l === 'ko' ? '한국어' : 'English'}</button>`)}</div></div>
${locales.map((l) => html`<article class="doc" data-lang-panel="${l}" lang="${l}"${l === 'ko' ? '' : html` hidden`}>${raw(markdownToHtml(docs[l], { idPrefix: `${l}-`, image: () => undefined, link: (href) => (/^(https?:|mailto:|#)/i.test(href) ? href : undefined) }).html)}</article>`)}`;
}
