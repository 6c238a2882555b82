/** Building the diagnostics and errors a template reader reports (rule ids `cfn/...`). */
import { UserError, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { TemplatePosition } from '../types.js';

/** An error diagnostic at a template position. */
export function templateError(at: TemplatePosition, rule: string, message: string, hint: string): Diagnostic {
  return { file: at.file, line: at.line, col: at.col, rule, severity: 'error', message, hint };
}

/** Line 1, column 1 of a file: for problems of the file as a whole (size, encoding). */
export const startOf = (file: string): TemplatePosition => ({ file, line: 1, col: 1 });

/**
 * The {@link UserError} for a template (or assembly) with these problems. Like a model's, the
 * message only names the file: the CLI prints the diagnostics above it.
 */
export function invalidTemplate(file: string, diagnostics: readonly Diagnostic[], what = 'CloudFormation template'): UserError {
  const listed = diagnostics.filter((d) => d.rule !== 'cfn/more-problems').length;
  const more = listed < diagnostics.length ? '+' : '';
  return new UserError(`${file} is not a valid ${what}${listed > 1 ? ` (${listed}${more} problems)` : ''}`, diagnostics);
}

/** One problem as a {@link UserError}. */
export function userError(at: TemplatePosition, rule: string, message: string, hint: string, what?: string): UserError {
  return invalidTemplate(at.file, [templateError(at, rule, message, hint)], what);
}

/** Throws one problem as a {@link UserError}. */
export function fail(at: TemplatePosition, rule: string, message: string, hint: string, what?: string): never {
  throw userError(at, rule, message, hint, what);
}
