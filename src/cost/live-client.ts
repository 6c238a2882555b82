/**
 * Live prices from the AWS Price List Query API (`GetProducts`). The client always talks to a
 * Pricing endpoint region (us-east-1); the estimated region goes into the filters. Each distinct
 * query runs once (bounded concurrency), pages through `NextToken`, retries throttling and
 * server errors with exponential backoff, and lands in the disk cache.
 *
 * The endpoint is the SDK's own: `AWS_ENDPOINT_URL_PRICING` / `AWS_ENDPOINT_URL` as a user sets
 * them, credentials from the standard chain.
 */
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { priceSpec, queryId, type PriceSpec, type ProductQuery } from './catalog.js';
import { noCache, type QueryCache } from './cache.js';
import { parsePriceList, selectPrice } from './price-list.js';
import type { RegionInfo } from './regions.js';
import type { NotOffered, PriceEntry, PriceSnapshot } from './types.js';
import { LivePricingUnavailableError } from './live-errors.js';

export { LivePricingUnavailableError };

/** The Price List API endpoint region the client uses whatever region is estimated. */
export const PRICING_API_REGION = 'us-east-1';

export interface LiveOptions {
  readonly cache?: QueryCache;
  /** Parallel queries. @default 4 */
  readonly concurrency?: number;
  /** Attempts per request, throttling and server errors included. @default 5 */
  readonly maxAttempts?: number;
  /** First backoff delay; doubles each retry (with jitter). @default 250 */
  readonly backoffMs?: number;
  /** Per-request time-out. @default 10000 */
  readonly timeoutMs?: number;
  /** Date for `retrievedAt` (the CLI passes today). */
  readonly today: string;
  readonly client?: PricingClient;
}

export interface LiveStats {
  /** Distinct queries sent to the API (cache hits excluded). */
  queries: number;
  /** HTTP requests: pages and retries included. */
  requests: number;
  pages: number;
  retries: number;
  cacheHits: number;
  malformed: number;
}

export interface LiveResult {
  readonly snapshot: PriceSnapshot;
  readonly stats: LiveStats;
  /** Keys whose query failed (bad parameter, exhausted retries), with the reason. */
  readonly failures: readonly { readonly key: string; readonly reason: string }[];
  /** The endpoint asked, for messages. */
  readonly endpoint: string;
}

