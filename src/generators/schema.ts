import { architectureSchema } from '../model/schema.js';
import { stableJson } from '../output/stable-json.js';
import type { Generator } from './types.js';

/** Writes the published JSON Schema so the committed copy never drifts from the code. */
export const schemaGenerator: Generator = {
  name: 'schema',
  description: 'JSON Schema of the model (model/architecture.schema.json)',
  generate: () => [],
  generateProject: () => [{ path: 'model/architecture.schema.json', content: stableJson(architectureSchema(), { sortKeys: false }) }],
};
