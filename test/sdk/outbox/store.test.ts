import { expect } from '@open-wc/testing';
import { createClient, uuidv7 } from '../../../sdk/index.js';
import { openIndexedDbStore } from '../../../sdk/outbox/indexeddb-store.js';
import { createMemoryStore } from '../../../sdk/outbox/memory-store.js';
import type { OutboxEntry, OutboxStore } from '../../../sdk/outbox/types.js';
import { testCollector, waitFor } from '../../support/collector.js';
import { submission } from '../transport/make-submission.js';
import { fastHttp, uniqueOutbox } from '../client/helpers.js';

const roomy = { maxItems: 100_000, maxBytes: 1e9 };
const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);

/** An entry queued at `T0 + minute` minutes, owed to `destinations` (due at `due`, default at once). */
function entry(minute: number, destinations: readonly string[] = ['main'], due = 0): OutboxEntry {
  const queuedAt = T0 + minute * 60_000;
  const s = submission({ id: uuidv7(queuedAt) });
  return { id: s.id, submission: s, bytes: 100 + minute, queuedAt, pending: Object.fromEntries(destinations.map((name) => [name, { attempts: 0, nextAttemptAt: due }])) };
}

const ids = (entries: readonly OutboxEntry[]) => entries.map((e) => e.id);