const RETRYABLE = new Set(['ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'InternalErrorException', 'InternalServerError', 'InternalFailure', 'ServiceUnavailableException', 'ServiceUnavailable', 'TimeoutError', 'RequestTimeout', 'ECONNRESET', 'EPIPE', 'BadResponse']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

function errorCode(error: unknown): string {
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  return e.code ?? e.name ?? 'Error';
}

function isRetryable(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return RETRYABLE.has(errorCode(error)) || (status !== undefined && (status === 429 || status >= 500));
}

/**
 * What the SDK throws, in words for people: an answer that is not JSON (an HTML error page, a
 * body cut short) becomes `BadResponse` (retried: proxies and overloaded endpoints produce them),
 * and a dropped connection is not mistaken for a time-out.
 */
function normalizeError(error: unknown, timeoutMs: number): unknown {
  const e = error as Error & { code?: string; $metadata?: { httpStatusCode?: number } };
  if (e.code === 'ECONNRESET' || e.code === 'EPIPE') return Object.assign(new Error('the connection was closed before the answer was complete'), { name: e.code });
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return Object.assign(new Error(`no answer within ${timeoutMs} ms`), { name: 'TimeoutError' });
  if ((e.name === 'Unknown' || e.message === 'UnknownError') && e.$metadata?.httpStatusCode) {
    return Object.assign(new Error('the answer carried no error details'), { name: `HTTP ${e.$metadata.httpStatusCode}`, $metadata: e.$metadata });
  }
  if (e.name === 'SyntaxError' || /Deserialization error/.test(e.message ?? '')) {
    const status = e.$metadata?.httpStatusCode;
    const detail = (e.message ?? '').split('\n')[0]!.replace(/\s+/g, ' ').slice(0, 120);
    return Object.assign(new Error(`the answer${status ? ` (HTTP ${status})` : ''} is not valid JSON: ${detail}`), { name: 'BadResponse', $metadata: e.$metadata });
  }
  return error;
}

/** The Price List endpoint the SDK uses, for messages (set with AWS_ENDPOINT_URL_PRICING, as the SDK reads it). */
export function pricingEndpoint(): string {
  return process.env.AWS_ENDPOINT_URL_PRICING ?? process.env.AWS_ENDPOINT_URL ?? `https://api.pricing.${PRICING_API_REGION}.amazonaws.com`;
}

function unavailableReason(error: unknown): string | undefined {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'CredentialsProviderError' || /credential/i.test(message) && /could not|unable|missing/i.test(message)) {
    return 'no AWS credentials found (standard chain: environment, shared config/SSO, container or instance role)';
  }
  if (UNREACHABLE.has(code) || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH/.test(message)) return `the Price List API is unreachable (${code}: ${message})`;
  if (code === 'UnrecognizedClientException' || code === 'InvalidSignatureException' || code === 'AccessDeniedException' || code === 'ExpiredTokenException') {
    return `the Price List API refused the credentials (${code}: ${message})`;
  }
  return undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Pricing client in the Pricing API region; endpoint and credentials come from the SDK's standard configuration. */
export function createPricingClient(timeoutMs = 10_000): PricingClient {
  // The SDK warns on Node 20 that *future* SDK releases will need Node 22: noise in a CLI that supports Node 20.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new PricingClient({ region: PRICING_API_REGION, maxAttempts: 1, requestHandler: { requestTimeout: timeoutMs, connectionTimeout: timeoutMs } });
}

async function runPool<T>(tasks: readonly (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker));
  return results;
}

/** The SDK hands `PriceList` entries over as strings or lazy JSON-string wrappers: get the text. */
function priceListText(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  const text = String(entry);
  return text === '[object Object]' ? JSON.stringify(entry) : text;
}

/** Raw `PriceList` strings of one query, every page. */
async function fetchQuery(client: PricingClient, query: ProductQuery, options: Required<Pick<LiveOptions, 'maxAttempts' | 'backoffMs' | 'timeoutMs'>>, stats: LiveStats): Promise<string[]> {
  const items: string[] = [];
  let token: string | undefined;
  let restarted = false;
  let fromStart = true;
  while (fromStart || token) {
    fromStart = false;
    let attempt = 0;
    for (;;) {
      attempt++;
      stats.requests++;
      try {
        const out = await client.send(new GetProductsCommand({
          ServiceCode: query.serviceCode,
          FormatVersion: 'aws_v1',
          MaxResults: 100,
          Filters: query.filters.map(([Field, Value]) => ({ Type: 'TERM_MATCH', Field, Value })),
          ...(token ? { NextToken: token } : {}),
        }), { abortSignal: AbortSignal.timeout(options.timeoutMs) });
        if (out.PriceList !== undefined && !Array.isArray(out.PriceList)) {
          throw Object.assign(new Error('the answer\'s PriceList is not a list'), { name: 'BadResponse' });
        }
        stats.pages++;
        items.push(...(out.PriceList ?? []).map(priceListText));
        token = out.NextToken || undefined;
        break;
      } catch (caught) {
        const error = normalizeError(caught, options.timeoutMs);
        const unavailable = unavailableReason(error);
        if (unavailable) throw new LivePricingUnavailableError(unavailable);
        const code = errorCode(error);
        if ((code === 'ExpiredNextTokenException' || code === 'InvalidNextTokenException') && !restarted) {
          restarted = true;
          items.length = 0;
          token = undefined;
          fromStart = true;
          break;
        }
        if (!isRetryable(error) || attempt >= options.maxAttempts) {
          throw new Error(`${code}: ${error instanceof Error ? error.message : String(error)}${attempt > 1 ? ` (after ${attempt} attempts)` : ''}`);
        }
        stats.retries++;
        const delay = Math.min(options.backoffMs * 2 ** (attempt - 1), 8_000);
        await sleep(delay / 2 + Math.random() * (delay / 2));
      }
    }
  }
  return items;
}

/** Keys of instance-class products: an empty answer means the class is not offered. */
const isClassKey = (key: string) => /^(rds:instance|elasticache:node|ec2:instance):/.test(key);

/**
 * Prices for `keys` in `region`, in snapshot form (`origin: price-list-api`, each entry with its
 * SKU and effective date). Throws {@link LivePricingUnavailableError} when the API cannot be
 * used at all; per-query failures are reported in `failures`.
 */
export async function fetchLivePrices(keys: readonly string[], region: RegionInfo, options: LiveOptions): Promise<LiveResult> {
  const stats: LiveStats = { queries: 0, requests: 0, pages: 0, retries: 0, cacheHits: 0, malformed: 0 };
  const cache = options.cache ?? noCache;
  const client = options.client ?? createPricingClient(options.timeoutMs);
  const failures: { key: string; reason: string }[] = [];
  const byQuery = new Map<string, { query: ProductQuery; specs: PriceSpec[] }>();
  for (const key of [...new Set(keys)].sort()) {
    const spec = priceSpec(key, region);
    if (!spec) {
      failures.push({ key, reason: 'the price catalog cannot express this key' });
      continue;
    }
    const id = queryId(spec.query);
    const group = byQuery.get(id) ?? { query: spec.query, specs: [] };
    group.specs.push(spec);
    byQuery.set(id, group);
  }
  const prices: Record<string, PriceEntry> = {};
  const notOffered: Record<string, NotOffered> = {};
  const settings = { maxAttempts: options.maxAttempts ?? 5, backoffMs: options.backoffMs ?? 250, timeoutMs: options.timeoutMs ?? 10_000 };
  const tasks = [...byQuery].map(([id, { query, specs }]) => async () => {
    let raw = await cache.get(id);
    if (raw) stats.cacheHits++;
    else {
      stats.queries++;
      try {
        raw = await fetchQuery(client, query, settings, stats);
      } catch (error) {
        if (error instanceof LivePricingUnavailableError) throw error;
        for (const spec of specs) failures.push({ key: spec.key, reason: (error as Error).message });
        return;
      }
      await cache.set(id, raw);
    }
    const { items, malformed } = parsePriceList(raw);
    stats.malformed += malformed;
    const source = `AWS Price List API GetProducts ${id} (retrieved ${options.today})`;
    for (const spec of specs) {
      const entry = selectPrice(items, spec, region, source);
      if (entry) prices[spec.key] = entry;
      else if (isClassKey(spec.key) && items.length === 0) {
        notOffered[spec.key] = { reason: `the Price List has no product for ${spec.description.replace(/ instance hours.*| node hours| Linux on-demand hours/, '')} in ${region.code}`, source, checkedAt: options.today };
      } else {
        failures.push({ key: spec.key, reason: `no item with usage type ${spec.usageType} among ${items.length} product(s)${malformed ? ` (${malformed} malformed skipped)` : ''}` });
      }
    }
  });
  await runPool(tasks, options.concurrency ?? 4);
  return {
    snapshot: {
      formatVersion: 1, region: region.code, location: region.location, currency: 'USD', retrievedAt: options.today, origin: 'price-list-api',
      note: `Written by archgen from the AWS Price List Query API (${PRICING_API_REGION} endpoint).`,
      prices, notOffered,
    },
    stats,
    failures: failures.sort((a, b) => a.key.localeCompare(b.key)),
    endpoint: pricingEndpoint(),
  };
}
