import { byAge, createMemoryStore } from './memory-store.js';
import type { OutboxStore } from './types.js';

/**
 * IndexedDB first, memory when a write to it fails (quota exceeded, storage evicted, disk error).
 * A failed durable write must never lose the submission: it is kept in memory and reported as
 * not durable, so the caller can tell "saved" from "held until this page closes".
 */
export function withMemoryFallback(primary: OutboxStore, onFallback: (error: unknown) => void): OutboxStore & { isDurable(id: string): boolean } {
  const memory = createMemoryStore();
  const inMemory = new Set<string>();
  return {
    kind: primary.kind,
    isDurable: (id) => !inMemory.has(id),
    async add(entry, limits) {
      try {
        return await primary.add(entry, limits);
      } catch (error) {
        onFallback(error);
        const outcome = await memory.add(entry, limits);
        if (outcome === 'added') inMemory.add(entry.id);
        return outcome;
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
    async update(id, change) {
      if (inMemory.has(id)) {
        const next = await memory.update(id, change);
        if (!next) inMemory.delete(id);
        return next;
      }
      return primary.update(id, change);
    },
    close() {
      primary.close();
      memory.close();
    },
  };
}