/** A small deterministic PRNG (mulberry32), so a failing sequence can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Creates a version-1 outbox, as the SDK before 0.2 left it on devices: entries keyed by id, and a byte total. */
async function createVersion1(name: string, entries: readonly OutboxEntry[]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(`storevoice-outbox:${name}`, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('entries', { keyPath: 'id' });
      open.result.createObjectStore('meta');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tx = db.transaction(['entries', 'meta'], 'readwrite');
  for (const e of entries) tx.objectStore('entries').put(e);
  tx.objectStore('meta').put({ bytes: entries.reduce((sum, e) => sum + e.bytes, 0) }, 'usage');
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

describe('outbox store (IndexedDB)', () => {
  let store: OutboxStore;
  afterEach(() => store?.close());

  it('answers what a destination owes, oldest first, without the others', async () => {
    store = await openIndexedDbStore(uniqueOutbox());
    const [late, early, both, alertsOnly] = [entry(3), entry(1), entry(2, ['main', 'alerts'], T0 + 99), entry(0, ['alerts'], T0 + 5)];
    for (const e of [late, early, both, alertsOnly]) expect(await store.add(e, roomy)).to.equal('added');

    expect(ids(await store.owing('main'))).to.deep.equal(ids([early, both, late]));
    expect(ids(await store.owing('alerts'))).to.deep.equal(ids([alertsOnly, both]));
    expect(await store.owing('nobody')).to.deep.equal([]);
    expect(await store.backlog(['main', 'alerts', 'nobody'])).to.deep.equal({ main: { owed: 3, lastDueAt: T0 + 99 }, alerts: { owed: 2, lastDueAt: T0 + 99 }, nobody: { owed: 0 } });
    expect(ids(await store.queuedBefore(T0 + 2 * 60_000))).to.have.members(ids([alertsOnly, early]));
    expect(ids(await store.list())).to.deep.equal(ids([alertsOnly, early, both, late]));
    // What comes back is the entry as added, without the index keys stored beside it.
    expect((await store.owing('alerts'))[0]).to.deep.equal(alertsOnly);
  });

  it('acknowledges a batch in one call, keeping what another destination still owes', async () => {
    store = await openIndexedDbStore(uniqueOutbox());
    const entries = Array.from({ length: 10 }, (_, i) => entry(i, i === 4 ? ['main', 'alerts'] : ['main']));
    for (const e of entries) await store.add(e, roomy);
    const batch = entries.slice(2, 8);

    await store.update(ids(batch), (e) => {
      const { main: _, ...rest } = e.pending; // eslint-disable-line @typescript-eslint/no-unused-vars
      return Object.keys(rest).length ? { ...e, pending: rest } : null;
    });

    expect(ids(await store.list())).to.deep.equal(ids([entries[0]!, entries[1]!, entries[4]!, entries[8]!, entries[9]!]));
    expect((await store.list())[2]!.pending).to.have.keys('alerts');
    expect(await store.backlog(['main', 'alerts'])).to.deep.equal({ main: { owed: 4, lastDueAt: 0 }, alerts: { owed: 1, lastDueAt: 0 } });
  });

  it('keeps its caps across adds and deletes, also for adds made at the same time', async () => {
    store = await openIndexedDbStore(uniqueOutbox());
    const limits = { maxItems: 5, maxBytes: 1e6 };
    const entries = Array.from({ length: 8 }, (_, i) => entry(i));

    const outcomes = await Promise.all(entries.map((e) => store.add(e, limits)));

    expect(outcomes).to.deep.equal(['added', 'added', 'added', 'added', 'added', 'full_items', 'full_items', 'full_items']);
    await store.update(ids(entries.slice(0, 2)), () => null);
    expect(await store.add(entries[5]!, limits)).to.equal('added');
    expect(await store.add(entries[6]!, limits)).to.equal('added');
    expect(await store.add(entries[7]!, limits)).to.equal('full_items');
    expect(await store.add(entry(20), { maxItems: 100, maxBytes: 5 * 100 + 7 })).to.equal('full_bytes');
  });

  it('fails an add IndexedDB refuses alone: the others made with it are kept', async () => {
    store = await openIndexedDbStore(uniqueOutbox());
    const first = entry(1);
    await store.add(first, roomy);
    const others = [entry(2), entry(3)];

    const results = await Promise.allSettled([store.add(others[0]!, roomy), store.add(first, roomy), store.add(others[1]!, roomy)]);

    expect(results.map((r) => r.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled']);
    expect(ids(await store.list())).to.deep.equal(ids([first, ...others]));
    expect((await store.backlog(['main'])).main!.owed).to.equal(3);
  });

  it('answers like the in-memory store over a random sequence of adds, acknowledgements, retries and expiry', async () => {
    store = await openIndexedDbStore(uniqueOutbox());
    const model = createMemoryStore();
    const next = random(17);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const destinations = ['main', 'alerts', 'audit'];
    let minute = 0;
    for (let step = 0; step < 150; step++) {
      const roll = next();
      if (roll < 0.45) {
        const owed = destinations.filter(() => next() < 0.5);
        const e = entry(minute++, owed.length ? owed : ['main'], T0 + Math.floor(next() * 10));
        expect(await store.add(e, roomy)).to.equal(await model.add(e, roomy));
      } else {
        const destination = pick(destinations);
        const owing = await model.owing(destination);
        expect(ids(await store.owing(destination))).to.deep.equal(ids(owing), `owing ${destination} at step ${step}`);
        // A batch as the courier makes one (oldest first), or a scattered choice.
        const batch = roll < 0.8 ? owing.slice(0, 1 + Math.floor(next() * 6)) : owing.filter(() => next() < 0.3);
        const change =
          roll < 0.7
            ? (e: OutboxEntry) => {
                const { [destination]: _, ...rest } = e.pending; // eslint-disable-line @typescript-eslint/no-unused-vars
                return Object.keys(rest).length ? { ...e, pending: rest } : null;
              }
            : (e: OutboxEntry) => ({ ...e, pending: { ...e.pending, [destination]: { attempts: 1, nextAttemptAt: T0 + step * 1000 } } });
        await store.update(ids(batch), change);
        await model.update(ids(batch), change);
      }
      if (step % 25 === 24) {
        const cutoff = T0 + (minute - 20) * 60_000;
        const old = await model.queuedBefore(cutoff);
        expect(ids(await store.queuedBefore(cutoff))).to.deep.equal(ids(old));
        await store.update(ids(old), () => null);
        await model.update(ids(old), () => null);
      }
      expect(await store.backlog(destinations)).to.deep.equal(await model.backlog(destinations), `backlog at step ${step}`);
    }
    expect(await store.list()).to.deep.equal(await model.list());
  });

  it('upgrades an outbox queued by an earlier version, and delivers it exactly once', async () => {
    const name = uniqueOutbox();
    const queued = [entry(1, ['main']), entry(2, ['main'], T0 + 60_000), entry(3, ['main'])];
    await createVersion1(name, queued);

    store = await openIndexedDbStore(name);
    expect(await store.list()).to.deep.equal(queued);
    expect(await store.backlog(['main'])).to.deep.equal({ main: { owed: 3, lastDueAt: T0 + 60_000 } });
    expect(await store.add(entry(4), { maxItems: 4, maxBytes: 1e6 })).to.equal('added');
    expect(await store.add(entry(5), { maxItems: 4, maxBytes: 1e6 })).to.equal('full_items');
    store.close();

    const collector = await testCollector();
    const client = createClient({ destinations: { main: fastHttp(collector) }, outbox: { name, maxAgeMs: 100 * 365 * 86_400_000 } });
    await waitFor(async () => (await collector.state()).storedCount === 4, { message: 'all four delivered' });
    const state = await collector.state();
    expect(state.stored.slice(0, 3)).to.deep.equal(ids(queued));
    expect(state.duplicates).to.equal(0);
    expect(await client.pending()).to.deep.equal([]);
    client.destroy();
  });
});
