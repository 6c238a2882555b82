/** The analysis as JSON: the exact {@link SecurityAnalysis} data other tools can read. */
import { stableJson } from '../../output/stable-json.js';
import { sharedAnalysisOf } from '../../security/index.js';
import type { SecurityAnalysis } from '../../security/types.js';

// Per shared analysis, each top-level field as JSON one level deep (megabytes at scale):
// environments that read the same differ only in the `environment` field.
const fields = new WeakMap<object, Map<string, string>>();

/** `stableJson(analysis)`, built from cached fields when another environment shares them. */
export function renderJson(analysis: SecurityAnalysis): string {
  const shared = sharedAnalysisOf(analysis);
  if (!shared) return stableJson(analysis);
  let known = fields.get(shared);
  if (!known) fields.set(shared, (known = new Map()));
  const record = analysis as unknown as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const value = record[key];
    if (value === undefined) continue;
    let text = key === 'environment' ? undefined : known.get(key);
    if (text === undefined) {
      // `{\n  "key": …\n}\n` without its braces: the field as it sits one level deep.
      text = stableJson({ [key]: value }).slice(2, -3);
      if (key !== 'environment') known.set(key, text);
    }
    parts.push(text);
  }
  return parts.length ? `{\n${parts.join(',\n')}\n}\n` : '{}\n';
}
