import * as z from 'zod/mini';
import { LiveEventSchema, type LiveEvent } from '../../../server/events/types.js';
import type { LiveStatus } from './events.js';

/** What views hear on `window` (`sv-live-event`): a new event, or `reset` (reload what you show). */
export type LiveNotice = LiveEvent | { readonly kind: 'reset' };

declare global {
  interface WindowEventMap {
    'sv-live-event': CustomEvent<LiveNotice>;
  }
}

/** How long to wait before opening a new stream when the browser gave up on one (a 5xx, a restart). */
const REOPEN_MS = 3_000;

/**
 * The dashboard's one connection to `GET /v1/events`. The browser's `EventSource` reconnects by
 * itself after a dropped connection and sends `Last-Event-ID`; when it gives up (the collector
 * answered with an error while restarting) this opens a new stream with `?lastEventId=` so
 * nothing is missed. Events are deduplicated by id (a resumed stream may repeat a few) and handed
 * to `onEvent`; the state goes to `onStatus` for the shell's indicator.
 */
export class LiveConnection {
  readonly #onStatus: (status: LiveStatus) => void;
  readonly #onEvent: (notice: LiveNotice) => void;
  #source: EventSource | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastId: string | undefined;
  readonly #seen = new Set<number>();

  constructor(onStatus: (status: LiveStatus) => void, onEvent: (notice: LiveNotice) => void) {
    this.#onStatus = onStatus;
    this.#onEvent = onEvent;
  }

  start(): void {
    this.stop();
    this.#onStatus('connecting');
    const url = this.#lastId === undefined ? '/v1/events' : `/v1/events?lastEventId=${encodeURIComponent(this.#lastId)}`;
    const source = new EventSource(url, { withCredentials: true });
    this.#source = source;
    source.addEventListener('open', () => this.#onStatus('live'));
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        this.#onStatus('offline');
        this.#timer = setTimeout(() => this.start(), REOPEN_MS);
      } else {
        // CONNECTING: the browser retries by itself (retry: 3000).
        this.#onStatus('offline');
      }
    });
    for (const kind of ['submission', 'case', 'alert'] as const) source.addEventListener(kind, (event) => this.#receive(event));
    source.addEventListener('reset', () => this.#onEvent({ kind: 'reset' }));
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#source?.close();
    this.#source = undefined;
  }

  #receive(event: MessageEvent<string>): void {
    if (event.lastEventId) this.#lastId = event.lastEventId;
    let json: unknown;
    try {
      json = JSON.parse(event.data);
    } catch {
      return;
    }
    const parsed = z.safeParse(LiveEventSchema, json);
    if (!parsed.success || this.#seen.has(parsed.data.id)) return;
    this.#seen.add(parsed.data.id);
    if (this.#seen.size > 5_000) this.#seen.clear();
    this.#onEvent(parsed.data);
  }
}

/** Calls `refresh` (debounced) whenever a live event of `kinds` arrives; returns the unsubscribe. */
export function onLiveEvents(kinds: readonly string[], refresh: () => void, debounceMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = (event: CustomEvent<LiveNotice>) => {
    if (event.detail.kind !== 'reset' && !kinds.includes(event.detail.kind)) return;
    clearTimeout(timer);
    timer = setTimeout(refresh, debounceMs);
  };
  window.addEventListener('sv-live-event', listener);
  return () => {
    clearTimeout(timer);
    window.removeEventListener('sv-live-event', listener);
  };
}
