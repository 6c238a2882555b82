/**
 * SARIF 2.1.0 for GitHub code scanning: one run per analysed environment, results located in
 * the model YAML, suppressed findings carried as `inSource` suppressions with their reason.
 * Validated in tests against the official schema (test/fixtures/sarif/sarif-2.1.0.schema.json).
 */
import { sarifLevel, securitySeverityScore } from '../../security/severity.js';
import type { Finding, RuleDescriptor, SecurityAnalysis, SourceRef, SuppressedFinding } from '../../security/types.js';
import { stableJson } from '../../output/stable-json.js';
import { escapeMarkdown } from './escape.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_NAME = 'archgen-security';

/** Relative paths stay relative (code scanning resolves them against the repository root); absolute ones become file URIs. */
export function artifactUri(file: string): string {
  return file.startsWith('/') ? `file://${encodeURI(file)}` : encodeURI(file);
}

const region = (ref: SourceRef) => ({ startLine: ref.line, startColumn: ref.col });
const physical = (ref: SourceRef) => ({ physicalLocation: { artifactLocation: { uri: artifactUri(ref.file), index: 0 }, region: region(ref) } });

function rule(descriptor: RuleDescriptor) {
  return {
    id: descriptor.id,
    name: descriptor.name,
    shortDescription: { text: descriptor.title },
    fullDescription: { text: descriptor.description },
    help: { text: descriptor.description, markdown: `**${escapeMarkdown(descriptor.title)}**\n\n${escapeMarkdown(descriptor.description)}` },
    defaultConfiguration: { level: sarifLevel(descriptor.defaultSeverity) },
    properties: { tags: ['security', 'archgen'], precision: 'very-high', 'security-severity': securitySeverityScore(descriptor.defaultSeverity) },
  };
}

function result(finding: Finding | SuppressedFinding, ruleIndex: number) {
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: `${finding.message}. Hint: ${finding.hint}` },
    locations: [physical(finding.location)],
    partialFingerprints: { 'archgenFindingId/v1': finding.id },
    properties: { severity: finding.severity, target: finding.target, 'security-severity': securitySeverityScore(finding.severity) },
    ...('suppression' in finding
      ? { suppressions: [{ kind: 'inSource', justification: finding.suppression.reason, location: physical(finding.suppression.location) }] }
      : {}),
  };
}

function run(a: SecurityAnalysis) {
  const index = new Map(a.rules.map((r, i) => [r.id, i]));
  return {
    tool: { driver: { name: TOOL_NAME, rules: a.rules.map(rule) } },
    automationDetails: { id: `${TOOL_NAME}/${a.model}/${a.environment}/` },
    artifacts: [{ location: { uri: artifactUri(a.file) }, roles: ['analysisTarget'], mimeType: 'application/yaml' }],
    columnKind: 'utf16CodeUnits',
    results: [...a.findings, ...a.suppressed].map((f) => result(f, index.get(f.rule) ?? -1)),
    properties: { model: a.model, environment: a.environment },
  };
}

/** The SARIF log object of the analyses. */
export function sarifLog(analyses: readonly SecurityAnalysis[]) {
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: analyses.map(run) };
}

/** The SARIF log as deterministic JSON text. */
export const renderSarif = (analyses: readonly SecurityAnalysis[]): string => stableJson(sarifLog(analyses), { sortKeys: false });
