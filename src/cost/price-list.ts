/**
 * Reading Price List items (`GetProducts` → `PriceList` JSON strings): pick the item whose usage
 * type matches the spec, never "the first item", and turn its on-demand (and reserved) terms
 * into a {@link PriceEntry}.
 */
import type { PriceSpec } from './catalog.js';
import { stripRegionPrefix, type RegionInfo } from './regions.js';
import type { PriceEntry, PriceTier, ReservedTerm } from './types.js';

/** The parts of a Price List item the estimator reads. */
interface PriceItem {
  readonly product: { readonly sku: string; readonly productFamily?: string; readonly attributes: Record<string, string> };
  readonly terms: { readonly OnDemand?: Record<string, Term>; readonly Reserved?: Record<string, Term> };
  readonly publicationDate?: string;
}
interface Term {
  readonly effectiveDate?: string;
  readonly termAttributes?: Record<string, string>;
  readonly priceDimensions: Record<string, { unit: string; description?: string; beginRange?: string; endRange?: string; pricePerUnit: { USD?: string } }>;
}

export interface ParsedItems {
  readonly items: readonly PriceItem[];
  /** Entries that were not JSON or lacked product/terms: counted and skipped, never priced. */
  readonly malformed: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Parses `PriceList` strings, skipping malformed ones. */
export function parsePriceList(raw: readonly unknown[]): ParsedItems {
  const items: PriceItem[] = [];
  let malformed = 0;
  for (const entry of raw) {
    try {
      let item: unknown = typeof entry === 'string' ? JSON.parse(entry) : entry;
      if (typeof item === 'string') item = JSON.parse(item);
      if (!isObject(item) || !isObject(item.product) || typeof item.product.sku !== 'string' || !isObject(item.product.attributes) || !isObject(item.terms)) {
        malformed++;
        continue;
      }
      items.push(item as unknown as PriceItem);
    } catch {
      malformed++;
    }
  }
  return { items, malformed };
}

const usd = (value: string | undefined): number | undefined => {
  const n = value === undefined ? NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

function onDemand(item: PriceItem): { term: Term; tiers: PriceTier[]; unit: string; description: string } | undefined {
  const term = Object.values(item.terms.OnDemand ?? {})[0];
  if (!term || !isObject(term.priceDimensions)) return undefined;
  const dims = Object.values(term.priceDimensions);
  const tiers: PriceTier[] = [];
  for (const d of dims) {
    const price = usd(d.pricePerUnit?.USD);
    if (price === undefined) return undefined;
    const from = Number(d.beginRange ?? 0);
    const to = d.endRange === undefined || d.endRange === 'Inf' ? undefined : Number(d.endRange);
    tiers.push({ from: Number.isFinite(from) ? from : 0, ...(to !== undefined && Number.isFinite(to) ? { to } : {}), price });
  }
  if (!tiers.length) return undefined;
  tiers.sort((a, b) => a.from - b.from);
  return { term, tiers, unit: dims[0]!.unit, description: dims[0]!.description ?? '' };
}

function reservedTerms(item: PriceItem): ReservedTerm[] {
  const out: ReservedTerm[] = [];
  for (const term of Object.values(item.terms.Reserved ?? {})) {
    const attrs = term.termAttributes ?? {};
    const length = attrs.LeaseContractLength;
    const option = attrs.PurchaseOption;
    if ((length !== '1yr' && length !== '3yr') || !option || !['No Upfront', 'Partial Upfront', 'All Upfront'].includes(option)) continue;
    let hourly = 0;
    let upfront = 0;
    for (const d of Object.values(term.priceDimensions ?? {})) {
      const price = usd(d.pricePerUnit?.USD) ?? 0;
      if (d.unit === 'Quantity') upfront += price;
      else hourly += price;
    }
    out.push({ term: length, purchaseOption: option as ReservedTerm['purchaseOption'], offeringClass: attrs.OfferingClass === 'convertible' ? 'convertible' : 'standard', hourly, upfront });
  }
  return out.sort((a, b) => a.term.localeCompare(b.term) || a.purchaseOption.localeCompare(b.purchaseOption) || a.offeringClass.localeCompare(b.offeringClass));
}

/**
 * The price of `spec` among `items`: the item whose usage type (region prefix removed) equals the
 * spec's, with a parsable on-demand term. Several candidates (a $0 "reserved applied" twin, for
 * instance) resolve to the one with a non-zero price; undefined when none matches.
 */
export function selectPrice(items: readonly PriceItem[], spec: PriceSpec, region: RegionInfo, source: string): PriceEntry | undefined {
  const candidates = items
    .filter((item) => stripRegionPrefix(item.product.attributes.usagetype ?? '', region) === spec.usageType)
    .map((item) => ({ item, od: onDemand(item) }))
    .filter((c): c is { item: PriceItem; od: NonNullable<ReturnType<typeof onDemand>> } => c.od !== undefined)
    .sort((a, b) => Number(b.od.tiers.some((t) => t.price > 0)) - Number(a.od.tiers.some((t) => t.price > 0)) || a.item.product.sku.localeCompare(b.item.product.sku));
  const chosen = candidates[0];
  if (!chosen) return undefined;
  const { item, od } = chosen;
  const paid = od.tiers.find((t) => t.price > 0) ?? od.tiers[0]!;
  const reserved = reservedTerms(item);
  return {
    sku: item.product.sku,
    usageType: item.product.attributes.usagetype!,
    description: od.description || spec.description,
    unit: od.unit,
    price: paid.price,
    ...(spec.tiered || od.tiers.length > 1 ? { tiers: od.tiers } : {}),
    ...(reserved.length ? { reserved } : {}),
    effectiveDate: (od.term.effectiveDate ?? item.publicationDate ?? '').slice(0, 10),
    source,
  };
}
