import type { Config } from '../config.js';
import { ApiError } from '../http/errors.js';
import { TokenBuckets } from '../http/rate-limit.js';

/** Ingest rate limits per client IP and per device (RATE_LIMIT_PER_MINUTE, RATE_LIMIT_BURST). */
export interface IngestLimits {
  /** Takes a token for `ip`, or throws 429 with Retry-After. */
  ip(ip: string, now: Date): void;
  /** Takes a token for each device of the request (brand-scoped), or throws 429. */
  devices(brandId: string, devices: Iterable<string>, now: Date): void;
}

/**
 * Buckets live in this process's memory: no database round trip on the hot path. With several
 * instances behind a load balancer each keeps its own, so the effective limit is up to N times
 * the configured one — the limit is a guard against floods and broken kiosks, not a quota.
 * Requests are counted, not submissions: a kiosk flushing a 100-item backlog is one request.
 */
export function ingestLimits(config: Pick<Config, 'RATE_LIMIT_PER_MINUTE' | 'RATE_LIMIT_BURST'>): IngestLimits {
  if (config.RATE_LIMIT_PER_MINUTE === 0) return { ip: () => {}, devices: () => {} };
  const byIp = new TokenBuckets(config.RATE_LIMIT_PER_MINUTE, config.RATE_LIMIT_BURST);
  const byDevice = new TokenBuckets(config.RATE_LIMIT_PER_MINUTE, config.RATE_LIMIT_BURST);
  const limited = (what: string, seconds: number) =>
    new ApiError(429, 'rate_limited', `Too many requests from this ${what}; retry in ${seconds} s`, { retryAfter: seconds }, { 'retry-after': String(seconds) });
  return {
    ip(ip, now) {
      const result = byIp.take(ip, now.getTime());
      if (!result.ok) throw limited('address', result.retryAfterSeconds);
    },
    devices(brandId, devices, now) {
      let wait = 0;
      for (const device of new Set(devices)) {
        const result = byDevice.take(`${brandId}\u0000${device}`, now.getTime());
        if (!result.ok) wait = Math.max(wait, result.retryAfterSeconds);
      }
      if (wait > 0) throw limited('device', wait);
    },
  };
}
