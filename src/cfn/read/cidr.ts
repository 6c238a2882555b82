/** `Fn::Cidr` over literals: the address blocks CloudFormation would compute. */
import ipaddr from 'ipaddr.js';

/**
 * `count` consecutive blocks with `cidrBits` host bits each, from the start of `ipBlock`
 * (`10.0.0.0/16`, 3, 8 → `10.0.0.0/24`, `10.0.1.0/24`, `10.0.2.0/24`), or the reason it cannot be.
 */
export function cidrBlocks(ipBlock: string, count: number, cidrBits: number): { blocks: string[] } | { reason: string } {
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  let prefix: number;
  try {
    [address, prefix] = ipaddr.parseCIDR(ipBlock);
  } catch {
    return { reason: `${JSON.stringify(ipBlock)} is not an address block` };
  }
  const width = address.kind() === 'ipv4' ? 32 : 128;
  const newPrefix = width - cidrBits;
  if (!Number.isInteger(count) || count < 1 || count > 256) return { reason: `the count ${count} is not between 1 and 256` };
  if (!Number.isInteger(cidrBits) || newPrefix < prefix || cidrBits < 1) return { reason: `${cidrBits} host bits do not fit in ${ipBlock}` };
  if (BigInt(count) > 1n << BigInt(newPrefix - prefix)) return { reason: `${count} blocks of /${newPrefix} do not fit in ${ipBlock}` };
  const bytes = address.toByteArray();
  let start = bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
  start &= ((1n << BigInt(width)) - 1n) ^ ((1n << BigInt(width - prefix)) - 1n);
  const blocks: string[] = [];
  for (let i = 0n; i < BigInt(count); i++) {
    let value = start + (i << BigInt(cidrBits));
    const out = new Array<number>(width / 8);
    for (let b = out.length - 1; b >= 0; b--) {
      out[b] = Number(value & 0xffn);
      value >>= 8n;
    }
    blocks.push(`${ipaddr.fromByteArray(out).toString()}/${newPrefix}`);
  }
  return { blocks };
}
