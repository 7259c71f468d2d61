import type { AppContext } from '../context.js';
import { startEscalationWorker } from './escalation.js';

export { caseRoutes } from './routes.js';
export { caseFor, dueAt, isDetractor, agreedToContact, CASE_REASONS, type CaseReason, type CaseDecision } from './rules.js';
export { contactOf, contactHref, withoutContactDetails, type ContactDetail, type ContactKind } from './contacts.js';
export { escalateOverdue, escalationHooks, startEscalationWorker, type EscalatedCase, type EscalationHook } from './escalation.js';
export { planCaseChange } from './transitions.js';
export * from './types.js';

/**
 * Turns case escalation on for a collector: every CASE_WORKER_INTERVAL_MS (0: never; tests call
 * `escalateOverdue`) overdue cases are escalated until the collector closes. Cases themselves are
 * opened by ingest (ingest/follow-ups.ts); the routes are mounted by `createApp`.
 */
export function installCases(ctx: AppContext): void {
  if (ctx.config.CASE_WORKER_INTERVAL_MS > 0) ctx.onClose.push(startEscalationWorker(ctx, ctx.config.CASE_WORKER_INTERVAL_MS));
}
