/**
 * The offline price snapshot `model/pricing/<region>.json`: parsing (pure, for generators that
 * read it through `ctx.inputs`), writing, and price lookup with tiers.
 */
import { UserError } from '../diagnostics/diagnostic.js';
import { stableJson } from '../output/stable-json.js';
import type { PriceEntry, PriceSnapshot, PriceTier } from './types.js';

/** Project-relative path of a region's snapshot. */
export const snapshotPath = (region: string): string => `model/pricing/${region}.json`;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(file: string, message: string): never {
  throw new UserError(`${file}: ${message}`, [{
    file, line: 1, col: 1, rule: 'cost/bad-snapshot', severity: 'error', message,
    hint: 'rewrite it with `archgen pricing refresh --region <region>`, or restore the committed copy',
  }]);
}

function checkEntry(file: string, key: string, entry: unknown): PriceEntry {
  if (!isObject(entry)) fail(file, `prices["${key}"] is not an object`);
  for (const field of ['usageType', 'description', 'unit', 'effectiveDate', 'source'] as const) {
    if (typeof entry[field] !== 'string') fail(file, `prices["${key}"].${field} must be a string`);
  }
  if (typeof entry.price !== 'number' || !Number.isFinite(entry.price) || entry.price < 0) fail(file, `prices["${key}"].price must be a non-negative number`);
  if (entry.sku !== undefined && typeof entry.sku !== 'string') fail(file, `prices["${key}"].sku must be a string`);
  if (entry.tiers !== undefined) {
    if (!Array.isArray(entry.tiers) || !entry.tiers.every((t) => isObject(t) && typeof t.from === 'number' && typeof t.price === 'number' && (t.to === undefined || typeof t.to === 'number'))) {
      fail(file, `prices["${key}"].tiers must be a list of {from, to?, price}`);
    }
  }
  if (entry.reserved !== undefined && !Array.isArray(entry.reserved)) fail(file, `prices["${key}"].reserved must be a list`);
  return entry as unknown as PriceEntry;
}

// Snapshots parsed so far, by text then file name: generators, documents and diagrams all parse
// the same committed snapshot, and estimates are remembered per snapshot object. Bounded.
const parsed = new Map<string, Map<string, PriceSnapshot>>();
const MAX_PARSED = 16;

/**
 * Parses and checks snapshot text. Pure; throws a {@link UserError} naming the file and the
 * offending field. The same text and file give the same (read-only) object.
 */
export function parseSnapshot(text: string, file = 'price snapshot'): PriceSnapshot {
  let byFile = parsed.get(text);
  const known = byFile?.get(file);
  if (known) return known;
  const snapshot = parse(text, file);
  if (!byFile) {
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(text, (byFile = new Map()));
  }
  byFile.set(file, snapshot);
  return snapshot;
}

function parse(text: string, file: string): PriceSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(file, `not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(data)) fail(file, 'must be a JSON object');
  if (data.formatVersion !== 1) fail(file, `unsupported formatVersion ${JSON.stringify(data.formatVersion)} (expected 1)`);
  for (const field of ['region', 'location', 'retrievedAt', 'origin'] as const) {
    if (typeof data[field] !== 'string') fail(file, `"${field}" must be a string`);
  }
  if (data.currency !== 'USD') fail(file, '"currency" must be "USD"');
  if (!isObject(data.prices)) fail(file, '"prices" must be an object');
  const prices: Record<string, PriceEntry> = {};
  for (const [key, entry] of Object.entries(data.prices)) prices[key] = checkEntry(file, key, entry);
  const notOffered = isObject(data.notOffered) ? data.notOffered : {};
  return { ...(data as unknown as PriceSnapshot), prices, notOffered: notOffered as PriceSnapshot['notOffered'] };
}

/** Deterministic snapshot text (sorted keys). */
export const serializeSnapshot = (snapshot: PriceSnapshot): string => stableJson(snapshot);

/** An empty snapshot, for regions without one: every line then reads "not priced". */
export const emptySnapshot = (region: string, location: string, note: string): PriceSnapshot => ({
  formatVersion: 1, region, location, currency: 'USD', retrievedAt: '1970-01-01', origin: 'recorded', note, prices: {}, notOffered: {},
});

/** Cost of `quantity` units: across tiers when the entry has them, else quantity × price. */
export function costOf(entry: PriceEntry, quantity: number): number {
  const tiers: readonly PriceTier[] | undefined = entry.tiers;
  if (!tiers?.length) return quantity * entry.price;
  let total = 0;
  for (const tier of tiers) {
    if (quantity <= tier.from) break;
    const upper = tier.to === undefined ? quantity : Math.min(quantity, tier.to);
    total += (upper - tier.from) * tier.price;
  }
  return total;
}

/** One line naming a snapshot and its provenance, for report headers. */
export const describeSnapshot = (prices: PriceSnapshot): string =>
  `snapshot ${snapshotPath(prices.region)} (${prices.origin === 'price-list-api' ? 'AWS Price List API' : 'recorded from public price pages'}, retrieved ${prices.retrievedAt})`;
