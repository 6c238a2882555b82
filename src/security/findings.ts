/**
 * Runs the lint rules, places each finding in the model file and applies the environment's
 * suppressions (rule id + target id; the reason travels with the silenced finding).
 */
import { createHash } from 'node:crypto';
import type { Suppression } from '../model/types.js';
import { lintRules, type LintContext, type LintRule } from './lint/index.js';
import { severityRank } from './severity.js';
import type { Finding, SuppressedFinding, SuppressionReport } from './types.js';

export interface LintResult {
  readonly findings: Finding[];
  readonly suppressed: SuppressedFinding[];
  readonly suppressions: SuppressionReport[];
}

/** Stable id of a finding: the same problem at the same place keeps its id across runs. */
export const findingId = (rule: string, target: string, path: string, message: string): string =>
  createHash('sha256').update(`${rule}\u0000${target}\u0000${path}\u0000${message}`).digest('hex').slice(0, 16);

export function compareFindings(a: Finding, b: Finding): number {
  return severityRank(a.severity) - severityRank(b.severity)
    || a.location.line - b.location.line || a.location.col - b.location.col
    || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
}

export function runLint(context: LintContext, rules: readonly LintRule[] = lintRules): LintResult {
  const { locate } = context.view;
  const all: Finding[] = [];
  for (const rule of rules) {
    for (const raw of rule.check(context)) {
      const location = locate(raw.loc);
      all.push({
        id: findingId(rule.id, raw.target, location.path, raw.message),
        rule: rule.id,
        severity: raw.severity ?? rule.defaultSeverity,
        message: raw.message,
        hint: raw.hint,
        target: raw.target,
        location,
      });
    }
  }
  const suppressionsList: readonly Suppression[] = context.view.env.suppressions;
  const matched = suppressionsList.map(() => 0);
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of all) {
    const index = suppressionsList.findIndex((s) => s.rule === finding.rule && s.target === finding.target);
    if (index < 0) {
      findings.push(finding);
      continue;
    }
    matched[index]!++;
    const suppression = suppressionsList[index]!;
    suppressed.push({ ...finding, suppression: { reason: suppression.reason, location: locate(suppression.loc) } });
  }
  return {
    findings: findings.sort(compareFindings),
    suppressed: suppressed.sort(compareFindings),
    suppressions: suppressionsList.map((s, i) => ({ rule: s.rule, target: s.target, reason: s.reason, matched: matched[i]!, location: locate(s.loc) })),
  };
}
