/** Shared helpers of the cost tests: the seed model, snapshots, env for the real SDK. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseSnapshot, type PriceSnapshot } from '../../src/cost/index.js';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import type { ArchitectureModel } from '../../src/model/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'dist/app/main.js');

export const seedModel = (): Promise<ArchitectureModel> => loadModelOrThrow(path.join(ROOT, 'model/point-system.yaml'), ROOT);
export const shippedSnapshot = (region: string): PriceSnapshot =>
  parseSnapshot(readFileSync(path.join(ROOT, `model/pricing/${region}.json`), 'utf8'), `model/pricing/${region}.json`);

/**
 * Points the real SDK at the stand-in server the way a user would (environment variables only),
 * with dummy credentials and no way to reach real credential sources. Returns an undo function.
 */
export function useStandIn(url: string, credentials = true): () => void {
  const keys = ['AWS_ENDPOINT_URL_PRICING', 'AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE'];
  const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  for (const k of keys) delete process.env[k];
  process.env.AWS_ENDPOINT_URL_PRICING = url;
  process.env.AWS_CONFIG_FILE = path.join(ROOT, '.cache/none/config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(ROOT, '.cache/none/credentials');
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  if (credentials) {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDSTANDIN000000000';
    process.env.AWS_SECRET_ACCESS_KEY = 'stand-in-secret';
  }
  return () => {
    for (const k of keys) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  };
}

/** Runs the built CLI asynchronously (the stand-in server lives in this process and must keep answering). */
export async function runCli(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const merged: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, NO_COLOR: '1', ...env })) if (v !== undefined) merged[k] = v;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd: ROOT, env: merged, encoding: 'utf8', timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
