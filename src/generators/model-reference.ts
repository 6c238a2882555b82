/**
 * `output/model-reference.md`: every field of the model, generated from the JSON Schema so the
 * reference can never disagree with what `validate` accepts.
 */
import { componentProperties } from '../model/schema-components.js';
import { architectureSchema } from '../model/schema.js';
import type { JsonSchema } from '../model/schema-dsl.js';
import type { Generator } from './types.js';

type Schema = { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const DEFS = architectureSchema().$defs as Record<string, Schema>;

export const escapeCell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function typeOf(schema: Schema): string {
  if (schema.$ref) {
    const name = String(schema.$ref).split('/').pop()!;
    return name === 'text' ? 'text (string or {ko, en})' : name === 'component' ? 'component' : (DEFS[name]?.type as string) ?? name;
  }
  if (schema.enum) return schema.enum.map((v: unknown) => `\`${String(v)}\``).join(' | ');
  if (schema.oneOf) return schema.oneOf.map((s: Schema) => (s.enum ? s.enum.map((v: unknown) => `\`${String(v)}\``).join(' | ') : typeOf(s))).join(' or ');
  if (schema.type === 'array') return `list of ${schema.items ? typeOf(schema.items) : 'values'}`;
  if (schema.type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object' && !schema.properties) return 'map';
  return String(schema.type ?? 'any');
}

function rows(schema: Schema, prefix: string, required: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const [key, child] of Object.entries<Schema>(schema.properties ?? {})) {
    if ((child as unknown) === true) continue;
    const path = `${prefix}${key}`;
    const example = child.examples?.[0];
    out.push(`| \`${path}\`${required.includes(key) ? ' *' : ''} | ${escapeCell(typeOf(child))} | ${escapeCell(child.description ?? '')} | ${example === undefined ? '' : `\`${escapeCell(JSON.stringify(example))}\``} |`);
    const nested = child.type === 'array' ? child.items : child;
    if (nested?.type === 'object' && nested.properties) out.push(...rows(nested, `${path}${child.type === 'array' ? '[]' : ''}.`, nested.required ?? []));
    if (nested?.type === 'object' && nested.additionalProperties?.properties) out.push(...rows(nested.additionalProperties, `${path}.<name>.`, nested.additionalProperties.required ?? []));
  }
  return out;
}

const HEADER = '| field | type | description | example |\n|---|---|---|---|';

export function modelReference(): string {
  const schema = architectureSchema() as Schema;
  const component = DEFS.component!;
  const parts = [
    '# archgen model reference',
    '',
    '<!-- Generated from model/architecture.schema.json by `archgen generate`. Do not edit. -->',
    '',
    `${schema.description} Fields marked * are required. Editors that use yaml-language-server show the same help when the model starts with \`# yaml-language-server: $schema=./architecture.schema.json\`.`,
    '',
    '## Top level',
    '',
    HEADER,
    ...rows(schema, '', schema.required),
    '',
    '## Components: common fields',
    '',
    HEADER,
    ...rows({ properties: component.properties }, 'components[].', component.required),
  ];
  for (const [type, spec] of Object.entries(componentProperties)) {
    parts.push('', `## Component type \`${type}\``, '');
    if (!Object.keys(spec.properties).length) {
      parts.push('No fields besides the common ones.');
      continue;
    }
    parts.push(HEADER, ...rows({ properties: spec.properties as Record<string, JsonSchema> }, '', spec.required));
  }
  return `${parts.join('\n')}\n`;
}

export const modelReferenceGenerator: Generator = {
  name: 'model-reference',
  description: 'Model field reference (output/model-reference.md)',
  generate: () => [],
  generateProject: () => [{ path: 'output/model-reference.md', content: modelReference() }],
};
