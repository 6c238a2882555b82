/**
 * A tiny vocabulary for writing the model's JSON Schema so that every property carries the
 * `title`, `description` and `examples` yaml-language-server shows as completion and hover help.
 */

export type JsonSchema = { readonly [key: string]: unknown };

interface Doc {
  readonly title: string;
  readonly description: string;
  readonly examples?: readonly unknown[];
}

const withDoc = (doc: Doc, schema: JsonSchema): JsonSchema => ({
  title: doc.title,
  description: doc.description,
  ...(doc.examples ? { examples: doc.examples } : {}),
  ...schema,
});

export const str = (doc: Doc, extra: JsonSchema = {}): JsonSchema => withDoc(doc, { type: 'string', minLength: 1, ...extra });
export const int = (doc: Doc, extra: JsonSchema = {}): JsonSchema => withDoc(doc, { type: 'integer', ...extra });
export const num = (doc: Doc, extra: JsonSchema = {}): JsonSchema => withDoc(doc, { type: 'number', ...extra });
export const bool = (doc: Doc): JsonSchema => withDoc(doc, { type: 'boolean' });
export const oneOfValues = (doc: Doc, values: readonly (string | number)[]): JsonSchema => withDoc(doc, { enum: values });
export const ref = (doc: Doc, name: string): JsonSchema => withDoc(doc, { $ref: `#/$defs/${name}` });
export const arr = (doc: Doc, items: JsonSchema, extra: JsonSchema = {}): JsonSchema =>
  withDoc(doc, { type: 'array', items, ...extra });

/** A closed object: unknown keys are errors, so typos are caught. */
export const obj = (
  doc: Doc,
  properties: Readonly<Record<string, JsonSchema>>,
  required: readonly string[] = [],
  extra: JsonSchema = {},
): JsonSchema =>
  withDoc(doc, {
    type: 'object',
    additionalProperties: false,
    properties,
    ...(required.length ? { required } : {}),
    ...extra,
  });

export const text = (doc: Doc): JsonSchema => ref(doc, 'text');
export const texts = (doc: Doc): JsonSchema => arr(doc, { $ref: '#/$defs/text' });
export const idRef = (doc: Doc): JsonSchema => ref(doc, 'id');
export const idRefs = (doc: Doc): JsonSchema => arr(doc, { $ref: '#/$defs/id' }, { uniqueItems: true });
