/**
 * The error of an output file that cannot be written, in words for people: which file, what went
 * wrong, what to do. Its own module so the CLI can recognize it without loading the writer.
 */
import path from 'node:path';

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

export function writeError(root: string, file: string, error: unknown, written: number): OutputWriteError {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  const relative = path.relative(root, file).split(path.sep).join('/') || file;
  return new OutputWriteError(relative, code, DESCRIPTIONS[code]?.[1] ?? 'check that the output folders exist and are writable', written);
}
