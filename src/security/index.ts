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
import type { ArchitectureModel, ResolvedEnvironment } from '../model/types.js';
import { runLint } from './findings.js';
import { securityInputKey } from './input-key.js';
import { lintRules } from './lint/index.js';
import { buildMatrix } from './matrix.js';
import { buildReachability } from './reachability.js';
import { buildRuleTables } from './rule-tables.js';
import { SEVERITIES } from './severity.js';
import { locator, placesAlike, type RecordingLocate } from './source-ref.js';
import type { RuleDescriptor, SecurityAnalysis, Severity } from './types.js';
import { viewOf } from './view.js';

/** An analysis without its environment's name: what equal environments share. */
type Shared = Omit<SecurityAnalysis, 'environment'>;

interface Computed {
  readonly analysis: Shared;
  readonly env: ResolvedEnvironment;
  /** Every path the analysis placed in the file, to check another environment places them alike. */
  readonly located: RecordingLocate['located'];
  /** {@link securityInputKey} of `env`, worked out once a second environment asks. */
  key?: string;
}

interface ModelCache {
  readonly analyses: Map<string, SecurityAnalysis>;
  readonly computed: Computed[];
}

// Generators, documents and the site all ask for the same analyses; models are immutable.
const cache = new WeakMap<ArchitectureModel, ModelCache>();
const sharedParts = new WeakMap<SecurityAnalysis, Shared>();

/**
 * The part of an analysis that every environment equal to it in what the analysis reads has
 * in common (everything but the environment's name): renderers key caches of text that does
 * not name the environment on it. Undefined for analyses not made by {@link analyzeSecurity}.
 */
export const sharedAnalysisOf = (analysis: SecurityAnalysis): object | undefined => sharedParts.get(analysis);

/**
 * Analyses one environment of a model (default: the model's default environment). The result
 * is shared by every caller asking for the same model and environment: treat it as read-only.
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
  let entry = cache.get(model);
  if (!entry) cache.set(model, (entry = { analyses: new Map(), computed: [] }));
  const known = entry.analyses.get(env);
  if (known) return known;

  const locate = locator(model, env);
  let shared = entry.computed.length ? reusable(entry.computed, resolved, locate) : undefined;
  if (!shared) {
    shared = analyze(model, resolved, locate);
    entry.computed.push({ analysis: shared, env: resolved, located: locate.located });
  }
  const { model: id, file, title, ...rest } = shared;
  const analysis: SecurityAnalysis = { model: id, environment: env, file, title, ...rest };
  entry.analyses.set(env, analysis);
  sharedParts.set(analysis, shared);
  return analysis;
}

/** An analysis computed for another environment that reads the same and places its paths alike. */
function reusable(computed: Computed[], env: ResolvedEnvironment, locate: RecordingLocate): Shared | undefined {
  const key = securityInputKey(env);
  for (const c of computed) {
    c.key ??= securityInputKey(c.env);
    if (c.key === key && placesAlike(c.located, locate)) return c.analysis;
  }
  return undefined;
}

/**
 * The analysis computed afresh, neither remembered nor shared: what {@link analyzeSecurity}
 * costs the first time (for benchmarks). Same content as `analyzeSecurity(model, env)`.
 */
export function computeSecurity(model: ArchitectureModel, env: string = model.defaultEnvironment): SecurityAnalysis {
  const resolved = model.environments[env];
  if (!resolved) return analyzeSecurity(model, env); // throws the UserError naming the environments
  const { model: id, file, title, ...rest } = analyze(model, resolved, locator(model, env));
  return { model: id, environment: env, file, title, ...rest };
}

function analyze(model: ArchitectureModel, resolved: ResolvedEnvironment, locate: RecordingLocate): Shared {
  const view = viewOf(resolved, locate);
  const reachability = buildReachability(view);
  const lint = runLint({ view, reachability });
  const summary = Object.fromEntries(SEVERITIES.map((s) => [s, lint.findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  return {
    model: model.id,
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
