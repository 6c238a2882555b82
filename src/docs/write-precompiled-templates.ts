/**
 * `node dist/docs/write-precompiled-templates.js`: regenerates `src/docs/precompiled-templates.ts`
 * from the bundled `templates/doc/`. Run it after editing a document template (a test says when the
 * committed module is out of date; until then the edited template is simply compiled at run time).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomic } from '../output/write.js';
import { precompiledTemplatesModule } from './precompile.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every file under templates/doc/, by project-relative path. */
export async function bundledDocTemplates(projectRoot = root): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(path.join(projectRoot, 'templates/doc'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(projectRoot, full).split(path.sep).join('/'), await readFile(full, 'utf8'));
  }
  return files;
}

/** Where the generated module lives (from `src/` or `dist/`, the same file). */
export const PRECOMPILED_MODULE = path.join(root, 'src/docs/precompiled-templates.ts');

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await writeAtomic(PRECOMPILED_MODULE, precompiledTemplatesModule(await bundledDocTemplates()));
  console.log(`wrote ${path.relative(root, PRECOMPILED_MODULE)}`);
}
