/** CIDR arithmetic for the analysis (IPv4, like the model's schema). */
import ipaddr from 'ipaddr.js';

export const WORLD = '0.0.0.0/0';

/** A parsed block: its address as an unsigned 32-bit number and its prefix length. */
interface Cidr {
  readonly address: number;
  readonly bits: number;
}

// Models name a handful of distinct blocks but the analysis compares them many times over.
const parsed = new Map<string, Cidr | undefined>();

function parse(cidr: string): Cidr | undefined {
  if (parsed.has(cidr)) return parsed.get(cidr);
  let value: Cidr | undefined;
  try {
    const [address, bits] = ipaddr.IPv4.parseCIDR(cidr);
    const [a, b, c, d] = address.octets as [number, number, number, number];
    value = { address: ((a << 24) | (b << 16) | (c << 8) | d) >>> 0, bits };
  } catch {
    value = undefined;
  }
  parsed.set(cidr, value);
  return value;
}

/** True when every address of `inner` is inside `outer`. */
export function cidrContains(outer: string, inner: string): boolean {
  const a = parse(outer);
  const b = parse(inner);
  if (!a || !b || b.bits < a.bits) return false;
  // The first `a.bits` bits of both addresses agree (`>>> 32` would shift by nothing).
  return a.bits === 0 || ((a.address ^ b.address) >>> (32 - a.bits)) === 0;
}

export const isWorld = (cidr: string): boolean => parse(cidr)?.bits === 0;

const PRIVATE_BLOCKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

/** True when the block lies entirely in private (RFC 1918 / shared) address space. */
export const isPrivateCidr = (cidr: string): boolean => PRIVATE_BLOCKS.some((block) => cidrContains(block, cidr));

/** True when the block holds Internet addresses: anything not entirely private. */
export const isPublicCidr = (cidr: string): boolean => Boolean(parse(cidr)) && !isPrivateCidr(cidr);

/** Number of addresses in the block. */
export const cidrSize = (cidr: string): number => 2 ** (32 - (parse(cidr)?.bits ?? 32));
