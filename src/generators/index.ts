/**
 * The one place generators are plugged in. Order matters only for summaries; every generator
 * is a pure function of the model and the context.
 */
import { compareGenerator } from './compare.js';
import { costGenerator } from './cost.js';
import { docsGenerator } from './docs.js';
import { drawioGenerator } from './drawio/index.js';
import { mermaidGenerator } from './mermaid/index.js';
import { modelReferenceGenerator } from './model-reference.js';
import { resolvedModelGenerator } from './resolved-model.js';
import { schemaGenerator } from './schema.js';
import { securityGenerator } from './security/index.js';
import type { Generator } from './types.js';

export const generators: readonly Generator[] = [
  schemaGenerator,
  modelReferenceGenerator,
  resolvedModelGenerator,
  securityGenerator,
  costGenerator,
  mermaidGenerator,
  drawioGenerator,
  docsGenerator,
  compareGenerator,
];
