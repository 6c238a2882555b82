/**
 * Writes a file set to disk: only files whose bytes changed, each atomically (temp file in the
 * same folder, then rename), so a failed run never leaves a half-written file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileSet } from './file-set.js';

export type WriteStatus = 'new' | 'changed' | 'unchanged' | 'removed';

export interface WriteEntry {
  readonly path: string;
  readonly bytes: number;
  readonly status: WriteStatus;
}

export async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function writeAtomic(file: string, content: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes every changed file, removes `stale` ones, and reports what happened to each path. */
export async function writeFileSet(root: string, files: FileSet, stale: readonly string[] = []): Promise<WriteEntry[]> {
  const entries: WriteEntry[] = [];
  for (const relative of files.paths()) {
    const content = files.get(relative)!;
    const target = path.join(root, relative);
    const existing = await readIfExists(target);
    const status: WriteStatus = !existing ? 'new' : Buffer.compare(existing, content) === 0 ? 'unchanged' : 'changed';
    if (status !== 'unchanged') await writeAtomic(target, content);
    entries.push({ path: relative, bytes: content.byteLength, status });
  }
  for (const relative of stale) {
    await rm(path.join(root, relative), { force: true });
    entries.push({ path: relative, bytes: 0, status: 'removed' });
  }
  return entries;
}
