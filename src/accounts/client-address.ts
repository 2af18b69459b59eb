/**
 * @module accounts/client-address
 * The key a client address is counted under for the lock-out. An IPv4 address counts as itself;
 * an IPv6 address by its /64, the smallest block a provider hands one customer, who could
 * otherwise take a fresh address for every guess. An IPv4-mapped IPv6 address is its IPv4.
 */
import ipaddr from 'ipaddr.js';

export function addressKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip.slice(0, 64);
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}
