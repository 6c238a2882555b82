/**
 * Where the CLI gets its prices (I/O lives here, not in the estimator): the committed snapshot,
 * or the Price List API with the snapshot as a labelled fallback. A snapshot price is never
 * presented as live: the estimate's `pricing` and each line's `source` say which it is.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../diagnostics/diagnostic.js';
import { diskCache, noCache, DEFAULT_CACHE_TTL_MS } from './cache.js';
import type { LiveResult, LiveStats } from './live-client.js';
import { LivePricingUnavailableError } from './live-errors.js';
import { assertRegion } from './regions.js';
import { describeSnapshot, parseSnapshot, snapshotPath } from './snapshot.js';
import type { PriceEntry, PriceSnapshot, PricingSource } from './types.js';

/** Reads `model/pricing/<region>.json` under `root`; a missing file is a user error with a hint. */
export async function loadSnapshotFile(root: string, region: string): Promise<PriceSnapshot> {
  assertRegion(region);
  const file = snapshotPath(region);
  let text: string;
  try {
    text = await readFile(path.join(root, file), 'utf8');
  } catch {
    throw new UserError(`no price snapshot for ${region} (${file} does not exist)`, [{
      file, line: 1, col: 1, rule: 'cost/no-snapshot', severity: 'error', message: `no price snapshot for region ${region}`,
      hint: `write one with \`archgen pricing refresh --region ${region}\` (needs AWS credentials), or use --pricing live`,
    }]);
  }
  return parseSnapshot(text, file);
}

export interface PriceRequest {
  readonly root: string;
  readonly region: string;
  readonly mode: 'snapshot' | 'live';
  /** Keys to fetch in live mode. */
  readonly keys: readonly string[];
  readonly today: string;
  /** Cache TTL in ms; 0 disables the cache. */
  readonly cacheTtlMs?: number;
  readonly live?: { readonly timeoutMs?: number; readonly backoffMs?: number; readonly maxAttempts?: number; readonly concurrency?: number };
}

export interface ResolvedPrices {
  readonly prices: PriceSnapshot;
  readonly pricing: PricingSource;
  readonly stats?: LiveStats;
  /** Human-readable notes for stderr (fallbacks, failures). */
  readonly notes: readonly string[];
}

/** Runs the live client with the project's disk cache. */
export async function fetchLive(request: PriceRequest): Promise<LiveResult> {
  const region = assertRegion(request.region);
  const ttl = request.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
  // Loaded on demand: the SDK costs start-up time that snapshot pricing does not need.
  const { fetchLivePrices } = await import('./live-client.js');
  return fetchLivePrices(request.keys, region, {
    today: request.today,
    cache: ttl > 0 ? diskCache(path.join(request.root, '.cache/pricing'), ttl) : noCache,
    ...request.live,
  });
}

const fallbackEntry = (entry: PriceEntry, reason: string): PriceEntry => ({ ...entry, source: `SNAPSHOT FALLBACK, not live (live lookup failed: ${reason}): ${entry.source}` });

/** Prices for an estimate, per the requested mode. */
export async function resolvePrices(request: PriceRequest): Promise<ResolvedPrices> {
  assertRegion(request.region);
  if (request.mode === 'snapshot') {
    const prices = await loadSnapshotFile(request.root, request.region);
    return { prices, pricing: { mode: 'snapshot', requested: 'snapshot', description: describeSnapshot(prices) }, notes: [] };
  }
  let live: LiveResult;
  try {
    live = await fetchLive(request);
  } catch (error) {
    if (!(error instanceof LivePricingUnavailableError)) throw error;
    const prices = await loadSnapshotFile(request.root, request.region);
    return {
      prices,
      pricing: { mode: 'snapshot', requested: 'live', description: describeSnapshot(prices), fallbackReason: error.message },
      notes: [`live pricing unavailable: ${error.message}; using ${snapshotPath(request.region)} instead (the report says so)`],
    };
  }
  if (live.failures.length && !Object.keys(live.snapshot.prices).length && !Object.keys(live.snapshot.notOffered).length) {
    // Not one price came back: this is a snapshot estimate, and says so once, naming the endpoint.
    const reason = `every Price List lookup at ${live.endpoint} failed: ${live.failures[0]!.reason}`;
    const prices = await loadSnapshotFile(request.root, request.region);
    return {
      prices,
      pricing: { mode: 'snapshot', requested: 'live', description: describeSnapshot(prices), fallbackReason: reason },
      stats: live.stats,
      notes: [`live pricing failed: ${reason}; using ${snapshotPath(request.region)} instead (the report says so)`],
    };
  }
  const notes: string[] = [];
  const prices: Record<string, PriceEntry> = { ...live.snapshot.prices };
  if (live.failures.length) {
    let snapshot: PriceSnapshot | undefined;
    try {
      snapshot = await loadSnapshotFile(request.root, request.region);
    } catch {
      snapshot = undefined;
    }
    for (const failure of live.failures) {
      const old = snapshot?.prices[failure.key];
      if (old) prices[failure.key] = fallbackEntry(old, failure.reason);
      notes.push(`${failure.key}: live lookup failed (${failure.reason})${old ? '; snapshot price used and labelled as such' : '; not priced'}`);
    }
  }
  const fellBack = live.failures.filter((f) => prices[f.key]).length;
  return {
    prices: { ...live.snapshot, prices },
    pricing: {
      mode: 'live', requested: 'live',
      description: `AWS Price List API, retrieved ${request.today} (${live.stats.queries} queries, ${live.stats.cacheHits} cached)${fellBack ? `; ${fellBack} price(s) fell back to the snapshot and are labelled SNAPSHOT FALLBACK` : ''}`,
    },
    stats: live.stats,
    notes,
  };
}
