/** Small text helpers shared by the security report renderers. */
import type { Locale } from '../../model/types.js';
import type { Finding, MatrixPermission, SecurityAnalysis, SourceRef } from '../../security/types.js';

export const where = (ref: SourceRef): string => `${ref.file}:${ref.line}:${ref.col}`;

/** A matrix cell as text: `tcp/443`, several joined with `, `; `(egress blocked)` marks rules the source cannot use. */
export const cellText = (cell: readonly MatrixPermission[]): string =>
  cell.map((p) => (p.egressAllowed ? p.label : `${p.label} (egress blocked)`)).join(', ');

/**
 * Above this many destination groups the reports list the matrix's non-empty cells instead of
 * drawing the grid: a grid grows with the square of the groups (2 million cells for 1,400
 * groups), almost all empty. The full grid stays in matrix.csv and analysis.json.
 */
export const MATRIX_GRID_LIMIT = 40;

/** Non-empty cells of the matrix, row by row: [source index, destination index]. */
export function matrixEntries(a: SecurityAnalysis): [number, number][] {
  const out: [number, number][] = [];
  a.matrix.cells.forEach((row, s) => row.forEach((cell, d) => { if (cell.length) out.push([s, d]); }));
  return out;
}

/** The sentence that replaces the grid of a big matrix. */
export const matrixListNote = (a: SecurityAnalysis, listed: number): string =>
  `The matrix has ${a.matrix.sources.length} sources and ${a.matrix.destinations.length} security groups, too many for a grid: the ${listed} source–destination pairs with rules are listed below; matrix.csv holds the full grid.`;

/** `1 finding: 0 critical, 0 high, 1 medium, 0 low, 0 info`. */
export function summaryText(analysis: SecurityAnalysis): string {
  const count = analysis.findings.length;
  const parts = Object.entries(analysis.summary).map(([severity, n]) => `${n} ${severity}`);
  const suppressed = analysis.suppressed.length ? `; ${analysis.suppressed.length} suppressed` : '';
  return `${count} finding${count === 1 ? '' : 's'}: ${parts.join(', ')}${suppressed}`;
}

/** Reachability node id → label in the locale. */
export function nodeLabels(analysis: SecurityAnalysis, locale: Locale): Map<string, string> {
  return new Map(analysis.reachability.nodes.map((n) => [n.id, n.label[locale]]));
}

export const internetText = (value: 'direct' | 'transitive' | 'none'): string =>
  ({ direct: 'directly', transitive: 'through other hops', none: 'no' })[value];

export type FindingRow = Finding & { readonly suppressedBecause?: string };

/** Active findings, then suppressed ones with their reason. */
export const allFindings = (analysis: SecurityAnalysis): FindingRow[] => [
  ...analysis.findings,
  ...analysis.suppressed.map((f) => ({ ...f, suppressedBecause: f.suppression.reason })),
];
