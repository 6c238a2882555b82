import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every regular file below `dir` as a POSIX path relative to it, in byte order so listings are
 * identical on every machine. A missing folder lists nothing; files of `maxBytes` or more are skipped.
 */
export async function listFilesRecursive(dir: string, options: { maxBytes?: number } = {}, prefix = ''): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFilesRecursive(full, options, relative)));
    else if (entry.isFile() && (options.maxBytes === undefined || (await stat(full)).size < options.maxBytes)) out.push(relative);
  }
  return out;
}
