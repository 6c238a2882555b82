/**
 * Reduces ajv's raw error list (with `allErrors`) to one error per real problem. ajv reports a
 * failing `oneOf` once for itself and once per branch, a failing `if/then` once more for the
 * `if`, and a `propertyNames` failure once for the outer and once for the inner keyword; a
 * person wants to read only the error that says what to change.
 */
import type { ErrorObject } from 'ajv';

/** Keywords whose error only summarizes errors ajv reports anyway. */
const SUMMARY = new Set(['if', 'anyOf', 'allOf']);

/** Keywords that mean "this node is not even of the branch's kind". */
const KIND_MISMATCH = new Set(['type', 'enum', 'const']);

const isUnder = (path: string, parent: string): boolean => path === parent || path.startsWith(`${parent}/`);

/** Branch index of `error` within the `oneOf` at `oneOfSchemaPath`, or undefined. */
function branchOf(error: ErrorObject, oneOfSchemaPath: string): number | undefined {
  if (!error.schemaPath.startsWith(`${oneOfSchemaPath}/`)) return undefined;
  const index = Number(error.schemaPath.slice(oneOfSchemaPath.length + 1).split('/')[0]);
  return Number.isInteger(index) ? index : undefined;
}

/**
 * For a `oneOf` that no branch matched, picks the branch the author most likely meant: the only
 * one that does not reject the node's kind (type, enum, or a missing discriminating key). A branch
 * may show no error of its own when its errors came through a `$ref` (their schema path starts at
 * the definition); it still counts as a candidate. Returns undefined when no single branch fits,
 * so the `oneOf` error itself should be reported.
 */
function chosenBranch(oneOf: ErrorObject, errors: readonly ErrorObject[]): number | undefined {
  const count = Array.isArray(oneOf.schema) ? oneOf.schema.length : 0;
  const byBranch = new Map<number, ErrorObject[]>();
  for (const error of errors) {
    if (error === oneOf || !isUnder(error.instancePath, oneOf.instancePath)) continue;
    const branch = branchOf(error, oneOf.schemaPath);
    if (branch !== undefined) byBranch.set(branch, [...(byBranch.get(branch) ?? []), error]);
  }
  const rejectsKind = (list: readonly ErrorObject[]): boolean =>
    list.some((e) => KIND_MISMATCH.has(e.keyword) && e.instancePath === oneOf.instancePath)
    || (list.length > 0 && list.every((e) => e.keyword === 'required' && e.instancePath === oneOf.instancePath));
  const candidates: number[] = [];
  for (let branch = 0; branch < Math.max(count, ...[...byBranch.keys()].map((b) => b + 1)); branch++) {
    if (!rejectsKind(byBranch.get(branch) ?? [])) candidates.push(branch);
  }
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Returns the errors worth showing, in ajv's order. */
export function selectErrors(all: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();

  for (const oneOf of all.filter((e) => e.keyword === 'oneOf')) {
    const passing = (oneOf.params as { passingSchemas?: unknown }).passingSchemas;
    if (passing) continue; // several branches matched: only the oneOf error exists, keep it
    const chosen = chosenBranch(oneOf, all);
    for (const error of all) {
      if (error === oneOf || !isUnder(error.instancePath, oneOf.instancePath)) continue;
      const branch = branchOf(error, oneOf.schemaPath);
      if (branch !== undefined && branch !== chosen) dropped.add(error);
    }
    if (chosen !== undefined) dropped.add(oneOf);
  }

  // A propertyNames failure is reported twice: the outer error and the inner one with `propertyName`.
  // Keep the inner one (it says which rule the name broke); an unknown field already reported by
  // additionalProperties needs no second error.
  const unknownFields = new Set(
    all.filter((e) => e.keyword === 'additionalProperties').map((e) => `${e.instancePath}\u0000${String((e.params as { additionalProperty?: unknown }).additionalProperty)}`),
  );
  for (const error of all) {
    if (error.keyword === 'propertyNames') dropped.add(error);
    if (error.propertyName !== undefined && unknownFields.has(`${error.instancePath}\u0000${error.propertyName}`)) dropped.add(error);
  }

  const kept = all.filter((e) => !dropped.has(e));
  return kept.filter((error) => !SUMMARY.has(error.keyword) || !kept.some((other) => other !== error && !SUMMARY.has(other.keyword) && isUnder(other.instancePath, error.instancePath)));
}
