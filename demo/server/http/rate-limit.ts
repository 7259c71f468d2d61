import { ApiError } from './errors.js';

/** The answer of {@link TokenBuckets.take}. */
export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets by key (a device, an IP): each holds up to `burst` tokens and refills at
 * `perMinute` per minute. Pure apart from its map: the caller passes the time, so tests need no
 * real clock. Memory is bounded: past `maxKeys` buckets, full ones (idle clients) are forgotten
 * first, then the least recently used.
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;

  constructor(
    readonly perMinute: number,
    readonly burst: number,
    readonly maxKeys = 100_000,
  ) {
    this.#perMs = perMinute / 60_000;
  }

  /** Takes one token from `key`'s bucket at time `nowMs`, or says how long until one is there. */
  take(key: string, nowMs: number): TakeResult {
    const bucket = this.#buckets.get(key) ?? { tokens: this.burst, at: nowMs };
    // A clock that goes back (tests, NTP steps) must not mint tokens.
    const elapsed = Math.max(0, nowMs - bucket.at);
    bucket.tokens = Math.min(this.burst, bucket.tokens + elapsed * this.#perMs);
    bucket.at = Math.max(bucket.at, nowMs);
    // Re-insert so the map's order is least recently used first.
    this.#buckets.delete(key);
    if (this.#buckets.size >= this.maxKeys) this.#prune(nowMs);
    this.#buckets.set(key, bucket);
    // Within a rounding error of a token is a token: a rate such as 2 an hour is not exact in
    // binary, and a client that waited the Retry-After it was given must be served.
    if (bucket.tokens >= 1 - 1e-9) {
      bucket.tokens = Math.max(0, bucket.tokens - 1);
      return { ok: true };
    }
    // Whole milliseconds first, then seconds up: 1,800,000.0000001 ms is 1,800 s, not 1,801.
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.round((1 - bucket.tokens) / this.#perMs) / 1000)) };
  }

  get size(): number {
    return this.#buckets.size;
  }

  #prune(nowMs: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (nowMs - bucket.at) * this.#perMs >= this.burst) this.#buckets.delete(key);
    }
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size <= this.maxKeys * 0.9) break;
      this.#buckets.delete(key);
    }
  }
}

/**
 * The 429 answer of a spent bucket: the message says when to retry, and so do the body's
 * `retryAfter` and the `Retry-After` header, which the SDK and the pages honour.
 * @example throw rateLimited('Too many requests from this device', 2)
 */
export function rateLimited(message: string, seconds: number): ApiError {
  return new ApiError(429, 'rate_limited', `${message}; retry in ${seconds} s`, { retryAfter: seconds }, { 'retry-after': String(seconds) });
}
