/**
 * The drift report as SARIF 2.1.0 (GitHub code scanning): results point at the model YAML;
 * template resources are related locations (or the location, for unmodelled resources).
 */
import { artifactUri, SARIF_SCHEMA_URI } from '../generators/security/sarif.js';
import { stableJson } from '../output/stable-json.js';
import { DRIFT_RULES, type DriftFinding, type DriftReport, type TemplateRef } from './types.js';

export const DRIFT_TOOL_NAME = 'archgen-drift';

const templateLocation = (t: TemplateRef, id: number) => ({
  id,
  physicalLocation: { artifactLocation: { uri: artifactUri(t.file) }, ...(t.line > 0 ? { region: { startLine: t.line, startColumn: Math.max(1, t.col) } } : {}) },
  logicalLocations: [{ name: t.logicalId, fullyQualifiedName: `${t.stackPath}/${t.logicalId}`, kind: 'resource' }],
  message: { text: `${t.type} ${t.logicalId}` },
});

function result(f: DriftFinding, ruleIndex: number) {
  const locations = f.model
    ? [{ physicalLocation: { artifactLocation: { uri: artifactUri(f.model.file) }, region: { startLine: f.model.line, startColumn: f.model.col } } }]
    : f.template ? [templateLocation(f.template, 0)] : [];
  return {
    ruleId: f.rule,
    ruleIndex,
    level: 'warning',
    message: { text: f.message },
    locations,
    ...(f.template && f.model ? { relatedLocations: [templateLocation(f.template, 1)] } : {}),
    partialFingerprints: { 'archgenDriftId/v1': [f.rule, f.model?.path ?? '', f.template ? `${f.template.stackPath}/${f.template.logicalId}` : '', f.field ?? ''].join('|') },
    properties: {
      ...(f.field !== undefined ? { field: f.field } : {}),
      ...(f.modelValue !== undefined ? { modelValue: f.modelValue } : {}),
      ...(f.templateValue !== undefined ? { templateValue: f.templateValue } : {}),
    },
  };
}

/** The SARIF log object of one drift report. */
export function driftSarifLog(report: DriftReport) {
  const index = new Map(DRIFT_RULES.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: DRIFT_TOOL_NAME,
          rules: DRIFT_RULES.map((r) => ({
            id: r.id,
            name: r.id.replace('drift/', ''),
            shortDescription: { text: r.title },
            fullDescription: { text: r.description },
            defaultConfiguration: { level: 'warning' },
          })),
        },
      },
      automationDetails: { id: `${DRIFT_TOOL_NAME}/${report.model}/${report.environment}/` },
      columnKind: 'utf16CodeUnits',
      results: report.findings.map((f) => result(f, index.get(f.rule) ?? 0)),
      properties: { model: report.model, environment: report.environment, template: report.template, unknown: report.unknown.length, notes: report.notes.length },
    }],
  };
}

export const renderDriftSarif = (report: DriftReport): string => stableJson(driftSarifLog(report), { sortKeys: false });
