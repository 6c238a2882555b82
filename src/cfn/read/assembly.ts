/**
 * CDK cloud assemblies (`cdk.out/`): the stacks listed in `manifest.json`, including those of
 * nested assemblies (CDK Stages, `assembly-*` directories). Every path a manifest names must
 * stay inside its assembly directory.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../diagnostics/diagnostic.js';
import type { CfnValue, TemplatePosition } from '../types.js';
import { displayPath, isInside } from './display-path.js';
import { readTemplateFile, type ReadLimits } from './load-text.js';
import { fail, invalidTemplate } from './problems.js';
import { positionOf } from './source-text.js';
import { isObject } from './template.js';

/** One `aws:cloudformation:stack` artifact. */
export interface AssemblyStack {
  /** `displayName` of the artifact, or its id. */
  readonly path: string;
  /** Absolute path of the template file. */
  readonly templateFile: string;
  /** The (nested) assembly directory that holds it: nested stack asset paths are relative to it. */
  readonly assemblyDir: string;
  /** Where the manifest names the template, for messages about it. */
  readonly position: TemplatePosition;
  /**
   * File assets of the assembly: S3 object key (`<hash>.json`) → path relative to `assemblyDir`.
   * Finds nested stack templates when the app was synthesized without asset metadata (by
   * running the app directly instead of through the CDK CLI).
   */
  readonly assets: ReadonlyMap<string, string>;
}

const MANIFEST = 'manifest.json';
const MAX_NESTED_ASSEMBLIES = 16;
const WHAT = 'CDK cloud assembly';

/** Whether `dir` looks like a cloud assembly (holds a manifest.json). */
export async function hasManifest(dir: string): Promise<boolean> {
  return stat(path.join(dir, MANIFEST)).then((info) => info.isFile(), () => false);
}

/** Lists the stacks of the assembly in `dir` and of its nested assemblies, in manifest order. */
export async function listAssemblyStacks(dir: string, limits: ReadLimits): Promise<AssemblyStack[]> {
  const stacks: AssemblyStack[] = [];
  await readAssembly(path.resolve(dir), limits, stacks, [], undefined);
  return stacks;
}

async function readAssembly(dir: string, limits: ReadLimits, stacks: AssemblyStack[], chain: string[], namedAt: TemplatePosition | undefined): Promise<void> {
  const manifestFile = path.join(dir, MANIFEST);
  const display = displayPath(manifestFile);
  if (!(await hasManifest(dir))) {
    fail(namedAt ?? { file: display, line: 1, col: 1 }, 'cfn/assembly-manifest-missing', `${displayPath(dir)} has no ${MANIFEST}`,
      namedAt ? 'the nested assembly directory is incomplete; synthesize the app again' : 'pass a template file, or the output directory of `cdk synth` (cdk.out), which holds manifest.json', WHAT);
  }
  let data: CfnValue;
  try {
    data = (await readTemplateFile(manifestFile, display, limits)).data;
  } catch (error) {
    if (error instanceof UserError) throw invalidTemplate(display, error.diagnostics, `${WHAT} manifest`);
    throw error;
  }
  const invalid = (container: object, key: string | number | undefined, message: string): never =>
    fail(positionOf(container, key) ?? { file: display, line: 1, col: 1 }, 'cfn/assembly-manifest-invalid', message, 'the manifest is written by `cdk synth`; synthesize the app again instead of editing it', `${WHAT} manifest`);
  if (!isObject(data)) return invalid({}, undefined, `${MANIFEST} is not a JSON object`);
  const artifacts = data.artifacts ?? {};
  if (!isObject(artifacts)) return invalid(data, 'artifacts', '`artifacts` is not an object');

  const assets = new Map<string, string>();
  for (const [id, artifact] of Object.entries(artifacts)) {
    if (!isObject(artifact) || typeof artifact.type !== 'string') return invalid(artifacts, id, `artifact "${id}" has no \`type\``);
    const properties = artifact.properties;
    if (artifact.type === 'cdk:asset-manifest' && isObject(properties) && typeof properties.file === 'string') {
      await readAssetManifest(dir, properties.file, positionOf(properties, 'file')!, limits, assets);
    }
  }
  for (const [id, artifact] of Object.entries(artifacts)) {
    if (!isObject(artifact) || typeof artifact.type !== 'string') continue;
    if (artifact.type === 'aws:cloudformation:stack') {
      const properties = artifact.properties;
      if (!isObject(properties) || typeof properties.templateFile !== 'string') return invalid(artifact, 'properties', `stack artifact "${id}" has no \`properties.templateFile\``);
      const position = positionOf(properties, 'templateFile')!;
      const templateFile = await insideAssembly(dir, properties.templateFile, position, 'template file');
      const name = typeof artifact.displayName === 'string' && artifact.displayName ? artifact.displayName : id;
      stacks.push({ path: name, templateFile, assemblyDir: dir, position, assets });
    } else if (artifact.type === 'cdk:cloud-assembly') {
      const properties = artifact.properties;
      if (!isObject(properties) || typeof properties.directoryName !== 'string') return invalid(artifact, 'properties', `nested assembly artifact "${id}" has no \`properties.directoryName\``);
      const position = positionOf(properties, 'directoryName')!;
      const nested = await insideAssembly(dir, properties.directoryName, position, 'nested assembly directory');
      if (chain.includes(nested) || chain.length >= MAX_NESTED_ASSEMBLIES) {
        fail(position, 'cfn/assembly-manifest-invalid', `nested assembly "${properties.directoryName}" leads back to an assembly already being read`, 'synthesize the app again', `${WHAT} manifest`);
      }
      await readAssembly(nested, limits, stacks, [...chain, dir], position);
    }
  }
}

