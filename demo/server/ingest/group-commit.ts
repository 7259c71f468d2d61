import type { AppContext, StoredSubmission } from '../context.js';
import { insertJobs, type InsertJob } from './insert.js';

/** At most this many submissions go into one INSERT. */
export const MAX_ROWS_PER_INSERT = 500;
/**
 * INSERTs in flight at once per collector. Two: one statement is prepared and sent while the
 * other holds the rollup rows it updates. More buy nothing, because every INSERT of a region's
 * feedback updates the same rollup rows (the region's day), so concurrent statements wait for
 * each other's row locks; they only make the groups smaller. Measured with 32 clients posting
 * single submissions to PostgreSQL (bench/README.md, "Ingest"): 3 in flight gave groups of about
 * five and half the rate of 2.
 */
const MAX_IN_FLIGHT = 2;

interface Waiting extends InsertJob {
  resolve(stored: StoredSubmission[]): void;
  reject(error: unknown): void;
}

interface Queue {
  waiting: Waiting[];
  /** Drain loops running; each has at most one INSERT in flight. */
  running: number;
}

const queues = new WeakMap<object, Queue>();

/**
 * Group commit: while INSERTs are in flight, jobs from concurrent requests wait and then go
 * into the next INSERT together. A lone request is inserted at once (no added delay); under
 * load, one statement — one database round trip — serves many requests. Round trips, not SQL
 * work, bound single-submission ingest (see bench/).
 */
export function enqueueInsert(ctx: Pick<AppContext, 'db' | 'now'>, job: InsertJob): Promise<StoredSubmission[]> {
  let queue = queues.get(ctx);
  if (!queue) queues.set(ctx, (queue = { waiting: [], running: 0 }));
  const q = queue;
  const done = new Promise<StoredSubmission[]>((resolve, reject) => q.waiting.push({ ...job, resolve, reject }));
  if (q.running < MAX_IN_FLIGHT) void drain(ctx, q);
  return done;
}

/** What the group commit holds now: requests waiting for the next INSERT, and INSERTs running (for /metrics). */
export function insertQueueOf(ctx: object): { waiting: number; running: number } {
  const queue = queues.get(ctx);
  return { waiting: queue?.waiting.length ?? 0, running: queue?.running ?? 0 };
}

async function drain(ctx: Pick<AppContext, 'db' | 'now'>, queue: Queue): Promise<void> {
  queue.running++;
  try {
    while (queue.waiting.length > 0) {
      const batch: Waiting[] = [];
      let rows = 0;
      while (queue.waiting.length > 0 && (batch.length === 0 || rows + queue.waiting[0]!.items.length <= MAX_ROWS_PER_INSERT)) {
        const next = queue.waiting.shift()!;
        rows += next.items.length;
        batch.push(next);
      }
      try {
        const results = await insertJobs(ctx, batch);
        batch.forEach((job, i) => job.resolve(results[i]!));
      } catch (error) {
        for (const job of batch) job.reject(error);
      }
    }
  } finally {
    queue.running--;
  }
}
