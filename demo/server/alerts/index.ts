import type { AppContext } from '../context.js';
import { startDeliveryWorker } from './delivery/worker.js';
import { evaluateAlerts } from './evaluate/hook.js';
import { loadRulesFile } from './rules/file.js';
import { escalationHooks } from '../cases/escalation.js';
import { raiseEscalationAlerts } from './system/escalation.js';
import { startDropWorker } from './system/drop.js';

export { alertRoutes } from './http/routes.js';
export { alertSessionRoutes } from './session/routes.js';
export { checkDrops, startDropWorker, type DropCheckSummary } from './system/drop.js';
export { evaluateAlerts } from './evaluate/hook.js';
export { runDueDeliveries, startDeliveryWorker, type RunOptions, type RunSummary } from './delivery/worker.js';
export { listDeliveries, requeueDelivery, type DeliveryLogEntry, type DeliveryLogFilter, type DeliveryStatus } from './delivery/log.js';
export { signatureHeader, verifySignature, SIGNATURE_HEADER, DELIVERY_HEADER } from './delivery/sign.js';
export { AlertRuleSchema, type AlertRule, type AlertRuleInput } from './rules/schema.js';
export { listRules, getRule, saveRule, deleteRule, markRulesChanged } from './rules/repository.js';
export { AlertRulesFileError } from './rules/file.js';
export type { AlertPayload } from './payload.js';

/**
 * Turns alerting on for a collector: loads ALERT_RULES_FILE (throws on a bad file), evaluates
 * rules after every ingest, and runs the webhook worker every ALERT_WORKER_INTERVAL_MS
 * (0: no loop; tests call `runDueDeliveries`) until the collector closes. Overdue cases that
 * escalate raise an alert, and stores are checked for score drops every DROP_CHECK_INTERVAL_MS.
 * The admin routes are mounted separately, by `createApp` (`alertRoutes`).
 */
export async function installAlerts(ctx: AppContext): Promise<void> {
  if (ctx.config.ALERT_RULES_FILE) await loadRulesFile(ctx, ctx.config.ALERT_RULES_FILE);
  ctx.afterIngest.push((submissions) => evaluateAlerts(ctx, submissions));
  escalationHooks(ctx).push((cases) => raiseEscalationAlerts(ctx, cases));
  if (ctx.config.ALERT_WORKER_INTERVAL_MS > 0) ctx.onClose.push(startDeliveryWorker(ctx, ctx.config.ALERT_WORKER_INTERVAL_MS));
  if (ctx.config.DROP_CHECK_INTERVAL_MS > 0) ctx.onClose.push(startDropWorker(ctx, ctx.config.DROP_CHECK_INTERVAL_MS));
}
