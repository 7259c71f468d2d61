import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SSEStreamingApi } from 'hono/streaming';
import type { Audience } from '../../../demo/server/events/audience.js';
import { EventConnection, MAX_QUEUED } from '../../../demo/server/events/connection.js';
import type { StoredEvent } from '../../../demo/server/events/store.js';

/** A stream whose client reads nothing: every write waits forever, like a stalled socket. */
function stalledStream() {
  const state = { writes: 0, closed: false, aborts: [] as Array<() => void> };
  const stream = {
    write: () => {
      state.writes++;
      return new Promise(() => {});
    },
    close: async () => void (state.closed = true),
    onAbort: (fn: () => void) => void state.aborts.push(fn),
  } as unknown as SSEStreamingApi;
  return { stream, state };
}

const audience: Audience = { brandId: 'acme', regionId: 'north', storeId: undefined, kinds: new Set(['submission', 'case']) };
const event = (id: number, over: Partial<StoredEvent> = {}): StoredEvent => ({ id, kind: 'submission', brandId: 'acme', regionId: 'north', storeId: 'n1', at: '2026-03-07T12:00:00.000Z', data: {}, ...over });

describe('one event-stream connection', () => {
  it('cuts off a client that stops reading instead of queueing without bound', () => {
    const { stream, state } = stalledStream();
    const connection = new EventConnection(stream, audience);
    connection.replayed([]);
    // One in flight, MAX_QUEUED waiting: the next one is one too many.
    for (let id = 1; id <= MAX_QUEUED + 1; id++) connection.offer(event(id));
    assert.equal(connection.closed, false);
    connection.offer(event(MAX_QUEUED + 2));
    assert.equal(connection.closed, true);
    assert.equal(state.closed, true);
    assert.equal(state.writes, 1, 'one write in flight, the rest queued');
  });

  it('filters by audience, drops ids already sent, and holds live events until the replay is sent', () => {
    const sent: string[] = [];
    const stream = { write: async (bytes: Uint8Array) => void sent.push(new TextDecoder().decode(bytes)), close: async () => {}, onAbort: () => {} } as unknown as SSEStreamingApi;
    const connection = new EventConnection(stream, audience);
    connection.offer(event(5));
    connection.offer(event(6, { regionId: 'south' }));
    connection.offer(event(7, { brandId: 'other' }));
    connection.offer(event(8, { kind: 'alert' }));
    assert.equal(sent.length, 0, 'held during the replay');
    connection.replayed([event(3), event(5)]);
    connection.offer(event(9));
    connection.offer(event(9));
    return new Promise<void>((resolve) => setTimeout(resolve, 10)).then(() => {
      assert.deepEqual(sent.map((s) => /^id: (\d+)$/m.exec(s)?.[1]), ['3', '5', '9']);
    });
  });
});
