import type { AddOutcome, OutboxEntry, OutboxLimits, OutboxStore } from './types.js';

/**
 * Keeps the queue in this page's memory: used where IndexedDB is missing or failing
 * (private browsing, quota, Node). Survives server faults and offline periods, not reloads.
 * @param entries where the entries are kept, id → entry; the caller may read it, not change it
 */
export function createMemoryStore(entries = new Map<string, OutboxEntry>()): OutboxStore {
  let bytes = 0;
  return {
    async add(entry: OutboxEntry, limits: OutboxLimits): Promise<AddOutcome> {
      if (entries.size >= limits.maxItems) return 'full_items';
      if (bytes + entry.bytes > limits.maxBytes) return 'full_bytes';
      entries.set(entry.id, entry);
      bytes += entry.bytes;
      return 'added';
    },
    async list() {
      return [...entries.values()].sort(byAge);
    },
    async update(id, change) {
      const entry = entries.get(id);
      if (!entry) return;
      const next = change(entry);
      if (next) entries.set(id, next);
      else {
        entries.delete(id);
        bytes -= entry.bytes;
      }
    },
    close() {},
  };
}

/**
 * Oldest first, by `queuedAt`. Ties keep their order (sort is stable): IndexedDB lists by id, a
 * UUID v7 that sorts by creation time, and memory in the order the submissions were queued.
 */
export function byAge(a: OutboxEntry, b: OutboxEntry): number {
  return a.queuedAt - b.queuedAt;
}
