/**
 * The `security` generator: for each environment of a model, the security-group matrix, rule
 * tables, reachability and lint findings under `output/<model>/security/<env>/` as Markdown,
 * HTML, JSON, SARIF and CSV.
 */
import { analyzeSecurity } from '../../security/index.js';
import type { GeneratedFile, Generator } from '../types.js';
import { CSV_TABLES, renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';

export const securityGenerator: Generator = {
  name: 'security',
  description: 'Security-group matrix, rule tables, reachability and security lint (output/<model>/security/<env>/: md, html, json, sarif, csv)',
  generate(model) {
    const files: GeneratedFile[] = [];
    for (const env of model.environmentNames) {
      const analysis = analyzeSecurity(model, env);
      const dir = `output/${model.id}/security/${env}`;
      files.push(
        { path: `${dir}/report.md`, content: renderMarkdown([analysis]) },
        { path: `${dir}/report.html`, content: renderHtml([analysis]) },
        { path: `${dir}/analysis.json`, content: renderJson(analysis) },
        { path: `${dir}/findings.sarif`, content: renderSarif([analysis]) },
        ...CSV_TABLES.map((table) => ({ path: `${dir}/${table}.csv`, content: renderCsv(analysis, table) })),
      );
    }
    return files;
  },
};

export { CSV_TABLES, renderCsv, type CsvTable } from './csv.js';
export { renderHtml } from './html.js';
export { renderJson } from './json.js';
export { renderMarkdown, type RenderOptions } from './markdown.js';
export { renderSarif, sarifLog } from './sarif.js';
