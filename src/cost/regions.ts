/**
 * Regions the estimator knows: the Price List `location` name (the SDK has no region → location
 * map) and the usage-type prefix of the region's billing codes.
 */
import { didYouMean, UserError } from '../diagnostics/diagnostic.js';

export interface RegionInfo {
  readonly code: string;
  readonly location: string;
  /** Usage-type prefix, e.g. `APN2` (usage types read `APN2-NatGateway-Hours`); us-east-1 often has none, sometimes `USE1`. */
  readonly prefix: string;
}

const TABLE: readonly RegionInfo[] = [
  { code: 'us-east-1', location: 'US East (N. Virginia)', prefix: 'USE1' },
  { code: 'us-east-2', location: 'US East (Ohio)', prefix: 'USE2' },
  { code: 'us-west-1', location: 'US West (N. California)', prefix: 'USW1' },
  { code: 'us-west-2', location: 'US West (Oregon)', prefix: 'USW2' },
  { code: 'ap-northeast-1', location: 'Asia Pacific (Tokyo)', prefix: 'APN1' },
  { code: 'ap-northeast-2', location: 'Asia Pacific (Seoul)', prefix: 'APN2' },
  { code: 'ap-northeast-3', location: 'Asia Pacific (Osaka)', prefix: 'APN3' },
  { code: 'ap-southeast-1', location: 'Asia Pacific (Singapore)', prefix: 'APS1' },
  { code: 'ap-southeast-2', location: 'Asia Pacific (Sydney)', prefix: 'APS2' },
  { code: 'ap-south-1', location: 'Asia Pacific (Mumbai)', prefix: 'APS3' },
  { code: 'ca-central-1', location: 'Canada (Central)', prefix: 'CAN1' },
  { code: 'eu-central-1', location: 'EU (Frankfurt)', prefix: 'EUC1' },
  { code: 'eu-west-1', location: 'EU (Ireland)', prefix: 'EU' },
  { code: 'eu-west-2', location: 'EU (London)', prefix: 'EUW2' },
  { code: 'eu-west-3', location: 'EU (Paris)', prefix: 'EUW3' },
  { code: 'eu-north-1', location: 'EU (Stockholm)', prefix: 'EUN1' },
  { code: 'sa-east-1', location: 'South America (Sao Paulo)', prefix: 'SAE1' },
];

/** Region info, or undefined for a code the estimator does not know. */
export const tryRegion = (code: string): RegionInfo | undefined => TABLE.find((r) => r.code === code);

/** Region info, or a {@link UserError} with a "did you mean" hint. */
export function assertRegion(code: string): RegionInfo {
  const region = tryRegion(code);
  if (region) return region;
  const guess = didYouMean(code, TABLE.map((r) => r.code));
  throw new UserError(`unknown AWS region "${code}"`, [{
    file: '(command line)', line: 1, col: 1, rule: 'cost/unknown-region', severity: 'error',
    message: `unknown AWS region "${code}"`,
    hint: guess ? `did you mean "${guess}"? Known regions: ${TABLE.map((r) => r.code).join(', ')}` : `known regions: ${TABLE.map((r) => r.code).join(', ')}`,
  }]);
}

export const knownRegions = (): readonly string[] => TABLE.map((r) => r.code);

/**
 * The usage type without its region prefix: `APN2-NatGateway-Hours` → `NatGateway-Hours`.
 * Only the region's own prefix (and `USE1` in us-east-1) is stripped, so `DNS-Queries` stays whole.
 */
export function stripRegionPrefix(usageType: string, region: RegionInfo): string {
  for (const prefix of [region.prefix, region.code === 'us-east-1' ? 'USE1' : undefined]) {
    if (prefix && usageType.startsWith(`${prefix}-`)) return usageType.slice(prefix.length + 1);
  }
  return usageType;
}
