/**
 * A stand-in AWS Price List Query API on 127.0.0.1 for tests and the benchmark: the AWS JSON 1.1
 * protocol (`X-Amz-Target: AWSPriceListService.GetProducts`), TERM_MATCH filters, `NextToken`
 * pagination, and injectable faults (throttling, server errors, malformed items, slowness).
 * The real SDK talks to it through `AWS_ENDPOINT_URL_PRICING`; nothing in archgen knows it exists.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { priceSpec } from './catalog.js';
import type { RegionInfo } from './regions.js';
import type { PriceSnapshot, ReservedTerm } from './types.js';

/** One product the server sells: a Price List item as an object, or a raw (possibly malformed) string. */
export type StandInItem = { readonly serviceCode: string; readonly item: Record<string, unknown> | string };

export interface StandInRequest {
  readonly target: string;
  readonly serviceCode?: string;
  readonly filters: readonly { Field: string; Value: string }[];
  readonly nextToken?: string;
  /** SigV4 credential scope `<region>/<service>` the SDK signed with. */
  readonly scope?: string;
}

export interface Fault {
  /** HTTP status and `__type` of the error to answer with. */
  readonly status: number;
  readonly type: string;
  readonly message?: string;
  /** A raw body instead of the JSON error: an HTML error page, garbage, JSON cut short. */
  readonly body?: string;
  /** Drop the connection instead of answering (after `body`'s first bytes, if any). */
  readonly reset?: boolean;
}

export interface StandInServer {
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: StandInRequest[];
  /** Faults answered, one per request, before normal answers resume. */
  readonly faults: Fault[];
  /** Milliseconds to wait before answering (time-out tests). */
  delayMs: number;
  pageSize: number;
  /** Requests carrying a NextToken to answer with ExpiredNextTokenException (token expiry tests). */
  expireTokens: number;
  /** Most requests ever handled at the same time (bounded-concurrency checks). */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

const sku = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16).toUpperCase();

/** A Price List item with an on-demand term (tiers allowed) and optional reserved terms. */
export function priceItem(options: {
  serviceCode: string;
  productFamily: string;
  attributes: Record<string, string>;
  tiers: readonly { from: number; to?: number; price: number }[];
  unit: string;
  description?: string;
  effectiveDate?: string;
  reserved?: readonly ReservedTerm[];
  sku?: string;
}): Record<string, unknown> {
  const id = options.sku ?? sku(JSON.stringify([options.serviceCode, options.productFamily, options.attributes]));
  const dims: Record<string, unknown> = {};
  options.tiers.forEach((t, i) => {
    dims[`${id}.JRTCKXETXF.${i}`] = {
      unit: options.unit, description: options.description ?? `${options.attributes.usagetype} tier ${i}`,
      beginRange: String(t.from), endRange: t.to === undefined ? 'Inf' : String(t.to), pricePerUnit: { USD: t.price.toFixed(10) },
    };
  });
  const reserved: Record<string, unknown> = {};
  for (const [i, r] of (options.reserved ?? []).entries()) {
    const rdims: Record<string, unknown> = { [`${id}.R${i}.hr`]: { unit: 'Hrs', pricePerUnit: { USD: String(r.hourly) } } };
    if (r.upfront) rdims[`${id}.R${i}.up`] = { unit: 'Quantity', pricePerUnit: { USD: String(r.upfront) } };
    reserved[`${id}.R${i}`] = { effectiveDate: options.effectiveDate ?? '2026-10-01T00:00:00Z', termAttributes: { LeaseContractLength: r.term, PurchaseOption: r.purchaseOption, OfferingClass: r.offeringClass }, priceDimensions: rdims };
  }
  return {
    product: { sku: id, productFamily: options.productFamily, attributes: { servicecode: options.serviceCode, ...options.attributes } },
    serviceCode: options.serviceCode,
    terms: {
      OnDemand: { [`${id}.JRTCKXETXF`]: { effectiveDate: options.effectiveDate ?? '2026-10-01T00:00:00Z', priceDimensions: dims, sku: id } },
      ...(options.reserved?.length ? { Reserved: reserved } : {}),
    },
    version: '20261001000000',
    publicationDate: options.effectiveDate ?? '2026-10-01T00:00:00Z',
  };
}

/**
 * Products for every price of `snapshot`, as the Price List would hold them for `region` (usage
 * types with the region prefix), plus a decoy next to each (same attributes, another usage type
 * and price) so that "the first item" is never the right answer by luck.
 */
export function catalogFromSnapshot(snapshot: PriceSnapshot, region: RegionInfo): StandInItem[] {
  const items: StandInItem[] = [];
  for (const [key, entry] of Object.entries(snapshot.prices).sort(([a], [b]) => a.localeCompare(b))) {
    const spec = priceSpec(key, region);
    if (!spec) continue;
    const attributes = Object.fromEntries(spec.query.filters.filter(([field]) => field !== 'productFamily'));
    const productFamily = spec.query.filters.find(([field]) => field === 'productFamily')?.[1] ?? 'Other';
    const prefix = region.code === 'us-east-1' ? '' : `${region.prefix}-`;
    const tiers = entry.tiers ?? [{ from: 0, price: entry.price }];
    const common = { serviceCode: spec.query.serviceCode, productFamily, unit: entry.unit, ...(entry.reserved ? { reserved: entry.reserved } : {}) };
    items.push({ serviceCode: spec.query.serviceCode, item: priceItem({ ...common, attributes: { ...attributes, usagetype: `${prefix}${spec.usageType}X-Decoy` }, tiers: [{ from: 0, price: entry.price * 7 + 1 }] }) });
    items.push({ serviceCode: spec.query.serviceCode, item: priceItem({ ...common, attributes: { ...attributes, usagetype: `${prefix}${spec.usageType}` }, tiers, description: entry.description }) });
  }
  return items;
}

