/** One server-sent event as a client sees it. */
export interface ReceivedEvent {
  event: string;
  id: string | undefined;
  data: string;
  /** `data` parsed as JSON (our events always carry JSON). */
  json: { id: number; kind: string; at: string; data: Record<string, unknown> } | undefined;
}

/**
 * A real SSE client over HTTP for tests: reads `GET /v1/events` with `fetch`, parses the stream as
 * a browser's EventSource does (fields, blank-line dispatch, comments), and lets a test wait for
 * what it expects. Keeps the raw text too, for checks that nothing protected came through.
 */
export class SseClient {
  readonly events: ReceivedEvent[] = [];
  readonly comments: string[] = [];
  raw = '';
  status = 0;
  headers = new Headers();
  #abort = new AbortController();
  #waiters: Array<() => void> = [];
  #ended = false;

  static async open(baseUrl: string, cookie: string, options: { lastEventId?: string; query?: string } = {}): Promise<SseClient> {
    const client = new SseClient();
    const headers: Record<string, string> = { cookie, accept: 'text/event-stream' };
    if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
    const res = await fetch(`${baseUrl}/v1/events${options.query ?? ''}`, { headers, signal: client.#abort.signal });
    client.status = res.status;
    client.headers = res.headers;
    if (res.status !== 200 || !res.body) {
      client.raw = await res.text();
      client.#ended = true;
      return client;
    }
    void client.#read(res.body);
    // The stream says `: connected` once it is subscribed: from then on nothing is missed.
    await client.waitFor(() => client.comments.includes('connected'), 5_000, 'the stream to open');
    return client;
  }

  get ended(): boolean {
    return this.#ended;
  }

  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const text = decoder.decode(value, { stream: true });
        this.raw += text;
        buffer += text;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.#dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        this.#wake();
      }
    } catch {
      // aborted by close()
    } finally {
      this.#ended = true;
      this.#wake();
    }
  }

  #dispatch(block: string): void {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length === 0) return;
    const text = data.join('\n');
    let json: ReceivedEvent['json'];
    try {
      json = JSON.parse(text) as ReceivedEvent['json'];
    } catch {
      json = undefined;
    }
    this.events.push({ event, id, data: text, json });
  }

  #wake(): void {
    for (const waiter of this.#waiters.splice(0)) waiter();
  }

  /** Resolves once `check()` is true; rejects after `timeoutMs` saying what it waited for. */
  async waitFor(check: () => boolean, timeoutMs = 5_000, what = 'a condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (this.#ended && !check()) throw new Error(`the stream ended while waiting for ${what}; received:\n${this.raw}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; received:\n${this.raw}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 100));
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Events of a kind whose data matches `where`. */
  find(kind: string, where: (data: Record<string, unknown>) => boolean = () => true): ReceivedEvent[] {
    return this.events.filter((e) => e.event === kind && e.json !== undefined && where(e.json.data));
  }

  /** The `id` of the last event received. */
  get lastEventId(): string | undefined {
    return this.events.filter((e) => e.id !== undefined).at(-1)?.id;
  }

  close(): void {
    this.#abort.abort();
  }
}
