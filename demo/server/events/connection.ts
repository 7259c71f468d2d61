import type { ServerResponse } from 'node:http';
import { canSee, type Audience } from './audience.js';
import { toLiveEvent, type StoredEvent } from './store.js';

/** Bytes waiting for a slow client before it is cut off (it reconnects and resumes with Last-Event-ID). */
export const MAX_BUFFERED_BYTES = 1024 * 1024;
/**
 * How long a stream gathers events before writing them: one write per stream per 100 ms at most,
 * whatever the rate of events. With a thousand open streams a write per event per stream costs
 * the collector more than ingest itself (bench/events.mjs: at 25 ms, ingest with 1,000 listeners
 * fell to a third of its rate; at 100 ms, to three quarters); 100 ms is below what a person notices.
 */
export const COALESCE_MS = 100;

// Formatted once per event, whatever the number of connections that send it.
const encoded = new WeakMap<StoredEvent, Uint8Array>();

/** An event as SSE bytes: `event: <kind>`, `id: <id>`, `data: {"id","kind","at","data"}`. */
export function sseBytes(event: StoredEvent): Uint8Array {
  let bytes = encoded.get(event);
  if (!bytes) {
    // JSON.stringify never emits a raw line break, so the data stays on one `data:` line.
    // A Buffer, not a plain Uint8Array: Node wraps the latter in a new Buffer on every write.
    bytes = Buffer.from(`event: ${event.kind}\nid: ${event.id}\ndata: ${JSON.stringify(toLiveEvent(event))}\n\n`);
    encoded.set(event, bytes);
  }
  return bytes;
}

/** Where a connection writes: the HTTP response (events/routes.ts), or a test double. */
export interface StreamSink {
  /** Writes the chunks together (one system call where the sink can). */
  write(chunks: readonly Uint8Array[]): void;
  /** Bytes written but not yet taken by the client's socket. */
  readonly buffered: number;
  end(): void;
  /** Runs `fn` when the client goes away. */
  onGone(fn: () => void): void;
}

/** A sink over a Node HTTP response whose head was already written. */
export function responseSink(response: ServerResponse): StreamSink {
  return {
    // One write of one chunk: per write, Node's chunked encoding adds framing and its own
    // bookkeeping, which cost more than copying the events together.
    write: (chunks) => void response.write(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)),
    get buffered() {
      return response.writableLength;
    },
    end: () => void response.end(),
    onGone: (fn) => void response.once('close', fn),
  };
}

// Streams with something to write, flushed together by one timer.
const dirty = new Set<EventConnection>();
let flushTimer: NodeJS.Timeout | undefined;

function flushAll(): void {
  flushTimer = undefined;
  const connections = [...dirty];
  dirty.clear();
  for (const connection of connections) connection.flush();
}

/**
 * One open event stream: filters every event through its audience (the scope check runs on the
 * server, per connection, per event) and writes in order, gathering
 * what arrives within {@link COALESCE_MS} into one write. While a replay is read, live events are
 * held and sent after it, so none falls between the two. A client that stops reading is cut off
 * once {@link MAX_BUFFERED_BYTES} wait for it.
 */
export class EventConnection {
  readonly #sink: StreamSink;
  readonly #audience: Audience;
  #held: StoredEvent[] | undefined = [];
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  #closed = false;
  #cutOff = false;
  #onClose: Array<() => void> = [];

  constructor(sink: StreamSink, audience: Audience) {
    this.#sink = sink;
    this.#audience = audience;
    sink.onGone(() => this.close());
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Closed because the client did not keep up (logged by the route). */
  get cutOff(): boolean {
    return this.#cutOff;
  }

  /** A live event from the hub. */
  offer(event: StoredEvent): void {
    if (this.#closed || !canSee(this.#audience, event)) return;
    if (this.#held) this.#held.push(event);
    else this.#send(event);
  }

  /**
   * Replayed events (already filtered in SQL), then the live ones held meanwhile that the replay
   * did not already have, in id order. From then on the hub hands each event over once.
   */
  replayed(events: readonly StoredEvent[]): void {
    for (const event of events) this.#send(event);
    const replayed = new Set(events.map((e) => e.id));
    const held = (this.#held ?? []).filter((e) => !replayed.has(e.id)).sort((a, b) => a.id - b.id);
    this.#held = undefined;
    for (const event of held) this.#send(event);
  }

  /** A raw SSE block: a comment (`: heartbeat`), `retry:`, or a named event without an id. */
  write(text: string): void {
    this.#enqueue(Buffer.from(text));
  }

  /** Writes what is pending now (the shared timer calls it; so does closing). */
  flush(): void {
    if (this.#closed || this.#pending.length === 0) return;
    const chunks = this.#pending;
    const size = this.#pendingBytes;
    this.#pending = [];
    this.#pendingBytes = 0;
    if (this.#sink.buffered + size > MAX_BUFFERED_BYTES) {
      // A client that cannot keep up would grow this process's memory without bound.
      this.#cut();
      return;
    }
    this.#sink.write(chunks);
  }

  /** Runs `fn` once the connection is closed (by either side). */
  onClose(fn: () => void): void {
    if (this.#closed) fn();
    else this.#onClose.push(fn);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#pending = [];
    dirty.delete(this);
    this.#sink.end();
    for (const fn of this.#onClose.splice(0)) fn();
  }

  #cut(): void {
    this.#cutOff = true;
    this.close();
  }

  #send(event: StoredEvent): void {
    this.#enqueue(sseBytes(event));
  }

  #enqueue(bytes: Uint8Array): void {
    if (this.#closed) return;
    this.#pending.push(bytes);
    this.#pendingBytes += bytes.byteLength;
    if (this.#pendingBytes > MAX_BUFFERED_BYTES) {
      this.#cut();
      return;
    }
    dirty.add(this);
    flushTimer ??= setTimeout(flushAll, COALESCE_MS).unref();
  }
}
