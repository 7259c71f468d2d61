/** Thrown by {@link HashingQueue.run} when the queue is full: answer at once rather than wait. */
export class HashingBusyError extends Error {
  override name = 'HashingBusyError';
  /** Seconds after which a retry is likely to find room. */
  readonly retryAfterSeconds = 1;
}

/** What the queue is doing, for tests and diagnostics. */
export interface HashingStats {
  running: number;
  queued: number;
  /** The most tasks that ever ran at once (since the last {@link HashingQueue.resetPeak}). */
  peakRunning: number;
  /** Tasks refused because the queue was full. */
  refused: number;
}

/**
 * A bounded semaphore for password hashing. scrypt runs on libuv's worker pool (4 threads by
 * default), which also serves file reads, DNS lookups and zlib: 16 concurrent logins used to fill
 * it so that static files took 7 s. Here at most `concurrency` hashes run at once, at most
 * `maxQueued` wait, and beyond that {@link run} fails at once with {@link HashingBusyError}
 * (an HTTP 503 with Retry-After) instead of queueing without bound.
 */
export class HashingQueue {
  readonly #waiting: Array<() => void> = [];
  #running = 0;
  #peak = 0;
  #refused = 0;

  constructor(
    /** Hashes running at once. */
    readonly concurrency: number,
    /** Hashes waiting for a slot before new ones are refused. */
    readonly maxQueued: number,
  ) {}

  /** Runs `task` when a slot is free; throws {@link HashingBusyError} when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.concurrency) {
      if (this.#waiting.length >= this.maxQueued) {
        this.#refused++;
        throw new HashingBusyError('Too many password checks in progress');
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    this.#peak = Math.max(this.#peak, this.#running);
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter (running stays the same), or free it.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }

  get stats(): HashingStats {
    return { running: this.#running, queued: this.#waiting.length, peakRunning: this.#peak, refused: this.#refused };
  }

  resetPeak(): void {
    this.#peak = this.#running;
    this.#refused = 0;
  }
}

/** libuv's worker pool size: UV_THREADPOOL_SIZE, 4 unless set. */
const poolSize = (): number => {
  const size = Number(process.env.UV_THREADPOOL_SIZE);
  return Number.isInteger(size) && size > 0 ? size : 4;
};

/**
 * The process's one password-hashing queue (the worker pool is per process, so is its guard):
 * half of the pool's threads, the rest always free for files and DNS; 8 waiting per slot, so a
 * queued login waits well under a second (~80 ms per hash here).
 */
export const passwordHashing = new HashingQueue(Math.max(1, Math.floor(poolSize() / 2)), 8 * Math.max(1, Math.floor(poolSize() / 2)));
