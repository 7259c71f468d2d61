import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Audience } from '../../../demo/server/events/audience.js';
import { COALESCE_MS, EventConnection, MAX_BUFFERED_BYTES, type StreamSink } from '../../../demo/server/events/connection.js';
import type { StoredEvent } from '../../../demo/server/events/store.js';

/** A sink that keeps what is written; `stalled` plays a client whose socket takes nothing. */
function sink(stalled = false) {
  const state = { writes: [] as string[], buffered: 0, ended: false };
  const decoder = new TextDecoder();
  const s: StreamSink = {
    write: (chunks) => {
      state.writes.push(chunks.map((c) => decoder.decode(c)).join(''));
      if (stalled) state.buffered += chunks.reduce((n, c) => n + c.byteLength, 0);
    },
    get buffered() {
      return state.buffered;
    },
    end: () => void (state.ended = true),
    onGone: () => undefined,
  };
  return { sink: s, state };
}

const audience: Audience = { brandId: 'acme', regionId: 'north', storeId: undefined, kinds: new Set(['submission', 'case']) };
const event = (id: number, over: Partial<StoredEvent> = {}): StoredEvent => ({ id, kind: 'submission', brandId: 'acme', regionId: 'north', storeId: 'n1', at: '2026-03-07T12:00:00.000Z', data: { note: 'x'.repeat(200) }, ...over });
const tick = () => new Promise((resolve) => setTimeout(resolve, COALESCE_MS * 3));

describe('one event-stream connection', () => {
  it('cuts off a client that stops reading instead of buffering without bound', async () => {
    const { sink: s, state } = sink(true);
    const connection = new EventConnection(s, audience);
    connection.replayed([]);
    let id = 1;
    while (!connection.closed && id < 100_000) {
      for (let i = 0; i < 100; i++) connection.offer(event(id++));
      await tick();
    }
    assert.equal(connection.closed, true);
    assert.equal(state.ended, true);
    assert.ok(state.buffered <= MAX_BUFFERED_BYTES, `${state.buffered} bytes waited`);
  });

  it('filters by audience, holds live events until the replay is sent (without those it had), and gathers them into one write', async () => {
    const { sink: s, state } = sink();
    const connection = new EventConnection(s, audience);
    connection.offer(event(5));
    connection.offer(event(6, { regionId: 'south' }));
    connection.offer(event(7, { brandId: 'other' }));
    connection.offer(event(8, { kind: 'alert' }));
    await tick();
    assert.equal(state.writes.length, 0, 'held during the replay');
    connection.replayed([event(3), event(5)]);
    connection.offer(event(9));
    await tick();
    assert.deepEqual([...state.writes.join('').matchAll(/^id: (\d+)$/gm)].map((m) => m[1]), ['3', '5', '9']);
    assert.equal(state.writes.length, 1, 'one write for what arrived together');
  });
});
