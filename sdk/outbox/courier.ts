import type { Emitter } from '../internal/emitter.js';
import { isOffline } from '../internal/env.js';
import type { ClientEventMap } from '../events.js';
import type { Submission } from '../schema/submission.js';
import type { DeliveryOutcome } from '../submission-status.js';
import { backoffDelay } from '../transport/retry-policy.js';
import type { Transport, TransportResult } from '../transport/types.js';
import { withLock } from './lock.js';
import type { OpenedOutbox } from './open.js';
import { reportLoss } from './report-loss.js';
import type { Backlog, OutboxEntry } from './types.js';

/** A destination with its capabilities filled in. */
export interface ResolvedDestination {
  readonly name: string;
  readonly send: Transport['send'];
  readonly batchSize: number;
  readonly beacon?: Transport['beacon'];
  readonly target?: string;
}

export interface CourierOptions {
  readonly outboxName: string;
  readonly store: OpenedOutbox;
  readonly destinations: readonly ResolvedDestination[];
  readonly retry: { readonly baseDelayMs: number; readonly maxDelayMs: number };
  readonly maxAgeMs: number;
  readonly events: Emitter<ClientEventMap>;
}

/** What one flush achieved, counted per submission and destination. */
export interface FlushReport {
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
  /** Deliveries still owed after the flush (for this client's destinations). */
  readonly pending: number;
}

/** What a submission's destinations answered while someone was watching; see {@link Courier.watch}. */
export interface DeliveryWatch {
  /** Destination → outcome, for those that acknowledged or gave up the submission; live. */
  readonly outcomes: ReadonlyMap<string, DeliveryOutcome>;
  /** Stops recording. */
  stop(): void;
}

/**
 * Delivers the outbox: one flush at a time across tabs (Web Locks), destinations in parallel,
 * oldest first, in batches; removes a submission for a destination only after it acknowledged.
 * Failing destinations back off (exponential, jittered, `Retry-After` as a floor) without
 * holding up healthy ones. Schedules its own next attempt.
 */
export interface Courier {
  /** Remembers an entry this page just queued, for `beacon()`. */
  track(entry: OutboxEntry): void;
  /** Records what each destination makes of submission `id` from now on, until `stop()`. */
  watch(id: string): DeliveryWatch;
  /**
   * Runs a flush pass after the one in progress (calls made meanwhile share it).
   * @param force ignore backoff: the caller knows something changed (back online, explicit flush)
   */
  flush(force: boolean): Promise<FlushReport>;
  /**
   * Something was just queued: a pass now, as `flush(false)`. Offline, none: nothing could be
   * sent, and the `online` event brings the next pass (a slow timer is the safety net), so a kiosk
   * queuing all day offline pays for the write alone.
   */
  nudge(): Promise<unknown>;
  /** Hands everything pending to `sendBeacon` as the page goes away. Nothing leaves the outbox: beacons are unconfirmed. */
  beacon(): void;
  /** Aborts in-flight sends and timers, then closes the store once no pass uses it any more. */
  stop(): Promise<void>;
}

type Tally = { sent: number; retrying: number; failed: number };

function withoutDestination(entry: OutboxEntry, name: string): OutboxEntry | null {
  const pending = { ...entry.pending };
  delete pending[name];
  return Object.keys(pending).length > 0 ? { ...entry, pending } : null;
}

