import type { AddOutcome, Backlog, OutboxEntry, OutboxLimits, OutboxStore } from './types.js';

/**
 * Keeps the queue in this page's memory: used where IndexedDB is missing or failing
 * (private browsing, quota, Node). Survives server faults and offline periods, not reloads.
 * @param entries where the entries are kept, id → entry; the caller may read it, not change it
 */
export function createMemoryStore(entries = new Map<string, OutboxEntry>()): OutboxStore {
  let bytes = 0;
  /** The entries that pass `keep`, oldest first. */
  const select = (keep: (entry: OutboxEntry) => unknown) => [...entries.values()].filter(keep).sort(byAge);
  return {
    async add(entry: OutboxEntry, limits: OutboxLimits): Promise<AddOutcome> {
      if (entries.size >= limits.maxItems) return 'full_items';
      if (bytes + entry.bytes > limits.maxBytes) return 'full_bytes';
      entries.set(entry.id, entry);
      bytes += entry.bytes;
      return 'added';
    },
    list: async () => select(() => true),
    owing: async (destination) => select((entry) => entry.pending[destination]),
    queuedBefore: async (time) => select((entry) => entry.queuedAt < time),
    async backlog(destinations) {
      const result: Record<string, Backlog> = {};
      for (const name of destinations) {
        let owed = 0;
        let lastDueAt = -Infinity;
        for (const { pending } of entries.values()) {
          const state = pending[name];
          if (!state) continue;
          owed++;
          lastDueAt = Math.max(lastDueAt, state.nextAttemptAt);
        }
        result[name] = owed ? { owed, lastDueAt } : { owed };
      }
      return result;
    },
    async update(ids, change) {
      for (const id of ids) {
        const entry = entries.get(id);
        if (!entry) continue;
        const next = change(entry);
        if (next) entries.set(id, next);
        else {
          entries.delete(id);
          bytes -= entry.bytes;
        }
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
