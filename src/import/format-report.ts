/** Plain-text rendering of an import report and of a comparison with a reference model. */
import type { TemplatePosition } from '../cfn/types.js';
import type { DifferenceCategory, ModelDifference } from './compare-with-model.js';
import type { ImportReport } from './report.js';

const at = (p?: TemplatePosition): string => (p ? `${p.file}:${p.line}:${p.col}` : '');
const clip = (text: string, max = 100): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** What was mapped (counted by element), not mapped (each with reason) and guessed or dropped. */
export function formatImportReport(report: ImportReport): string[] {
  const lines: string[] = [];
  const elements = new Set(report.mapped.map((m) => m.element.split('.').slice(0, 2).join('.')));
  lines.push(`mapped ${report.mapped.length} resources to ${elements.size} model elements`);
  if (report.unmapped.length) {
    lines.push('', `not mapped (${report.unmapped.length}):`);
    for (const u of report.unmapped) lines.push(`  ${at(u.position)}  ${u.logicalId} (${u.type}): ${u.reason}`);
  }
  for (const kind of ['guessed', 'dropped'] as const) {
    const notes = report.notes.filter((n) => n.kind === kind);
    if (!notes.length) continue;
    lines.push('', kind === 'guessed' ? `guessed (${notes.length}): written without the template stating them` : `left out (${notes.length}): template values the model cannot hold`);
    for (const n of notes) {
      const where = n.position ? `  [${n.logicalId} ${at(n.position)}]` : '';
      lines.push(`  ${n.element}${n.value !== undefined ? ` = ${clip(n.value, 60)}` : ''}: ${n.reason}${where}`);
    }
  }
  if (report.warnings.length) {
    lines.push('', `template warnings (${report.warnings.length}):`);
    for (const w of report.warnings) lines.push(`  ${w.position ? `${at(w.position)}  ` : ''}${w.message}`);
  }
  return lines;
}

const ORDER: readonly DifferenceCategory[] = ['value', 'deploy-time', 'substitution', 'naming', 'inferred', 'intent', 'usage', 'prose'];
const HEADINGS: Record<DifferenceCategory, string> = {
  value: 'disagreements (drift, or a gap in the import)',
  'deploy-time': 'known only at deploy time',
  substitution: 'deliberate scaffold substitutions',
  naming: 'same element, different id',
  inferred: 'inferred by the import, or not a template resource',
  intent: 'design intent a template does not encode',
  usage: 'usage and cost figures',
  prose: 'text for people',
};

/** Differences grouped by category, real disagreements first; prose and usage are summarized per element. */
export function formatComparison(differences: readonly ModelDifference[], reference: string): string[] {
  const lines = [`compared with ${reference}: ${differences.length} differences, ${differences.filter((d) => d.category === 'value').length} of them disagreements`];
  for (const category of ORDER) {
    const list = differences.filter((d) => d.category === category);
    if (!list.length) continue;
    lines.push('', `${HEADINGS[category]} (${list.length}):`);
    if (category === 'prose' || category === 'usage') {
      const byElement = new Map<string, string[]>();
      for (const d of list) {
        const [section, id, ...rest] = d.element.split('.');
        const key = section === 'metadata' || section === 'cost' || section === 'security' || section === 'documentation' ? section! : `${section}.${id}`;
        byElement.set(key, [...(byElement.get(key) ?? []), rest.join('.') || id || section!]);
      }
      for (const [element, fields] of byElement) lines.push(`  ${element}: ${clip([...new Set(fields.map((f) => f.split('.').filter((s) => !/^\d+$/.test(s)).slice(0, 2).join('.')))].join(', '), 140)}`);
      lines.push(`  (${list[0]!.explanation})`);
      continue;
    }
    for (const d of list) {
      const values = d.kind === 'differs' ? `${clip(d.model ?? '', 50)} → ${clip(d.imported ?? '', 50)}` : d.kind === 'only-in-model' ? 'only in the model' : 'only in the import';
      lines.push(`  ${d.element}: ${values} — ${d.explanation}`);
    }
  }
  return lines;
}
