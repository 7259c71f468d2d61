import type { Submission } from '../../../sdk/index.js';
import type { AppContext, StoredSubmission } from '../context.js';
import { enqueueInsert, MAX_ROWS_PER_INSERT } from './group-commit.js';
import { runAfterIngest } from './hooks.js';
import { claimedContext, type IngestItem } from './verify-context.js';

/** What one store call did. */
export interface StoreResult {
  /** Submissions stored now. */
  accepted: number;
  /** Submissions whose id was already stored (or repeated within the call). */
  duplicates: number;
  /** The newly stored rows (duplicates excluded), in input order. */
  stored: StoredSubmission[];
}

export interface StoreOptions {
  /** Mark every submission as vouched for by a valid context token. @default false */
  verified?: boolean;
}

/**
 * Stores validated submissions for `brandId`, each `id` once: the hierarchy ids are resolved
 * and flagged, the metric columns filled, and `ctx.afterIngest` hooks get the new rows.
 * Multi-row `INSERT … ON CONFLICT (id) DO NOTHING RETURNING id` statements of up to 500 rows,
 * so concurrent retries of one submission store exactly one row and each caller learns whether
 * it was new. Also the bulk path of the demo seed.
 */
export async function storeSubmissions(ctx: AppContext, brandId: string, submissions: Submission[], options: StoreOptions = {}): Promise<StoreResult> {
  const verified = options.verified ?? false;
  return storeItems(
    ctx,
    brandId,
    submissions.map((submission) => ({ submission, context: claimedContext(submission), verified, flags: [] })),
  );
}

/** {@link storeSubmissions} for items whose context tokens were already applied (the ingest route). */
export async function storeItems(ctx: AppContext, brandId: string, items: readonly IngestItem[]): Promise<StoreResult> {
  // The same id twice in one request: the first wins, the others count as duplicates.
  const seen = new Set<string>();
  const unique = items.filter((item) => {
    const id = item.submission.id.toLowerCase();
    return !seen.has(id) && !!seen.add(id);
  });
  const stored: StoredSubmission[] = [];
  for (let i = 0; i < unique.length; i += MAX_ROWS_PER_INSERT) {
    stored.push(...(await enqueueInsert(ctx, { brandId, items: unique.slice(i, i + MAX_ROWS_PER_INSERT) })));
  }
  runAfterIngest(ctx, stored);
  return { accepted: stored.length, duplicates: items.length - stored.length, stored };
}
