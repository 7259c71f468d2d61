import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { list, type Config } from '../../config.js';
import { inRanges, parseRange } from '../../http/client-ip.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Resolves a host name to every address it has (A and AAAA), like `dns.lookup(…, { all: true })`. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

/** Why a webhook target is refused; the message is written for the admin who configured the rule. */
export class WebhookTargetRefused extends Error {
  override name = 'WebhookTargetRefused';
  readonly code = 'ERR_WEBHOOK_TARGET_REFUSED';
}

/** What {@link WebhookTargetPolicy.check} found. `unresolved`: the name did not resolve now (checked again on every delivery). */
export type TargetCheck = { ok: true; unresolved?: boolean } | { ok: false; reason: string };

export interface WebhookTargetPolicy {
  /** Checks a webhook URL before it is saved: literal addresses, and the addresses its host name resolves to now. */
  check(url: string): Promise<TargetCheck>;
  /** The refusal for a URL whose host is a literal address, checked without DNS; undefined when allowed or not a literal. */
  refuseLiteral(url: URL): WebhookTargetRefused | undefined;
  /**
   * A `lookup` for `http.request`: resolves the host, refuses the connection unless every address
   * is allowed, and hands the socket exactly the addresses it checked — so a DNS answer that
   * changes between the check and the connection (rebinding) cannot slip through.
   */
  lookup: LookupFunction;
}

/** `Hooks.Internal.` → `hooks.internal`; `[::1]` → `::1`. */
const normalHost = (hostname: string): string => hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();

/**
 * Why `address` is not a public unicast address, or undefined when it is. ipaddr.js names the
 * range (private, loopback, linkLocal, uniqueLocal, carrierGradeNat, reserved, multicast…);
 * IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries, and the
 * deprecated IPv4-compatible form (`::127.0.0.1`) is never public.
 */
export function nonPublicRange(address: Address): string | undefined {
  let judged = address;
  if (judged.kind() === 'ipv6' && (judged as ipaddr.IPv6).isIPv4MappedAddress()) judged = (judged as ipaddr.IPv6).toIPv4Address();
  const range = judged.range();
  if (range !== 'unicast') return range;
  if (judged.kind() === 'ipv6' && (judged as ipaddr.IPv6).parts.slice(0, 6).every((part) => part === 0)) return 'IPv4-compatible';
  return undefined;
}

const parseIp = (text: string): Address | undefined => (ipaddr.isValid(text) ? ipaddr.parse(text) : undefined);

/**
 * The webhook target policy of a configuration: only public unicast addresses, unless
 * WEBHOOK_ALLOWED_HOSTS names the host (by name, address or CIDR range). Rule creation calls
 * {@link WebhookTargetPolicy.check}; every delivery connects through
 * {@link WebhookTargetPolicy.lookup}, so a host that resolved to a public address when the rule
 * was saved and to 169.254.169.254 now is refused at connect time.
 * @param resolve DNS resolution (tests pass their own to play a rebinding server) @default dns.lookup, all addresses
 */
export function webhookTargetPolicy(config: Pick<Config, 'WEBHOOK_ALLOWED_HOSTS'>, resolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true })): WebhookTargetPolicy {
  const entries = list(config.WEBHOOK_ALLOWED_HOSTS);
  const allowedNames = new Set(entries.filter((entry) => parseRange(entry) === undefined).map(normalHost));
  const allowedRanges = entries.flatMap((entry) => {
    const range = parseRange(entry);
    return range ? [range] : [];
  });
  const hint = 'allow an internal endpoint with WEBHOOK_ALLOWED_HOSTS';

  /** The refusal for one address of `host`, or undefined when it may be reached. */
  const judge = (host: string, address: Address): WebhookTargetRefused | undefined => {
    if (inRanges(address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address, allowedRanges)) return undefined;
    const range = nonPublicRange(address);
    if (range === undefined) return undefined;
    const what = parseIp(host) ? `${host} is a ${range} address` : `${host} resolves to a ${range} address`;
    return new WebhookTargetRefused(`webhook target refused: ${what}, not a public one (${hint})`);
  };

  /** Resolves `host` and judges every answer: one non-public address refuses the host. */
  const resolveChecked = async (host: string): Promise<LookupAddress[]> => {
    const literal = parseIp(host);
    const addresses = literal ? [{ address: host, family: literal.kind() === 'ipv4' ? 4 : 6 }] : await resolve(host);
    if (allowedNames.has(host)) return addresses;
    for (const { address } of addresses) {
      const parsed = parseIp(address);
      const refusal = parsed ? judge(host, parsed) : new WebhookTargetRefused(`webhook target refused: ${host} resolved to something that is not an address`);
      if (refusal) throw refusal;
    }
    return addresses;
  };

  return {
    async check(url) {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        return { ok: false, reason: 'must be an http(s) URL' };
      }
      const host = normalHost(target.hostname);
      try {
        await resolveChecked(host);
        return { ok: true };
      } catch (error) {
        if (error instanceof WebhookTargetRefused) return { ok: false, reason: error.message };
        // Not resolvable now (no DNS, a name not yet published): every delivery checks again.
        return { ok: true, unresolved: true };
      }
    },
    refuseLiteral(url) {
      const host = normalHost(url.hostname);
      const literal = parseIp(host);
      return literal && !allowedNames.has(host) ? judge(host, literal) : undefined;
    },
    lookup(hostname, options, callback) {
      resolveChecked(normalHost(hostname)).then(
        (addresses) => {
          const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0);
          const usable = family === 0 ? addresses : addresses.filter((a) => a.family === family);
          if (usable.length === 0) return callback(Object.assign(new Error(`no IPv${family} address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
          // Node 20 connects with autoSelectFamily, which asks for every address (`all: true`).
          if (options.all) callback(null, usable);
          else callback(null, usable[0]!.address, usable[0]!.family);
        },
        (error: NodeJS.ErrnoException) => callback(error, '', 0),
      );
    },
  };
}

const policies = new WeakMap<object, WebhookTargetPolicy>();

/** The policy of a collector's configuration, made once (every delivery and rule check uses it). */
export function webhookTargetPolicyOf(config: Pick<Config, 'WEBHOOK_ALLOWED_HOSTS'>): WebhookTargetPolicy {
  let policy = policies.get(config);
  if (!policy) policies.set(config, (policy = webhookTargetPolicy(config)));
  return policy;
}
