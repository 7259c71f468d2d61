import type { AppContext } from '../server/context.js';
import { checkDrops } from '../server/alerts/system/drop.js';
import { AlertRuleSchema, type AlertRuleInput } from '../server/alerts/rules/schema.js';
import { saveRule } from '../server/alerts/rules/repository.js';

/**
 * Alert rules and a quarter of alerts for the demo brand, so the Alerts view and the inbox's
 * banner have something real to show:
 * - "Speak to a manager now" for every store (each store manager owns theirs, no webhook: the
 *   dashboard is the channel);
 * - a very low score at the two problem stores (Oslo 017, Brighton 108);
 * - per region, 3 unhappy customers within 30 minutes at one store (owned by the regional manager);
 * - the alerts those rules would have raised over the 90 days (the older ones acknowledged), the
 *   escalation alerts of the seeded escalated cases, and the drop check's alert for Brighton.
 */
export async function seedAlerts(ctx: AppContext): Promise<{ rules: number; alerts: number }> {
  const now = ctx.now();
  const stores = await ctx.db.query<{ id: string; region_id: string; name: string }>("SELECT id, region_id, name FROM stores WHERE brand_id = 'acme' ORDER BY id");
  const regions = [...new Set(stores.map((s) => s.region_id))];
  const rules: AlertRuleInput[] = [
    ...stores.map((s): AlertRuleInput => ({ id: `manager-now-${s.id}`, kind: 'score', name: 'Speak to a manager now', brand: 'acme', scope: { store: s.id }, when: { tag: { managerRequested: true } }, outsideHours: 'send', maxAgeMinutes: 30 })),
    ...['017', '108'].map((id): AlertRuleInput => ({ id: `very-low-${id}`, kind: 'score', name: 'Very unhappy customer', brand: 'acme', scope: { store: id }, when: { minScoreAtMost: 1 } })),
    ...regions.map((id): AlertRuleInput => ({ id: `burst-${id}`, kind: 'burst', name: '3 unhappy customers in 30 minutes', brand: 'acme', scope: { region: id }, count: 3, withinMinutes: 30, when: { minScoreAtMost: 2 } })),
  ];
  for (const rule of rules) await saveRule(ctx.db, AlertRuleSchema.parse(rule), 'api', now);

  // What the score rules raised over the quarter, one alert per matching submission, dated when
  // it arrived; acknowledged by the store's manager unless it is from the last two days.
  const raised = await ctx.db.query<{ n: number }>(
    `WITH matched AS (
       SELECT s.*, CASE WHEN (s.body->'context'->'tags'->>'managerRequested') = 'true' THEN 'manager-now-' || s.store_id ELSE 'very-low-' || s.store_id END AS rule_id
       FROM submissions s
       WHERE s.brand_id = 'acme' AND s.channel <> 'employee'
         AND ((s.body->'context'->'tags'->>'managerRequested') = 'true' OR (s.store_id IN ('017', '108') AND s.min_score <= 1))
     ), inserted AS (
       INSERT INTO alert_events (id, rule_id, dedupe_key, brand_id, region_id, store_id, body, created_at, kind, summary, acknowledged_at, acknowledged_by, acknowledged_by_name)
       SELECT gen_random_uuid(), m.rule_id, 'submission:' || m.id, m.brand_id, m.region_id, m.store_id,
         json_build_object('id', m.id, 'type', 'storevoice.alert', 'rule', json_build_object('id', m.rule_id, 'kind', 'score', 'name', NULL), 'brand', m.brand_id,
           'region', m.region_id, 'store', m.store_id, 'storeName', st.name, 'submissions', json_build_array(), 'createdAt', m.received_at)::text,
         m.received_at, 'rule',
         jsonb_build_object('storeName', st.name, 'managerRequested', (m.body->'context'->'tags'->>'managerRequested') = 'true', 'submissionCount', 1,
           'minScore', m.min_score, 'nps', m.nps, 'caseId', c.id::text, 'caseReason', c.reason),
         CASE WHEN m.received_at < $1::timestamptz - interval '2 days' THEN m.received_at + interval '6 minutes' END,
         CASE WHEN m.received_at < $1::timestamptz - interval '2 days' THEN u.id END,
         CASE WHEN m.received_at < $1::timestamptz - interval '2 days' THEN u.name END
       FROM matched m JOIN stores st ON st.brand_id = m.brand_id AND st.id = m.store_id
       LEFT JOIN cases c ON c.submission_id = m.id
       LEFT JOIN users u ON u.role = 'store' AND u.store_id = m.store_id
       ON CONFLICT (rule_id, dedupe_key) DO NOTHING RETURNING 1
     ) SELECT count(*)::int AS n FROM inserted`,
    [now.toISOString()],
  );
  // The escalations the seeded history went through, each an alert for its region.
  const escalations = await ctx.db.query<{ n: number }>(
    `WITH inserted AS (
       INSERT INTO alert_events (id, rule_id, dedupe_key, brand_id, region_id, store_id, body, created_at, kind, summary)
       SELECT gen_random_uuid(), '@escalation', 'case:' || c.id, c.brand_id, c.region_id, c.store_id,
         json_build_object('type', 'storevoice.alert', 'kind', 'escalation', 'rule', json_build_object('id', '@escalation', 'kind', 'escalation', 'name', 'Overdue case escalated'),
           'brand', c.brand_id, 'region', c.region_id, 'store', c.store_id, 'submissions', json_build_array(), 'details', json_build_object('caseId', c.id))::text,
         c.escalated_at, 'escalation', jsonb_build_object('storeName', st.name, 'caseId', c.id::text, 'caseReason', c.reason)
       FROM cases c LEFT JOIN stores st ON st.brand_id = c.brand_id AND st.id = c.store_id
       WHERE c.brand_id = 'acme' AND c.escalated_at IS NOT NULL
       ON CONFLICT (rule_id, dedupe_key) DO NOTHING RETURNING 1
     ) SELECT count(*)::int AS n FROM inserted`,
  );
  const drops = await checkDrops(ctx);
  return { rules: rules.length, alerts: (raised[0]?.n ?? 0) + (escalations[0]?.n ?? 0) + drops.raised.length };
}
