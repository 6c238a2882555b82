/**
 * Reads one template file defensively: size before reading, UTF-8 strictly, then JSON or YAML
 * by content (a template whose first character is `{` is JSON unless named `.yaml`/`.yml`).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CfnValue } from '../types.js';
import { jsonChildOffsets, parseJsonTemplate } from './json.js';
import { fail, startOf, userError } from './problems.js';
import { SourceText } from './source-text.js';
import { parseYamlTemplate } from './yaml-template.js';
import { firstInvalidUtf8 } from '../../load/parse-yaml.js';

export interface ReadLimits {
  /** Largest template file read, in bytes. */
  readonly maxBytes: number;
  readonly maxDepth: number;
  readonly maxAliasCount: number;
  readonly maxAliasExpansion: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxDepth: 64,
  maxAliasCount: 100,
  maxAliasExpansion: 100_000,
};

export interface ParsedTemplateFile {
  readonly source: SourceText;
  readonly format: 'json' | 'yaml';
  readonly data: CfnValue;
}

/** Reads and parses `file`; `displayFile` is how messages name it. */
export async function readTemplateFile(file: string, displayFile: string, limits: ReadLimits): Promise<ParsedTemplateFile> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    throw ioError(error, displayFile);
  }
  if (info.isDirectory()) fail(startOf(displayFile), 'cfn/unreadable', 'is a directory, not a template file', 'pass a template file (.json, .yaml, .yml, .template) or a CDK cloud assembly directory that holds manifest.json');
  const size = info.size;
  if (size > limits.maxBytes) {
    fail(startOf(displayFile), 'cfn/too-large', `template is ${formatBytes(size)}, over the ${formatBytes(limits.maxBytes)} limit`,
      'CloudFormation itself accepts at most 1 MB per template; check that this is the right file');
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw ioError(error, displayFile);
  }
  return parseTemplateBytes(displayFile, bytes, limits, path.extname(file).toLowerCase());
}

/** Parses template bytes already in memory (see {@link readTemplateFile}). */
export function parseTemplateBytes(displayFile: string, bytes: Uint8Array, limits: ReadLimits, extension = ''): ParsedTemplateFile {
  if (bytes.byteLength > limits.maxBytes) {
    fail(startOf(displayFile), 'cfn/too-large', `template is ${formatBytes(bytes.byteLength)}, over the ${formatBytes(limits.maxBytes)} limit`, 'check that this is the right file');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const source = new SourceText(displayFile, new TextDecoder('utf-8').decode(bytes.subarray(0, offset)));
    fail(source.position(source.text.length), 'cfn/encoding', `byte 0x${bytes[offset]!.toString(16).padStart(2, '0')} at offset ${offset} is not UTF-8 (a binary file?)`,
      'CloudFormation templates are UTF-8 text; save the file as UTF-8 or pass the template instead of an archive');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf('\u0000');
  const source = new SourceText(displayFile, text, (start) => jsonChildOffsets(text, start));
  if (nul !== -1) fail(source.position(nul), 'cfn/encoding', 'file contains a NUL character (a binary file?)', 'CloudFormation templates are text; check that this is the right file');
  const first = /\S/.exec(text);
  if (!first) fail(startOf(displayFile), 'cfn/empty', 'file is empty', 'a template is a mapping with at least `Resources:`');
  const isJson = first[0] === '{' || first[0] === '[' ? extension !== '.yaml' && extension !== '.yml' : false;
  if (isJson) return { source, format: 'json', data: parseJsonTemplate(source, limits.maxDepth) };
  return { source, format: 'yaml', data: parseYamlTemplate(source, limits) };
}

/** A file-system failure as a user error (missing file, no permission), anything else unchanged. */
export function ioError(error: unknown, displayFile: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code) return error as Error;
  return userError(startOf(displayFile), 'cfn/unreadable', code === 'ENOENT' ? 'file does not exist' : `cannot read the file (${code})`,
    code === 'ENOENT' ? 'check the path; pass a template file or a cdk.out directory' : 'check the permissions');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
