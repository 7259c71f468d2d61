import { withMemoryFallback } from './fallback-store.js';
import { openIndexedDbStore } from './indexeddb-store.js';
import { createMemoryStore } from './memory-store.js';
import type { OutboxStore } from './types.js';

export type OpenedOutbox = OutboxStore & {
  /** Whether this entry is in storage that survives a reload. */
  isDurable(id: string): boolean;
};

/**
 * Opens the durable outbox, or memory when asked for or when IndexedDB cannot be used.
 * `onFallback` hears every IndexedDB failure: storage trouble is reported, never swallowed.
 */
export async function openOutbox(name: string, storage: 'auto' | 'memory', onFallback: (error: unknown) => void): Promise<OpenedOutbox> {
  if (storage === 'auto') {
    try {
      return withMemoryFallback(await openIndexedDbStore(name), onFallback);
    } catch (error) {
      onFallback(error);
    }
  }
  return { ...createMemoryStore(), isDurable: () => false };
}