/** Adds the file assets of one asset manifest (`<stack>.assets.json`) to `assets`; a missing one is skipped. */
async function readAssetManifest(dir: string, relative: string, position: TemplatePosition, limits: ReadLimits, assets: Map<string, string>): Promise<void> {
  const file = path.resolve(dir, relative);
  if (!isInside(dir, file) || !(await stat(file).then((info) => info.isFile(), () => false))) return;
  let data: CfnValue;
  try {
    data = (await readTemplateFile(await insideAssembly(dir, relative, position, 'asset manifest'), displayPath(file), limits)).data;
  } catch (error) {
    if (error instanceof UserError) throw invalidTemplate(displayPath(file), error.diagnostics, `${WHAT} asset manifest`);
    throw error;
  }
  const files = isObject(data) && isObject(data.files) ? data.files : {};
  for (const [hash, asset] of Object.entries(files)) {
    const source = isObject(asset) ? asset.source : undefined;
    if (!isObject(source) || typeof source.path !== 'string' || (source.packaging !== undefined && source.packaging !== 'file')) continue;
    assets.set(`${hash}.json`, source.path);
    const destinations = isObject(asset) && isObject(asset.destinations) ? Object.values(asset.destinations) : [];
    for (const destination of destinations) {
      if (isObject(destination) && typeof destination.objectKey === 'string') assets.set(destination.objectKey, source.path);
    }
  }
}

/**
 * The absolute path of `relative`, named by a manifest in `dir`: it must exist and stay inside
 * `dir` (symbolic links resolved), or the assembly is refused.
 */
export async function insideAssembly(dir: string, relative: string, position: TemplatePosition, what: string): Promise<string> {
  const target = path.resolve(dir, relative);
  const escapes = (file: string, root: string) => !isInside(root, file);
  if (escapes(target, dir)) {
    fail(position, 'cfn/assembly-path-escape', `${what} "${relative}" is outside the assembly directory`, 'an assembly only names files inside its own directory; this manifest was edited or is hostile', WHAT);
  }
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    fail(position, 'cfn/assembly-file-missing', `${what} "${relative}" does not exist`, 'the assembly is incomplete; synthesize the app again (cdk synth)', WHAT);
  }
  if (escapes(real, await realpath(dir))) {
    fail(position, 'cfn/assembly-path-escape', `${what} "${relative}" links outside the assembly directory`, 'an assembly only names files inside its own directory; this manifest was edited or is hostile', WHAT);
  }
  return target;
}
