/**
 * Where kiosk settings and the PIN lockout live: `localStorage` by default, any object with the
 * same three methods in tests (or a kiosk shell with its own store).
 */
export type KioskStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * `localStorage`, or `undefined` where there is none or reading it throws (Safari with storage
 * blocked, an opaque origin). Callers then work in memory and say so once.
 */
export function defaultStorage(): KioskStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The parsed JSON under `key`; `undefined` when absent; `{ error }` when unreadable or not JSON. */
export function readJson(storage: KioskStorage | undefined, key: string): { value: unknown } | { error: string } | undefined {
  let text: string | null;
  try {
    text = storage?.getItem(key) ?? null;
  } catch (error) {
    return { error: `could not read storage (${String(error)})` };
  }
  if (text === null) return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { error: 'the stored value is not JSON' };
  }
}

/** Writes `value` as JSON; throws what the storage throws (quota, disabled), so no save is silently lost. */
export function writeJson(storage: KioskStorage | undefined, key: string, value: unknown): void {
  if (!storage) throw new Error('no storage available on this device (localStorage is disabled)');
  storage.setItem(key, JSON.stringify(value));
}
