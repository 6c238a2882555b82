/**
 * Output folders that cannot take the files: read-only (a tmpfs remounted read-only: the tests
 * run as root, so chmod would not stop a write), full (a tiny tmpfs), a file where a folder must
 * go (ENOTDIR), and a full disk injected into the writer mid-file. Each time `generate` exits 3
 * with which file, what went wrong and what to do (no stack trace), leaves no temp file or
 * half-made folder, and every output file that existed is byte-identical to before.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as realFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FileSet } from '../../src/output/file-set.js';
import { OutputWriteError, writeFileSet, type WriterFs } from '../../src/output/write.js';
import { CLI, ROOT } from '../foundation/helpers.js';
import { capture, STACK_TRACE } from '../hostile/cli-capture.js';
import { mountTmpfs, projectWith, remount, snapshot, tempFiles, unmount } from './project.js';

const MINI = readFileSync(path.join(ROOT, 'test/fixtures/hostile/legal/mini.yaml'), 'utf8');
/** The same model with a changed name: every document, diagram and report changes. */
const MINI_RENAMED = MINI.replace('en: Mini system }', 'en: Mini system renamed }');

/** Can this machine mount a tmpfs? (root in a container usually can; elsewhere the mount cases are skipped with this reason.) */
const probeDir = await mkdtemp(path.join(os.tmpdir(), 'archgen-mount-probe-'));
const mountProblem = mountTmpfs(probeDir, '64k');
if (!mountProblem) unmount(probeDir);
await rm(probeDir, { recursive: true, force: true });
const mountNote = mountProblem ? ` — SKIPPED: ${mountProblem}` : '';

function expectCleanRefusal(result: { code: number; stdout: string; stderr: string }, code: string, file: RegExp): void {
  expect(result.code, result.stderr).toBe(3);
  const first = result.stderr.split('\n').find((line) => line.startsWith('✗'))!;
  expect(first).toMatch(new RegExp(`^✗ cannot write ${file.source}: .+ \\((?:${code})\\)$`));
  expect(result.stderr).toMatch(/^ {2}hint: \S/m);
  expect(result.stderr).toContain('nothing was changed: every existing output file is as it was; no temp files left');
  expect(result.stderr).not.toMatch(STACK_TRACE);
  expect(result.stderr).not.toContain('This is a bug in archgen');
}

