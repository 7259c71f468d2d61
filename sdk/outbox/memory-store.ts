import type { AddOutcome, OutboxEntry, OutboxLimits, OutboxStore } from './types.js';

/**
 * Keeps the queue in this page's memory: used where IndexedDB is missing or failing
 * (private browsing, quota, Node). Survives server faults and offline periods, not reloads.
 */
export function createMemoryStore(): OutboxStore {
  const entries = new Map<string, OutboxEntry>();
  let bytes = 0;
  return {
    kind: 'memory',
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
      if (!entry) return undefined;
      const next = change(entry);
      if (next) entries.set(id, next);
      else {
        entries.delete(id);
        bytes -= entry.bytes;
      }
      return next;
    },
    close() {},
  };
}

/** Oldest first: `queuedAt`, then the UUID v7 id, which also sorts by creation time. */
export function byAge(a: OutboxEntry, b: OutboxEntry): number {
  return a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
