/**
 * Reads one stack's template file and, recursively, the templates of its nested stacks
 * (`AWS::CloudFormation::Stack` resources whose `aws:asset:path` metadata names a local file).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { sortDiagnostics } from '../../diagnostics/diagnostic.js';
import type { CfnResource, CfnStack, CfnTemplateSet, CfnValue, TemplatePosition } from '../types.js';
import { insideAssembly } from './assembly.js';
import { checkReferences } from './checks.js';
import { displayPath, isInside } from './display-path.js';
import { readTemplateFile, type ReadLimits } from './load-text.js';
import { fail, invalidTemplate } from './problems.js';
import { positionOf } from './source-text.js';
import { buildStack } from './template.js';

export type TemplateWarning = CfnTemplateSet['warnings'][number];

export interface StackReader {
  readonly limits: ReadLimits;
  readonly stacks: CfnStack[];
  readonly warnings: TemplateWarning[];
}

const MAX_NESTING = 16;
/** Problems listed per template: a generated or hostile file can hold hundreds of thousands. */
const MAX_PROBLEMS = 100;
/** Stacks read from one input: nested stacks that each reuse a template could otherwise multiply without end. */
export const MAX_STACKS = 500;

/**
 * Reads `file` as the stack `stackPath`. `baseDir` is where relative nested-stack paths start;
 * inside an assembly (`inAssembly`) a missing nested template is an error, beside a lone
 * template file only a warning.
 */
export async function readStack(reader: StackReader, file: string, stackPath: string, baseDir: string, assets: ReadonlyMap<string, string> | undefined, chain: readonly string[] = []): Promise<void> {
  const inAssembly = assets !== undefined;
  const display = displayPath(file);
  const parsed = await readTemplateFile(file, display, reader.limits);
  const built = buildStack(parsed.data, display, stackPath);
  const references = checkReferences(built);
  const problems = sortDiagnostics([...built.problems, ...references.problems]);
  if (problems.length > MAX_PROBLEMS) {
    const last = problems[MAX_PROBLEMS - 1]!;
    problems.splice(MAX_PROBLEMS, Infinity, { ...last, rule: 'cfn/more-problems', message: `${problems.length - MAX_PROBLEMS} more problems not listed`, hint: 'fix the ones above first; they often share a cause' });
  }
  if (problems.length) throw invalidTemplate(display, problems);
  for (const warning of references.warnings) reader.warnings.push({ rule: warning.rule, message: warning.message, position: { file: warning.file, line: warning.line, col: warning.col } });
  reader.stacks.push(built.stack);

  for (const resource of built.stack.resources) {
    if (resource.type !== 'AWS::CloudFormation::Stack') continue;
    const nested = nestedTemplatePath(resource.metadata, resource.properties, assets);
    if (!nested) {
      reader.warnings.push({ rule: 'cfn/nested-template-missing', message: `the template of nested stack ${resource.logicalId} is not in ${inAssembly ? 'the assembly' : 'a local file'}; its resources are not read`, position: resource.position });
      continue;
    }
    const position = (nested.from === 'metadata' ? positionOf(resource.metadata, 'aws:asset:path') : positionOf(resource.properties, 'TemplateURL')) ?? resource.position;
    const nestedFile = await locateNested(nested.path, baseDir, position, inAssembly, reader);
    if (!nestedFile) continue;
    if (chain.includes(nestedFile) || nestedFile === path.resolve(file) || chain.length >= MAX_NESTING) {
      fail(position, 'cfn/circular-nested-stack', `nested stack ${resource.logicalId} leads back to a template already being read (${displayPath(nestedFile)})`, 'a stack cannot contain itself; point the nested stack at its own template');
    }
    if (reader.stacks.length >= MAX_STACKS) {
      fail(position, 'cfn/too-many-stacks', `more than ${MAX_STACKS} stacks (nested stacks included)`, 'check that nested stacks do not reuse templates that nest further; CloudFormation itself allows far fewer');
    }
    await readStack(reader, nestedFile, `${stackPath}/${resource.logicalId}`, baseDir, assets, [...chain, path.resolve(file)]);
  }
}

/**
 * Where a nested stack's template is: CDK's `aws:asset:path` metadata; else, in an assembly, the
 * file asset whose S3 object key ends the `TemplateURL`; else, beside a lone template, a local
 * `TemplateURL` (a template before `aws cloudformation package`).
 */
function nestedTemplatePath(metadata: CfnResource['metadata'], properties: CfnResource['properties'], assets: ReadonlyMap<string, string> | undefined): { path: string; from: 'metadata' | 'TemplateURL' } | undefined {
  const asset = metadata['aws:asset:path'];
  if (typeof asset === 'string' && asset) return { path: asset, from: 'metadata' };
  const url = properties.TemplateURL;
  if (assets) {
    for (const text of stringsIn(url ?? null)) {
      const key = /[^/]+$/.exec(text)?.[0];
      const source = key === undefined ? undefined : assets.get(key);
      if (source) return { path: source, from: 'TemplateURL' };
    }
    return undefined;
  }
  if (typeof url === 'string' && url && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return { path: url, from: 'TemplateURL' };
  return undefined;
}

function stringsIn(value: CfnValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

async function locateNested(relative: string, baseDir: string, position: TemplatePosition, inAssembly: boolean, reader: StackReader): Promise<string | undefined> {
  if (inAssembly) return insideAssembly(baseDir, relative, position, 'nested stack template');
  const file = path.resolve(baseDir, relative);
  if (!isInside(baseDir, file)) {
    reader.warnings.push({ rule: 'cfn/nested-template-outside', message: `nested stack template "${relative}" is outside the template's directory; it is not read`, position });
    return undefined;
  }
  const exists = await stat(file).then((info) => info.isFile(), () => false);
  if (!exists) {
    reader.warnings.push({ rule: 'cfn/nested-template-missing', message: `nested stack template "${relative}" is not beside the template; its resources are not read`, position });
    return undefined;
  }
  return file;
}
