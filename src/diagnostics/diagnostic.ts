/** A problem found in a model, pointing at the YAML node that causes it. */
export interface Diagnostic {
  /** Project-relative (or as given) path of the model file. */
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Stable rule id, e.g. `schema/required`, `ref/unknown-security-group`. */
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly hint?: string;
}

/** Sorts by position then rule, and drops exact duplicates. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return [...list]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message))
    .filter((d) => {
      const key = `${d.file}:${d.line}:${d.col}:${d.rule}:${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.col}: ${d.severity} ${d.rule}: ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

/** Thrown when user input is invalid: printed without a stack trace, exit code 2. */
export class UserError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(message: string, diagnostics: readonly Diagnostic[] = []) {
    super(message);
    this.name = 'UserError';
    this.diagnostics = diagnostics;
  }
}

/** Closest candidate by edit distance, for "did you mean" hints. */
export function didYouMean(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  // Short names need a close match: "fr" is not a typo of "ko".
  let bestDistance = (value.length <= 3 ? 1 : value.length <= 6 ? 2 : Math.floor(value.length / 3) + 1) + 1;
  for (const candidate of candidates) {
    const distance = levenshtein(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
