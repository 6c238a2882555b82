/**
 * Generated vs. user-owned files. Generated files start with a marker line that carries a
 * checksum of the body, so a re-run can tell an untouched generated file (safe to rewrite)
 * from one a person edited (refused unless `--force`).
 */
import { createHash } from 'node:crypto';

export type Ownership = 'generated' | 'user';

const MARKER = 'archgen-scaffold:generated';

const checksum = (body: string): string => createHash('sha256').update(body, 'utf8').digest('hex').slice(0, 16);

/** Prepends the marker header, in the comment syntax of the file type. */
export function withHeader(path: string, body: string, source: string): string {
  const note = `${MARKER} sha256=${checksum(body)} — written by \`archgen scaffold\` from ${source.replace(/[\r\n]+/g, ' ').replace(/\*\/|-->/g, '')}; do not edit (changes are refused or lost on the next run).`;
  return path.endsWith('.md') ? `<!-- ${note} -->\n${body}` : `// ${note}\n${body}`;
}

export type GeneratedState = 'pristine' | 'edited' | 'foreign';

/** `pristine`: our header and an unchanged body; `edited`: our header, body changed; `foreign`: no header. */
export function generatedState(content: string): GeneratedState {
  const newline = content.indexOf('\n');
  const first = newline < 0 ? content : content.slice(0, newline);
  const match = new RegExp(`${MARKER} sha256=([0-9a-f]{16})`).exec(first);
  if (!match) return 'foreign';
  return checksum(content.slice(newline + 1)) === match[1] ? 'pristine' : 'edited';
}

/** Folders whose files belong to the scaffold; anything else in the app belongs to its owners. */
export const GENERATED_DIRS = ['lib/generated/', 'test/generated/'] as const;

export const isGeneratedPath = (path: string): boolean => GENERATED_DIRS.some((dir) => path.startsWith(dir));
