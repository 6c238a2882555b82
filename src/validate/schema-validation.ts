/**
 * Validates raw model data against the JSON Schema with ajv and turns ajv's errors into
 * diagnostics a person can act on: one per problem, at the offending YAML node, with a hint.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { selectErrors } from './ajv-errors.js';
import type { NodePath } from '../model/types.js';
import { compileValidator, loadPrecompiledValidator } from './precompiled.js';
import { pointerToPath, toDiagnostic, type Locator } from './schema-messages.js';

export type { Locator } from './schema-messages.js';

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  compiled ??= loadPrecompiledValidator() ?? compileValidator();
  return compiled;
}

/** Every schema error of `data`, one diagnostic per problem. */
export function validateAgainstSchema(data: unknown, locator: Locator): Diagnostic[] {
  return schemaFindings(data, locator).map((f) => f.diagnostic);
}

/** Like {@link validateAgainstSchema}, keeping the path of the node each error is about. */
export function schemaFindings(data: unknown, locator: Locator): { diagnostic: Diagnostic; path: NodePath }[] {
  const validate = validator();
  if (validate(data)) return [];
  return selectErrors(validate.errors ?? []).map((error) => ({ diagnostic: toDiagnostic(error, data, locator), path: pointerToPath(error.instancePath) }));
}
