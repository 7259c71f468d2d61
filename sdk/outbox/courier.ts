import type { Emitter } from '../internal/emitter.js';
import { isOffline } from '../internal/env.js';
import type { ClientEventMap } from '../events.js';
import type { Submission } from '../schema/submission.js';
import { backoffDelay } from '../transport/retry-policy.js';
import type { Transport, TransportResult } from '../transport/types.js';
import { withLock } from './lock.js';
import type { OpenedOutbox } from './open.js';
import type { OutboxEntry } from './types.js';

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

/**
 * Delivers the outbox: one flush at a time across tabs (Web Locks), destinations in parallel,
 * oldest first, in batches; removes a submission for a destination only after it acknowledged.
 * Failing destinations back off (exponential, jittered, `Retry-After` as a floor) without
 * holding up healthy ones. Schedules its own next attempt.
 */
export interface Courier {
  /** Remembers an entry this page just queued. */
  track(entry: OutboxEntry): void;
  /**
   * Runs a flush pass after the one in progress (calls made meanwhile share it).
   * @param force ignore backoff: the caller knows something changed (back online, explicit flush)
   */
  flush(force: boolean): Promise<FlushReport>;
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
  /** The entries this page knows are pending, kept in memory so `pagehide` can beacon them synchronously. */
  const known = new Map<string, OutboxEntry>();
  const abort = new AbortController();
  /** The pass waiting for the current one to end; flushes asked for meanwhile share it. */
  let queued: Promise<FlushReport> | undefined;
  let queuedForce = false;
  /** Settles once every pass started or queued so far is over. */
  let idle: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const remove = (entry: OutboxEntry, destination: string) => store.update(entry.id, (e) => withoutDestination(e, destination));

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

  async function pass(force: boolean): Promise<FlushReport> {
    const tally = { sent: 0, retrying: 0, failed: 0 };
    if (abort.signal.aborted) return { ...tally, pending: 0 };
    const now = Date.now();
    const live: OutboxEntry[] = [];
    for (const entry of await store.list()) {
      if (now - entry.queuedAt > maxAgeMs) await expire(entry, tally);
      else live.push(entry);
    }
    const offline = isOffline();
    if (!offline) await Promise.all(destinations.map((d) => deliverTo(d, live, force, tally)));
    // Offline nothing was sent or postponed, so the list above is still the outbox (a submission
    // queued meanwhile brings its own pass): one IndexedDB read per submit instead of two.
    const remaining = offline ? live : await store.list();
    known.clear();
    for (const entry of remaining) known.set(entry.id, entry);
    return { ...tally, pending: schedule(remaining) };
  }

  async function expire(entry: OutboxEntry, tally: Tally): Promise<void> {
    await store.update(entry.id, () => null);
    for (const destination of Object.keys(entry.pending)) {
      tally.failed++;
      events.emit('failed', { id: entry.id, destination, reason: 'expired' });
      events.emit('dropped', { id: entry.id, destination, reason: 'expired', submission: entry.submission });
    }
  }

  async function deliverTo(destination: ResolvedDestination, entries: readonly OutboxEntry[], force: boolean, tally: Tally): Promise<void> {
    const { name, batchSize } = destination;
    const owed = entries.filter((e) => e.pending[name]);
    // A destination backs off while any delivery it owes is not due yet, so what was queued since
    // waits too. The backoff is the entries' own, so tabs and page loads sharing the outbox share it.
    if (!force && owed.some((e) => e.pending[name]!.nextAttemptAt > Date.now())) return;
    const batches: OutboxEntry[][] = [];
    for (let i = 0; i < owed.length; i += batchSize) batches.push(owed.slice(i, i + batchSize));

    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      const { signal } = abort;
      if (signal.aborted) return;
      const result = await attempt(destination, batch.map((e) => e.submission), signal);
      if (signal.aborted) return; // destroyed mid-send: leave the outbox exactly as it was
      if (result.status === 'sent') {
        for (const entry of batch) {
          await remove(entry, name);
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
        await remove(entry, name);
        tally.failed++;
        const detail = { id: entry.id, destination: name, reason: 'rejected' as const, message: result.message, ...(result.httpStatus !== undefined && { httpStatus: result.httpStatus }) };
        events.emit('failed', detail);
        events.emit('dropped', { ...detail, submission: entry.submission });
      }
    }
  }

  async function postpone(batch: readonly OutboxEntry[], destination: string, result: Extract<TransportResult, { status: 'retry' }>, tally: Tally): Promise<void> {
    // Every entry of the batch was due for this destination, so it has a state for it.
    const attempts = (entry: OutboxEntry) => entry.pending[destination]!.attempts;
    const delayMs = backoffDelay(Math.max(...batch.map(attempts)) + 1, retry, result.retryAfterMs);
    const nextAttemptAt = Date.now() + delayMs;
    const { reason, httpStatus, message } = result;
    const lastError = message ?? (httpStatus ? `HTTP ${httpStatus}` : reason);
    for (const entry of batch) {
      await store.update(entry.id, (e) => {
        const state = e.pending[destination];
        return state ? { ...e, pending: { ...e.pending, [destination]: { attempts: state.attempts + 1, nextAttemptAt, lastError } } } : e;
      });
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
  function schedule(remaining: readonly OutboxEntry[]): number {
    clearTimeout(timer);
    let owed = 0;
    let earliest = Infinity;
    for (const { name } of destinations) {
      const due = remaining.flatMap((e) => e.pending[name]?.nextAttemptAt ?? []);
      owed += due.length;
      // A destination is tried again once everything it owes is due (see deliverTo).
      if (due.length) earliest = Math.min(earliest, Math.max(...due));
    }
    if (owed > 0) {
      // Offline, the `online` event brings the next flush; the timer is only a slow safety net.
      arm(Math.min(Math.max(isOffline() ? Infinity : earliest - Date.now(), 50), retry.maxDelayMs));
    }
    return owed;
  }

  function arm(wait: number): void {
    clearTimeout(timer);
    if (abort.signal.aborted) return;
    timer = setTimeout(() => void flush(false).catch(warnFlushFailed), wait);
    // In Node (SSR, tests), a pending retry must not keep the process alive.
    (timer as { unref?: () => void }).unref?.();
  }

  return {
    track: (entry) => void known.set(entry.id, entry),
    flush,
    beacon() {
      for (const { name, beacon, batchSize } of destinations) {
        if (!beacon) continue;
        const owed = [...known.values()].filter((e) => e.pending[name]).map((e) => e.submission);
        for (let i = 0; i < owed.length; i += batchSize) beacon(owed.slice(i, i + batchSize));
      }
    },
    async stop() {
      abort.abort();
      clearTimeout(timer);
      await idle;
      store.close();
    },
  };
}
