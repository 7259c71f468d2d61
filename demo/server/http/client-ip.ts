import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import ipaddr from 'ipaddr.js';
import { list, type Config } from '../config.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Whom the collector believes about forwarding headers (TRUSTED_PROXIES, TRUST_PROXY_HOPS). */
export interface ProxyTrust {
  /** True when `address` is one of the configured proxies. */
  isTrusted(address: string): boolean;
  /** Most X-Forwarded-For entries to walk back through; Infinity: as long as each hop is trusted. */
  readonly hops: number;
}

/**
 * Parses an address the way it is compared: IPv4-mapped IPv6 (`::ffff:10.0.0.1`, what a dual-stack
 * socket reports for an IPv4 peer) becomes plain IPv4, so `10.0.0.0/8` matches it.
 * Undefined for anything that is not an IP address.
 */
export function parseAddress(text: string): Address | undefined {
  try {
    return ipaddr.process(text.trim());
  } catch {
    return undefined;
  }
}

/** `10.0.0.0/8`, `fd00::/8` or a single address (`10.1.2.3`: a /32) → [address, prefix]; undefined when invalid. */
export function parseRange(text: string): [Address, number] | undefined {
  const value = text.trim();
  try {
    if (value.includes('/')) {
      const [address, bits] = ipaddr.parseCIDR(value);
      // A v4-mapped range (`::ffff:10.0.0.0/104`) is compared as the IPv4 range it stands for.
      if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
      return [address, bits];
    }
    const address = ipaddr.process(value);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch {
    return undefined;
  }
}

/** True when `address` lies in one of `ranges` (an IPv4 address never matches an IPv6 range). */
export function inRanges(address: Address, ranges: ReadonlyArray<[Address, number]>): boolean {
  return ranges.some(([base, bits]) => base.kind() === address.kind() && address.match(base, bits));
}

/**
 * The proxy trust of a configuration. Without TRUSTED_PROXIES nobody is believed, whatever
 * TRUST_PROXY_HOPS says: a client that reaches an instance directly must not choose its own
 * address (and with it, its rate-limit bucket) by sending X-Forwarded-For.
 */
export function proxyTrust(config: Pick<Config, 'TRUSTED_PROXIES' | 'TRUST_PROXY_HOPS'>): ProxyTrust {
  const ranges = list(config.TRUSTED_PROXIES).flatMap((entry) => {
    const range = parseRange(entry);
    return range ? [range] : [];
  });
  const hops = ranges.length === 0 ? 0 : (config.TRUST_PROXY_HOPS ?? Infinity);
  return {
    hops,
    isTrusted(address) {
      const parsed = parseAddress(address);
      return parsed !== undefined && inRanges(parsed, ranges);
    },
  };
}

/** The socket peer's address (the nearest hop). */
export function socketAddress(c: Context): string {
  return getConnInfo(c).remote.address ?? 'unknown';
}

/**
 * The client's IP address. Starting from the socket peer, X-Forwarded-For is walked from the
 * right only while the current hop is a trusted proxy (and at most `hops` entries): each proxy
 * appends the address it saw, so the first untrusted address is the client. Entries further left
 * were written by the client itself and could be anything.
 */
export function clientIp(c: Context, trust: ProxyTrust): string {
  let client = socketAddress(c);
  if (trust.hops === 0 || !trust.isTrusted(client)) return client;
  const chain = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (let walked = 0; walked < trust.hops && chain.length > 0 && trust.isTrusted(client); walked++) {
    const next = chain.pop()!;
    // Garbage instead of an address: stop at the last hop we could read.
    if (parseAddress(next) === undefined) break;
    client = next;
  }
  return client;
}

/**
 * Whether the client reached us over https: a TLS socket, or a trusted proxy that says so in
 * X-Forwarded-Proto. A client talking to an instance directly cannot claim https.
 */
export function isHttpsRequest(c: Context, trust: ProxyTrust): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (trust.hops === 0 || !trust.isTrusted(socketAddress(c))) return false;
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
