/**
 * Disk cache of raw `GetProducts` results under `.cache/pricing/`, one file per distinct query,
 * valid for a TTL. A corrupt or expired file is a miss, never an error.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface QueryCache {
  get(id: string): Promise<readonly string[] | undefined>;
  set(id: string, items: readonly string[]): Promise<void>;
}

/** Default time to live of cached Price List answers: prices change rarely, a day is plenty. */
export const DEFAULT_CACHE_TTL_MS = 24 * 60 * 60 * 1000;

/** A cache in `dir` (usually `<root>/.cache/pricing`); `now` is injectable for tests. */
export function diskCache(dir: string, ttlMs = DEFAULT_CACHE_TTL_MS, now: () => number = Date.now): QueryCache {
  const file = (id: string) => path.join(dir, `${createHash('sha256').update(id).digest('hex').slice(0, 32)}.json`);
  return {
    async get(id) {
      try {
        const data = JSON.parse(await readFile(file(id), 'utf8')) as { id?: string; fetchedAt?: number; items?: unknown };
        if (data.id !== id || typeof data.fetchedAt !== 'number' || !Array.isArray(data.items)) return undefined;
        if (now() - data.fetchedAt > ttlMs) return undefined;
        return data.items.filter((i): i is string => typeof i === 'string');
      } catch {
        return undefined;
      }
    },
    async set(id, items) {
      await mkdir(dir, { recursive: true });
      const target = file(id);
      const temp = `${target}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify({ id, fetchedAt: now(), items }));
      await rename(temp, target);
    },
  };
}

/** A cache that remembers nothing (`--no-cache`). */
export const noCache: QueryCache = { get: async () => undefined, set: async () => undefined };
