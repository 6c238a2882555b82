/**
 * Writing a scaffold into a folder without destroying what people wrote there: generated files
 * are rewritten only while untouched, user-owned files are created once, stale generated files
 * are removed. Planning is pure; {@link writeScaffold} does the I/O, each file atomically.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../diagnostics/diagnostic.js';
import { listFilesRecursive } from '../output/list-files.js';
import { readIfExists, writeAtomic } from '../output/write.js';
import { writeError } from '../output/write-error.js';
import { GENERATED_DIRS, generatedState, isGeneratedPath } from './ownership.js';
import type { ScaffoldFile } from './scaffold.js';

export type ScaffoldAction = 'new' | 'updated' | 'unchanged' | 'kept' | 'removed' | 'overwritten';

export interface PlannedFile {
  readonly path: string;
  readonly action: ScaffoldAction;
  /** Content to write (absent for kept, unchanged and removed files). */
  readonly content?: string;
}

export interface ScaffoldPlan {
  readonly files: readonly PlannedFile[];
  /** Why the plan cannot run without `--force`; empty when it can. */
  readonly conflicts: readonly string[];
}

/**
 * `existing` holds the current content of every file of interest: the new files' paths and all
 * files under the generated folders. `nonEmpty` says whether the folder holds anything at all.
 */
export function planScaffold(files: readonly ScaffoldFile[], existing: ReadonlyMap<string, string>, nonEmpty: boolean, force: boolean): ScaffoldPlan {
  const planned: PlannedFile[] = [];
  const conflicts: string[] = [];
  const isScaffold = [...existing.entries()].some(([p, content]) => isGeneratedPath(p) && generatedState(content) !== 'foreign');
  if (nonEmpty && !isScaffold) conflicts.push('the folder is not empty and holds no archgen scaffold');

  for (const file of files) {
    const current = existing.get(file.path);
    if (current === undefined) planned.push({ path: file.path, action: 'new', content: file.content });
    else if (file.ownership === 'user') planned.push({ path: file.path, action: 'kept' });
    else if (current === file.content) planned.push({ path: file.path, action: 'unchanged' });
    else {
      const state = generatedState(current);
      if (state !== 'pristine') conflicts.push(`${file.path} was ${state === 'edited' ? 'edited by hand' : 'replaced by a file archgen did not write'}`);
      planned.push({ path: file.path, action: state === 'pristine' ? 'updated' : 'overwritten', content: file.content });
    }
  }
  const wanted = new Set(files.map((f) => f.path));
  for (const [p, content] of existing) {
    if (wanted.has(p) || !isGeneratedPath(p)) continue;
    const state = generatedState(content);
    if (state === 'foreign') continue;
    if (state === 'edited') conflicts.push(`${p} is no longer generated but was edited by hand`);
    planned.push({ path: p, action: 'removed' });
  }
  planned.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: planned, conflicts: force ? [] : conflicts };
}

/** Reads the folder, plans, and writes; throws a {@link UserError} on conflicts without `force`. */
export async function writeScaffold(outDir: string, files: readonly ScaffoldFile[], force: boolean): Promise<ScaffoldPlan> {
  const existing = new Map<string, string>();
  for (const file of files) {
    const content = await readIfExists(path.join(outDir, file.path));
    if (content) existing.set(file.path, content.toString('utf8'));
  }
  for (const dir of GENERATED_DIRS) {
    for (const relative of await listFilesRecursive(path.join(outDir, dir))) {
      const p = `${dir}${relative}`;
      if (!existing.has(p)) existing.set(p, (await readIfExists(path.join(outDir, p)))?.toString('utf8') ?? '');
    }
  }
  const nonEmpty = await isNonEmptyDir(outDir);
  const plan = planScaffold(files, existing, nonEmpty, force);
  if (plan.conflicts.length) {
    throw new UserError(`refusing to scaffold into ${outDir}: ${plan.conflicts.join('; ')}`, [{
      file: outDir, line: 1, col: 1, rule: 'scaffold/would-overwrite', severity: 'error',
      message: plan.conflicts.join('; '),
      hint: 'move your changes into lib/<app>-stack.ts (which the scaffold never overwrites), choose an empty --out folder, or re-run with --force to overwrite generated files',
    }]);
  }
  for (const file of plan.files) {
    const target = path.join(outDir, file.path);
    if (file.action === 'removed') await rm(target, { force: true });
    else if (file.content !== undefined) await writeAtomic(target, file.content);
  }
  return plan;
}

async function isNonEmptyDir(dir: string): Promise<boolean> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new UserError(`--out ${dir} is a file, not a folder`);
    return (await readdir(dir)).length > 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code === 'ENOTDIR') throw writeError(process.cwd(), dir, error, 0);
    throw error;
  }
}
