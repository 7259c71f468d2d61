import { byAge, createMemoryStore } from './memory-store.js';
import type { OutboxEntry, OutboxStore } from './types.js';

/**
 * IndexedDB first, memory when a write to it fails (quota exceeded, storage evicted, disk error).
 * A failed durable write must never lose the submission: it is kept in memory and reported as
 * not durable, so the caller can tell "saved" from "held until this page closes".
 */
export function withMemoryFallback(primary: OutboxStore, onFallback: (error: unknown) => void): OutboxStore & { isDurable(id: string): boolean } {
  /** What memory holds: the entries whose durable write failed. */
  const held = new Map<string, OutboxEntry>();
  const memory = createMemoryStore(held);
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
    async list() {
      let durable: Awaited<ReturnType<OutboxStore['list']>> = [];
      try {
        durable = await primary.list();
      } catch (error) {
        onFallback(error);
      }
      return [...durable, ...(await memory.list())].sort(byAge);
    },
    update: (id, change) => (held.has(id) ? memory : primary).update(id, change),
    close() {
      primary.close();
      memory.close();
    },
  };
}
