/**
 * Compares a freshly generated file set with the files on disk: changed files with a unified
 * diff, missing files, and stale files the manifest lists but no generator produces any more.
 */
import { createTwoFilesPatch } from 'diff';
import path from 'node:path';
import type { FileSet } from './file-set.js';
import { comparableManifest, MANIFEST_PATH } from './manifest.js';
import { readIfExists } from './write.js';

export interface DriftReport {
  readonly changed: readonly { path: string; diff: string }[];
  readonly missing: readonly string[];
  readonly stale: readonly string[];
  readonly unchanged: number;
}

export const hasDrift = (report: DriftReport): boolean => report.changed.length + report.missing.length + report.stale.length > 0;

const isText = (bytes: Uint8Array): boolean => !bytes.subarray(0, 8000).includes(0);

/** Byte equality; for the manifest, equality without the fingerprints (see {@link comparableManifest}). */
function same(relative: string, actual: Uint8Array, expected: Uint8Array): boolean {
  if (Buffer.compare(actual, expected) === 0) return true;
  if (relative !== MANIFEST_PATH) return false;
  return comparableManifest(Buffer.from(actual).toString('utf8')) === comparableManifest(Buffer.from(expected).toString('utf8'));
}

export async function detectDrift(root: string, files: FileSet, previouslyGenerated: readonly string[]): Promise<DriftReport> {
  const changed: { path: string; diff: string }[] = [];
  const missing: string[] = [];
  let unchanged = 0;
  for (const relative of files.paths()) {
    const expected = files.get(relative)!;
    const actual = await readIfExists(path.join(root, relative));
    if (!actual) missing.push(relative);
    else if (same(relative, actual, expected)) unchanged++;
    else {
      const diff = isText(expected) && isText(actual)
        ? createTwoFilesPatch(`a/${relative}`, `b/${relative}`, actual.toString('utf8'), Buffer.from(expected).toString('utf8'), 'committed', 'generated', { context: 3 })
        : `Binary files a/${relative} and b/${relative} differ\n`;
      changed.push({ path: relative, diff });
    }
  }
  const stale: string[] = [];
  for (const relative of previouslyGenerated) {
    if (files.get(relative) === undefined && (await readIfExists(path.join(root, relative)))) stale.push(relative);
  }
  return { changed, missing, stale: stale.sort(), unchanged };
}
