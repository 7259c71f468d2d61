import type { AppContext } from '../context.js';
import { startIdeaEscalationWorker } from './escalation.js';

export { ideaRoutes } from './routes.js';
export { escalateOverdueIdeas, startIdeaEscalationWorker, type EscalatedIdea } from './escalation.js';
export * from './types.js';

/**
 * Turns idea escalation on for a collector, in the rhythm of case escalation
 * (CASE_WORKER_INTERVAL_MS; 0: never, tests call `escalateOverdueIdeas`).
 */
export function installIdeas(ctx: AppContext): void {
  if (ctx.config.CASE_WORKER_INTERVAL_MS > 0) ctx.onClose.push(startIdeaEscalationWorker(ctx, ctx.config.CASE_WORKER_INTERVAL_MS));
}
