/**
 * The imported model as YAML text: a header that says where it came from and what not to trust,
 * then the data in the seed model's key order. Deterministic: no timestamps, no absolute paths.
 */
import { stringify } from 'yaml';
import type { RawModel } from './context.js';

export interface HeaderInfo {
  /** Template path as the user gave it (relative to the project root when inside it). */
  readonly source: string;
  readonly stacks: readonly string[];
  /** `architecture.schema.json` relative to the model file, for editor completion. */
  readonly schemaRef: string;
}

/** The model file's text: header comment, then the data. */
export function modelText(model: RawModel, header: HeaderInfo): string {
  const lines = [
    `# yaml-language-server: $schema=${header.schemaRef}`,
    `# Imported by \`archgen import\` from ${oneLine(header.source)}${header.stacks.length ? ` (stacks: ${header.stacks.map(oneLine).join(', ')})` : ''}.`,
    '#',
    '# A FIRST model: it holds what the template states, and no more. Do not trust it for what a',
    '# template cannot carry: names and descriptions meant for people, rationale, usage and cost',
    '# figures (requests, storage, invocations), the read/write split and purpose of flows, and',
    '# the dev/prod environments. Values CloudFormation knows only at deploy time were guessed or',
    '# left out; `archgen import --format json` lists every one. Review it before you rely on it.',
  ];
  return `${lines.join('\n')}\n${stringify(model, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

/** Header comments are single lines: control characters and newlines in a path become spaces. */
const oneLine = (text: string): string => text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
