/**
 * All validation of one parsed model, in order: schema, semantic rules, then each environment.
 * Semantic rules normally need schema-valid data; when the schema already found errors, the
 * rules that stay meaningful on the rest of the model still run, so a file's errors come in one
 * report rather than one stage at a time.
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { NodePath } from '../model/types.js';
import { validateEnvironments } from './environments.js';
import { schemaFindings, type Locator } from './schema-validation.js';
import { semanticFindings, type Finding } from './semantic.js';

/** Rules whose findings do not depend on a neighbour being schema-valid. */
const INDEPENDENT = new Set([
  'ref/unknown-security-group', 'ref/unknown-subnet', 'ref/unknown-component', 'model/duplicate-id',
  'net/subnet-outside-vpc', 'net/subnet-overlap', 'net/cidr-host-bits', 'net/unknown-az',
  'sg/port-range-order', 'sg/missing-port', 'sg/port-and-range', 'sg/incomplete-range',
  'model/alarm-period', 'model/self-connection', 'env/unknown-component',
]);

/**
 * The element a path belongs to: everything up to and including its first list index
 * (`components.3`, `network.subnets.1`, `monitoring.alarms.0`), or its first key otherwise.
 */
function elementOf(path: NodePath): string {
  const index = path.findIndex((segment) => typeof segment === 'number');
  return (index < 0 ? path.slice(0, 1) : path.slice(0, index + 1)).join('\u0000');
}

/** Diagnostics of a model's data, sorted; the model is usable only when none is an error. */
export function validateModelData(raw: Record<string, unknown>, locator: Locator): Diagnostic[] {
  const schema = schemaFindings(raw, locator);
  if (schema.length) {
    const broken = new Set(schema.map((f) => elementOf(f.path)));
    let semantic: Finding[] = [];
    try {
      semantic = semanticFindings(raw, locator);
    } catch {
      // The schema errors left the data too malformed for the semantic rules; they are enough for now.
    }
    const extra = semantic.filter((f) => f.diagnostic.severity === 'error' && INDEPENDENT.has(f.diagnostic.rule) && !broken.has(elementOf(f.path)));
    return sortDiagnostics([...schema, ...extra].map((f) => f.diagnostic));
  }
  const base = semanticFindings(raw, locator).map((f) => f.diagnostic);
  if (base.some((d) => d.severity === 'error')) return sortDiagnostics(base);
  return sortDiagnostics([...base, ...validateEnvironments(raw, locator, base)]);
}
