import type { AppContext } from '../../context.js';
import type { EscalatedCase } from '../../cases/escalation.js';
import { raiseSystemAlert } from '../evaluate/raise.js';
import { loadStore } from '../evaluate/stores.js';

/**
 * An escalation hook (cases/escalation.ts): every case that escalates raises an alert for its
 * region (and store), in the dashboard and to the webhooks of `escalation` rules of that scope.
 * Once per case, whatever the instance or the number of runs: the alert is unique per case.
 */
export async function raiseEscalationAlerts(ctx: AppContext, cases: readonly EscalatedCase[]): Promise<void> {
  for (const escalated of cases) {
    const store = await loadStore(ctx.db, ctx.log, escalated.brandId, escalated.storeId);
    await ctx.db.transaction((tx) =>
      raiseSystemAlert(tx, ctx, {
        kind: 'escalation',
        dedupeKey: `case:${escalated.id}`,
        brandId: escalated.brandId,
        regionId: store.regionId ?? escalated.regionId,
        store,
        name: 'Overdue case escalated',
        summary: { caseId: escalated.id, caseReason: escalated.reason },
        details: { caseId: escalated.id, reason: escalated.reason, dueAt: escalated.dueAt.toISOString(), escalatedAt: escalated.escalatedAt.toISOString() },
      }),
    );
  }
}
