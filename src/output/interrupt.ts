/**
 * What an interrupt (Ctrl-C, SIGTERM) must not leave behind: the writer registers each temp file
 * while it exists, and counts the files it committed. The CLI's signal handler removes the temp
 * files synchronously before exiting, so every output file is its complete old or new version.
 */
import { rmdirSync, rmSync } from 'node:fs';

const temps = new Set<string>();
const newDirs: string[] = [];
let committed = 0;

/** A temp file now exists at `file` (until {@link tempGone}). */
export function tempCreated(file: string): void {
  temps.add(file);
}

/** The temp file was renamed into place (`committed`) or removed. */
export function tempGone(file: string, committedFile: boolean): void {
  if (temps.delete(file) && committedFile) committed++;
}

/** The writer created `dir` for files not yet in place; {@link abandonWrites} removes it if it stays empty. */
export function dirCreated(dir: string): void {
  newDirs.push(dir);
}

/** The files of the created folders are in place: the folders stay. */
export function dirsSettled(): void {
  newDirs.length = 0;
}

/** Removes every temp file still registered (synchronously: safe in a signal handler); returns the files committed so far. */
export function abandonWrites(): { readonly written: number; readonly removed: number } {
  let removed = 0;
  for (const file of temps) {
    try {
      rmSync(file, { force: true });
      removed++;
    } catch {
      // Nothing more can be done while exiting; the name marks it as a temp file (`.name.pid.hex.tmp`).
    }
  }
  temps.clear();
  for (const dir of newDirs.reverse()) {
    try {
      rmdirSync(dir); // only if empty: a file already put in place keeps its folder
    } catch {
      // not empty, or gone
    }
  }
  newDirs.length = 0;
  return { written: committed, removed };
}

/** Exit codes a shell reports for a process ended by these signals (128 + signal number). */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Installs the process-wide handler: on SIGINT/SIGTERM remove temp files, say what happened, exit
 * 130/143. Commands with their own handler (watch, a browser's) are left to finish their shutdown.
 */
export function exitCleanlyOnInterrupt(write: (line: string) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const handler = () => {
      const { written } = abandonWrites();
      if (process.listenerCount(signal) > 1) return;
      write(`\ninterrupted; ${written} file${written === 1 ? '' : 's'} written; no partial files`);
      process.exit(SIGNAL_EXIT[signal]);
    };
    process.on(signal, handler);
  }
}
