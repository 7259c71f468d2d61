import type { Emitter } from '../internal/emitter.js';
import { isOffline } from '../internal/env.js';
import type { ClientEventMap, DeliveryStatus } from '../events.js';
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

/**
 * Delivers the outbox: one flush at a time across tabs (Web Locks), destinations in parallel,
 * oldest first, in batches; removes a submission for a destination only after it acknowledged.
 * Failing destinations back off (exponential, jittered, `Retry-After` as a floor) without
 * holding up healthy ones. Schedules its own next attempt.
 */
export class Courier {
  /** Deliveries outcome for submissions whose `submit()` is waiting, id → destination → status. */
  readonly outcomes = new Map<string, Map<string, DeliveryStatus>>();
  /** The entries this page knows are pending, kept in memory so `pagehide` can beacon them synchronously. */
  private readonly known = new Map<string, OutboxEntry>();
  private readonly backoffUntil = new Map<string, number>();
  private readonly abort = new AbortController();
  private current: Promise<FlushReport> | undefined;
  private queued: Promise<FlushReport> | undefined;
  private queuedForce = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: CourierOptions) {}

  /** Remembers an entry this page just queued. */
  track(entry: OutboxEntry): void {
    this.known.set(entry.id, entry);
  }

  /**
   * Runs a flush pass after the one in progress (calls made meanwhile share it).
   * @param force ignore backoff: the caller knows something changed (back online, explicit flush)
   */
  flush(force: boolean): Promise<FlushReport> {
    if (this.queued) {
      this.queuedForce ||= force;
      return this.queued;
    }
    this.queuedForce = force;
    const previous = this.current ?? Promise.resolve();
    const next: Promise<FlushReport> = previous
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        this.current = next;
        return withLock(this.options.outboxName, () => this.pass(this.queuedForce)).catch((error: unknown) => {
          // Storage trouble (a closed or evicted database): try the whole pass again later.
          this.arm(this.options.retry.maxDelayMs);
          throw error;
        });
      })
      .finally(() => {
        if (this.current === next) this.current = undefined;
      });
    this.queued = next;
    return next;
  }

  /** Hands everything pending to `sendBeacon` as the page goes away. Nothing leaves the outbox: beacons are unconfirmed. */
  beacon(): void {
    for (const destination of this.options.destinations) {
      if (!destination.beacon) continue;
      const owed = [...this.known.values()].filter((e) => e.pending[destination.name]).map((e) => e.submission);
      for (let i = 0; i < owed.length; i += destination.batchSize) destination.beacon(owed.slice(i, i + destination.batchSize));
    }
  }

  /** Forgets backoff, e.g. when the browser reports it is back online. */
  resetBackoff(): void {
    this.backoffUntil.clear();
  }

  /** Aborts in-flight sends and timers; resolves once no pass touches the store any more. */
  async stop(): Promise<void> {
    this.abort.abort();
    clearTimeout(this.timer);
    await Promise.allSettled([this.current, this.queued]);
  }

  private async pass(force: boolean): Promise<FlushReport> {
    const { store, destinations, maxAgeMs } = this.options;
    const tally = { sent: 0, retrying: 0, failed: 0 };
    if (this.abort.signal.aborted) return { ...tally, pending: 0 };
    const now = Date.now();
    const live: OutboxEntry[] = [];
    for (const entry of await store.list()) {
      if (now - entry.queuedAt > maxAgeMs) await this.expire(entry, tally);
      else live.push(entry);
    }
    if (!isOffline()) {
      await Promise.all(destinations.map((d) => this.deliverTo(d, live, force, tally)));
    }
    const remaining = await store.list();
    this.known.clear();
    for (const entry of remaining) this.known.set(entry.id, entry);
    const pending = this.schedule(remaining);
    return { ...tally, pending };
  }

  private async expire(entry: OutboxEntry, tally: { failed: number }): Promise<void> {
    const { events, store } = this.options;
    await store.update(entry.id, () => null);
    for (const destination of Object.keys(entry.pending)) {
      tally.failed++;
      this.record(entry.id, destination, 'failed');
      events.emit('failed', { id: entry.id, destination, reason: 'expired' });
      events.emit('dropped', { id: entry.id, destination, reason: 'expired', submission: entry.submission });
    }
  }

  private async deliverTo(destination: ResolvedDestination, entries: readonly OutboxEntry[], force: boolean, tally: { sent: number; retrying: number; failed: number }): Promise<void> {
    const { name } = destination;
    const now = Date.now();
    if (!force && (this.backoffUntil.get(name) ?? 0) > now) return;
    const due = entries.filter((e) => {
      const state = e.pending[name];
      return state !== undefined && (force || state.nextAttemptAt <= now);
    });
    const batches: OutboxEntry[][] = [];
    for (let i = 0; i < due.length; i += destination.batchSize) batches.push(due.slice(i, i + destination.batchSize));

    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      const signal = this.abort.signal;
      if (signal.aborted) return;
      const result = await attempt(destination, batch.map((e) => e.submission), signal);
      if (signal.aborted) return; // destroyed mid-send: leave the outbox exactly as it was
      if (result.status === 'sent') {
        for (const entry of batch) await this.acknowledge(entry, destination.name, tally);
      } else if (result.status === 'retry') {
        await this.postpone(batch, destination.name, result, tally);
        return; // a failing destination gets no more requests this pass
      } else if (batch.length > 1) {
        // One bad submission must not sink a whole batch: resend one by one to find it.
        batches.unshift(...batch.map((e) => [e]));
      } else {
        await this.reject(batch[0]!, destination.name, result, tally);
      }
    }
  }

  private async acknowledge(entry: OutboxEntry, destination: string, tally: { sent: number }): Promise<void> {
    await this.options.store.update(entry.id, (e) => withoutDestination(e, destination));
    tally.sent++;
    this.record(entry.id, destination, 'sent');
    this.options.events.emit('sent', { id: entry.id, destination, submission: entry.submission });
  }

  private async postpone(batch: readonly OutboxEntry[], destination: string, result: Extract<TransportResult, { status: 'retry' }>, tally: { retrying: number }): Promise<void> {
    const attempts = Math.max(...batch.map((e) => e.pending[destination]?.attempts ?? 0)) + 1;
    const delayMs = backoffDelay(attempts, this.options.retry, result.retryAfterMs);
    const nextAttemptAt = Date.now() + delayMs;
    this.backoffUntil.set(destination, nextAttemptAt);
    const lastError = result.message ?? (result.httpStatus ? `HTTP ${result.httpStatus}` : result.reason);
    for (const entry of batch) {
      await this.options.store.update(entry.id, (e) => {
        const state = e.pending[destination];
        if (!state) return e;
        return { ...e, pending: { ...e.pending, [destination]: { attempts: state.attempts + 1, nextAttemptAt, lastError } } };
      });
      tally.retrying++;
      this.record(entry.id, destination, 'queued');
      this.options.events.emit('retry', {
        id: entry.id,
        destination,
        attempt: (entry.pending[destination]?.attempts ?? 0) + 1,
        delayMs,
        reason: result.reason,
        ...(result.httpStatus !== undefined && { httpStatus: result.httpStatus }),
        ...(result.message !== undefined && { message: result.message }),
      });
    }
  }

  private async reject(entry: OutboxEntry, destination: string, result: Extract<TransportResult, { status: 'rejected' }>, tally: { failed: number }): Promise<void> {
    await this.options.store.update(entry.id, (e) => withoutDestination(e, destination));
    tally.failed++;
    this.record(entry.id, destination, 'failed');
    const detail = { id: entry.id, destination, reason: 'rejected' as const, message: result.message, ...(result.httpStatus !== undefined && { httpStatus: result.httpStatus }) };
    this.options.events.emit('failed', detail);
    this.options.events.emit('dropped', { ...detail, submission: entry.submission });
  }

  private record(id: string, destination: string, status: DeliveryStatus): void {
    this.outcomes.get(id)?.set(destination, status);
  }

  /** Sets a timer for the earliest due delivery; returns how many deliveries are still owed. */
  private schedule(remaining: readonly OutboxEntry[]): number {
    clearTimeout(this.timer);
    let owed = 0;
    let earliest = Infinity;
    for (const entry of remaining) {
      for (const { name } of this.options.destinations) {
        const state = entry.pending[name];
        if (!state) continue;
        owed++;
        earliest = Math.min(earliest, Math.max(state.nextAttemptAt, this.backoffUntil.get(name) ?? 0));
      }
    }
    if (owed > 0 && !this.abort.signal.aborted) {
      // Offline, the `online` event brings the next flush; the timer is only a slow safety net.
      const due = isOffline() ? this.options.retry.maxDelayMs : earliest - Date.now();
      this.arm(Math.min(Math.max(due, 50), this.options.retry.maxDelayMs));
    }
    return owed;
  }

  private arm(wait: number): void {
    clearTimeout(this.timer);
    if (this.abort.signal.aborted) return;
    this.timer = setTimeout(() => void this.flush(false).catch(warnFlushFailed), wait);
    // In Node (SSR, tests), a pending retry must not keep the process alive.
    (this.timer as { unref?: () => void }).unref?.();
  }
}

/** A background delivery pass failed (storage trouble); it is rescheduled, so warn and go on. */
export function warnFlushFailed(error: unknown): void {
  console.warn('[storevoice] a delivery pass failed and will be retried', error);
}
