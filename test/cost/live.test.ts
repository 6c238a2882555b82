/**
 * The real @aws-sdk/client-pricing against a stand-in Price List server on 127.0.0.1, set up
 * through AWS_ENDPOINT_URL_PRICING and dummy credentials, as a user would.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { diskCache } from '../../src/cost/cache.js';
import { priceSpec, queryId } from '../../src/cost/catalog.js';
import { estimateCost, priceKeysOf, type PriceSnapshot } from '../../src/cost/index.js';
import { fetchLivePrices, LivePricingUnavailableError } from '../../src/cost/live-client.js';
import { resolvePrices } from '../../src/cost/pricing-source.js';
import { assertRegion } from '../../src/cost/regions.js';
import { catalogFromSnapshot, priceItem, startStandInServer, type StandInServer } from '../../src/cost/stand-in-server.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { ROOT, seedModel, shippedSnapshot, useStandIn } from './helpers.js';

const SEOUL = assertRegion('ap-northeast-2');
const FAST = { today: '2026-11-25', backoffMs: 5, timeoutMs: 2_000 };

let model: ArchitectureModel;
let reference: PriceSnapshot;
let keys: string[];
let server: StandInServer;
let restore: () => void;

beforeAll(async () => {
  model = await seedModel();
  const shipped = shippedSnapshot('ap-northeast-2');
  const writer = 'rds:instance:aurora-postgresql:Single-AZ:db.t3.medium';
  // The served prices: the shipped ones, plus reserved terms on the writer class (the Price List has them, the snapshot does not).
  reference = {
    ...shipped,
    prices: {
      ...shipped.prices,
      [writer]: { ...shipped.prices[writer]!, reserved: [
        { term: '1yr', purchaseOption: 'No Upfront', offeringClass: 'standard', hourly: 0.07, upfront: 0 },
        { term: '3yr', purchaseOption: 'All Upfront', offeringClass: 'standard', hourly: 0, upfront: 1314 },
      ] },
    },
  };
  keys = [...new Set([...priceKeysOf(model, 'prod'), ...priceKeysOf(model, 'dev')])];
  server = await startStandInServer(catalogFromSnapshot(reference, SEOUL), { pageSize: 3 });
  restore = useStandIn(server.url);
});
afterAll(async () => {
  restore();
  await server.close();
});
afterEach(() => {
  server.requests.length = 0;
  server.faults.length = 0;
  server.delayMs = 0;
  server.expireTokens = 0;
});

const distinctQueries = (list: readonly string[]) => new Set(list.map((k) => priceSpec(k, SEOUL)).filter((s) => s).map((s) => queryId(s!.query))).size;

describe('live prices from the Price List API (stand-in server, real SDK)', () => {
  it('fetches every price the seed needs, one query per distinct product plus pages, each traced to its SKU', async () => {
    const live = await fetchLivePrices(keys, SEOUL, FAST);
    const expectedQueries = distinctQueries(keys);
    expect(live.stats.queries).toBe(expectedQueries);
    const firstPages = server.requests.filter((r) => !r.nextToken);
    expect(firstPages).toHaveLength(expectedQueries);
    expect(new Set(firstPages.map((r) => JSON.stringify([r.serviceCode, r.filters]))).size).toBe(expectedQueries);
    expect(live.stats.pages).toBe(server.requests.length);
    expect(live.stats.pages).toBeGreaterThan(live.stats.queries); // page size 3: several queries needed NextToken
    for (const [key, entry] of Object.entries(live.snapshot.prices)) {
      expect(entry.sku, key).toMatch(/^[0-9A-F]{16}$/);
      expect(entry.price, key).toBeCloseTo(reference.prices[key]!.price, 10);
      expect(entry.usageType, key).not.toContain('Decoy');
      expect(entry.source).toContain('AWS Price List API GetProducts');
    }
    // every snapshot price the seed uses came back; Spot keys and the unoffered reader class did not
    for (const key of keys.filter((k) => reference.prices[k])) expect(live.snapshot.prices[key], key).toBeDefined();
    expect(live.snapshot.notOffered['rds:instance:aurora-postgresql:Single-AZ:db.t3.small']?.reason).toMatch(/no product/);
    expect(live.failures.map((f) => f.key)).toEqual(keys.filter((k) => k.startsWith('fargate-spot')).sort());
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const local = await startStandInServer(catalogFromSnapshot(reference, SEOUL));
    const undo = useStandIn(local.url);
    try {
      local.delayMs = 40;
      await fetchLivePrices(keys, SEOUL, { ...FAST, concurrency: 2 });
      expect(local.maxInFlight).toBe(2);
    } finally {
      undo();
      restore = useStandIn(server.url);
      await local.close();
    }
  });

  it('signs for the Pricing API region us-east-1 and filters by the estimated region', async () => {
    await fetchLivePrices(['nat:hours'], SEOUL, FAST);
    expect(server.requests[0]!.scope).toBe('us-east-1/pricing');
    expect(server.requests[0]!.target).toBe('AWSPriceListService.GetProducts');
    expect(server.requests[0]!.filters).toContainEqual({ Field: 'regionCode', Value: 'ap-northeast-2' });
  });

  it('picks the item by usage type, not the first one (the decoy comes first)', async () => {
    const live = await fetchLivePrices(['alb:hours', 'alb:lcu-hours'], SEOUL, FAST);
    expect(live.snapshot.prices['alb:hours']!.usageType).toBe('APN2-LoadBalancerUsage');
    expect(live.snapshot.prices['alb:hours']!.price).toBe(0.0225);
    expect(live.snapshot.prices['alb:lcu-hours']!.price).toBe(0.008);
    expect(live.stats.queries).toBe(1); // both keys share one query
  });

  it('retries throttling with backoff and still gets the price', async () => {
    server.faults.push({ status: 400, type: 'ThrottlingException', message: 'Rate exceeded' }, { status: 400, type: 'ThrottlingException' });
    const live = await fetchLivePrices(['nat:hours'], SEOUL, FAST);
    expect(live.stats.retries).toBe(2);
    expect(live.snapshot.prices['nat:hours']!.price).toBe(0.059);
    expect(server.requests).toHaveLength(2 + live.stats.pages);
  });

  it('gives up after the last attempt with a clear reason, and retries 5xx errors too', async () => {
    for (let i = 0; i < 3; i++) server.faults.push({ status: 503, type: 'ServiceUnavailableException', message: 'try later' });
    const live = await fetchLivePrices(['nat:hours'], SEOUL, { ...FAST, maxAttempts: 3 });
    expect(live.snapshot.prices['nat:hours']).toBeUndefined();
    expect(live.failures[0]!.reason).toMatch(/ServiceUnavailableException: try later \(after 3 attempts\)/);
  });

  it('starts a query over once when its pagination token expires', async () => {
    server.expireTokens = 1;
    const live = await fetchLivePrices(['nat:hours', 'nat:gb'], SEOUL, FAST);
    expect(live.snapshot.prices['nat:gb']!.price).toBe(0.059);
    expect(live.snapshot.prices['nat:hours']!.price).toBe(0.059);
    // page 1, page 2 (expired), page 1 again, page 2
    expect(server.requests.map((r) => Boolean(r.nextToken))).toEqual([false, true, false, true]);
    server.expireTokens = 0;
  });

  it('does not retry a bad parameter', async () => {
    server.faults.push({ status: 400, type: 'InvalidParameterException', message: 'Input validation error' });
    const live = await fetchLivePrices(['nat:hours'], SEOUL, FAST);
    expect(server.requests).toHaveLength(1);
    expect(live.failures[0]).toEqual({ key: 'nat:hours', reason: 'InvalidParameterException: Input validation error' });
  });

  it('skips malformed items and counts them', async () => {
    const items = [
      { serviceCode: 'AmazonEC2', item: 'not json {"matchAll":true' },
      { serviceCode: 'AmazonEC2', item: '{"matchAll":true,"product":{"attributes":{}}}' },
      ...catalogFromSnapshot(reference, SEOUL).filter((i) => i.serviceCode === 'AmazonEC2'),
      { serviceCode: 'AmazonEC2', item: priceItem({ serviceCode: 'AmazonEC2', productFamily: 'NAT Gateway', attributes: { regionCode: 'ap-northeast-2', usagetype: 'APN2-NatGateway-Hours' }, tiers: [{ from: 0, price: Number.NaN }], unit: 'Hrs' }) },
    ];
    const local = await startStandInServer(items);
    const undo = useStandIn(local.url);
    try {
      const live = await fetchLivePrices(['nat:hours'], SEOUL, FAST);
      expect(live.stats.malformed).toBe(2);
      expect(live.snapshot.prices['nat:hours']!.price).toBe(0.059); // the NaN-priced twin is ignored
    } finally {
      undo();
      restore = useStandIn(server.url);
      await local.close();
    }
  });

  it('times out a slow answer and reports it', async () => {
    server.delayMs = 1_500;
    const live = await fetchLivePrices(['nat:hours'], SEOUL, { ...FAST, timeoutMs: 200, maxAttempts: 2 });
    expect(live.failures[0]!.reason).toBe('TimeoutError: no answer within 200 ms (after 2 attempts)');
    expect(live.stats.retries).toBe(1);
  });

  it('says the API is unreachable when nothing listens', async () => {
    const undo = useStandIn('http://127.0.0.1:9');
    try {
      await expect(fetchLivePrices(['nat:hours'], SEOUL, FAST)).rejects.toThrow(LivePricingUnavailableError);
      await expect(fetchLivePrices(['nat:hours'], SEOUL, FAST)).rejects.toThrow(/unreachable/);
    } finally {
      undo();
      restore = useStandIn(server.url);
    }
  });

  it('says there are no credentials when the chain finds none', async () => {
    const undo = useStandIn(server.url, false);
    try {
      await expect(fetchLivePrices(['nat:hours'], SEOUL, FAST)).rejects.toThrow(/no AWS credentials/);
      expect(server.requests).toHaveLength(0);
    } finally {
      undo();
      restore = useStandIn(server.url);
    }
  });

  it('caches answers on disk for the TTL, then asks again', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'archgen-price-cache-'));
    let now = 1_000_000;
    try {
      const cache = diskCache(dir, 60_000, () => now);
      const first = await fetchLivePrices(keys, SEOUL, { ...FAST, cache });
      const sent = server.requests.length;
      const second = await fetchLivePrices(keys, SEOUL, { ...FAST, cache });
      expect(server.requests.length).toBe(sent);
      expect(second.stats.queries).toBe(0);
      expect(second.stats.cacheHits).toBe(first.stats.queries);
      expect(second.snapshot.prices).toEqual(first.snapshot.prices);
      now += 60_001;
      const third = await fetchLivePrices(keys, SEOUL, { ...FAST, cache });
      expect(third.stats.queries).toBe(first.stats.queries);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prices reserved terms from the live answer (upfront amortized)', async () => {
    const live = await fetchLivePrices(keys, SEOUL, FAST);
    const estimate = estimateCost(model, 'prod', live.snapshot);
    const options = estimate.purchaseOptions.filter((o) => o.option.startsWith('reserved'));
    // 1yr No Upfront: 0.07 × 730 = 51.10; 3yr All Upfront: 1314 / 26280 h = 0.05 per h × 730 = 36.50
    expect(options.map((o) => [o.option, o.monthly, o.onDemandMonthly])).toEqual([['reserved-1yr', 51.1, 73], ['reserved-3yr', 36.5, 73]]);
  });
});

describe('live mode with the snapshot as a labelled fallback', () => {
  it('falls back to the snapshot when live pricing is unavailable, and says so', async () => {
    const undo = useStandIn(server.url, false);
    try {
      const resolved = await resolvePrices({ root: ROOT, region: 'ap-northeast-2', mode: 'live', keys, today: '2026-11-25', cacheTtlMs: 0, live: FAST });
      expect(resolved.pricing).toMatchObject({ mode: 'snapshot', requested: 'live' });
      expect(resolved.pricing.fallbackReason).toMatch(/no AWS credentials/);
      const estimate = estimateCost(model, 'prod', resolved.prices, { pricing: resolved.pricing });
      expect(estimate.lines.some((l) => /Price List API GetProducts/.test(l.source ?? ''))).toBe(false);
    } finally {
      undo();
      restore = useStandIn(server.url);
    }
  });

  it('labels each snapshot price used in place of a failed live lookup', async () => {
    server.faults.push(...Array.from({ length: 5 }, () => ({ status: 500, type: 'InternalErrorException' })));
    const resolved = await resolvePrices({ root: ROOT, region: 'ap-northeast-2', mode: 'live', keys, today: '2026-11-25', cacheTtlMs: 0, live: { ...FAST, concurrency: 1, maxAttempts: 5 } });
    expect(resolved.pricing.mode).toBe('live');
    const fallbacks = Object.entries(resolved.prices.prices).filter(([, e]) => e.source.startsWith('SNAPSHOT FALLBACK'));
    expect(fallbacks.length).toBeGreaterThan(0);
    expect(resolved.pricing.description).toMatch(/fell back to the snapshot/);
    for (const [, entry] of fallbacks) expect(entry.sku).toBeUndefined(); // the recorded snapshot has no SKUs: nothing pretends otherwise
  });
});
