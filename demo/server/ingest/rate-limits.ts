import type { Config } from '../config.js';
import { rateLimited, TokenBuckets } from '../http/rate-limit.js';

/** Whose device bucket a request spends (see {@link IngestLimits.device}). */
export type DeviceBucket = { kind: 'device'; brandId: string; device: string } | { kind: 'unknown'; writeKey: string } | { kind: 'none' };

/** Ingest rate limits per client IP and per device (RATE_LIMIT_PER_MINUTE, RATE_LIMIT_BURST). */
export interface IngestLimits {
  /** Whether limits apply at all (RATE_LIMIT_PER_MINUTE > 0); callers skip the device lookup otherwise. */
  readonly enabled: boolean;
  /** Takes a token for `ip`, or throws 429 with Retry-After. */
  ip(ip: string, now: Date): void;
  /** Takes ONE token from the request's device bucket, or throws 429. */
  device(bucket: DeviceBucket, now: Date): void;
}

/**
 * The device bucket a request spends, at most one per request. Device ids are whatever the client
 * claims, so only ids listed in the hierarchy (`known`) get a bucket of their own; any other id —
 * and a request naming several devices, which no kiosk sends — spends the write key's one shared
 * bucket. Before, one request spent a token from each of up to 100 claimed devices, so anyone
 * could hold a real kiosk at 429. Submissions without a device (web pages) spend none.
 */
export function deviceBucket(brandId: string, writeKey: string, devices: ReadonlySet<string>, known: ReadonlySet<string>): DeviceBucket {
  if (devices.size === 0) return { kind: 'none' };
  const [only] = devices;
  if (devices.size === 1 && only !== undefined && known.has(only)) return { kind: 'device', brandId, device: only };
  return { kind: 'unknown', writeKey };
}

/**
 * Buckets live in this process's memory: no database round trip on the hot path. With several
 * instances behind a load balancer each keeps its own, so the effective limit is up to N times
 * the configured one — the limit is a guard against floods and broken kiosks, not a quota.
 * Requests are counted, not submissions: a kiosk flushing a 100-item backlog is one request.
 */
export function ingestLimits(config: Pick<Config, 'RATE_LIMIT_PER_MINUTE' | 'RATE_LIMIT_BURST'>): IngestLimits {
  if (config.RATE_LIMIT_PER_MINUTE === 0) return { enabled: false, ip: () => {}, device: () => {} };
  const byIp = new TokenBuckets(config.RATE_LIMIT_PER_MINUTE, config.RATE_LIMIT_BURST);
  const byDevice = new TokenBuckets(config.RATE_LIMIT_PER_MINUTE, config.RATE_LIMIT_BURST);
  const limited = (what: string, seconds: number) => rateLimited(`Too many requests from this ${what}`, seconds);
  return {
    enabled: true,
    ip(ip, now) {
      const result = byIp.take(ip, now.getTime());
      if (!result.ok) throw limited('address', result.retryAfterSeconds);
    },
    device(bucket, now) {
      if (bucket.kind === 'none') return;
      const key = bucket.kind === 'device' ? `device\u0000${bucket.brandId}\u0000${bucket.device}` : `unknown\u0000${bucket.writeKey}`;
      const result = byDevice.take(key, now.getTime());
      if (!result.ok) throw limited(bucket.kind === 'device' ? 'device' : 'write key (devices not in the hierarchy share one limit)', result.retryAfterSeconds);
    },
  };
}
