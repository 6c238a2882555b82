/**
 * The drift report as Markdown for a pull-request comment: one summary line, then a table per
 * kind of finding, unknown values and scaffold notes. Every cell is escaped.
 */
import { escapeMarkdown } from '../generators/security/escape.js';
import type { DriftReport, ModelRef, TemplateRef } from './types.js';

const md = (text: string | number | boolean | null | undefined): string => escapeMarkdown(String(text ?? ''));
const code = (text: string): string => (text === '' ? '' : `\`${text.replace(/`/g, "'").replace(/\r\n?|\n/g, ' ').replace(/\|/g, '\\|')}\``);
const value = (v: unknown): string => (v === undefined || v === null ? '—' : code(Array.isArray(v) ? v.join(', ') : String(v)));
const modelCell = (m: ModelRef | undefined): string => (m ? `${code(m.path)} (${md(`${m.file}:${m.line}:${m.col}`)})` : '—');
const templateCell = (t: TemplateRef | undefined): string =>
  (t ? `${code(t.logicalId)} ${md(t.type)}${t.line > 0 ? ` (${md(`${t.file}:${t.line}:${t.col}`)})` : ''}` : '—');

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function renderDriftMarkdown(report: DriftReport): string {
  const { summary } = report;
  const lines: string[] = ['# Architecture drift', ''];
  const subject = `${md(report.modelFile)} (${md(report.environment)}) against ${md(report.template)}`;
  lines.push(report.findings.length === 0
    ? `**No drift**: ${subject} match.`
    : `**Drift**: ${subject}: ${summary.changed} changed, ${summary.missing} missing, ${summary.unmodelled} unmodelled.`);
  lines.push('');
  const changed = report.findings.filter((f) => f.rule === 'drift/changed');
  if (changed.length) {
    lines.push('## Changed values', '', ...table(['Model', 'Model value', 'Template value', 'Template'],
      changed.map((f) => [modelCell(f.model), value(f.modelValue), value(f.templateValue), templateCell(f.template)])), '');
  }
  const missing = report.findings.filter((f) => f.rule === 'drift/missing');
  if (missing.length) {
    lines.push('## In the model, not in the template', '', ...table(['Model', 'Finding'], missing.map((f) => [modelCell(f.model), md(f.message)])), '');
  }
  const unmodelled = report.findings.filter((f) => f.rule === 'drift/unmodelled');
  if (unmodelled.length) {
    lines.push('## In the template, not in the model', '', ...table(['Template', 'Finding', 'Near'], unmodelled.map((f) => [templateCell(f.template), md(f.message), modelCell(f.model)])), '');
  }
  if (report.unknown.length) {
    lines.push('## Known only at deploy time (not drift)', '', ...table(['Model', 'Model value', 'Template', 'Why'],
      report.unknown.map((u) => [modelCell(u.model), value(u.modelValue), templateCell(u.template), md(u.reason)])), '');
  }
  if (report.notes.length) {
    lines.push('## Scaffold substitutions (not drift)', '', ...table(['Model', 'Note'], report.notes.map((n) => [modelCell(n.model), md(n.message)])), '');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
