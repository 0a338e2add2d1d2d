import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent } from 'undici';

/**
 * Addresses a webhook is never delivered to by name: this machine, link-local (cloud metadata
 * services live there), unspecified, multicast, and the private and shared ranges where the
 * platform's own services run. An allowed host name that resolves to one of them (its DNS changed,
 * or was made to) is refused at connection time, so what was checked is what is called.
 */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  INTERNAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  INTERNAL.addSubnet(network, prefix, 'ipv6');

/** Whether `address` (an IP literal) is internal; an IPv4-mapped IPv6 address counts as its IPv4. */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return INTERNAL.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return INTERNAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The error code of a connection refused for its address. */
export const INTERNAL_ADDRESS = 'EJOLINTERNALADDRESS';

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A DNS lookup for the webhook connections: resolves as usual, then refuses the connection when an
 * address is internal, unless that very address is on the allow-list (a deployment that delivers
 * to 10.1.2.3 lists "10.1.2.3").
 */
export function webhookLookup(allowedHosts: readonly string[]) {
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find(
        (entry) => isInternalAddress(entry.address) && !allowed.has(entry.address.toLowerCase()),
      );
      if (refused) {
        const denied: NodeJS.ErrnoException = new Error(
          `${hostname} resolves to an address webhooks are not delivered to`,
        );
        denied.code = INTERNAL_ADDRESS;
        return callback(denied, []);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (!first)
        return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/** The HTTP agent webhook deliveries go through: every connection's addresses are checked. */
export function createWebhookAgent(allowedHosts: readonly string[]): Agent {
  return new Agent({ connect: { lookup: webhookLookup(allowedHosts) } });
}
