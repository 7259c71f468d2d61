import type { Context } from 'hono';
import type { Config } from '../config.js';
import { clientIp, proxyTrust } from '../http/client-ip.js';
import { rateLimited, TokenBuckets } from '../http/rate-limit.js';

/**
 * The rate limits of the pulse page's routes without a login, `GET /v1/pulse/session` and
 * `POST /v1/ideas/pulse` (its answers go through `POST /v1/submissions` and that route's limits).
 * A pulse link is handed to a whole store's staff, printed as a QR code on a staff-room wall: a
 * copy that leaks must not let anyone flood the store's ideas, nor try keys as fast as the
 * collector answers.
 */
export interface PulseLimits {
  /** Takes a token for the request's client address (RATE_LIMIT_PER_MINUTE, RATE_LIMIT_BURST), or throws 429. */
  address(c: Context): void;
  /** Takes a token from the store's ideas bucket (PULSE_IDEAS_PER_HOUR), or throws 429. */
  idea(brandId: string, storeId: string): void;
}

/**
 * One set of buckets per route module (each calls this once), in this process's memory like the
 * ingest limits: with several instances the effective limit is up to N times the configured one.
 * The ideas bucket is per store, not per key, so rotating the link does not refill it; it holds
 * an hour's worth, so a staff meeting's ideas arrive at once.
 */
export function pulseLimits(config: Pick<Config, 'RATE_LIMIT_PER_MINUTE' | 'RATE_LIMIT_BURST' | 'PULSE_IDEAS_PER_HOUR' | 'TRUSTED_PROXIES' | 'TRUST_PROXY_HOPS'>, now: () => Date): PulseLimits {
  const trust = proxyTrust(config);
  const byAddress = config.RATE_LIMIT_PER_MINUTE > 0 ? new TokenBuckets(config.RATE_LIMIT_PER_MINUTE, config.RATE_LIMIT_BURST) : undefined;
  const byStore = config.PULSE_IDEAS_PER_HOUR > 0 ? new TokenBuckets(config.PULSE_IDEAS_PER_HOUR / 60, config.PULSE_IDEAS_PER_HOUR) : undefined;
  return {
    address(c) {
      const result = byAddress?.take(clientIp(c, trust), now().getTime());
      if (result && !result.ok) throw rateLimited('Too many requests from this address', result.retryAfterSeconds);
    },
    idea(brandId, storeId) {
      const result = byStore?.take(`${brandId}\u0000${storeId}`, now().getTime());
      if (result && !result.ok) throw rateLimited("Too many ideas from this store's pulse link this hour", result.retryAfterSeconds);
    },
  };
}
