/**
 * @module enterprise/notices/webhook-target
 * An enterprise's webhook URL is hostile input: it could point the server at the cloud's metadata
 * service (169.254.169.254, Alibaba's 100.100.100.200) or at the zone's own intranet. So: HTTPS,
 * plain HTTP only to a host the operator allow-listed; no credentials in the URL; and every
 * address the name resolves to is checked when connecting (not only when saving — a name can
 * be re-pointed), link-local and metadata always refused, private and loopback unless allow-listed.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

export const MAX_WEBHOOK_URL_CHARS = 500;

/** Never reachable, whatever the allow list says: link-local (cloud metadata), unspecified, multicast, broadcast. */
const NEVER = new BlockList();
NEVER.addSubnet('0.0.0.0', 8, 'ipv4');
NEVER.addSubnet('169.254.0.0', 16, 'ipv4');
NEVER.addAddress('100.100.100.200', 'ipv4');
NEVER.addSubnet('224.0.0.0', 3, 'ipv4');
NEVER.addSubnet('::', 128, 'ipv6');
NEVER.addSubnet('fe80::', 10, 'ipv6');
NEVER.addSubnet('ff00::', 8, 'ipv6');
NEVER.addAddress('fd00:ec2::254', 'ipv6');

/** The zone's own networks and this machine: only for allow-listed hosts. */
const PRIVATE = new BlockList();
PRIVATE.addSubnet('127.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE.addSubnet('100.64.0.0', 10, 'ipv4');
PRIVATE.addSubnet('198.18.0.0', 15, 'ipv4');
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');

/** Why `address` may not be reached (in Chinese), or undefined when it may. */
export function refusedAddress(address: string, allowListed: boolean): string | undefined {
  // An IPv4 address written as IPv6 (::ffff:169.254.169.254) is the IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (NEVER.check(ip, type)) return `地址 ${address} 是链路本地、云元数据或保留地址，不允许`;
  if (!allowListed && PRIVATE.check(ip, type)) return `地址 ${address} 是内网或本机地址，不允许（管理员可在 XIAOXIN_NOTICE_WEBHOOK_HOSTS 中放行）`;
  return undefined;
}

const bareHost = (hostname: string) => hostname.replace(/^\[|\]$/g, '').toLowerCase();

/** Checks a webhook URL as typed: the reason it is refused (Chinese), or undefined. Addresses of names are checked again on each connection. */
export function webhookUrlProblem(raw: string, allowHosts: readonly string[]): string | undefined {
  if (raw.length > MAX_WEBHOOK_URL_CHARS) return `不能超过 ${MAX_WEBHOOK_URL_CHARS} 个字符`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '不是有效的网址（应以 https:// 开头）';
  }
  const host = bareHost(url.hostname);
  const allowListed = allowHosts.includes(host);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return '只能是 https:// 网址';
  if (url.protocol === 'http:' && !allowListed) return '只能是 https:// 网址（http:// 仅限管理员放行的主机）';
  if (url.username || url.password) return '网址中不能带用户名或密码';
  if (!host) return '缺少主机名';
  if (isIP(host)) return refusedAddress(host, allowListed);
  if (host === 'localhost' || host.endsWith('.localhost')) return allowListed ? undefined : '不能指向本机';
  return undefined;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that refuses a name resolving to a refused address, so a name
 * cannot be re-pointed at the metadata service after it was saved (DNS rebinding).
 */
export function guardedLookup(allowHosts: readonly string[]) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const allowListed = allowHosts.includes(bareHost(hostname));
      for (const { address } of addresses) {
        const refused = refusedAddress(address, allowListed);
        if (refused) return callback(Object.assign(new Error(`${hostname}：${refused}`), { code: 'EREFUSEDADDRESS' }), []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname}：无法解析`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