describe(`read-only output folder (tmpfs remounted read-only)${mountNote}`, () => {
  let project: Awaited<ReturnType<typeof projectWith>>;
  let output: string;
  beforeAll(async () => {
    if (mountProblem) return;
    project = await projectWith('mini', MINI);
    output = path.join(project.root, 'output');
    await mkdir(output);
    expect(mountTmpfs(output, '16m')).toBeUndefined();
    const first = await capture(['-C', project.root, 'generate', project.model]);
    expect(first.code, first.stderr).toBe(0);
    remount(output, 'ro');
  }, 120_000);
  afterAll(async () => {
    if (mountProblem) return;
    unmount(output);
    await project.dispose();
  });

  it.skipIf(Boolean(mountProblem))('exits 3 naming the file and EROFS; every existing file byte-identical; no temp files', async () => {
    const before = await snapshot(project.root);
    expect([...before.keys()].filter((f) => f.startsWith('output/mini/')).length).toBeGreaterThan(10);
    await writeFile(path.join(project.root, project.model), MINI_RENAMED);
    before.set(project.model, Buffer.from(MINI_RENAMED));
    const result = await capture(['-C', project.root, 'generate', project.model]);
    expectCleanRefusal(result, 'EROFS', /output\/\S+/);
    expect(result.stderr).toContain('read-only');
    expect(await snapshot(project.root)).toEqual(before);
    expect(await tempFiles(project.root)).toEqual([]);
  }, 60_000);

  it.skipIf(Boolean(mountProblem))('--format json reports the failure as one JSON document', async () => {
    const result = await capture(['-C', project.root, '--format', 'json', 'generate', project.model]);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ code: 'EROFS', written: 0, file: expect.stringMatching(/^output\//) as unknown, hint: expect.any(String) as unknown });
  }, 60_000);
});

describe(`full disk (a tiny tmpfs)${mountNote}`, () => {
  let project: Awaited<ReturnType<typeof projectWith>>;
  let output: string;
  beforeAll(async () => {
    if (mountProblem) return;
    project = await projectWith('mini', MINI);
    output = path.join(project.root, 'output');
    await mkdir(output);
  });
  afterEach(() => {
    if (!mountProblem) unmount(output);
  });
  afterAll(async () => project?.dispose());

  it.skipIf(Boolean(mountProblem))('into an empty output folder: exits 3 with ENOSPC, and leaves no file and no folder behind', async () => {
    expect(mountTmpfs(output, '128k')).toBeUndefined();
    const before = await snapshot(project.root);
    const result = await capture(['-C', project.root, 'generate', project.model]);
    expectCleanRefusal(result, 'ENOSPC', /output\/\S+/);
    expect(result.stderr).toContain('free some disk space');
    expect(await snapshot(project.root)).toEqual(before);
    expect(await tempFiles(project.root)).toEqual([]);
  }, 60_000);

  it.skipIf(Boolean(mountProblem))('over an earlier generation that just fits: the old files stay whole, none half-replaced', async () => {
    expect(mountTmpfs(output, '16m')).toBeUndefined();
    await writeFile(path.join(project.root, project.model), MINI);
    const first = await capture(['-C', project.root, 'generate', project.model]);
    expect(first.code, first.stderr).toBe(0);
    // Shrink the disk to what the files use now: the new versions have no room beside the old ones.
    const used = Number(spawnSync('df', ['--output=used', '-B1', output], { encoding: 'utf8' }).stdout.trim().split('\n')[1]);
    remount(output, `size=${used + 64 * 1024}`);
    await writeFile(path.join(project.root, project.model), MINI_RENAMED);
    const before = await snapshot(project.root);
    const result = await capture(['-C', project.root, 'generate', project.model]);
    expectCleanRefusal(result, 'ENOSPC', /output\/mini\/\S+/);
    expect(await snapshot(project.root)).toEqual(before);
    expect(await tempFiles(project.root)).toEqual([]);
  }, 60_000);
});

describe('a file where the output folder should be (ENOTDIR or EEXIST, by which call meets it first)', () => {
  let project: Awaited<ReturnType<typeof projectWith>>;
  beforeAll(async () => {
    project = await projectWith('mini', MINI);
    await writeFile(path.join(project.root, 'output'), 'not a folder\n');
  });
  afterAll(async () => project.dispose());

  it('in-process: exit 3, the file and ENOTDIR named, nothing written', async () => {
    const before = await snapshot(project.root);
    const result = await capture(['-C', project.root, 'generate', project.model]);
    expectCleanRefusal(result, 'ENOTDIR|EEXIST', /output\/\S+/);
    expect(result.stderr).toContain('move that file away');
    expect(await snapshot(project.root)).toEqual(before);
  }, 60_000);

  it('as a process (built CLI): exit status 3, the message on stderr, nothing on stdout', () => {
    const run = spawnSync(process.execPath, [CLI, '-C', project.root, 'generate', project.model], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    expect(run.status, run.stderr).toBe(3);
    expect(run.stdout).toBe('');
    expectCleanRefusal({ code: run.status!, stdout: run.stdout, stderr: run.stderr }, 'ENOTDIR|EEXIST', /output\/\S+/);
  }, 60_000);
});

describe('a disk that fills up in the middle of a file (failing fs injected into the writer)', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'archgen-enospc-'));
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  /** The real fs, except that the `failAt`-th file write stores half its bytes and then fails with ENOSPC. */
  const fillingFs = (failAt: number): WriterFs & { writes: string[] } => {
    const writes: string[] = [];
    return {
      writes,
      readFile: (file) => realFs.readFile(file),
      rename: (from, to) => realFs.rename(from, to),
      mkdir: (dir, options) => realFs.mkdir(dir, options),
      rm: (file, options) => realFs.rm(file, options),
      async writeFile(file, content) {
        writes.push(file);
        if (writes.length === failAt) {
          await realFs.writeFile(file, Buffer.from(content).subarray(0, Math.floor(Buffer.byteLength(content) / 2)));
          throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: 'ENOSPC' });
        }
        await realFs.writeFile(file, content);
      },
    };
  };
  const fileSet = (version: string) => {
    const files = new FileSet();
    for (let i = 0; i < 6; i++) files.add(`output/m/file-${i}.txt`, `${version} ${i}\n`.repeat(100), 'test', 'm');
    files.add('output/m/new-folder/deep/file.txt', `${version} deep\n`, 'test', 'm');
    return files;
  };

  it('the third file fails half-written: OutputWriteError (ENOSPC, that file), old files intact, no temp file, no new folder', async () => {
    await writeFileSet(root, fileSet('old'), [], fillingFs(Number.MAX_SAFE_INTEGER));
    await rm(path.join(root, 'output/m/new-folder'), { recursive: true });
    const before = await snapshot(root);
    const fs = fillingFs(3);
    const error = await writeFileSet(root, fileSet('new'), [], fs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputWriteError);
    expect(error).toMatchObject({ code: 'ENOSPC', file: 'output/m/file-2.txt', written: 0 });
    expect((error as Error).message).toBe('cannot write output/m/file-2.txt: no space left on the device (ENOSPC)');
    expect(fs.writes).toHaveLength(3); // it stopped at the failure
    expect(await snapshot(root)).toEqual(before);
    expect(await tempFiles(root)).toEqual([]);
  });

  it('when the failure hits a file in a folder this run created, the folder goes too', async () => {
    const before = await snapshot(root);
    const error = await writeFileSet(root, fileSet('newer'), [], fillingFs(7)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ENOSPC', file: 'output/m/new-folder/deep/file.txt' });
    expect(await snapshot(root)).toEqual(before);
    await expect(realFs.stat(path.join(root, 'output/m/new-folder'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('without a failure every file is replaced and no temp file remains', async () => {
    await writeFileSet(root, fileSet('final'), [], fillingFs(Number.MAX_SAFE_INTEGER));
    const after = await snapshot(root);
    expect(after.get('output/m/file-5.txt')!.toString()).toBe('final 5\n'.repeat(100));
    expect(await tempFiles(root)).toEqual([]);
  });
});
