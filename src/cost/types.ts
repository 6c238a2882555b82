/**
 * The cost estimator's public types. Other generators (docs, Mermaid pie, site, compare) consume
 * {@link CostEstimate}; keep these stable and additive.
 */

/** min / expected / max of one figure. */
export interface Scenarios {
  readonly min: number;
  readonly expected: number;
  readonly max: number;
}

export type ScenarioName = keyof Scenarios;
export const SCENARIOS: readonly ScenarioName[] = ['min', 'expected', 'max'];

/** One price tier of a tiered dimension (data transfer): `from`..`to` units at `price` each. */
export interface PriceTier {
  readonly from: number;
  /** Exclusive upper bound; omitted for the last, open-ended tier. */
  readonly to?: number;
  readonly price: number;
}

/** A reserved-instance term of a product, as the Price List publishes it. */
export interface ReservedTerm {
  readonly term: '1yr' | '3yr';
  readonly purchaseOption: 'No Upfront' | 'Partial Upfront' | 'All Upfront';
  readonly offeringClass: 'standard' | 'convertible';
  /** Recurring USD per hour. */
  readonly hourly: number;
  /** One-time USD payment. */
  readonly upfront: number;
}

/** One price of a snapshot: what a unit costs, and where that figure came from. */
export interface PriceEntry {
  /** Price List SKU; absent only for figures recorded by hand (then `source` says from where). */
  readonly sku?: string;
  /** Billing usage type, e.g. `APN2-Fargate-vCPU-Hours:perCPU`: what appears on the bill. */
  readonly usageType: string;
  readonly description: string;
  /** Unit of `price`, e.g. `Hrs`, `GB-Mo`, `Requests`, `GB`. */
  readonly unit: string;
  /** USD per unit (the first paid tier when `tiers` is present). */
  readonly price: number;
  readonly tiers?: readonly PriceTier[];
  readonly reserved?: readonly ReservedTerm[];
  /** Date the price became effective (ISO date). */
  readonly effectiveDate: string;
  /** Where the figure came from (Price List API query, or the public page and who recorded it). */
  readonly source: string;
}

/** A product the Price List has no offer for (e.g. an instance class an engine does not support). */
export interface NotOffered {
  readonly reason: string;
  readonly source: string;
  readonly checkedAt: string;
}

/** `model/pricing/<region>.json`: every price a model needs, keyed by {@link PriceKey}. */
export interface PriceSnapshot {
  readonly formatVersion: 1;
  readonly region: string;
  readonly location: string;
  readonly currency: 'USD';
  /** ISO date the snapshot was written. */
  readonly retrievedAt: string;
  /** `price-list-api`: written by `archgen pricing refresh`; `recorded`: assembled from public pages. */
  readonly origin: 'price-list-api' | 'recorded';
  readonly note?: string;
  readonly prices: Readonly<Record<string, PriceEntry>>;
  readonly notOffered: Readonly<Record<string, NotOffered>>;
}

/** Where the prices of an estimate came from; a fallback is never presented as live. */
export interface PricingSource {
  readonly mode: 'snapshot' | 'live';
  /** What the user asked for; differs from `mode` when live pricing failed. */
  readonly requested: 'snapshot' | 'live';
  readonly description: string;
  readonly fallbackReason?: string;
}

export type Layer = 'edge' | 'compute' | 'data' | 'network' | 'security' | 'operations' | 'delivery' | 'external';

/** One priced (or explicitly unpriced) dimension of one component. */
export interface LineItem {
  /** Stable id `<component>/<dimension>`, used by diffs. */
  readonly id: string;
  readonly component: string;
  readonly componentName: string;
  readonly componentType: string;
  readonly layer: Layer;
  readonly dimension: string;
  /** Price key in the snapshot, e.g. `fargate:vcpu-hours:x86`. */
  readonly priceKey?: string;
  readonly quantity: Scenarios;
  /** Unit of the quantity, e.g. `vCPU-hours`, `GB-month`, `requests`. */
  readonly unit: string;
  /** USD per quantity unit (before tiers). */
  readonly unitPrice?: number;
  readonly monthly: Scenarios;
  readonly sku?: string;
  readonly usageType?: string;
  readonly priceDate?: string;
  readonly source?: string;
  /** Set when the line is not priced: why, in words. Its `monthly` is then all zero and excluded from nothing silently. */
  readonly notPriced?: string;
  /** How the quantity was derived. */
  readonly formula: string;
}

export interface Subtotal {
  readonly id: string;
  readonly name: string;
  readonly monthly: Scenarios;
  /** Lines of this group that could not be priced. */
  readonly notPriced: number;
}

/** Reserved or Spot pricing of a line, compared with on-demand (expected scenario). */
export interface PurchaseOption {
  readonly lineId: string;
  readonly component: string;
  readonly option: 'reserved-1yr' | 'reserved-3yr' | 'spot' | 'on-demand';
  readonly label: string;
  readonly onDemandMonthly: number;
  /** Effective monthly cost, upfront amortized over the term; undefined when not priced. */
  readonly monthly?: number;
  readonly savings?: number;
  readonly notPriced?: string;
  readonly source?: string;
}

/** The seed's rough range for a group of components, next to the computed figures. */
export interface ReferenceComparison {
  readonly id: string;
  readonly label: string;
  readonly components: readonly string[];
  readonly range: { readonly min: number; readonly max: number };
  readonly computed: Scenarios;
  /** Where the computed expected figure falls. */
  readonly verdict: 'below' | 'within' | 'above';
}

export interface CostEstimate {
  readonly model: string;
  readonly environment: string;
  readonly region: string;
  readonly currency: 'USD';
  readonly hoursPerMonth: number;
  readonly pricing: PricingSource;
  readonly lines: readonly LineItem[];
  readonly components: readonly Subtotal[];
  readonly layers: readonly Subtotal[];
  readonly total: Scenarios;
  readonly purchaseOptions: readonly PurchaseOption[];
  readonly assumptions: readonly string[];
  readonly references: readonly ReferenceComparison[];
  /** Costs the seed's ranges do not cover, with their expected monthly figure. */
  readonly outsideReferences: readonly { readonly component: string; readonly name: string; readonly monthly: number }[];
  /** Classes with no product for the engine/region, also reported as validation warnings. */
  readonly warnings: readonly string[];
}

/** Options of {@link estimateCost}. */
export interface EstimateOptions {
  /** How the prices were obtained, for the report header. @default snapshot of the region */
  readonly pricing?: PricingSource;
}
