/**
 * What the dashboard's alert routes answer (`/v1/alerts`, `/v1/alert-rules`), as zod/mini
 * schemas shared with the dashboard (like cases/types.ts). zod/mini and nothing else imported:
 * this file ends up in the browser.
 */
import * as z from 'zod/mini';

const nullableString = z.nullable(z.string());
const nullableNumber = z.nullable(z.number());

/** One alert as a manager sees it: where, why, and whether someone acknowledged it. No free text. */
export const AlertItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['rule', 'escalation', 'drop']),
  ruleId: z.string(),
  ruleName: nullableString,
  regionId: nullableString,
  storeId: nullableString,
  createdAt: z.string(),
  acknowledgedAt: nullableString,
  acknowledgedBy: nullableString,
  summary: z.object({
    storeName: z.optional(nullableString),
    managerRequested: z.optional(z.boolean()),
    submissionCount: z.optional(z.number()),
    minScore: z.optional(nullableNumber),
    nps: z.optional(nullableNumber),
    caseId: z.optional(nullableString),
    caseReason: z.optional(nullableString),
    metric: z.optional(z.string()),
    current: z.optional(nullableNumber),
    previous: z.optional(nullableNumber),
    change: z.optional(nullableNumber),
  }),
});
export type AlertItem = z.infer<typeof AlertItemSchema>;

export const AlertListSchema = z.object({ alerts: z.array(AlertItemSchema), unacknowledged: z.number() });
export type AlertList = z.infer<typeof AlertListSchema>;

const OneOrMany = z.union([z.string(), z.array(z.string())]);

/** A rule as the dashboard shows it: the webhook redacted (origin only, never the secret). */
export const AlertRuleViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['score', 'burst', 'escalation', 'drop']),
  name: z.optional(z.string()),
  brand: z.string(),
  scope: z.object({ region: z.optional(OneOrMany), store: z.optional(OneOrMany) }),
  when: z.optional(
    z.object({
      minScoreAtMost: z.optional(z.number()),
      npsAtMost: z.optional(z.number()),
      channel: z.optional(OneOrMany),
      tag: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
    }),
  ),
  count: z.optional(z.number()),
  withinMinutes: z.optional(z.number()),
  outsideHours: z.enum(['hold', 'send', 'drop']),
  maxAgeMinutes: z.number(),
  enabled: z.boolean(),
  webhook: z.nullable(z.object({ url: z.string(), secretSet: z.boolean() })),
  source: z.enum(['api', 'file']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AlertRuleView = z.infer<typeof AlertRuleViewSchema>;

export const AlertRuleListSchema = z.object({ rules: z.array(AlertRuleViewSchema) });

/** One webhook delivery of a rule, without the payload (which holds the feedback itself). */
export const RuleDeliverySchema = z.object({
  id: z.string(),
  alertId: z.string(),
  storeId: nullableString,
  url: z.string(),
  status: z.enum(['held', 'pending', 'sending', 'succeeded', 'failed', 'dropped']),
  attempts: z.number(),
  nextAttemptAt: nullableString,
  lastStatus: nullableNumber,
  lastError: nullableString,
  createdAt: z.string(),
  deliveredAt: nullableString,
});
export const RuleDeliveryListSchema = z.object({ deliveries: z.array(RuleDeliverySchema) });
export type RuleDelivery = z.infer<typeof RuleDeliverySchema>;

/** What "Test" answers: what the webhook said to a sample alert (the status only, never its body). */
export const RuleTestResultSchema = z.object({ ok: z.boolean(), url: z.string(), status: nullableNumber, error: nullableString });
export type RuleTestResult = z.infer<typeof RuleTestResultSchema>;
