/** The analysis as JSON: the exact {@link SecurityAnalysis} data other tools can read. */
import { stableJson } from '../../output/stable-json.js';
import type { SecurityAnalysis } from '../../security/types.js';

export const renderJson = (analysis: SecurityAnalysis): string => stableJson(analysis);