function matches(item: StandInItem, serviceCode: string, filters: readonly { Field: string; Value: string }[]): boolean {
  if (item.serviceCode !== serviceCode) return false;
  if (typeof item.item === 'string') return filters.length === 0 || item.item.includes('"matchAll":true');
  const product = item.item.product as { productFamily?: string; attributes: Record<string, string> };
  const fields: Record<string, string | undefined> = { ...product.attributes, productFamily: product.productFamily };
  return filters.every((f) => (fields[f.Field] ?? '').toLowerCase() === f.Value.toLowerCase());
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, payload: unknown, errorType?: string): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': sku(text + Date.now()),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  res.end(text);
}

/** Starts the stand-in on 127.0.0.1 with `items` for sale; `url` goes into `AWS_ENDPOINT_URL_PRICING`. */
export async function startStandInServer(items: readonly StandInItem[], options: { pageSize?: number } = {}): Promise<StandInServer> {
  const requests: StandInRequest[] = [];
  const state = { faults: [] as Fault[], delayMs: 0, pageSize: options.pageSize ?? 100, inFlight: 0, maxInFlight: 0, expireTokens: 0 };
  const server: Server = createServer(async (req, res) => {
    state.maxInFlight = Math.max(state.maxInFlight, ++state.inFlight);
    res.on('close', () => state.inFlight--);
    const text = await body(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    let input: { ServiceCode?: string; Filters?: { Type?: string; Field: string; Value: string }[]; NextToken?: string; MaxResults?: number } = {};
    try {
      input = JSON.parse(text || '{}');
    } catch {
      send(res, 400, { __type: 'SerializationException', message: 'body is not JSON' }, 'SerializationException');
      return;
    }
    const scope = /Credential=[^/]+\/\d+\/([^/]+)\/([^/]+)\//.exec(String(req.headers.authorization ?? ''));
    requests.push({ target, ...(scope ? { scope: `${scope[1]}/${scope[2]}` } : {}), serviceCode: input.ServiceCode, filters: (input.Filters ?? []).map(({ Field, Value }) => ({ Field, Value })), nextToken: input.NextToken });
    if (state.delayMs) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    if (res.destroyed) return;
    const fault = state.faults.shift();
    if (fault?.reset) {
      if (fault.body) res.write(fault.body);
      res.socket?.destroy();
      return;
    }
    if (fault?.body !== undefined) {
      const contentType = fault.body.trimStart().startsWith('<') ? 'text/html' : 'application/x-amz-json-1.1';
      res.writeHead(fault.status, { 'content-type': contentType, 'content-length': Buffer.byteLength(fault.body) });
      res.end(fault.body);
      return;
    }
    if (fault) {
      send(res, fault.status, { __type: fault.type, message: fault.message ?? fault.type }, fault.type);
      return;
    }
    if (input.NextToken && state.expireTokens > 0) {
      state.expireTokens--;
      send(res, 400, { __type: 'ExpiredNextTokenException', message: 'The pagination token expired.' }, 'ExpiredNextTokenException');
      return;
    }
    if (target !== 'AWSPriceListService.GetProducts') {
      send(res, 400, { __type: 'UnknownOperationException', message: `unknown operation ${target}` }, 'UnknownOperationException');
      return;
    }
    if (!input.ServiceCode) {
      send(res, 400, { __type: 'InvalidParameterException', message: 'ServiceCode is required' }, 'InvalidParameterException');
      return;
    }
    if (input.Filters?.some((f) => f.Type !== 'TERM_MATCH')) {
      send(res, 400, { __type: 'InvalidParameterException', message: 'only TERM_MATCH is supported' }, 'InvalidParameterException');
      return;
    }
    const found = items.filter((item) => matches(item, input.ServiceCode!, input.Filters ?? []));
    const offset = input.NextToken ? Number(Buffer.from(input.NextToken, 'base64').toString('utf8').split(':')[1]) : 0;
    if (input.NextToken && !Number.isInteger(offset)) {
      send(res, 400, { __type: 'InvalidNextTokenException', message: 'bad token' }, 'InvalidNextTokenException');
      return;
    }
    const size = Math.min(input.MaxResults ?? 100, state.pageSize);
    const page = found.slice(offset, offset + size);
    const next = offset + size < found.length ? Buffer.from(`page:${offset + size}`).toString('base64') : undefined;
    send(res, 200, { FormatVersion: 'aws_v1', PriceList: page.map((p) => (typeof p.item === 'string' ? p.item : JSON.stringify(p.item))), ...(next ? { NextToken: next } : {}) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get faults() { return state.faults; },
    get delayMs() { return state.delayMs; },
    set delayMs(ms: number) { state.delayMs = ms; },
    get maxInFlight() { return state.maxInFlight; },
    get expireTokens() { return state.expireTokens; },
    set expireTokens(n: number) { state.expireTokens = n; },
    get pageSize() { return state.pageSize; },
    set pageSize(n: number) { state.pageSize = n; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
