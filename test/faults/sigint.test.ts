/**
 * Ctrl-C during `archgen generate` (the built CLI as a child process, the seed model): while it
 * generates, while it writes temp files, and while it renames them into place. Each time it says
 * "interrupted; N files written; no partial files", exits 130, leaves no temp file, and every
 * output file is byte for byte either its old version or its new one.
 */
import { spawn } from 'node:child_process';
import { readFileSync, watch } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../foundation/helpers.js';
import { STACK_TRACE } from '../hostile/cli-capture.js';
import { projectWith, snapshot, tempFiles } from './project.js';

const OLD = readFileSync(path.join(ROOT, 'model/point-system.yaml'), 'utf8');
/** Renamed: every document, diagram and report of the model changes. */
const NEW = OLD.replace('en: Free point system', 'en: Free point system v2');
const MODEL = 'model/point-system.yaml';

interface Run {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stderr: string;
  /** The child had exited before the signal could be sent. */
  readonly finishedFirst: boolean;
}

/** CPU seconds a process has used so far (Linux: utime + stime of /proc/<pid>/stat, in 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

type Trigger = { afterMs: number } | { afterCpuSeconds: number } | { onFile: (name: string) => boolean };

/**
 * Runs `generate` in `root` and sends `signal` when the trigger says: once the child has used
 * some CPU time (start-up is done and its handler installed however loaded the machine is, and
 * generating has begun), or on a file-system event (a temp file appears, a rename lands).
 */
function generateAndInterrupt(root: string, signal: NodeJS.Signals, when: Trigger): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, '-C', root, 'generate', MODEL], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let sent = false;
    let exited = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const send = () => {
      if (sent || exited) return;
      sent = true;
      child.kill(signal);
    };
    const watcher = 'onFile' in when ? watch(root, { recursive: true }, (_event, name) => name && when.onFile(String(name)) && send()) : undefined;
    const timer = 'afterMs' in when ? setTimeout(send, when.afterMs) : undefined;
    const poll = 'afterCpuSeconds' in when ? setInterval(() => {
      if (cpuSeconds(child.pid!) < when.afterCpuSeconds) return;
      clearInterval(poll);
      send();
    }, 10) : undefined;
    child.on('close', (code, killedBy) => {
      exited = true;
      watcher?.close();
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ code, signal: killedBy, stderr, finishedFirst: !sent });
    });
  });
}

/** Generated files only (output/, resource/): what generate may touch. */
const generated = (files: Map<string, Buffer>) => new Map([...files].filter(([file]) => /^(output|resource)\//.test(file)));

describe('SIGINT during generate', () => {
  let project: Awaited<ReturnType<typeof projectWith>>;
  let oldFiles: Map<string, Buffer>;
  let newFiles: Map<string, Buffer>;

  beforeAll(async () => {
    // The new versions come from an uninterrupted run over the old ones: the manifest depends on its predecessor.
    project = await projectWith('point-system', OLD);
    const first = await generateAndInterrupt(project.root, 'SIGINT', { afterMs: 1e9 });
    expect(first.code, first.stderr).toBe(0);
    oldFiles = generated(await snapshot(project.root));
    await writeFile(path.join(project.root, MODEL), NEW);
    const second = await generateAndInterrupt(project.root, 'SIGINT', { afterMs: 1e9 });
    expect(second.code, second.stderr).toBe(0);
    newFiles = generated(await snapshot(project.root));
    const changed = [...newFiles.keys()].filter((file) => !oldFiles.get(file)?.equals(newFiles.get(file)!));
    expect(changed.length, 'the new model must change many files').toBeGreaterThan(10);
  }, 240_000);
  afterAll(async () => project?.dispose());

  /** Puts the old generation back and the new model in place. */
  async function reset(): Promise<void> {
    for (const file of generated(await snapshot(project.root)).keys()) if (!oldFiles.has(file)) await rm(path.join(project.root, file));
    for (const [file, bytes] of oldFiles) await writeFile(path.join(project.root, file), bytes);
    await writeFile(path.join(project.root, MODEL), NEW);
  }

  /** Every generated file is its old or its new version; returns how many are new (and differ from old). */
  async function expectOldOrNew(run: Run): Promise<number> {
    expect(run.finishedFirst, 'generate finished before the signal: the machine was faster than the test assumes').toBe(false);
    expect(run.signal, run.stderr).toBeNull();
    expect(run.code, run.stderr).toBe(130);
    const message = /^interrupted; (\d+) files? written; no partial files$/m.exec(run.stderr);
    expect(message, run.stderr).not.toBeNull();
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(await tempFiles(project.root)).toEqual([]);
    let replaced = 0;
    for (const [file, bytes] of generated(await snapshot(project.root))) {
      const isOld = oldFiles.get(file)?.equals(bytes) ?? false;
      const isNew = newFiles.get(file)?.equals(bytes) ?? false;
      expect(isOld || isNew, `${file} is neither its old nor its new version`).toBe(true);
      if (isNew && !isOld) replaced++;
    }
    // Files missing now are new files not yet put in place, never old ones removed.
    for (const file of oldFiles.keys()) expect(generated(await snapshot(project.root)).has(file), `${file} disappeared`).toBe(true);
    const reported = Number(message![1]);
    expect(reported).toBeLessThanOrEqual(replaced); // a rename may land just as the signal arrives
    return replaced;
  }

  it('while generating (after 1.6 s of CPU, about half the run): nothing written, every file its old version', async () => {
    await reset();
    const run = await generateAndInterrupt(project.root, 'SIGINT', { afterCpuSeconds: 1.6 });
    expect(await expectOldOrNew(run)).toBe(0);
    expect(run.stderr).toContain('interrupted; 0 files written; no partial files');
  }, 120_000);

  it('while the temp files are written: they are removed, every file its old version', async () => {
    await reset();
    const run = await generateAndInterrupt(project.root, 'SIGINT', { onFile: (name) => name.endsWith('.tmp') });
    expect(await expectOldOrNew(run)).toBe(0);
  }, 120_000);

  it('while files are renamed into place: each file whole, old or new, and no temp file left', async () => {
    await reset();
    let tempSeen = false;
    const run = await generateAndInterrupt(project.root, 'SIGINT', {
      onFile: (name) => {
        if (name.endsWith('.tmp')) tempSeen = true;
        // The first event on a real output file after the temp files: a rename has begun.
        return tempSeen && /^(output|resource)\/.+/.test(name) && !path.basename(name).startsWith('.');
      },
    });
    // The signal came after the first rename: at least that file is already its new version.
    expect(await expectOldOrNew(run)).toBeGreaterThan(0);
  }, 120_000);
});
