import type { AppContext, StoredSubmission } from '../context.js';

// Hook runs still going, per collector, so shutdown can wait for them.
const pending = new WeakMap<object, Set<Promise<void>>>();

/**
 * Runs every `ctx.afterIngest` hook on newly stored submissions without delaying the caller:
 * the ingest answer is already decided. A failing hook is logged and never fails the ingest.
 * The first call registers an `onClose` step so shutdown waits for hooks still running.
 */
export function runAfterIngest(ctx: Pick<AppContext, 'afterIngest' | 'onClose' | 'log'>, stored: StoredSubmission[]): void {
  if (stored.length === 0 || ctx.afterIngest.length === 0) return;
  let running = pending.get(ctx);
  if (!running) {
    const set = new Set<Promise<void>>();
    pending.set(ctx, (running = set));
    ctx.onClose.push(() => settle(set));
  }
  for (const hook of [...ctx.afterIngest]) {
    const run: Promise<void> = Promise.resolve()
      .then(() => hook(stored))
      .catch((error: unknown) => ctx.log.error('afterIngest hook failed', { hook: hook.name || 'anonymous', count: stored.length, error: error instanceof Error ? error.message : String(error) }))
      .finally(() => running.delete(run));
    running.add(run);
  }
}

/** How many hook runs are still going (for /metrics). */
export function afterIngestRunning(ctx: object): number {
  return pending.get(ctx)?.size ?? 0;
}

/** Resolves once every hook run started so far (and any they started) has finished. */
export async function drainAfterIngest(ctx: object): Promise<void> {
  const running = pending.get(ctx);
  if (running) await settle(running);
}

async function settle(running: Set<Promise<void>>): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}
