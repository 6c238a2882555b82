/**
 * Reserved (1- and 3-year) and Spot comparisons for the lines where they apply, on the
 * expected scenario. Upfront payments are amortized over the term.
 */
import type { ResolvedEnvironment } from '../model/types.js';
import type { Demand } from './dimensions.js';
import { costOf } from './snapshot.js';
import type { LineItem, PriceSnapshot, PurchaseOption, ReservedTerm } from './types.js';

const money = (n: number): number => Math.round(n * 100) / 100;
const TERM_HOURS = { '1yr': 8760, '3yr': 26280 } as const;

/** Effective hourly price of a reserved term: recurring fee plus upfront spread over the term. */
export const effectiveHourly = (term: ReservedTerm): number => term.hourly + term.upfront / TERM_HOURS[term.term];

function bestTerm(terms: readonly ReservedTerm[], length: '1yr' | '3yr'): ReservedTerm | undefined {
  return terms.filter((t) => t.term === length && t.offeringClass === 'standard').sort((a, b) => effectiveHourly(a) - effectiveHourly(b))[0];
}

function spotWanted(env: ResolvedEnvironment): boolean {
  return env.cost.optimizations.some((o) => o.kind === 'spot' && (o.environments.length === 0 || o.environments.includes(env.name)));
}

/** Comparisons for database instances (when the model lists reserved terms) and Fargate lines (Spot). */
export function purchaseOptionsOf(demands: readonly Demand[], lines: readonly LineItem[], prices: PriceSnapshot, env: ResolvedEnvironment): PurchaseOption[] {
  const options: PurchaseOption[] = [];
  demands.forEach((demand, i) => {
    const line = lines[i]!;
    if (line.notPriced) return;
    const hours = demand.quantity.expected;
    if (demand.reserved?.length) {
      const entry = prices.prices[line.priceKey!];
      for (const length of demand.reserved) {
        const base = { lineId: line.id, component: line.component, option: `reserved-${length}` as const, onDemandMonthly: line.monthly.expected };
        const term = entry?.reserved ? bestTerm(entry.reserved, length) : undefined;
        if (!term) {
          options.push({ ...base, label: `Reserved ${length}`, notPriced: `no ${length} standard reserved term for ${line.priceKey} in the ${prices.region} price data (refresh from the Price List API to get reserved terms)` });
          continue;
        }
        const monthly = money(effectiveHourly(term) * hours);
        options.push({ ...base, label: `Reserved ${length} ${term.purchaseOption}`, monthly, savings: money(line.monthly.expected - monthly), source: entry!.source });
      }
    }
    if (demand.spotCompare && (spotWanted(env) || demand.priceKey === demand.spotCompare.spotKey)) {
      const usesSpot = line.priceKey === demand.spotCompare.spotKey;
      const otherKey = usesSpot ? demand.spotCompare.onDemandKey : demand.spotCompare.spotKey!;
      const other = prices.prices[otherKey];
      const base = { lineId: line.id, component: line.component, option: usesSpot ? 'on-demand' as const : 'spot' as const, label: usesSpot ? 'On-demand (this line uses Spot)' : 'Fargate Spot' };
      if (!other) {
        options.push({ ...base, onDemandMonthly: line.monthly.expected, notPriced: `no price for ${otherKey} in the ${prices.region} price data (Fargate Spot prices vary; they are published on the Fargate pricing page)` });
        return;
      }
      const otherMonthly = money(costOf(other, hours));
      const onDemandMonthly = usesSpot ? otherMonthly : line.monthly.expected;
      const spotMonthly = usesSpot ? line.monthly.expected : otherMonthly;
      options.push({ ...base, onDemandMonthly, monthly: otherMonthly, savings: money(onDemandMonthly - spotMonthly), source: other.source });
    }
  });
  return options;
}
