/**
 * Readable, stable model ids for imported resources: derived from the CDK construct path, the
 * `Name` tag, the resource's own name or its logical id (in that order), kebab-cased and made
 * unique deterministically (`-2`, `-3`, … in template order).
 */
import type { Origin } from '../cfn/observe/types.js';

const MAX_ID = 63;

/** `PointsApiLogs` → `points-api-logs`, `/ecs/orders-api` → `ecs-orders-api`; `''` when nothing is left. */
export function kebabId(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, MAX_ID)
    .replace(/-+$/, '');
}

/** `PointsApiLogs` → `Points Api Logs`: a display name from an identifier. */
export function humanize(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_/]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A CDK logical id ends in an 8-character hash of its construct path. */
export function stripCdkHash(logicalId: string): string {
  const stripped = logicalId.replace(/[0-9A-F]{8}$/, '');
  return stripped.length >= 3 ? stripped : logicalId;
}

/** Construct-path segments that name the L1 resource inside an L2 construct, not the thing itself. */
const WRAPPERS = new Set(['Resource', 'Default', 'Subnet']);
/** Segments too generic to be an id alone: the parent's name comes first (`PointsDb/Secret` → `points-db-secret`). */
const GENERIC = new Set(['Secret', 'Subnets', 'Service', 'Writer', 'Reader', 'Instance', 'Zone', 'HostedZone', 'Cluster', 'TaskDefinition', 'SecurityGroup', 'Logs', 'LogGroup', 'Topic', 'Table', 'Function', 'Api', 'Repository']);

/** The meaningful name in a construct path: `Stack/Network/AlbSg/Resource` → `AlbSg`, `Stack/Data/PointsDb/Secret/Resource` → `PointsDbSecret`. */
export function nameFromCdkPath(cdkPath: string): string | undefined {
  const segments = cdkPath.split('/').slice(1).filter((s) => !WRAPPERS.has(s));
  const last = segments.at(-1);
  if (!last) return undefined;
  if (last === 'Service' && segments.length >= 2) return segments.at(-2);
  if (!GENERIC.has(last)) return last;
  // `Stack/Data/PointsDb/Secret` → `PointsDbSecret`; a bare `Stack/Edge/Zone` says nothing: other names decide.
  return segments.length >= 3 ? `${segments.at(-2)}${last}` : undefined;
}

/** Name tags written by the CDK are construct paths (`Stack/Network/PublicA`): keep the last segment. */
function nameTag(origin: Origin): string | undefined {
  const tag = origin.tags.Name ?? origin.tags.name;
  if (!tag) return undefined;
  return tag.includes('/') ? tag.split('/').filter(Boolean).at(-1) : tag;
}

/**
 * Candidate names of a resource, best first: construct path, `Name` tag, the resource's own
 * name (`GroupName`, `LogGroupName`, …), then the logical id without its CDK hash.
 */
export function nameCandidates(origin: Origin, ownName?: string): string[] {
  const fromPath = origin.cdkPath ? nameFromCdkPath(origin.cdkPath) : undefined;
  return [fromPath, nameTag(origin), ownName, stripCdkHash(origin.logicalId), origin.logicalId].filter((s): s is string => Boolean(s));
}

/** Display name of a resource: its `Name` tag or own name as written, else a humanized construct or logical name. */
export function displayName(origin: Origin, ownName?: string): string {
  const tag = nameTag(origin);
  if (tag) return tag;
  if (ownName) return ownName;
  const fromPath = origin.cdkPath ? nameFromCdkPath(origin.cdkPath) : undefined;
  return humanize(fromPath ?? stripCdkHash(origin.logicalId));
}

/** Hands out unique ids within one namespace, first come first served. */
export class IdAllocator {
  private readonly used = new Set<string>();

  /** Reserves an id exactly (e.g. `users`); returns false when it is taken. */
  reserve(id: string): boolean {
    if (this.used.has(id)) return false;
    this.used.add(id);
    return true;
  }

  has(id: string): boolean {
    return this.used.has(id);
  }

  /** The first candidate that kebab-cases to a free id, else the first usable one with a numeric suffix. */
  allocate(candidates: readonly string[], fallback: string): string {
    const ids = [...candidates.map(kebabId), kebabId(fallback) || 'resource'].filter(Boolean);
    for (const id of ids) if (this.reserve(id)) return id;
    const base = ids[0]!.slice(0, MAX_ID - 4);
    for (let n = 2; ; n++) if (this.reserve(`${base}-${n}`)) return `${base}-${n}`;
  }
}
