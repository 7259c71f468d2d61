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
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000)) };
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
