import { byAge } from './memory-store.js';
import type { AddOutcome, Backlog, OutboxEntry, OutboxLimits, OutboxStore } from './types.js';

const ENTRIES = 'entries';
const META = 'meta';
const USAGE_KEY = 'usage';
/** 2 added the indexes and the counts below; a version-1 outbox is upgraded in place, nothing lost. */
const VERSION = 2;

/**
 * The totals kept beside the entries and updated in the same transaction as they are, so that
 * checking the caps and counting what a destination owes never reads the queue. (IndexedDB's
 * own `count()` walks the records in Chromium: it grows with the queue.)
 */
interface Usage {
  bytes: number;
  items: number;
  /** Destination → deliveries it owes. */
  owed: Record<string, number>;
}

/**
 * An entry as stored: with the keys of its indexes. `owes` ([destination, queuedAt, id] per
 * destination that owes it) lists a destination's entries oldest first; `due` ([destination,
 * nextAttemptAt]) finds when the last of them is due. An index cannot look into `pending`, a map.
 */
interface Stored extends OutboxEntry {
  readonly owes: readonly (readonly [string, number, string])[];
  readonly due: readonly (readonly [string, number])[];
}

function toStored(entry: OutboxEntry): Stored {
  const names = Object.keys(entry.pending);
  return { ...entry, owes: names.map((name) => [name, entry.queuedAt, entry.id]), due: names.map((name) => [name, entry.pending[name]!.nextAttemptAt]) };
}

function toEntry(stored: Stored): OutboxEntry {
  const { owes, due, ...entry } = stored; // eslint-disable-line @typescript-eslint/no-unused-vars
  return entry;
}

/** Every key of one destination in the `owes` and `due` indexes: arrays sort after numbers and strings. */
const keysOf = (destination: string) => IDBKeyRange.bound([destination], [destination, []]);

/** Adds (`sign` 1) or removes (-1) an entry's share of the totals. */
function count(usage: Usage, entry: OutboxEntry, sign: 1 | -1): void {
  usage.bytes = Math.max(0, usage.bytes + sign * entry.bytes);
  usage.items = Math.max(0, usage.items + sign);
  for (const name of Object.keys(entry.pending)) usage.owed[name] = Math.max(0, (usage.owed[name] ?? 0) + sign);
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
 * Creates the stores and indexes of version 2, or brings a version-1 outbox up to it: every entry
 * is rewritten with its index keys and the totals are counted once. It all happens in the
 * upgrade's own transaction, so a failure leaves version 1 as it was.
 */
function upgrade(db: IDBDatabase, tx: IDBTransaction, from: number): void {
  const entries = from < 1 ? db.createObjectStore(ENTRIES, { keyPath: 'id' }) : tx.objectStore(ENTRIES);
  if (from < 1) db.createObjectStore(META);
  entries.createIndex('queuedAt', 'queuedAt');
  entries.createIndex('owes', 'owes', { multiEntry: true });
  entries.createIndex('due', 'due', { multiEntry: true });
  if (from < 1) return;
  const usage: Usage = { bytes: 0, items: 0, owed: {} };
  entries.openCursor().onsuccess = (event) => {
    const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
    if (!cursor) return void tx.objectStore(META).put(usage, USAGE_KEY);
    const entry = cursor.value as OutboxEntry;
    cursor.update(toStored(entry));
    count(usage, entry, 1);
    cursor.continue();
  };
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
    const open = indexedDB.open(`storevoice-outbox:${name}`, VERSION);
    open.onupgradeneeded = (event) => upgrade(open.result, open.transaction!, event.oldVersion);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
    // No `onblocked`: tabs of every version close their connection on `versionchange` (below), and
    // one that does not runs into the timeout above.
  })
    .finally(() => clearTimeout(timer))
    .then((db) => {
      // Let a future version's upgrade in another tab proceed instead of blocking it.
      db.onversionchange = () => db.close();
      return createStore(db);
    });
}

/** An `add()` waiting for its transaction. */
interface PendingAdd {
  readonly entry: OutboxEntry;
  readonly limits: OutboxLimits;
  resolve(outcome: AddOutcome): void;
  reject(error: unknown): void;
}

