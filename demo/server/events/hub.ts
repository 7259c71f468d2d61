import type { AppContext } from '../context.js';
import { EVENTS_CHANNEL, eventsFromNotification, eventsSince, type StoredEvent } from './store.js';

/** Looked back over after the LISTEN connection came back: covers the gap and commits out of id order. */
export const CATCH_UP_OVERLAP_MS = 10_000;
/** The most events one catch-up replays; a longer outage is for clients to resume with Last-Event-ID. */
const CATCH_UP_LIMIT = 10_000;

/** Event ids the hub remembers so a catch-up hands nothing out twice (more than a catch-up's overlap holds). */
const REMEMBERED_IDS = 20_000;

export type EventListener = (event: StoredEvent) => void;

/**
 * One per collector instance: a single `LISTEN` on the database (PostgreSQL: one dedicated
 * connection; PGlite: in-process) whose events it hands to every open stream of this instance.
 * Streams do their own filtering and deduplication (events/connection.ts): the hub only fans out.
 */
export class EventHub {
  #listeners = new Set<EventListener>();
  /** Ids published lately: a catch-up re-reads events some of which were already handed out. */
  #published = new Set<number>();
  #order: number[] = [];
  /** When the newest event heard was written; where a catch-up starts. */
  #lastAt: number | undefined;

  /** Calls `listener` with every event from now on; returns the function that stops it. */
  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get size(): number {
    return this.#listeners.size;
  }

  /** Notes that events were written at `at` that nobody here needed (no stream was open). */
  skipped(at: Date): void {
    this.#lastAt = Math.max(this.#lastAt ?? 0, at.getTime());
  }

  /** Hands an event to every listener, once; one listener that throws is isolated from the others. */
  publish(event: StoredEvent, onError: (error: unknown) => void): void {
    if (this.#published.has(event.id)) return;
    this.#published.add(event.id);
    this.#order.push(event.id);
    // Forgotten in halves, so the bookkeeping is not paid on every event.
    if (this.#order.length > REMEMBERED_IDS) for (const old of this.#order.splice(0, REMEMBERED_IDS / 2)) this.#published.delete(old);
    const at = Date.parse(event.at);
    if (this.#lastAt === undefined || at > this.#lastAt) this.#lastAt = at;
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        onError(error);
      }
    }
  }

  /** Notes that listening started at `at`: a catch-up never needs to look further back. */
  listeningSince(at: Date): void {
    if (this.#lastAt === undefined) this.#lastAt = at.getTime();
  }

  /** Where a catch-up after a reconnect starts: the newest event heard (or the start), minus an overlap. */
  get catchUpFrom(): Date | undefined {
    return this.#lastAt === undefined ? undefined : new Date(this.#lastAt - CATCH_UP_OVERLAP_MS);
  }
}

const hubs = new WeakMap<object, EventHub>();

/** This collector's hub (created on first use; {@link startEventHub} connects it). */
export function eventHub(ctx: object): EventHub {
  let hub = hubs.get(ctx);
  if (!hub) hubs.set(ctx, (hub = new EventHub()));
  return hub;
}

/**
 * Starts listening for this collector. When the LISTEN connection comes back after a drop
 * (PostgreSQL restarted, a network blip), events written meanwhile were NOTIFYed to nobody here:
 * they are read back from the table and published again (streams drop the ones they already
 * sent). Resolves with the function that stops listening.
 */
export async function startEventHub(ctx: Pick<AppContext, 'db' | 'log' | 'now'>): Promise<() => Promise<void>> {
  const hub = eventHub(ctx);
  hub.listeningSince(ctx.now());
  const onError = (error: unknown) => ctx.log.error('event listener failed', { error: error instanceof Error ? error.message : String(error) });
  // Notifications are read in order: one that needs a database read must not be overtaken.
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (task: () => Promise<void>) => {
    chain = chain.then(task).catch((error: unknown) => ctx.log.error('live event dropped', { error: error instanceof Error ? error.message : String(error) }));
  };
  let listening = false;
  return ctx.db.listen(
    EVENTS_CHANNEL,
    (payload) =>
      enqueue(async () => {
        // No stream open on this instance: nothing to read back or hand out (ingest would pay for it).
        if (hub.size === 0) return hub.skipped(ctx.now());
        for (const event of await eventsFromNotification(ctx.db, payload)) hub.publish(event, onError);
      }),
    () => {
      if (!listening) {
        listening = true;
        return;
      }
      const from = hub.catchUpFrom;
      ctx.log.warn('event listener reconnected; catching up', { from: from?.toISOString() });
      if (from) enqueue(async () => (await eventsSince(ctx.db, from, CATCH_UP_LIMIT)).forEach((event) => hub.publish(event, onError)));
    },
  );
}
