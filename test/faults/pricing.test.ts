/**
 * Price List server faults with the real SDK against the stand-in on 127.0.0.1 (endpoint from
 * AWS_ENDPOINT_URL_PRICING, dummy keys): throttling (429 and ThrottlingException), 5xx with
 * JSON, HTML or empty bodies, 200 answers that are truncated, garbage, HTML or wrong-shaped,
 * dropped connections and time-outs. A transient fault is retried and the price still arrives
 * (the server sees exactly the retries); a lasting one ends in a one-line reason in words. Through
 * the CLI, `cost --pricing live` falls back to the snapshot and says so naming the endpoint, and
 * `pricing refresh` leaves the snapshot untouched. test/cost/live.test.ts covers the rest
 * (pagination, token expiry, malformed items, unreachable, no credentials, cache).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { priceSpec, queryId } from '../../src/cost/catalog.js';
import { priceKeysOf } from '../../src/cost/index.js';
import { fetchLivePrices } from '../../src/cost/live-client.js';
import { assertRegion } from '../../src/cost/regions.js';
import { catalogFromSnapshot, startStandInServer, type Fault, type StandInServer } from '../../src/cost/stand-in-server.js';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import { shippedSnapshot, useStandIn } from '../cost/helpers.js';
import { CLI, ROOT } from '../foundation/helpers.js';
import { STACK_TRACE } from '../hostile/cli-capture.js';

const SEOUL = assertRegion('ap-northeast-2');
const FAST = { today: '2026-11-25', backoffMs: 5, timeoutMs: 1_500, maxAttempts: 3 };
const OK_BODY = '{"FormatVersion":"aws_v1","PriceList":["{\\"product\\":{\\"sku\\":\\"X\\"}}"],"NextToken":null}';

let server: StandInServer;
let restore: () => void;
beforeAll(async () => {
  server = await startStandInServer(catalogFromSnapshot(shippedSnapshot('ap-northeast-2'), SEOUL));
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
});

/** Each fault, and the words its final reason must use. */
const FAULTS: readonly { name: string; fault: Fault; reason: RegExp }[] = [
  { name: 'HTTP 429 ThrottlingException', fault: { status: 429, type: 'ThrottlingException', message: 'Rate exceeded' }, reason: /^ThrottlingException: Rate exceeded/ },
  { name: 'HTTP 429 with an HTML page', fault: { status: 429, type: '', body: '<html><body>Too Many Requests</body></html>' }, reason: /^BadResponse: the answer \(HTTP 429\) is not valid JSON/ },
  { name: 'HTTP 500 InternalErrorException', fault: { status: 500, type: 'InternalErrorException', message: 'boom' }, reason: /^InternalErrorException: boom/ },
  { name: 'HTTP 500 with an HTML page', fault: { status: 500, type: '', body: '<html><h1>500 Internal Server Error</h1></html>' }, reason: /^BadResponse: the answer \(HTTP 500\) is not valid JSON/ },
  { name: 'HTTP 502 with an empty body', fault: { status: 502, type: '', body: '' }, reason: /^HTTP 502: the answer carried no error details/ },
  { name: 'HTTP 503 ServiceUnavailableException', fault: { status: 503, type: 'ServiceUnavailableException', message: 'try later' }, reason: /^ServiceUnavailableException: try later/ },
  { name: 'HTTP 200 with truncated JSON', fault: { status: 200, type: '', body: OK_BODY.slice(0, 40) }, reason: /^BadResponse: the answer \(HTTP 200\) is not valid JSON: Unterminated string/ },
  { name: 'HTTP 200 with garbage', fault: { status: 200, type: '', body: 'garbage, not JSON at all' }, reason: /^BadResponse: the answer \(HTTP 200\) is not valid JSON/ },
  { name: 'HTTP 200 with a captive-portal page', fault: { status: 200, type: '', body: '<html>Please log in to the Wi-Fi</html>' }, reason: /^BadResponse: the answer \(HTTP 200\) is not valid JSON/ },
  { name: 'HTTP 200 with a PriceList that is not a list', fault: { status: 200, type: '', body: '{"FormatVersion":"aws_v1","PriceList":"oops"}' }, reason: /^BadResponse: the answer's PriceList is not a list/ },
  { name: 'connection dropped before answering', fault: { status: 200, type: '', reset: true }, reason: /^ECONNRESET: the connection was closed before the answer was complete/ },
  { name: 'connection dropped mid-body', fault: { status: 200, type: '', body: OK_BODY.slice(0, 25), reset: true }, reason: /^ECONNRESET: the connection was closed/ },
];

describe('transient faults are retried and the price arrives', () => {
  it.each(FAULTS)('$name twice, then a good answer: 3 requests, 2 retries, the live price', async ({ fault }) => {
    server.faults.push(fault, fault);
    const live = await fetchLivePrices(['nat:hours'], SEOUL, FAST);
    expect(live.failures).toEqual([]);
    expect(live.snapshot.prices['nat:hours']!.price).toBe(0.059);
    expect(live.snapshot.prices['nat:hours']!.source).toContain('AWS Price List API GetProducts');
    expect(live.stats.retries).toBe(2);
    expect(server.requests).toHaveLength(3);
  });
});

describe('lasting faults end in a clear one-line reason after the last attempt', () => {
  it.each(FAULTS)('$name every time', async ({ fault, reason }) => {
    server.faults.push(fault, fault, fault, fault);
    const live = await fetchLivePrices(['nat:hours'], SEOUL, FAST);
    expect(server.requests).toHaveLength(3);
    expect(live.snapshot.prices['nat:hours']).toBeUndefined();
    const [failure] = live.failures;
    expect(failure!.reason).toMatch(reason);
    expect(failure!.reason).toMatch(/\(after 3 attempts\)$/);
    expect(failure!.reason).not.toMatch(/\n|\$response|hidden field|is not a function|UnknownError/);
    expect(failure!.reason).not.toMatch(STACK_TRACE);
    expect(live.endpoint).toBe(server.url);
  });

  it('a server slower than the time-out: each attempt times out and is retried', async () => {
    server.delayMs = 400;
    const live = await fetchLivePrices(['nat:hours'], SEOUL, { ...FAST, timeoutMs: 150 });
    expect(server.requests).toHaveLength(3);
    expect(live.failures[0]!.reason).toBe('TimeoutError: no answer within 150 ms (after 3 attempts)');
  });
});

describe('the CLI when every Price List request fails (built CLI, stand-in in this process)', () => {
  let root: string;
  const run = async (args: readonly string[]) => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, NO_COLOR: '1' })) if (v !== undefined) env[k] = v;
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, '-C', root, ...args], { env, encoding: 'utf8', timeout: 90_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  };
  const failEverything = () => {
    for (let i = 0; i < 500; i++) server.faults.push({ status: 500, type: '', body: '<html>500 Internal Server Error</html>' });
  };
  /** Distinct Price List queries the model's prices need (one per product, several keys may share one). */
  let queries: number;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'archgen-faults-pricing-'));
    await mkdir(path.join(root, 'model/pricing'), { recursive: true });
    await writeFile(path.join(root, 'model/mini.yaml'), readFileSync(path.join(ROOT, 'test/fixtures/hostile/legal/mini.yaml')));
    await writeFile(path.join(root, 'model/pricing/ap-northeast-2.json'), readFileSync(path.join(ROOT, 'model/pricing/ap-northeast-2.json')));
    const model = await loadModelOrThrow(path.join(root, 'model/mini.yaml'), root);
    const keys = priceKeysOf(model, 'prod');
    queries = new Set(keys.map((k) => priceSpec(k, SEOUL)).filter((s) => s).map((s) => queryId(s!.query))).size;
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  it('cost --pricing live: retries every query, then a snapshot estimate that says so and names the endpoint (JSON and text reports, side by side)', async () => {
    failEverything();
    const [json, text] = await Promise.all([
      run(['cost', 'model/mini.yaml', '--pricing', 'live', '--cache-ttl', '0', '--report', 'json']),
      run(['cost', 'model/mini.yaml', '--pricing', 'live', '--cache-ttl', '0']),
    ]);
    expect(server.requests).toHaveLength(2 * queries * 5); // two runs, default 5 attempts per query
    for (const result of [json, text]) {
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(`live pricing failed: every Price List lookup at ${server.url} failed`);
      expect(result.stderr).not.toMatch(STACK_TRACE);
    }
    const report = JSON.parse(json.stdout) as { pricing: { mode: string; requested: string; fallbackReason?: string }; lines: { source?: string }[] };
    expect(report.pricing).toMatchObject({ mode: 'snapshot', requested: 'live' });
    expect(report.pricing.fallbackReason).toContain(`every Price List lookup at ${server.url} failed: BadResponse: the answer (HTTP 500) is not valid JSON`);
    expect(report.lines.some((l) => /Price List API GetProducts/.test(l.source ?? ''))).toBe(false); // nothing claims to be live
    expect(text.stdout).toContain('these are snapshot prices, not live ones');
    expect(text.stdout).toContain(server.url);
  }, 90_000);

  it('pricing refresh: exit 2 naming the endpoint and the failure, snapshot byte-identical, no temp file', async () => {
    failEverything();
    const snapshot = path.join(root, 'model/pricing/ap-northeast-2.json');
    const before = await readFile(snapshot);
    const result = await run(['pricing', 'refresh', '--region', 'ap-northeast-2', 'model/mini.yaml']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/error cost\/live-unavailable: every Price List lookup at http:\/\/127\.0\.0\.1:\d+ failed/);
    expect(result.stderr).toContain('the existing snapshot is unchanged');
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(await readFile(snapshot)).toEqual(before);
    expect((await readdir(path.dirname(snapshot))).sort()).toEqual(['ap-northeast-2.json']);
  }, 90_000);
});
