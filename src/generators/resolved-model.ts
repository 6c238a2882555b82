import { stableJson } from '../output/stable-json.js';
import type { Generator } from './types.js';

/** The model of each environment with defaults and overrides applied, for review and other tools. */
export const resolvedModelGenerator: Generator = {
  name: 'resolved',
  description: 'Resolved model per environment (output/<model>/resolved/<env>.json)',
  generate: (model) =>
    model.environmentNames.map((env) => ({
      path: `output/${model.id}/resolved/${env}.json`,
      content: stableJson(model.environments[env], { omit: ['loc'] }),
    })),
};
