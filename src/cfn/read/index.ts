/**
 * Reading CloudFormation templates: one template file (JSON or YAML with short-form tags) or a
 * CDK cloud assembly directory, nested stacks and nested assemblies included, into one
 * {@link CfnTemplateSet}. Every user mistake is a `UserError` with `file:line:col`, a `cfn/…`
 * rule and a hint.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { CfnResource, CfnTemplateSet, TemplatePosition } from '../types.js';
import { hasManifest, listAssemblyStacks } from './assembly.js';
import { displayPath } from './display-path.js';
import { isKnownResourceType } from './known-types.js';
import { DEFAULT_LIMITS, ioError, type ReadLimits } from './load-text.js';
import { fail } from './problems.js';
import { positionAt } from './source-text.js';
import { readStack, type StackReader, type TemplateWarning } from './stacks.js';

export { isKnownResourceType } from './known-types.js';
export { forEachReference, PSEUDO_PARAMETERS, type TemplateReference } from './references.js';
export { positionAt, positionOf } from './source-text.js';
export { parseSub, splitSubVariable, type SubPart } from './sub.js';
export { DEFAULT_LIMITS, type ReadLimits } from './load-text.js';

export interface ReadTemplateOptions {
  /** Largest template file read, in bytes. @default 10 MiB */
  readonly maxBytes?: number;
  /** Deepest nesting of values. @default 64 */
  readonly maxDepth?: number;
  /** YAML aliases allowed per file. @default 100 */
  readonly maxAliasCount?: number;
}

/**
 * Reads a template file (`.json`, `.yaml`, `.yml`, `.template`; JSON or YAML decided by content)
 * or a CDK cloud assembly directory (`cdk.out/`) into one template set. Stacks come in manifest
 * order, each followed by its nested stacks (`Parent/LogicalId`).
 */
export async function readTemplateSet(inputPath: string, options: ReadTemplateOptions = {}): Promise<CfnTemplateSet> {
  const limits: ReadLimits = {
    ...DEFAULT_LIMITS,
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}),
    ...(options.maxAliasCount !== undefined ? { maxAliasCount: options.maxAliasCount } : {}),
  };
  const display = displayPath(inputPath);
  const info = await stat(inputPath).catch((error: unknown) => {
    throw ioError(error, display);
  });
  const reader: StackReader = { limits, stacks: [], warnings: [] };
  if (info.isDirectory()) {
    if (!(await hasManifest(inputPath))) {
      fail({ file: display, line: 1, col: 1 }, 'cfn/assembly-manifest-missing', 'directory has no manifest.json, so it is not a CDK cloud assembly',
        'pass a template file, or the output directory of `cdk synth` (usually cdk.out)', 'CDK cloud assembly');
    }
    const stacks = await listAssemblyStacks(inputPath, limits);
    if (!stacks.length) {
      fail({ file: displayPath(path.join(inputPath, 'manifest.json')), line: 1, col: 1 }, 'cfn/assembly-no-stacks', 'the cloud assembly holds no CloudFormation stack',
        'synthesize an app that defines at least one Stack', 'CDK cloud assembly');
    }
    for (const stack of stacks) await readStack(reader, stack.templateFile, stack.path, stack.assemblyDir, stack.assets);
  } else {
    await readStack(reader, inputPath, stackNameOf(inputPath), path.dirname(path.resolve(inputPath)), undefined);
  }
  return { source: display, stacks: reader.stacks, warnings: [...reader.warnings, ...unknownTypeWarnings(reader)] };
}

/**
 * Where a property of a resource is written, e.g. `['SecurityGroupIngress', 0, 'FromPort']`: the
 * deepest part of the path found, else the resource's logical id.
 */
export function propertyPosition(resource: CfnResource, propertyPath: readonly (string | number)[]): TemplatePosition {
  return (propertyPath.length ? positionAt(resource.properties, propertyPath) : undefined) ?? resource.position;
}

/** Stack path of a lone template file: its name without extension (`network.template.json` → `network`). */
export function stackNameOf(file: string): string {
  const base = path.basename(file);
  return base.replace(/(\.template)?\.[^.]+$/i, '') || base;
}

/** One warning per resource type archgen does not know, naming its resources. */
function unknownTypeWarnings(reader: StackReader): TemplateWarning[] {
  const byType = new Map<string, { ids: string[]; position: TemplateWarning['position'] }>();
  for (const stack of reader.stacks) {
    for (const resource of stack.resources) {
      if (isKnownResourceType(resource.type)) continue;
      const entry = byType.get(resource.type) ?? { ids: [], position: resource.position };
      entry.ids.push(stack.path === reader.stacks[0]?.path ? resource.logicalId : `${stack.path}/${resource.logicalId}`);
      byType.set(resource.type, entry);
    }
  }
  return [...byType].map(([type, { ids, position }]) => ({
    rule: 'cfn/unknown-resource-type',
    message: `archgen does not know the resource type ${type} (${ids.length === 1 ? ids[0] : `${ids.length} resources: ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}`}); it is read but not compared`,
    ...(position ? { position } : {}),
  }));
}
