import type { AppContext } from '../../context.js';
import { listRules, ruleChanges } from './repository.js';
import { watchesSubmissions, type SubmissionRule } from './schema.js';

interface CachedRules {
  /** `ruleChanges()` when the read started: a save or delete since makes the copy stale. */
  changes: number;
  /** `performance.now()` when the read started. */
  readAt: number;
  rules: Promise<SubmissionRule[]>;
}

// Per collector (its context), per brand. Monotonic time, not `ctx.now()`: how fresh a copy is
// has nothing to do with the business clock tests move around.
const caches = new WeakMap<object, Map<string, CachedRules>>();

/**
 * The brand's enabled rules that watch submissions (score and burst rules), as evaluated after
 * every ingest. Reading them for each request was one database round trip per submission, the
 * largest single cost of single-submission ingest (bench/README.md, "Ingest"), so each instance
 * keeps a copy for `ALERT_RULES_CACHE_MS`. Saving or deleting a rule in this process forgets
 * every copy at once; a rule changed on another instance, or in SQL, applies here within that
 * time. Concurrent ingests share one read.
 */
export function submissionRules(ctx: Pick<AppContext, 'db' | 'log' | 'config'>, brand: string): Promise<SubmissionRule[]> {
  const read = () => listRules(ctx.db, { brand, log: ctx.log }).then((stored) => stored.map((r) => r.rule).filter((r) => r.enabled).filter(watchesSubmissions));
  const ttl = ctx.config.ALERT_RULES_CACHE_MS;
  if (ttl === 0) return read();
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new Map()));
  const now = performance.now();
  const cached = cache.get(brand);
  if (cached && cached.changes === ruleChanges() && now - cached.readAt < ttl) return cached.rules;
  const entry: CachedRules = { changes: ruleChanges(), readAt: now, rules: read() };
  cache.set(brand, entry);
  // A failed read is not kept: the next ingest tries again.
  entry.rules.catch(() => cache.get(brand) === entry && cache.delete(brand));
  return entry.rules;
}