async function attempt(destination: ResolvedDestination, batch: readonly Submission[], signal: AbortSignal): Promise<TransportResult> {
  try {
    return await destination.send(batch, signal);
  } catch (error) {
    // A custom transport that throws has not delivered; keep the data and try again later.
    return { status: 'retry', reason: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** A background delivery pass failed (storage trouble); it is rescheduled, so warn and go on. */
export function warnFlushFailed(error: unknown): void {
  console.warn('[storevoice] a delivery pass failed and will be retried', error);
}

// A closure rather than a class: minifiers rename local names but never property names.
export function createCourier({ outboxName, store, destinations, retry, maxAgeMs, events }: CourierOptions): Courier {
  const names = destinations.map((d) => d.name);
  /**
   * The entries this page knows are pending, kept in memory so `pagehide` can beacon them
   * synchronously: those it queued, and those a pass read from the outbox (other tabs', earlier pages').
   */
  const known = new Map<string, OutboxEntry>();
  /** Submission id → what its destinations answered, for the submissions being watched. */
  const watched = new Map<string, Map<string, DeliveryOutcome>>();
  const abort = new AbortController();
  /** The pass waiting for the current one to end; flushes asked for meanwhile share it. */
  let queued: Promise<FlushReport> | undefined;
  let queuedForce = false;
  /** Settles once every pass started or queued so far is over. */
  let idle: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Takes a batch out of the outbox for one destination, in one transaction, and forgets it here too. */
  async function settle(batch: readonly OutboxEntry[], destination: string, outcome: DeliveryOutcome): Promise<void> {
    await store.update(
      batch.map((e) => e.id),
      (e) => withoutDestination(e, destination),
    );
    for (const { id } of batch) {
      forget(id, destination);
      watched.get(id)?.set(destination, outcome);
    }
  }

  /** `destination` no longer owes entry `id`: nothing to beacon to it on `pagehide`. */
  function forget(id: string, destination: string): void {
    const entry = known.get(id);
    const rest = entry && withoutDestination(entry, destination);
    if (rest) known.set(id, rest);
    else known.delete(id);
  }

  function flush(force: boolean): Promise<FlushReport> {
    if (queued) {
      queuedForce ||= force;
      return queued;
    }
    queuedForce = force;
    queued = idle.then(() => {
      // From here on, a new flush() queues the next pass; this one keeps the force asked of it.
      const forced = queuedForce;
      queued = undefined;
      return withLock(outboxName, () => pass(forced)).catch((error: unknown) => {
        // Storage trouble (a closed or evicted database): try the whole pass again later.
        arm(retry.maxDelayMs);
        throw error;
      });
    });
    idle = queued.catch(() => undefined);
    return queued;
  }

  /**
   * One delivery pass. It asks the outbox questions rather than reading it whole: what expired,
   * what each destination owes and until when, and only for a destination it delivers to, its
   * entries. Offline, that is two small reads however long the queue has grown.
   */
  async function pass(force: boolean): Promise<FlushReport> {
    const tally = { sent: 0, retrying: 0, failed: 0 };
    if (abort.signal.aborted) return { ...tally, pending: 0 };
    const now = Date.now();
    await expire(await store.queuedBefore(now - maxAgeMs), tally);
    let backlog = await store.backlog(names);
    if (!isOffline()) {
      // A destination backs off while any delivery it owes is not due yet, so what was queued since
      // waits too. The backoff is the entries' own, so tabs and page loads sharing the outbox share it.
      const due = destinations.filter(({ name }) => backlog[name]!.owed > 0 && (force || backlog[name]!.lastDueAt! <= now));
      await Promise.all(due.map((d) => deliverTo(d, tally)));
      if (due.length) backlog = await store.backlog(names);
    }
    return { ...tally, pending: schedule(backlog) };
  }

  async function expire(entries: readonly OutboxEntry[], tally: Tally): Promise<void> {
    if (!entries.length) return;
    await store.update(
      entries.map((e) => e.id),
      () => null,
    );
    for (const entry of entries) {
      known.delete(entry.id);
      for (const destination of Object.keys(entry.pending)) {
        tally.failed++;
        reportLoss(events, { id: entry.id, destination, reason: 'expired' }, entry.submission);
      }
    }
  }

  async function deliverTo(destination: ResolvedDestination, tally: Tally): Promise<void> {
    const { name, batchSize } = destination;
    const owed = await store.owing(name);
    // What this page knew was owed here but the outbox no longer holds, another tab delivered.
    const current = new Map(owed.map((entry) => [entry.id, entry]));
    for (const [id, entry] of known) if (entry.pending[name] && !current.has(id)) forget(id, name);
    for (const entry of owed) known.set(entry.id, entry);
    const batches: OutboxEntry[][] = [];
    for (let i = 0; i < owed.length; i += batchSize) batches.push(owed.slice(i, i + batchSize));

    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      const { signal } = abort;
      if (signal.aborted) return;
      const result = await attempt(destination, batch.map((e) => e.submission), signal);
      if (signal.aborted) return; // destroyed mid-send: leave the outbox exactly as it was
      if (result.status === 'sent') {
        await settle(batch, name, { status: 'sent' });
        for (const entry of batch) {
          tally.sent++;
          events.emit('sent', { id: entry.id, destination: name, submission: entry.submission });
        }
      } else if (result.status === 'retry') {
        await postpone(batch, name, result, tally);
        return; // a failing destination gets no more requests this pass
      } else if (batch.length > 1) {
        // One bad submission must not sink a whole batch: resend one by one to find it.
        batches.unshift(...batch.map((e) => [e]));
      } else {
        const [entry] = batch as [OutboxEntry];
        const { message, httpStatus } = result;
        await settle(batch, name, { status: 'failed', reason: 'rejected', message });
        tally.failed++;
        reportLoss(events, { id: entry.id, destination: name, reason: 'rejected', message, ...(httpStatus !== undefined && { httpStatus }) }, entry.submission);
      }
    }
  }

  async function postpone(batch: readonly OutboxEntry[], destination: string, result: Extract<TransportResult, { status: 'retry' }>, tally: Tally): Promise<void> {
    // Every entry of the batch was owed to this destination, so it has a state for it.
    const attempts = (entry: OutboxEntry) => entry.pending[destination]!.attempts;
    const delayMs = backoffDelay(Math.max(...batch.map(attempts)) + 1, retry, result.retryAfterMs);
    const nextAttemptAt = Date.now() + delayMs;
    const { reason, httpStatus, message } = result;
    const lastError = message ?? (httpStatus ? `HTTP ${httpStatus}` : reason);
    await store.update(
      batch.map((e) => e.id),
      (e) => {
        const state = e.pending[destination];
        return state ? { ...e, pending: { ...e.pending, [destination]: { attempts: state.attempts + 1, nextAttemptAt, lastError } } } : e;
      },
    );
    for (const entry of batch) {
      tally.retrying++;
      events.emit('retry', {
        id: entry.id,
        destination,
        attempt: attempts(entry) + 1,
        delayMs,
        reason,
        ...(httpStatus !== undefined && { httpStatus }),
        ...(message !== undefined && { message }),
      });
    }
  }

  /** Sets a timer for the earliest due delivery; returns how many deliveries are still owed. */
  function schedule(backlog: Readonly<Record<string, Backlog>>): number {
    disarm();
    let owed = 0;
    let earliest = Infinity;
    for (const name of names) {
      const { owed: count, lastDueAt = Infinity } = backlog[name]!;
      owed += count;
      // A destination is tried again once everything it owes is due (see pass).
      earliest = Math.min(earliest, lastDueAt);
    }
    if (owed > 0) {
      // Offline, the `online` event brings the next flush; the timer is only a slow safety net.
      arm(Math.min(Math.max(isOffline() ? Infinity : earliest - Date.now(), 50), retry.maxDelayMs));
    }
    return owed;
  }

  function arm(wait: number): void {
    disarm();
    if (abort.signal.aborted) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush(false).catch(warnFlushFailed);
    }, wait);
    // In Node (SSR, tests), a pending retry must not keep the process alive.
    (timer as { unref?: () => void }).unref?.();
  }

  function disarm(): void {
    clearTimeout(timer);
    timer = undefined;
  }

  return {
    track: (entry) => void known.set(entry.id, entry),
    watch(id) {
      const outcomes = new Map<string, DeliveryOutcome>();
      watched.set(id, outcomes);
      return { outcomes, stop: () => void watched.delete(id) };
    },
    flush,
    nudge() {
      if (!isOffline()) return flush(false);
      if (timer === undefined) arm(retry.maxDelayMs);
      return Promise.resolve();
    },
    beacon() {
      for (const { name, beacon, batchSize } of destinations) {
        if (!beacon) continue;
        const owed = [...known.values()].filter((e) => e.pending[name]).map((e) => e.submission);
        for (let i = 0; i < owed.length; i += batchSize) beacon(owed.slice(i, i + batchSize));
      }
    },
    async stop() {
      abort.abort();
      disarm();
      await idle;
      store.close();
    },
  };
}
