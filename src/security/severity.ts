/** Severity order and parsing, shared by lint rules, reports and `--fail-on`. */
import { UserError } from '../diagnostics/diagnostic.js';
import type { Severity } from './types.js';

/** Most severe first. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** 0 for critical … 4 for info: lower ranks are more severe. */
export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);

/** True when `severity` is `threshold` or more severe. */
export const atLeast = (severity: Severity, threshold: Severity): boolean => severityRank(severity) <= severityRank(threshold);

export const isSeverity = (value: string): value is Severity => (SEVERITIES as readonly string[]).includes(value);

/** Parses a user-given severity (`--fail-on high`), or throws a {@link UserError} naming the choices. */
export function parseSeverity(value: string): Severity {
  const lower = value.toLowerCase();
  if (isSeverity(lower)) return lower;
  throw new UserError(`unknown severity "${value}"`, [
    { file: '<command line>', line: 1, col: 1, rule: 'cli/severity', severity: 'error', message: `unknown severity "${value}"`, hint: `use one of ${SEVERITIES.join(', ')}` },
  ]);
}

/** SARIF result level of a severity. */
export const sarifLevel = (severity: Severity): 'error' | 'warning' | 'note' =>
  severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'note';

/** GitHub code scanning's numeric `security-severity` (critical > 9, high 7–8.9, medium 4–6.9, low < 4). */
export const securitySeverityScore = (severity: Severity): string =>
  ({ critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' })[severity];
