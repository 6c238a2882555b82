/** How port ranges are compared and written. */
import type { Protocol } from '../model/types.js';
import { WELL_KNOWN_PORTS } from './catalog.js';
import type { PortRange } from './types.js';

export const ALL_PORTS = { fromPort: 0, toPort: 65535 } as const;

/** True when `range` allows TCP traffic to `port` (protocol `all` allows everything). */
export const coversPort = (range: PortRange, port: number, protocol: Protocol = 'tcp'): boolean =>
  (range.protocol === 'all' || range.protocol === protocol) && range.fromPort <= port && port <= range.toPort;

/** True when the two ranges share at least one protocol and port. */
export function overlaps(a: PortRange, b: PortRange): boolean {
  const protocolMatch = a.protocol === 'all' || b.protocol === 'all' || a.protocol === b.protocol;
  return protocolMatch && a.fromPort <= b.toPort && b.fromPort <= a.toPort;
}

export const isAllTraffic = (range: PortRange): boolean => range.protocol === 'all' || (range.fromPort === 0 && range.toPort === 65535 && range.protocol !== 'icmp');

/** `443`, `1024-65535`, `All traffic` (the seed's words). */
export function portsText(range: PortRange): string {
  if (range.protocol === 'all') return 'All traffic';
  if (range.protocol === 'icmp') return 'ICMP';
  return range.fromPort === range.toPort ? String(range.fromPort) : `${range.fromPort}-${range.toPort}`;
}

/** `tcp/443`, `udp/53`, `tcp/1024-65535`, `all`. */
export function permissionLabel(range: PortRange): string {
  if (range.protocol === 'all') return 'all';
  if (range.protocol === 'icmp') return 'icmp';
  return `${range.protocol}/${portsText(range)}`;
}

/** `:443`, `:80,443`, `:all`: the port suffix of a reachability hop. */
export function hopLabel(ranges: readonly PortRange[]): string {
  if (ranges.some((r) => r.protocol === 'all')) return ':all';
  return `:${ranges.map((r) => (r.protocol === 'tcp' ? portsText(r) : permissionLabel(r))).join(',')}`;
}

/** Service name of a single well-known port (`HTTPS`), if any. */
export const serviceName = (range: PortRange): string | undefined =>
  range.protocol !== 'all' && range.protocol !== 'icmp' && range.fromPort === range.toPort ? WELL_KNOWN_PORTS[range.fromPort] : undefined;

/** Port count of a range (icmp and all count as the whole space). */
export const rangeWidth = (range: PortRange): number => (range.protocol === 'all' || range.protocol === 'icmp' ? 65536 : range.toPort - range.fromPort + 1);
