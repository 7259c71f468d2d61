import type { Submission } from '../schema/submission.js';

/** Delivery progress of one submission to one destination. */
export interface DeliveryState {
  /** Failed attempts so far. */
  readonly attempts: number;
  /** Epoch ms before which a scheduled flush leaves this delivery alone (backoff). */
  readonly nextAttemptAt: number;
  /** Why the last attempt failed, for `pending()` and debugging. */
  readonly lastError?: string;
}

/** A queued submission and the destinations that still owe it an acknowledgement. */
export interface OutboxEntry {
  readonly id: string;
  readonly submission: Submission;
  /** Size of the submission's JSON, counted against the outbox's byte cap. */
  readonly bytes: number;
  readonly queuedAt: number;
  /** Destination name → state. A destination leaves this map only after it acknowledged (or rejected) the submission. */
  readonly pending: Readonly<Record<string, DeliveryState>>;
}

export interface OutboxLimits {
  readonly maxItems: number;
  readonly maxBytes: number;
}

/** `added`, or which cap refused the entry. */
export type AddOutcome = 'added' | 'full_items' | 'full_bytes';

/** What one destination still owes. */
export interface Backlog {
  /** Submissions not yet acknowledged by it. */
  readonly owed: number;
  /** The latest `nextAttemptAt` among them (a destination waits until all it owes is due); `undefined` when it owes nothing. */
  readonly lastDueAt?: number;
}

/**
 * Where queued submissions live. Every method is atomic on its own, also across tabs sharing
 * the store (IndexedDB transactions), so two tabs never lose each other's writes. The
 * questions a delivery pass asks (what is expired, what does a destination owe, how much and
 * until when) are answered without reading the whole queue, so a kiosk that queued thousands of
 * submissions offline still queues the next one as fast as the first.
 */
export interface OutboxStore {
  /** Adds the entry unless a cap would be exceeded; throws when the storage itself fails. */
  add(entry: OutboxEntry, limits: OutboxLimits): Promise<AddOutcome>;
  /** All entries, oldest first. */
  list(): Promise<OutboxEntry[]>;
  /** The entries that still owe `destination`, oldest first. */
  owing(destination: string): Promise<OutboxEntry[]>;
  /** The entries queued before `time` (epoch ms). */
  queuedBefore(time: number): Promise<OutboxEntry[]>;
  /** For each of `destinations`, what it still owes. */
  backlog(destinations: readonly string[]): Promise<Record<string, Backlog>>;
  /**
   * Reads, changes and writes the entries with these ids in a single transaction. `change`
   * returns the new entry, or `null` to delete it; it is not called for an entry that is gone.
   */
  update(ids: readonly string[], change: (entry: OutboxEntry) => OutboxEntry | null): Promise<void>;
  close(): void;
}
