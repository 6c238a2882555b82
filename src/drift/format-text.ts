/** The drift report for people: findings grouped by kind, `file:line:col` first, colours through the printer's paint. */
import type { Paint } from '../cli/output.js';
import type { DriftFinding, DriftReport, TemplateRef } from './types.js';

/** Control characters in model or template text could drive the terminal; show them as `?`. */
const safe = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?'); // eslint-disable-line no-control-regex

const where = (t: TemplateRef | undefined): string =>
  (t ? `${t.stackPath}/${t.logicalId}${t.line > 0 ? ` (${t.file}:${t.line}:${t.col})` : ''}` : '');

const show = (v: unknown): string => (Array.isArray(v) ? `[${v.join(', ')}]` : JSON.stringify(v));

export function renderDriftText(report: DriftReport, paint: Paint): string[] {
  const lines: string[] = [];
  const head = (f: DriftFinding) => (f.model ? `${f.model.file}:${f.model.line}:${f.model.col}: ` : f.template && f.template.line > 0 ? `${f.template.file}:${f.template.line}:${f.template.col}: ` : '');
  const groups: [DriftFinding['rule'], string, (t: string) => string][] = [
    ['drift/changed', 'Changed values', paint.yellow],
    ['drift/missing', 'In the model, not in the template', paint.red],
    ['drift/unmodelled', 'In the template, not in the model', paint.red],
  ];
  for (const [rule, title, colour] of groups) {
    const list = report.findings.filter((f) => f.rule === rule);
    if (!list.length) continue;
    lines.push(paint.bold(`${title} (${list.length})`));
    for (const f of list) {
      if (rule === 'drift/changed') {
        lines.push(`${head(f)}${colour(rule)} ${safe(f.model?.path ?? '')}: model ${safe(show(f.modelValue))}, template ${safe(show(f.templateValue))}`);
      } else {
        lines.push(`${head(f)}${colour(rule)} ${safe(f.message)}`);
      }
      if (f.template && (rule !== 'drift/unmodelled' || f.model)) lines.push(paint.dim(`  template: ${safe(where(f.template))}`));
      else if (f.template) lines.push(paint.dim(`  ${safe(`${f.template.stackPath}/${f.template.logicalId}`)}`));
    }
    lines.push('');
  }
  if (report.unknown.length) {
    lines.push(paint.bold(`Known only at deploy time (${report.unknown.length}, not drift)`));
    for (const u of report.unknown) {
      lines.push(paint.dim(`${u.model.file}:${u.model.line}:${u.model.col}: ${safe(u.model.path)} (${safe(u.field)}): ${safe(u.reason)} [${safe(where(u.template))}]`));
    }
    lines.push('');
  }
  if (report.notes.length) {
    lines.push(paint.bold(`Scaffold substitutions (${report.notes.length}, not drift)`));
    for (const n of report.notes) lines.push(paint.dim(`${n.model.file}:${n.model.line}:${n.model.col}: ${safe(n.model.path)}: ${safe(n.message)}`));
    lines.push('');
  }
  const s = report.summary;
  lines.push(report.findings.length === 0
    ? `${paint.green('✓')} no drift ${paint.dim(`(${report.modelFile} ${report.environment} vs ${report.template}; ${report.matched.length} model elements matched)`)}`
    : paint.red(`✗ drift: ${s.changed} changed, ${s.missing} missing, ${s.unmodelled} unmodelled`));
  return lines;
}
