/**
 * Security analysis of an architecture model: the security-group matrix, seed-shaped rule
 * tables, reachability paths, who can reach each data store, and lint findings with
 * suppressions. Pure: the same model and environment always give the same analysis.
 *
 * @example
 *   const analysis = analyzeSecurity(model, 'prod');
 *   analysis.reachability.paths.map((p) => p.text.en);
 *   // ['Internet → Application Load Balancer :443 → Points API (ECS service) :8080 → RDS (Aurora PostgreSQL) :5432', …]
 */
import { didYouMean, UserError } from '../diagnostics/diagnostic.js';
import type { ArchitectureModel } from '../model/types.js';
import { runLint } from './findings.js';
import { lintRules } from './lint/index.js';
import { buildMatrix } from './matrix.js';
import { buildReachability } from './reachability.js';
import { buildRuleTables } from './rule-tables.js';
import { SEVERITIES } from './severity.js';
import { locator } from './source-ref.js';
import type { RuleDescriptor, SecurityAnalysis, Severity } from './types.js';
import { viewOf } from './view.js';

/**
 * Analyses one environment of a model (default: the model's default environment).
 * @throws UserError when the environment does not exist.
 */
export function analyzeSecurity(model: ArchitectureModel, env: string = model.defaultEnvironment): SecurityAnalysis {
  const resolved = model.environments[env];
  if (!resolved) {
    const suggestion = didYouMean(env, model.environmentNames);
    throw new UserError(`model "${model.id}" has no environment "${env}"`, [{
      file: '<command line>', line: 1, col: 1, rule: 'cli/unknown-environment', severity: 'error',
      message: `unknown environment "${env}"`,
      hint: suggestion ? `did you mean \`${suggestion}\`? (environments: ${model.environmentNames.join(', ')})` : `environments: ${model.environmentNames.join(', ')}`,
    }]);
  }
  const view = viewOf(resolved, locator(model, env));
  const reachability = buildReachability(view);
  const lint = runLint({ view, reachability });
  const summary = Object.fromEntries(SEVERITIES.map((s) => [s, lint.findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  return {
    model: model.id,
    environment: env,
    file: model.source.file,
    title: resolved.metadata.name,
    matrix: buildMatrix(view),
    ruleTables: buildRuleTables(view),
    reachability,
    findings: lint.findings,
    suppressed: lint.suppressed,
    suppressions: lint.suppressions,
    rules: securityRules(),
    summary,
  };
}

/** Descriptors of every lint rule, in id order (for documentation and SARIF). */
export function securityRules(): RuleDescriptor[] {
  return lintRules.map(({ id, name, title, description, defaultSeverity }) => ({ id, name, title, description, defaultSeverity }));
}

export { atLeast, parseSeverity, SEVERITIES, severityRank } from './severity.js';
export * from './types.js';
