/**
 * Runs `task` while holding an exclusive lock shared by every tab of this origin, so only one
 * tab delivers a shared outbox at a time (two tabs flushing together would send duplicates).
 * Uses the Web Locks API; where it is missing, a lock within this page only (the collector's
 * deduplication by id then absorbs the rare cross-tab double send).
 */
export function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (locks?.request) return locks.request(`storevoice:${name}`, task) as Promise<T>;
  return withLocalLock(name, task);
}

/** Per lock name, the end of its last task (one settled promise per name once idle: nothing piles up). */
const chains = new Map<string, Promise<unknown>>();

function withLocalLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const run = (chains.get(name) ?? Promise.resolve()).then(task);
  chains.set(name, run.catch(() => undefined));
  return run;
}
