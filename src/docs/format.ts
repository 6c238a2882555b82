/** Number formatting for documents: locale-independent digits so outputs are byte-stable. */

/** Integer or decimal with thousands separators: `10000000` → `10,000,000`, `0.5` → `0.5`. */
export function formatNumber(value: number, maxFractionDigits = 2): string {
  // An integer prints the same with or without its zero decimals (`toFixed` would add and strip them).
  const fixed = Number.isSafeInteger(value)
    ? String(value)
    : value.toFixed(maxFractionDigits).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  const [whole = '0', fraction] = fixed.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** USD with two decimals: `1234.5` → `$1,234.50`. */
export function formatUsd(value: number): string {
  const sign = value < 0 ? '-' : '';
  const [whole = '0', cents = '00'] = Math.abs(value).toFixed(2).split('.');
  return `${sign}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** Whole USD for rough ranges: `195` → `$195`. */
export function formatUsdWhole(value: number): string {
  return `$${formatNumber(Math.round(value), 0)}`;
}

/** ECS CPU units as vCPU: `512` → `0.5 vCPU`. */
export function formatVcpu(units: number): string {
  return `${formatNumber(units / 1024, 2)} vCPU`;
}

/** MiB as GB the way AWS consoles show task memory: `1024` → `1 GB`, `512` → `0.5 GB`. */
export function formatMemory(mib: number): string {
  return `${formatNumber(mib / 1024, 2)} GB`;
}

/** A unit price without exponent notation: `4e-7` → `$0.0000004`, `0.0225` → `$0.0225`. */
export function formatUnitPrice(value: number): string {
  const fixed = value.toFixed(10).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return `$${fixed}`;
}
