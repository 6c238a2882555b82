/**
 * Writes the site into its folder: only changed files, each atomically, and removes files a
 * previous build wrote that this one no longer has. A marker file lists what archgen wrote,
 * so a folder that holds anything else is never cleaned (and never written into).
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../diagnostics/diagnostic.js';
import { readIfExists, writeAtomic } from '../output/write.js';
import type { SiteFiles } from './render.js';

export const MARKER = '.archgen-site.json';

export interface SiteWriteResult {
  readonly written: number;
  readonly unchanged: number;
  readonly removed: number;
  readonly bytes: number;
}

export async function writeSite(outDir: string, files: SiteFiles): Promise<SiteWriteResult> {
  const previous = await previousFiles(outDir);
  let written = 0;
  let unchanged = 0;
  let bytes = 0;
  for (const [relative, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const target = path.join(outDir, ...relative.split('/'));
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    bytes += data.byteLength;
    const existing = await readIfExists(target);
    if (existing && Buffer.compare(existing, data) === 0) unchanged++;
    else {
      await writeAtomic(target, data);
      written++;
    }
  }
  let removed = 0;
  for (const relative of previous) {
    if (files.has(relative)) continue;
    await rm(path.join(outDir, ...relative.split('/')), { force: true });
    removed++;
  }
  await writeAtomic(path.join(outDir, MARKER), `${JSON.stringify({ comment: 'Written by `archgen site`; files it may replace or remove.', files: [...files.keys()].sort() }, null, 2)}\n`);
  return { written, unchanged, removed, bytes };
}

/** Files the last build wrote; refuses a non-empty folder that archgen did not create. */
export async function previousFiles(outDir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(outDir);
  } catch {
    return [];
  }
  const marker = await readFile(path.join(outDir, MARKER), 'utf8').catch(() => undefined);
  if (marker === undefined) {
    if (entries.length) {
      throw new UserError(`${outDir} is not empty and was not written by \`archgen site\``, [{
        file: outDir, line: 1, col: 1, rule: 'site/foreign-output', severity: 'error',
        message: 'refusing to write the site into a folder that holds other files',
        hint: 'choose an empty or new folder with --out',
      }]);
    }
    return [];
  }
  try {
    const parsed = JSON.parse(marker) as { files?: unknown };
    return Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string' && !f.split('/').includes('..')) : [];
  } catch {
    return [];
  }
}
