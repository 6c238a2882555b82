/**
 * Hostile inputs too big, too binary or too special to commit: written into a temp folder at
 * test time. Each names the diagnostics it must produce (rule and `line:col`), worked out from
 * how the input is built, never from running archgen.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_MODEL_BYTES } from '../../src/load/parse-yaml.js';
import type { Expectation } from '../foundation/helpers.js';

export interface GeneratedCase {
  readonly name: string;
  /** What goes on the command line (relative to the temp folder, or absolute). */
  readonly arg: string;
  /** Empty for legal inputs, which must load. */
  readonly expect: readonly Expectation[];
  readonly category: string;
}


/** Writes every generated input into `dir`; `base` is a valid model they are made from. */
export async function writeGeneratedCases(dir: string, base: string): Promise<GeneratedCase[]> {
  const cases: GeneratedCase[] = [];
  const add = async (name: string, category: string, bytes: Uint8Array | string, expect: Expectation[]) => {
    await writeFile(path.join(dir, name), bytes);
    cases.push({ name, arg: name, expect, category });
  };
  const validModel = readFileSync(base, 'utf8');
  const e = (rule: string, line: number, col: number, text?: string): Expectation => ({ rule, line, col, ...(text ? { text } : {}) });

  // Size: refused by the size on disk, before reading or parsing.
  const padding = `${'#'.repeat(99)}\n`;
  await add('size-50mb.yaml', 'size', Buffer.from(`version: 1\n${padding.repeat(500_000)}`), [e('yaml/too-large', 1, 1, 'file is 50000011 bytes')]);
  await add('size-limit-plus-one.yaml', 'size', Buffer.alloc(MAX_MODEL_BYTES + 1, '#'), [e('yaml/too-large', 1, 1, `${MAX_MODEL_BYTES + 1} bytes`)]);

  // Nesting: the 65th level is refused (root mapping = level 1).
  await add('deep-flow-seq-10000.yaml', 'nesting', `version: 1\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, [e('yaml/too-deep', 2, 4 + 63, 'deeper than 64')]);
  await add('deep-flow-map-10000.yaml', 'nesting', `version: 1\nx: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`, [e('yaml/too-deep', 2, 4 + 63 * 4, 'deeper than 64')]);
  await add('deep-block-seq-10000.yaml', 'nesting', `version: 1\nx:\n${'- '.repeat(10_000)}a\n`, [e('yaml/too-deep', 3, 1 + 63 * 2, 'deeper than 64')]);
  const indented = (levels: number) => `version: 1\nx:\n${Array.from({ length: levels }, (_, i) => `${' '.repeat(i + 1)}a:\n`).join('')}`;
  // 10 000 indentation levels take 50 MB of spaces: the size limit refuses them first, unread.
  await add('deep-indentation-10000.yaml', 'nesting', indented(10_000), [e('yaml/too-large', 1, 1)]);
  // 1 400 levels (about 1 MB, under the size limit) reach the parser: level 65 is the mapping on line 3 + 63, at column 65.
  await add('deep-indentation-1400.yaml', 'nesting', indented(1_400), [e('yaml/too-deep', 66, 65)]);

  // Binary and control bytes.
  await add('binary-png-header.yaml', 'binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), [e('yaml/encoding', 1, 1)]);
  await add('binary-gzip-header.yaml', 'binary', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]), [e('yaml/encoding', 1, 2)]);
  const noise = Buffer.alloc(4096);
  let seed = 42;
  for (let i = 0; i < noise.length; i++) noise[i] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16;
  await add('binary-after-valid-prefix.yaml', 'binary', Buffer.concat([Buffer.from('version: 1\nx: '), Buffer.from([0xc3, 0x28]), noise]), [e('yaml/encoding', 2, 4)]);
  await add('nul-byte-in-value.yaml', 'binary', 'version: 1\nmetadata:\n  owner: a\0b\n', [e('yaml/control-character', 3, 11, 'U+0000 (NUL)')]);
  await add('ansi-escape-in-value.yaml', 'binary', 'version: 1\nmetadata:\n  owner: \u001b[31mred\n', [e('yaml/control-character', 3, 10, 'U+001B')]);
  await add('nul-only.yaml', 'binary', Buffer.alloc(64), [e('yaml/control-character', 1, 1)]);

  // Encodings other than UTF-8.
  await add('latin1-comment.yaml', 'encoding', Buffer.concat([Buffer.from('version: 1\nmetadata:\n  owner: x\n# caf'), Buffer.from([0xe9]), Buffer.from('\n')]), [e('yaml/encoding', 4, 6, 'UTF-8')]);
  await add('latin1-value.yaml', 'encoding', Buffer.concat([Buffer.from('version: 1\nmetadata:\n  owner: M'), Buffer.from([0xfc]), Buffer.from('ller\n')]), [e('yaml/encoding', 3, 11)]);
  await add('utf16le-bom.yaml', 'encoding', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(validModel, 'utf16le')]), [e('yaml/encoding', 1, 1, 'UTF-16 LE')]);
  await add('utf16be-bom.yaml', 'encoding', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(validModel, 'utf16le').swap16()]), [e('yaml/encoding', 1, 1, 'UTF-16 BE')]);
  await add('utf16le-no-bom.yaml', 'encoding', Buffer.from(validModel, 'utf16le'), [e('yaml/encoding', 1, 1, 'UTF-16 LE')]);
  await add('utf16be-no-bom.yaml', 'encoding', Buffer.from(validModel, 'utf16le').swap16(), [e('yaml/encoding', 1, 1, 'UTF-16 BE')]);

  // Line endings and byte-order marks: legal ones load; errors keep their LF positions.
  await add('bom-utf8-valid.yaml', 'legal', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(validModel)]), []);
  await add('crlf-valid.yaml', 'legal', validModel.replace(/\n/g, '\r\n'), []);
  await add('bom-crlf-valid.yaml', 'legal', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(validModel.replace(/\n/g, '\r\n'))]), []);
  const broken = validModel.replace('    maxTasks: 10', '    maxTasks: ten');
  const brokenLine = broken.split('\n').findIndex((l) => l.includes('maxTasks: ten')) + 1;
  await add('crlf-schema-error.yaml', 'line-endings', broken.replace(/\n/g, '\r\n'), [e('schema/type', brokenLine, 15)]);
  await add('bom-schema-error.yaml', 'line-endings', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(broken)]), [e('schema/type', brokenLine, 15)]);
  await add('lone-cr.yaml', 'line-endings', validModel.replace(/\n/g, '\r'), [e('yaml/line-ending', 1, validModel.indexOf('\n') + 1, 'lone CR')]);

  // Empty in every way.
  await add('empty.yaml', 'empty', '', [e('yaml/empty', 1, 1)]);
  await add('whitespace-only.yaml', 'empty', '   \n\n  \n', [e('yaml/empty', 1, 1)]);
  await add('newlines-only.yaml', 'empty', '\n\n\n', [e('yaml/empty', 1, 1)]);

  // Not a readable regular file.
  const unreadable = (name: string, arg: string, text: string) => cases.push({ name, arg, expect: [e('io/unreadable', 1, 1, text)], category: 'file-system' });
  await mkdir(path.join(dir, 'a-directory.yaml'));
  unreadable('a-directory.yaml', 'a-directory.yaml', 'is a directory');
  execFileSync('mkfifo', [path.join(dir, 'a-fifo.yaml')]);
  unreadable('a-fifo.yaml', 'a-fifo.yaml', 'not a regular file');
  unreadable('char-device', '/dev/zero', 'not a regular file');
  unreadable('missing.yaml', 'missing.yaml', 'does not exist');
  await symlink('loop-b.yaml', path.join(dir, 'loop-a.yaml'));
  await symlink('loop-a.yaml', path.join(dir, 'loop-b.yaml'));
  unreadable('loop-a.yaml', 'loop-a.yaml', 'symbolic link loop');
  await symlink('nowhere.yaml', path.join(dir, 'dangling.yaml'));
  unreadable('dangling.yaml', 'dangling.yaml', 'does not exist');
  unreadable('file-as-folder', 'empty.yaml/model.yaml', 'ENOTDIR');
  return cases;
}
