import { byAge, createMemoryStore } from './memory-store.js';
import type { Backlog, OutboxEntry, OutboxStore } from './types.js';

/**
 * IndexedDB first, memory when a write to it fails (quota exceeded, storage evicted, disk error).
 * A failed durable write must never lose the submission: it is kept in memory and reported as
 * not durable, so the caller can tell "saved" from "held until this page closes".
 */
export function withMemoryFallback(primary: OutboxStore, onFallback: (error: unknown) => void): OutboxStore & { isDurable(id: string): boolean } {
  /** What memory holds: the entries whose durable write failed. */
  const held = new Map<string, OutboxEntry>();
  const memory = createMemoryStore(held);

  /** What both stores answer; a failing read of IndexedDB is reported, and memory's part still counts. */
  async function both<T>(ask: (store: OutboxStore) => Promise<T>, empty: T): Promise<[T, T]> {
    let durable = empty;
    try {
      durable = await ask(primary);
    } catch (error) {
      onFallback(error);
    }
    return [durable, await ask(memory)];
  }
  const merged = async (ask: (store: OutboxStore) => Promise<OutboxEntry[]>) => (await both(ask, [])).flat().sort(byAge);

  return {
    isDurable: (id) => !held.has(id),
    async add(entry, limits) {
      try {
        return await primary.add(entry, limits);
      } catch (error) {
        onFallback(error);
        return memory.add(entry, limits);
      }
    },
    list: () => merged((store) => store.list()),
    owing: (destination) => merged((store) => store.owing(destination)),
    queuedBefore: (time) => merged((store) => store.queuedBefore(time)),
    async backlog(destinations) {
      const [durable, inMemory] = await both((store) => store.backlog(destinations), {} as Record<string, Backlog>);
      const result: Record<string, Backlog> = {};
      for (const name of destinations) {
        const [a = { owed: 0 }, b = { owed: 0 }] = [durable[name], inMemory[name]];
        const due = [a.lastDueAt, b.lastDueAt].filter((at) => at !== undefined);
        result[name] = due.length ? { owed: a.owed + b.owed, lastDueAt: Math.max(...due) } : { owed: 0 };
      }
      return result;
    },
    async update(ids, change) {
      const inMemory = ids.filter((id) => held.has(id));
      await memory.update(inMemory, change);
      if (inMemory.length < ids.length) await primary.update(ids.filter((id) => !held.has(id)), change);
    },
    close() {
      primary.close();
      memory.close();
    },
  };
}
