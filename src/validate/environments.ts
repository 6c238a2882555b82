/**
 * Validates each environment as it will be generated: the base model with that environment's
 * overrides applied goes through the same schema and semantic rules as the base. A finding is
 * reported at the override that causes it (`environments.dev.overrides.components.api.minTasks`),
 * or at the base node when the override only makes a base value wrong.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { applyOverrides, environmentNames } from '../model/normalize.js';
import type { NodePath } from '../model/types.js';
import { validateAgainstSchema } from './schema-validation.js';
import type { Locator } from './schema-messages.js';
import { validateSemantics } from './semantic.js';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const isPlainObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Where in the override tree the merged value at `rest` comes from, or undefined when it comes
 * from the base model. Objects merge key by key; anything else replaces the base value whole.
 */
function overridePath(override: unknown, rest: readonly (string | number)[]): readonly (string | number)[] | undefined {
  let node = override;
  for (let i = 0; i < rest.length; i++) {
    if (!isPlainObject(node)) return rest; // replaced whole: every deeper node is the override's
    const key = rest[i]!;
    if (!(key in node)) return undefined;
    node = node[key as string];
  }
  return rest.length ? rest : undefined;
}

/** Maps a path in the merged model of `env` to the YAML node that set its value. */
function sourcePath(raw: Raw, env: string, path: NodePath): NodePath {
  const overrides: Raw = raw.environments?.[env]?.overrides ?? {};
  const base = ['environments', env, 'overrides'];
  const [section, ...rest] = path;
  if (section === 'components' && typeof rest[0] === 'number') {
    const id = raw.components?.[rest[0]]?.id as string | undefined;
    const override = id !== undefined && isPlainObject(overrides.components) && Object.hasOwn(overrides.components, id) ? overrides.components[id] : undefined;
    const inOverride = override !== undefined ? overridePath(override, rest.slice(1)) : undefined;
    return inOverride ? [...base, 'components', id!, ...inOverride] : path;
  }
  if (section === 'network' || section === 'cost') {
    const inOverride = overrides[section] !== undefined ? overridePath(overrides[section], rest) : undefined;
    return inOverride ? [...base, section, ...inOverride] : path;
  }
  return path;
}

/**
 * Findings of every environment that has overrides; run only on a base model without errors.
 * `baseFindings` (the base model's warnings) are not repeated per environment.
 */
export function validateEnvironments(raw: Raw, locator: Locator, baseFindings: readonly Diagnostic[] = []): Diagnostic[] {
  const known = new Set(baseFindings.map((d) => `${d.rule}:${d.line}:${d.col}`));
  const found: Diagnostic[] = [];
  for (const env of environmentNames(raw)) {
    if (!isPlainObject(raw.environments?.[env]?.overrides)) continue;
    const merged = applyOverrides(raw, env);
    const envLocator: Locator = {
      file: locator.file,
      locate: (path) => locator.locate(sourcePath(raw, env, path)),
      locateKey: (path) => locator.locateKey(sourcePath(raw, env, path)),
    };
    const schemaErrors = validateAgainstSchema(merged, envLocator);
    // Semantic rules assume schema-valid data; the override checks ran on the base already.
    const findings = schemaErrors.length ? schemaErrors : validateSemantics({ ...merged, environments: {} }, envLocator);
    for (const d of findings) {
      if (!known.has(`${d.rule}:${d.line}:${d.col}`)) found.push({ ...d, message: `in environment "${env}": ${d.message}` });
    }
  }
  return found;
}