function createStore(db: IDBDatabase): OutboxStore {
  const read = (...stores: string[]) => db.transaction(stores, 'readonly');
  /** Adds asked for while a transaction is writing: they are written together in the next one. */
  let waiting: PendingAdd[] = [];
  let writing = false;

  /** Reads the totals; a store without them yet (new) is empty. */
  async function usageIn(tx: IDBTransaction): Promise<Usage> {
    return ((await request(tx.objectStore(META).get(USAGE_KEY))) as Usage | undefined) ?? { bytes: 0, items: 0, owed: {} };
  }

  /**
   * Writes the waiting adds, one transaction per group. A burst of submissions (a page that
   * queues many at once, several tabs) then costs a few commits instead of one each; a lone
   * submission is written at once, as before. Each add is checked against the caps in order, and
   * one that IndexedDB refuses fails alone: the others of its group are still written.
   */
  async function writeWaiting(): Promise<void> {
    writing = true;
    while (waiting.length) {
      const group = waiting;
      waiting = [];
      try {
        const tx = db.transaction([ENTRIES, META], 'readwrite');
        const finished = done(tx);
        const entries = tx.objectStore(ENTRIES);
        const usage = await usageIn(tx);
        const results = group.map(({ entry, limits }) => {
          if (usage.items >= limits.maxItems) return 'full_items' as const;
          if (usage.bytes + entry.bytes > limits.maxBytes) return 'full_bytes' as const;
          count(usage, entry, 1);
          const req = entries.add(toStored(entry));
          return new Promise<AddOutcome | Error>((resolve) => {
            req.onsuccess = () => resolve('added');
            req.onerror = (event) => {
              // Keeps the transaction, and the rest of the group, alive: no abort, and the error
              // does not bubble up to the transaction's own error handler.
              event.preventDefault();
              event.stopPropagation();
              count(usage, entry, -1);
              resolve(req.error ?? new Error('IndexedDB refused the entry'));
            };
          });
        });
        const outcomes = await Promise.all(results);
        tx.objectStore(META).put(usage, USAGE_KEY);
        await finished;
        group.forEach(({ resolve, reject }, i) => (outcomes[i] instanceof Error ? reject(outcomes[i]) : resolve(outcomes[i] as AddOutcome)));
      } catch (error) {
        for (const { reject } of group) reject(error);
      }
    }
    writing = false;
  }

  return {
    add(entry: OutboxEntry, limits: OutboxLimits): Promise<AddOutcome> {
      return new Promise((resolve, reject) => {
        waiting.push({ entry, limits, resolve, reject });
        if (!writing) void writeWaiting();
      });
    },
    async list() {
      const all = (await request(read(ENTRIES).objectStore(ENTRIES).getAll())) as Stored[];
      return all.map(toEntry).sort(byAge);
    },
    async owing(destination) {
      const owed = (await request(read(ENTRIES).objectStore(ENTRIES).index('owes').getAll(keysOf(destination)))) as Stored[];
      return owed.map(toEntry); // the index sorts them by [destination, queuedAt, id]: oldest first
    },
    async queuedBefore(time) {
      const old = (await request(read(ENTRIES).objectStore(ENTRIES).index('queuedAt').getAll(IDBKeyRange.upperBound(time, true)))) as Stored[];
      return old.map(toEntry);
    },
    async backlog(destinations) {
      const tx = read(ENTRIES, META);
      const due = tx.objectStore(ENTRIES).index('due');
      const [usage, ...last] = await Promise.all([
        usageIn(tx),
        // The last key of a destination in `due` carries its latest nextAttemptAt: one step, whatever the queue holds.
        ...destinations.map((name) => request(due.openKeyCursor(keysOf(name), 'prev')).then((cursor) => (cursor?.key as [string, number] | undefined)?.[1])),
      ]);
      const result: Record<string, Backlog> = {};
      destinations.forEach((name, i) => {
        const lastDueAt = last[i] as number | undefined;
        result[name] = lastDueAt === undefined ? { owed: 0 } : { owed: (usage as Usage).owed[name] ?? 0, lastDueAt };
      });
      return result;
    },
    async update(ids, change) {
      if (!ids.length) return;
      const tx = db.transaction([ENTRIES, META], 'readwrite');
      const finished = done(tx);
      const entries = tx.objectStore(ENTRIES);
      const wanted = new Set(ids);
      const sorted = [...wanted].sort(); // IndexedDB orders string keys by code unit, as sort() does
      // A batch usually sits together in the outbox (oldest first, ids in time order): one read of
      // the keys it spans brings all of it, and its runs are deleted a range at a time. Chromium
      // pays per request, so that is a few requests per batch instead of two per submission. A
      // sparse batch (its span holds many entries besides) is read and written entry by entry.
      const limit = 4 * sorted.length;
      const [usage, span] = await Promise.all([usageIn(tx), request(entries.getAll(IDBKeyRange.bound(sorted[0], sorted.at(-1)), limit + 1)) as Promise<Stored[]>]);
      const dense = span.length <= limit;
      const found = dense ? span : await Promise.all(sorted.map((id) => request(entries.get(id)) as Promise<Stored | undefined>));
      /** The first and last key of consecutive entries to delete, not yet deleted. */
      let run: [string, string] | undefined;
      const deleteRun = () => {
        if (run) entries.delete(IDBKeyRange.bound(run[0], run[1]));
        run = undefined;
      };
      let changed = false;
      for (const stored of found) {
        // Gone (delivered or expired meanwhile, by another tab), or in the span but not asked for.
        if (!stored || !wanted.has(stored.id)) {
          deleteRun();
          continue;
        }
        const entry = toEntry(stored);
        const next = change(entry);
        count(usage, entry, -1);
        changed = true;
        if (next) {
          deleteRun();
          entries.put(toStored(next));
          count(usage, next, 1);
        } else if (dense) run = [run?.[0] ?? entry.id, entry.id];
        else entries.delete(entry.id);
      }
      deleteRun();
      if (changed) tx.objectStore(META).put(usage, USAGE_KEY);
      await finished;
    },
    close() {
      db.close();
    },
  };
}
