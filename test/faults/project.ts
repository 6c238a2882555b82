/** Throw-away projects for the fault tests, and snapshots of what is on disk. */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { listFilesRecursive } from '../../src/output/list-files.js';
import { ROOT } from '../foundation/helpers.js';

/** A project with one model (`model/<name>.yaml`) and the inputs generators read (templates, price snapshots). */
export async function projectWith(name: string, yaml: string): Promise<{ root: string; model: string; dispose(): Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'archgen-faults-'));
  await cp(path.join(ROOT, 'templates'), path.join(root, 'templates'), { recursive: true });
  await mkdir(path.join(root, 'model'), { recursive: true });
  await cp(path.join(ROOT, 'model/pricing'), path.join(root, 'model/pricing'), { recursive: true });
  for (const schema of ['architecture.schema.json', 'cost-report.schema.json']) await cp(path.join(ROOT, 'model', schema), path.join(root, 'model', schema));
  const model = `model/${name}.yaml`;
  await writeFile(path.join(root, model), yaml);
  return { root, model, dispose: () => rm(root, { recursive: true, force: true }) };
}

/** Every file under `root` (hidden ones included) → its bytes. */
export async function snapshot(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const file of await listAll(root)) files.set(file, await readFile(path.join(root, file)));
  return files;
}

/** Temp files the writer would leave behind (`.name.pid.hex.tmp`). */
export async function tempFiles(root: string): Promise<string[]> {
  return (await listAll(root)).filter((file) => /(^|\/)\.[^/]+\.\d+\.[0-9a-f]+\.tmp$/.test(file));
}

/** Hidden files included: temp files start with a dot. */
const listAll = (root: string): Promise<string[]> => listFilesRecursive(root);

/** Mounts a tmpfs of `size` on `dir` (root only); returns why not when it cannot. */
export function mountTmpfs(dir: string, size: string): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `mount -t tmpfs is not permitted here (${String((error as { stderr?: Buffer }).stderr ?? error).trim().split('\n')[0]})`;
  }
}

export function remount(dir: string, options: string): void {
  execFileSync('mount', ['-o', `remount,${options}`, dir], { stdio: 'pipe' });
}

export function unmount(dir: string): void {
  execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
}
