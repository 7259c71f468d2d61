import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Logger } from './log.js';

/** A submission as stored (the columns of `submissions` that other modules act on). */
export interface StoredSubmission {
  id: string;
  brandId: string;
  regionId: string | null;
  storeId: string | null;
  staffIds: string[];
  deviceId: string | null;
  channel: string;
  surveyId: string;
  createdAt: Date;
  minScore: number | null;
  nps: number | null;
  flags: string[];
  /** The submission as received (wire format v1). */
  body: unknown;
}

/** Everything a route module needs; one per collector process. */
export interface AppContext {
  config: Config;
  db: Database;
  log: Logger;
  /** The time source, injectable so tests of windows and rate limits need no real clock. */
  now: () => Date;
  /**
   * Called after new submissions are stored (duplicates excluded), e.g. to evaluate alert rules.
   * Hooks run after the response is decided; a failing hook is logged, never fails the ingest.
   */
  afterIngest: Array<(submissions: StoredSubmission[]) => Promise<void>>;
  /** Called on shutdown, after the HTTP server stopped accepting requests (e.g. stop workers). */
  onClose: Array<() => Promise<void>>;
  /**
   * Called when shutdown starts, before the HTTP server waits for in-flight requests: ends
   * requests that never finish on their own (live event streams).
   */
  beforeClose: Array<() => void>;
}
