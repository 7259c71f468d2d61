import type { SSEStreamingApi } from 'hono/streaming';
import { canSee, type Audience } from './audience.js';
import { toLiveEvent, type StoredEvent } from './store.js';

/** Messages waiting for a slow client before it is cut off (it reconnects and resumes with Last-Event-ID). */
export const MAX_QUEUED = 1_000;
/** Ids remembered per connection to drop an event sent twice (a replay's overlap, a catch-up). */
const REMEMBERED_IDS = 4_096;

const encoder = new TextEncoder();
// Formatted once per event, whatever the number of connections that send it.
const encoded = new WeakMap<StoredEvent, Uint8Array>();

/** An event as SSE bytes: `event: <kind>`, `id: <id>`, `data: {"id","kind","at","data"}`. */
export function sseBytes(event: StoredEvent): Uint8Array {
  let bytes = encoded.get(event);
  if (!bytes) {
    // JSON.stringify never emits a raw line break, so the data stays on one `data:` line.
    bytes = encoder.encode(`event: ${event.kind}\nid: ${event.id}\ndata: ${JSON.stringify(toLiveEvent(event))}\n\n`);
    encoded.set(event, bytes);
  }
  return bytes;
}

/** A bounded set of the ids most recently sent. */
class RecentIds {
  #ids = new Set<number>();
  has(id: number): boolean {
    return this.#ids.has(id);
  }
  add(id: number): void {
    this.#ids.add(id);
    if (this.#ids.size > REMEMBERED_IDS) this.#ids.delete(this.#ids.values().next().value!);
  }
}

/**
 * One open event stream: filters every event through its audience (the scope check runs on the
 * server, per connection, per event), drops ids it already sent, and writes in order through a
 * bounded queue. While a replay is read, live events are held and sent after it, so none falls
 * between the two.
 */
export class EventConnection {
  readonly #stream: SSEStreamingApi;
  readonly #audience: Audience;
  readonly #sent = new RecentIds();
  #held: StoredEvent[] | undefined = [];
  #queue: Uint8Array[] = [];
  #writing = false;
  #closed = false;
  #onClose: Array<() => void> = [];

  constructor(stream: SSEStreamingApi, audience: Audience) {
    this.#stream = stream;
    this.#audience = audience;
    stream.onAbort(() => this.close());
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** A live event from the hub. */
  offer(event: StoredEvent): void {
    if (this.#closed || !canSee(this.#audience, event)) return;
    if (this.#held) this.#held.push(event);
    else this.#send(event);
  }

  /** Replayed events (already filtered in SQL), then the live ones held meanwhile, in id order. */
  replayed(events: readonly StoredEvent[]): void {
    for (const event of events) this.#send(event);
    const held = (this.#held ?? []).sort((a, b) => a.id - b.id);
    this.#held = undefined;
    for (const event of held) this.#send(event);
  }

  /** A raw SSE block: a comment (`: heartbeat`), `retry:`, or a named event without an id. */
  write(text: string): void {
    this.#enqueue(encoder.encode(text));
  }

  /** Runs `fn` once the connection is closed (by either side). */
  onClose(fn: () => void): void {
    if (this.#closed) fn();
    else this.#onClose.push(fn);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#queue = [];
    void this.#stream.close();
    for (const fn of this.#onClose.splice(0)) fn();
  }

  #send(event: StoredEvent): void {
    if (this.#sent.has(event.id)) return;
    this.#sent.add(event.id);
    this.#enqueue(sseBytes(event));
  }

  #enqueue(bytes: Uint8Array): void {
    if (this.#closed) return;
    if (this.#queue.length >= MAX_QUEUED) {
      // A client that cannot keep up would grow this process's memory without bound.
      this.close();
      return;
    }
    this.#queue.push(bytes);
    if (!this.#writing) void this.#drain();
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    while (this.#queue.length > 0 && !this.#closed) await this.#stream.write(this.#queue.shift()!);
    this.#writing = false;
  }
}
