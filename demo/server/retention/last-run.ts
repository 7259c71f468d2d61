/** What one retention run did: counts only, never content. */
export interface RetentionCounts {
  /** Brands looked at. */
  brands: number;
  /** Contact details erased (by age, by a resolved case, or with their submission's text). */
  contactsErased: number;
  /** Submissions whose free text, "Other" text and page URL were erased. */
  submissionsAnonymised: number;
  /** Case notes changed: a quoted contact redacted, or the text erased with the submission's. */
  caseNotesErased: number;
  /** Alert events whose copies of submissions were anonymised. */
  alertEventsAnonymised: number;
}

/** The outcome of the last retention run of this instance. */
export interface RetentionRun {
  startedAt: Date;
  finishedAt: Date;
  counts: RetentionCounts;
  /** Why the run stopped early; null when it completed. */
  error: string | null;
}

// Per database object, like the settings cache, so tests with several collectors stay apart.
const runs = new WeakMap<object, RetentionRun>();

export function recordRun(db: object, run: RetentionRun): void {
  runs.set(db, run);
}

/**
 * The last retention run of this instance over this database, or null before the first: for
 * `/metrics` (e.g. `storevoice_retention_last_run_timestamp_seconds`, rows erased per run, a
 * failing run) and operators' checks.
 * @example
 * const run = lastRetentionRun(ctx);
 * if (run?.error) gauge.set(0);
 */
export function lastRetentionRun(ctx: { db: object }): RetentionRun | null {
  return runs.get(ctx.db) ?? null;
}
