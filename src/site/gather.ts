/**
 * Collects what the site shows for each model from the generators (document, draw.io,
 * Mermaid sources, comparison) and the analysis APIs (security, cost). A piece that is
 * missing or failing becomes a plain "not available" with its reason.
 */
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { COMPARE_PATHS } from '../generators/compare.js';
import type { ArchitectureModel, Locale } from '../model/types.js';
import { costView } from './sources/cost.js';
import { absenceReason, runGenerators, type GeneratedOutput } from './sources/generated.js';
import { mermaidTitle, renderMermaid, stripFrontMatter, type MermaidSource, type RenderStats } from './sources/mermaid.js';
import { securityView } from './sources/security.js';
import { available, missing, type Availability, type DrawioFile, type MermaidDiagram, type SiteContent, type SiteModel } from './types.js';

export interface GatherOptions {
  readonly root: string;
  readonly selected: readonly ArchitectureModel[];
  readonly all: readonly ArchitectureModel[];
  readonly inputs: ReadonlyMap<string, string>;
  /** Browser for Mermaid rendering. */
  readonly browser: Browser;
  /** Counts diagrams rendered and reused from earlier renders. */
  readonly stats?: RenderStats;
  /** Reuse earlier renders of unchanged diagrams (default true). */
  readonly reuseRenders?: boolean;
}

export async function gatherContent(options: GatherOptions): Promise<Pick<SiteContent, 'models' | 'comparison'>> {
  const output = await runGenerators(options.selected, options.all, options.inputs);
  const models: SiteModel[] = [];
  for (const model of options.selected) models.push(await gatherModel(model, output, options));
  return { models, comparison: comparison(output) };
}

const filesOf = (output: GeneratedOutput, model: string, test: (file: string) => boolean) =>
  [...output.files].filter(([file, entry]) => entry.model === model && test(file)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

async function gatherModel(model: ArchitectureModel, output: GeneratedOutput, options: GatherOptions): Promise<SiteModel> {
  const documents = documentsOf(model, output);
  const drawioFiles: DrawioFile[] = filesOf(output, model.id, (f) => f.endsWith('.drawio')).map(([file, entry]) => ({ path: file, xml: entry.text }));
  const drawio = drawioFiles.length ? available(drawioFiles) : missing<readonly DrawioFile[]>(absenceReason(output, 'drawio', 'draw.io diagram'));

  const mmd: MermaidSource[] = filesOf(output, model.id, (f) => f.endsWith('.mmd')).map(([file, entry]) => {
    const name = path.posix.basename(file, '.mmd');
    return { name, title: mermaidTitle(entry.text, name), sourcePath: file, source: entry.text };
  });
  const known = new Set(mmd.map((s) => stripFrontMatter(s.source)));
  const blocks: MermaidSource[] = [];
  if (documents.status === 'ok') {
    for (const locale of ['ko', 'en'] as const) {
      for (const match of documents.value[locale].matchAll(/^```mermaid[^\n]*\n([\s\S]*?)^```/gm)) {
        const body = stripFrontMatter(match[1]!);
        if (known.has(body)) continue;
        known.add(body);
        blocks.push({ name: `document-${blocks.length + 1}`, title: `Document diagram ${blocks.length + 1}`, sourcePath: `output/${model.id}/architecture.${locale}.md`, source: match[1]! });
      }
    }
  }
  const rendered = await renderMermaid(options.browser, [...mmd, ...blocks], options.root, options.stats, options.reuseRenders ?? true);
  const mermaid = mmd.length ? available(rendered.slice(0, mmd.length)) : missing<readonly MermaidDiagram[]>(absenceReason(output, 'mermaid', 'Mermaid diagram'));

  return {
    model,
    documents,
    drawio,
    mermaid,
    documentDiagrams: rendered.slice(mmd.length),
    security: await securityView(model),
    cost: await costView(model, options.root),
  };
}

function documentsOf(model: ArchitectureModel, output: GeneratedOutput): Availability<Record<Locale, string>> {
  const ko = output.files.get(`output/${model.id}/architecture.ko.md`)?.text;
  const en = output.files.get(`output/${model.id}/architecture.en.md`)?.text;
  if (ko !== undefined && en !== undefined) return available({ ko, en });
  const docsGenerator = output.names.find((name) => /^docs?$|document/.test(name)) ?? 'docs';
  return missing(absenceReason(output, docsGenerator, `output/${model.id}/architecture.{ko,en}.md`));
}

/** The comparison generator's project-wide Markdown in both languages. */
function comparison(output: GeneratedOutput): Availability<Record<Locale, string>> {
  const ko = output.files.get(COMPARE_PATHS.ko)?.text;
  const en = output.files.get(COMPARE_PATHS.en)?.text;
  if (ko !== undefined && en !== undefined) return available({ ko, en });
  return missing(absenceReason(output, 'compare', 'comparison document'));
}
