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

/** An output file could not be written: which file, what went wrong, what to do. Exit code 3, no stack. */
export class OutputWriteError extends Error {
  constructor(
    /** Project-relative path of the file being written. */
    readonly file: string,
    readonly code: string,
    readonly hint: string,
    /** Files already renamed into place before the failure (0 when the first phase failed). */
    readonly written: number,
  ) {
    super(`cannot write ${file}: ${describeCode(code)} (${code})`);
    this.name = 'OutputWriteError';
  }
}

const DESCRIPTIONS: Record<string, [what: string, hint: string]> = {
  ENOSPC: ['no space left on the device', 'free some disk space, then run the command again'],
  EDQUOT: ['the disk quota is exceeded', 'free some space in your quota, then run the command again'],
  EROFS: ['the file system is read-only', 'generate into a writable copy of the project (archgen -C <dir> …)'],
  EACCES: ['permission denied', 'make the output folders writable for you, or use a writable copy of the project (-C <dir>)'],
  EPERM: ['operation not permitted', 'make the output folders writable for you, or use a writable copy of the project (-C <dir>)'],
  ENOTDIR: ['a file stands where a folder is needed', 'move that file away so the folder can be created'],
  EEXIST: ['a file stands where a folder is needed', 'move that file away so the folder can be created'],
  EISDIR: ['a folder stands where the file should go', 'move that folder away'],
  EMFILE: ['too many open files', 'raise the open-file limit (ulimit -n) and run the command again'],
  EIO: ['an input/output error of the device', 'check the disk, then run the command again'],
};

function describeCode(code: string): string {
  return DESCRIPTIONS[code]?.[0] ?? 'the write failed';
}

function writeError(root: string, file: string, error: unknown, written: number): OutputWriteError {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  const relative = path.relative(root, file).split(path.sep).join('/') || file;
  return new OutputWriteError(relative, code, DESCRIPTIONS[code]?.[1] ?? 'check that the output folders exist and are writable', written);
}

export async function readIfExists(file: string, fs: Pick<WriterFs, 'readFile'> = nodeFs): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const tempPathFor = (file: string): string =>
  path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** Writes one file atomically: a temp file in the same folder, then a rename. */
export async function writeAtomic(file: string, content: Uint8Array | string, fs: WriterFs = nodeFs): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  tempCreated(temp);
  try {
    await fs.writeFile(temp, content);
    await fs.rename(temp, file);
    tempGone(temp, true);
  } catch (error) {
    await fs.rm(temp, { force: true });
    tempGone(temp, false);
    throw error;
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
