import type { AppContext } from '../context.js';
import { startEventHub } from './hub.js';
import { closeEventStreams } from './routes.js';
import { pruneEvents } from './store.js';

export { eventRoutes, closeEventStreams, openEventStreams } from './routes.js';
export { eventHub } from './hub.js';
export type { StoredEvent } from './store.js';
export * from './types.js';

/** How often old events are deleted; they are only kept for clients that resume. */
const PRUNE_EVERY_MS = 10 * 60_000;

/** Deletes the events older than EVENT_RETENTION_HOURS (what the periodic job runs). */
export function pruneOldEvents(ctx: Pick<AppContext, 'db' | 'config' | 'now'>): Promise<number> {
  return pruneEvents(ctx.db, new Date(ctx.now().getTime() - ctx.config.EVENT_RETENTION_HOURS * 3_600_000));
}

/**
 * Turns live events on for a collector: one LISTEN for this instance, open streams ended when
 * the collector starts closing (before it waits for in-flight requests, which a stream never
 * stops being), and old events pruned every 10 minutes. The route is mounted by `createApp`.
 */
export async function installEvents(ctx: AppContext): Promise<void> {
  const stopListening = await startEventHub(ctx);
  ctx.beforeClose.push(() => closeEventStreams(ctx));
  const prune = setInterval(() => {
    pruneOldEvents(ctx).catch((error: unknown) => ctx.log.error('event pruning failed', { error: String(error) }));
  }, PRUNE_EVERY_MS).unref();
  ctx.onClose.push(async () => {
    clearInterval(prune);
    await stopListening();
  });
}
