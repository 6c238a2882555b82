/**
 * Every command that writes files, not only `generate`, turns a file-system refusal into a message
 * for people: exit 3, the file and the error named, a hint, no stack trace, no temp file left.
 * A regular file standing where a folder is needed makes the refusal on any machine (root included).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, STACK_TRACE } from '../hostile/cli-capture.js';
import { projectWith, snapshot, tempFiles } from './project.js';
import { readFileSync } from 'node:fs';
import { ROOT } from '../foundation/helpers.js';

const MINI = readFileSync(path.join(ROOT, 'test/fixtures/hostile/legal/mini.yaml'), 'utf8');
const TEMPLATE = path.join(ROOT, 'test/fixtures/import/web-stack.yaml');

describe('writers other than generate', () => {
  let project: Awaited<ReturnType<typeof projectWith>>;
  beforeAll(async () => {
    project = await projectWith('mini', MINI);
    await writeFile(path.join(project.root, 'blocked'), 'a file, not a folder\n');
    await mkdir(path.join(project.root, 'apps'), { recursive: true });
  });
  afterAll(async () => project.dispose());

  const expectRefusal = async (args: readonly string[], file: RegExp) => {
    const before = await snapshot(project.root);
    const result = await capture(['-C', project.root, ...args]);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(file);
    expect(result.stderr).toMatch(/ENOTDIR|EEXIST/);
    expect(result.stderr).toContain('move that file away');
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(await tempFiles(project.root)).toEqual([]);
    expect(await snapshot(project.root)).toEqual(before);
  };

  it('import -o into a folder that is a file: exit 3, the file named, nothing written', async () => {
    await expectRefusal(['import', '--template', TEMPLATE, '-o', path.join(project.root, 'blocked', 'web.yaml')], /blocked\/web\.yaml/);
  }, 60_000);

  it('scaffold --out below a file: exit 3, the file named, nothing written', async () => {
    const result = await capture(['-C', project.root, 'scaffold', project.model, '--out', path.join(project.root, 'blocked', 'app')]);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/blocked\/app/);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(await tempFiles(project.root)).toEqual([]);
  }, 60_000);
});
