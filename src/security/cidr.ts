/** CIDR arithmetic for the analysis (IPv4, like the model's schema). */
import ipaddr from 'ipaddr.js';

export const WORLD = '0.0.0.0/0';

type Cidr = [ipaddr.IPv4, number];

// Models name a handful of distinct blocks but the analysis compares them many times over.
const parsed = new Map<string, Cidr | undefined>();
const containment = new Map<string, boolean>();

function parse(cidr: string): Cidr | undefined {
  if (parsed.has(cidr)) return parsed.get(cidr);
  let value: Cidr | undefined;
  try {
    const [address, bits] = ipaddr.IPv4.parseCIDR(cidr);
    value = [address, bits];
  } catch {
    value = undefined;
  }
  parsed.set(cidr, value);
  return value;
}

/** True when every address of `inner` is inside `outer`. */
export function cidrContains(outer: string, inner: string): boolean {
  const key = `${outer} ${inner}`;
  let known = containment.get(key);
  if (known === undefined) {
    const a = parse(outer);
    const b = parse(inner);
    known = Boolean(a && b && b[1] >= a[1] && b[0].match(a));
    containment.set(key, known);
  }
  return known;
}

export const isWorld = (cidr: string): boolean => parse(cidr)?.[1] === 0;

const PRIVATE_BLOCKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

/** True when the block lies entirely in private (RFC 1918 / shared) address space. */
export const isPrivateCidr = (cidr: string): boolean => PRIVATE_BLOCKS.some((block) => cidrContains(block, cidr));

/** True when the block holds Internet addresses: anything not entirely private. */
export const isPublicCidr = (cidr: string): boolean => Boolean(parse(cidr)) && !isPrivateCidr(cidr);

/** Number of addresses in the block. */
export const cidrSize = (cidr: string): number => 2 ** (32 - (parse(cidr)?.[1] ?? 32));
