import { byAge } from './memory-store.js';
import type { AddOutcome, OutboxEntry, OutboxLimits, OutboxStore } from './types.js';

const ENTRIES = 'entries';
const META = 'meta';
const USAGE_KEY = 'usage';

interface Usage {
  bytes: number;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    // Only an explicit abort() leaves `error` null, and nothing here calls it.
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}

/**
 * Opens (or creates) the outbox database. Rejects when IndexedDB is missing, throws (some private
 * modes), or does not answer within `timeoutMs` (an old tab blocking an upgrade), so the caller can
 * fall back to memory instead of waiting forever.
 */
export function openIndexedDbStore(name: string, timeoutMs = 3000): Promise<OutboxStore> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // What the executor throws rejects the promise: a ReferenceError or TypeError where there is no
  // IndexedDB (Node, SSR, some private modes), a SecurityError where reading it is refused. The
  // caller's warning already says IndexedDB is unavailable, so no message of our own is needed.
  return new Promise<IDBDatabase>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('IndexedDB did not open in time')), timeoutMs);
    const open = indexedDB.open(`storevoice-outbox:${name}`, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore(ENTRIES, { keyPath: 'id' });
      open.result.createObjectStore(META);
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
    // No `onblocked`: version 1 is only ever created, never upgraded from an open database; a
    // future version blocked by an old tab runs into the timeout above.
  })
    .finally(() => clearTimeout(timer))
    .then((db) => {
      // Let a future version's upgrade in another tab proceed instead of blocking it.
      db.onversionchange = () => db.close();
      return createStore(db);
    });
}

function createStore(db: IDBDatabase): OutboxStore {
  /** Reads the byte total kept beside the entries; it is updated in the same transaction as they are. */
  async function usage(meta: IDBObjectStore): Promise<number> {
    return ((await request(meta.get(USAGE_KEY))) as Usage | undefined)?.bytes ?? 0;
  }

  return {
    async add(entry: OutboxEntry, limits: OutboxLimits): Promise<AddOutcome> {
      const tx = db.transaction([ENTRIES, META], 'readwrite');
      const finished = done(tx);
      const entries = tx.objectStore(ENTRIES);
      const meta = tx.objectStore(META);
      const [count, used] = await Promise.all([request(entries.count()), usage(meta)]);
      let outcome: AddOutcome = 'added';
      if (count >= limits.maxItems) outcome = 'full_items';
      else if (used + entry.bytes > limits.maxBytes) outcome = 'full_bytes';
      else {
        entries.add(entry);
        meta.put({ bytes: used + entry.bytes } satisfies Usage, USAGE_KEY);
      }
      await finished;
      return outcome;
    },
    async list() {
      const all = (await request(db.transaction(ENTRIES).objectStore(ENTRIES).getAll())) as OutboxEntry[]; // read-only
      return all.sort(byAge);
    },
    async update(id, change) {
      const tx = db.transaction([ENTRIES, META], 'readwrite');
      const finished = done(tx);
      const entries = tx.objectStore(ENTRIES);
      const entry = (await request(entries.get(id))) as OutboxEntry | undefined;
      const next = entry && change(entry);
      if (next) entries.put(next);
      else if (entry) {
        entries.delete(id);
        const meta = tx.objectStore(META);
        meta.put({ bytes: Math.max(0, (await usage(meta)) - entry.bytes) } satisfies Usage, USAGE_KEY);
      }
      await finished;
    },
    close() {
      db.close();
    },
  };
}
