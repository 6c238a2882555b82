/**
 * What the pure scaffold needs from disk: the templates under `templates/cdk/`, the exact
 * versions of the CDK packages installed next to archgen, and the feature flags `cdk init`
 * would write for that aws-cdk-lib.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFilesRecursive } from '../output/list-files.js';
import type { PinnedVersions } from './scaffold.js';

/** archgen's own folder (the one with package.json), from `src/scaffold` or `dist/scaffold`. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireHere = createRequire(path.join(packageRoot, 'package.json'));

/** Every file under `templates/cdk/` (or `overlay`, whose files win), keyed by relative POSIX path. */
export async function loadScaffoldTemplates(overlay?: string): Promise<Map<string, string>> {
  const templates = new Map<string, string>();
  for (const dir of [path.join(packageRoot, 'templates', 'cdk'), ...(overlay ? [overlay] : [])]) {
    for (const file of await listFilesRecursive(dir)) templates.set(file, await readFile(path.join(dir, file), 'utf8'));
  }
  return templates;
}

/** Installed version of a package, or the version archgen's package.json asks for. */
async function versionOf(name: string, declared: Record<string, string>): Promise<string> {
  try {
    const manifest = JSON.parse(await readFile(requireHere.resolve(`${name}/package.json`), 'utf8')) as { version: string };
    return manifest.version;
  } catch {
    try {
      const manifest = JSON.parse(await readFile(path.join(packageRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      return manifest.version;
    } catch {
      return (declared[name] ?? 'latest').replace(/^[\^~]/, '');
    }
  }
}

export async function loadPinnedVersions(): Promise<PinnedVersions> {
  const own = JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const declared = { ...own.dependencies, ...own.devDependencies };
  const [awsCdkLib, constructs, awsCdk, cdkNag, typescript, tsx, typesNode] = await Promise.all(
    ['aws-cdk-lib', 'constructs', 'aws-cdk', 'cdk-nag', 'typescript', 'tsx', '@types/node'].map((name) => versionOf(name, declared)),
  );
  return { awsCdkLib: awsCdkLib!, constructs: constructs!, awsCdk: awsCdk!, cdkNag: cdkNag!, typescript: typescript!, tsx: tsx!, typesNode: typesNode! };
}

/** The feature flags `cdk init` writes into cdk.json for the installed aws-cdk-lib. */
export function loadFeatureFlags(): Record<string, unknown> {
  const cxapi = requireHere('aws-cdk-lib/cx-api') as { CURRENTLY_RECOMMENDED_FLAGS: Record<string, unknown> };
  return { ...cxapi.CURRENTLY_RECOMMENDED_FLAGS };
}
