/**
 * Writes a file set to disk: only files whose bytes changed, in two phases. First every changed
 * file goes to a temp file beside its target; only when all of them are complete are they renamed
 * into place. A failure in the first phase (disk full, read-only, no permission) removes the temp
 * files and any folder it created, so the output is exactly as it was; an interrupt removes them
 * too (see ./interrupt.ts). Each file is always its complete old or its complete new version.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import type { FileSet } from './file-set.js';
import { dirCreated, dirsSettled, tempCreated, tempGone } from './interrupt.js';
import { writeError } from './write-error.js';

export { OutputWriteError } from './write-error.js';

export type WriteStatus = 'new' | 'changed' | 'unchanged' | 'removed';

export interface WriteEntry {
  readonly path: string;
  readonly bytes: number;
  readonly status: WriteStatus;
}

/** The file-system calls the writer makes; tests inject failures (a full disk) through it. */
export interface WriterFs {
  readFile(file: string): Promise<Buffer>;
  writeFile(file: string, content: Uint8Array | string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<string | undefined>;
  rm(file: string, options: { force: true; recursive?: boolean }): Promise<void>;
}

export async function readIfExists(file: string, fs: Pick<WriterFs, 'readFile'> = nodeFs): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    // ENOTDIR: a parent is a regular file, so this file cannot exist; writing it will say why.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

const tempPathFor = (file: string): string =>
  path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** Writes one file atomically: a temp file in the same folder, then a rename. */
export async function writeAtomic(file: string, content: Uint8Array | string, fs: WriterFs = nodeFs): Promise<void> {
  const temp = tempPathFor(file);
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    tempCreated(temp);
    await fs.writeFile(temp, content);
    await fs.rename(temp, file);
    tempGone(temp, true);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    tempGone(temp, false);
    // A file-system refusal (read-only, full, no permission) is the user's to fix: say so in words.
    throw (error as NodeJS.ErrnoException).code ? writeError(process.cwd(), file, error, 0) : error;
  }
}

interface Staged {
  readonly temp: string;
  readonly target: string;
}

/**
 * Writes every changed file, removes `stale` ones, and reports what happened to each path.
 * Throws {@link OutputWriteError} when a file cannot be written; nothing has changed then.
 */
export async function writeFileSet(root: string, files: FileSet, stale: readonly string[] = [], fs: WriterFs = nodeFs): Promise<WriteEntry[]> {
  const entries: WriteEntry[] = [];
  const staged: Staged[] = [];
  const createdDirs: string[] = [];
  let current = root;
  try {
    for (const relative of files.paths()) {
      const content = files.get(relative)!;
      const target = path.join(root, relative);
      current = target;
      const existing = await readIfExists(target, fs);
      const status: WriteStatus = !existing ? 'new' : Buffer.compare(existing, content) === 0 ? 'unchanged' : 'changed';
      if (status !== 'unchanged') {
        const created = await fs.mkdir(path.dirname(target), { recursive: true });
        if (created) {
          createdDirs.push(created);
          dirCreated(created);
        }
        const temp = tempPathFor(target);
        tempCreated(temp);
        staged.push({ temp, target });
        await fs.writeFile(temp, content);
      }
      entries.push({ path: relative, bytes: content.byteLength, status });
    }
  } catch (error) {
    await discard(staged, createdDirs, fs);
    throw writeError(root, current, error, 0);
  }

  // Every new version is complete on disk: put them in place (a rename needs no space).
  let written = 0;
  for (const [i, { temp, target }] of staged.entries()) {
    try {
      await fs.rename(temp, target);
      tempGone(temp, true);
      written++;
    } catch (error) {
      await discard(staged.slice(i), [], fs);
      throw writeError(root, target, error, written);
    }
  }
  dirsSettled();
  for (const relative of stale) {
    await fs.rm(path.join(root, relative), { force: true });
    entries.push({ path: relative, bytes: 0, status: 'removed' });
  }
  return entries;
}

/** Removes temp files and the folders this run created (they hold nothing else). */
async function discard(staged: readonly Staged[], createdDirs: readonly string[], fs: WriterFs): Promise<void> {
  for (const { temp } of staged) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    tempGone(temp, false);
  }
  for (const dir of [...createdDirs].reverse()) await fs.rm(dir, { force: true, recursive: true }).catch(() => undefined);
  dirsSettled();
}
