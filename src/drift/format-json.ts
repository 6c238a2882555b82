/** The drift report as stable JSON: sorted keys, findings in model order. */
import { stableJson } from '../output/stable-json.js';
import type { DriftReport } from './types.js';

export const renderDriftJson = (report: DriftReport): string => stableJson({ drift: report.findings.length > 0, ...report });
