/**
 * A legal model whose every free-text field (names, descriptions, purposes, labels, titles, …)
 * carries text that tries to break out of one of the generated formats: XML, Mermaid, Markdown,
 * HTML, CSV, JSON and TypeScript. Each label ends in a numbered mark (`Ⓗ7`) so a test can tell
 * which label went where.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from '../foundation/helpers.js';

/**
 * One payload per context it attacks. The label of field n is `<payload> Ⓗ<n>`: the payload
 * comes first, where a formula, a list marker or a heading would take effect.
 */
export const PAYLOADS = [
  '</mxCell><mxCell id="evil" value="pwned"/>',
  '"]} end; click x call alert(1)',
  '--> x --- y ==> z',
  '<script>alert(1)</script>',
  '`tick` ``double`` ```triple```',
  '${process.exit(1)}',
  "=cmd|' /C calc'!A0",
  '+1',
  '@SUM(1)',
  '-2+3',
  'a | b | c',
  '[link](javascript:alert(1))',
  'line one\nline two',
  'para\u2028sep\u2029end',
  '포인트 시스템 🚀😀',
  '<!-- not a comment --> %% nor this',
  "'; DROP TABLE x; -- */ /*",
  '{{handlebars}} {{{triple}}} & &amp; &#60;',
  '<img src=x onerror=alert(2)>',
] as const;

/** Ends every label, followed by its number. */
export const MARK = 'Ⓗ';

/** Free-text fields of the schema (`text` and `texts`), by key. */
const TEXT_KEYS = new Set(['name', 'description', 'title', 'purpose', 'condition', 'label', 'rationale', 'uses']);
/** Keys named like text fields that are identifiers instead (container names, log group names are not `name`). */
const NOT_TEXT = new Set(['container']);

export interface HostileModel {
  readonly yaml: string;
  /** Every label placed in the model, one-line payloads and multi-line ones alike. */
  readonly labels: readonly string[];
}

/** The seed model with every free-text field replaced by a hostile label. */
export function hostileModelYaml(): HostileModel {
  const raw = parse(readFileSync(path.join(ROOT, 'model/point-system.yaml'), 'utf8')) as unknown;
  const labels: string[] = [];
  const next = (): string => {
    const label = `${PAYLOADS[labels.length % PAYLOADS.length]} ${MARK}${labels.length}`;
    labels.push(label);
    return label;
  };
  const isText = (value: unknown): boolean =>
    typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).every((k) => k === 'ko' || k === 'en'));
  const walk = (node: unknown, parentKey: string | undefined): void => {
    if (Array.isArray(node)) {
      node.forEach((item) => walk(item, parentKey));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (TEXT_KEYS.has(key) && !NOT_TEXT.has(parentKey ?? '') && isText(value)) {
        const label = next();
        record[key] = typeof value === 'string' ? label : { ko: label, en: label };
      } else if (TEXT_KEYS.has(key) && Array.isArray(value) && value.every(isText)) {
        record[key] = value.map(() => next());
      } else {
        walk(value, key);
      }
    }
  };
  walk(raw, undefined);
  return { yaml: stringify(raw, { lineWidth: 0 }), labels };
}
