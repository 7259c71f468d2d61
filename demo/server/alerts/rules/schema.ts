import * as z from 'zod';

// Same id alphabet as the SDK's IdSchema (sdk/schema/primitives.ts): rule scopes name the
// brand/region/store ids that submissions carry. Rebuilt with full zod because the admin API
// wants full zod's error messages; a test pins the two together.
const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must be letters, digits, ".", "_", ":" or "-", starting with a letter or digit');
// The SDK's channels (sdk/schema/context.ts), listed here rather than read from the SDK's schema
// object at load time, which breaks under some import orders; a test pins the two together.
// `employee` is a channel the SDK knows, and a rule may never watch it: when a pulse answer
// arrived says who gave it (a store of eight people, one phone buzzing at 14:02), so an alert on
// it would undo the anonymity the pulse promises. Refused here, hence for the rules file, the
// admin API and the dashboard's routes alike.
const Channel = z
  .enum(['web', 'kiosk', 'app', 'qr', 'employee'])
  .refine((channel) => channel !== 'employee', 'alert rules never watch the employee channel: when a pulse answer arrives says who gave it');
const OneOrMany = z.union([Id, z.array(Id).min(1).max(500)]);

function isWebhookUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

export const WebhookSchema = z.strictObject({
  url: z.string().max(2048).refine(isWebhookUrl, 'must be an http(s) URL'),
  /** Shared with the receiver, who checks `StoreVoice-Signature` with it. At least 16 characters. */
  secret: z.string().min(16).max(256),
});

/** Which stores a rule watches; omitted fields match everything in the brand. */
export const ScopeSchema = z.strictObject({ region: OneOrMany.optional(), store: OneOrMany.optional() });

/**
 * What makes a submission count for a rule; every field given must hold.
 * Scores are the lowest 1–5 rating of the submission (smiley, stars, csat).
 */
export const ConditionsSchema = z
  .strictObject({
    minScoreAtMost: z.number().optional(),
    npsAtMost: z.number().optional(),
    /** Customer channels to watch. Omitted: every customer channel (never `employee`). */
    channel: z.union([Channel, z.array(Channel).min(1)]).optional(),
    /** Context tags that must be present with these values, e.g. `{ "managerRequested": true }`. */
    tag: z.record(z.string().min(1).max(40), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .refine((w) => w.minScoreAtMost !== undefined || w.npsAtMost !== undefined || (w.tag !== undefined && Object.keys(w.tag).length > 0), {
    message: 'needs at least one of minScoreAtMost, npsAtMost, tag',
  });

const common = {
  id: Id,
  /** For people reading the delivery log and the payload. */
  name: z.string().max(200).optional(),
  brand: Id,
  scope: ScopeSchema.default({}),
  when: ConditionsSchema,
  /**
   * What happens to an alert raised while its store is closed: `hold` sends it when the store
   * next opens, `send` sends it at once, `drop` records it in the delivery log as `dropped`.
   * @default "hold"
   */
  outsideHours: z.enum(['hold', 'send', 'drop']).default('hold'),
  /**
   * Feedback given longer ago than this when it reaches the collector (a kiosk back from a long
   * outage) raises no alert: the customer is gone, and a manager paged for yesterday's queue
   * learns to ignore pages. It is still stored and shown in the dashboard; the skip is logged.
   * @default 120
   */
  maxAgeMinutes: z.int().min(1).max(10_080).default(120),
  /** @default true */
  enabled: z.boolean().default(true),
  /**
   * Optional: every alert reaches the dashboard (the `alert` live event and `GET /v1/alerts`);
   * a webhook is one more channel for it.
   */
  webhook: WebhookSchema.optional(),
};

/** What every kind shares except conditions on submissions (system alerts carry their own). */
const base = { id: common.id, name: common.name, brand: common.brand, scope: common.scope, outsideHours: common.outsideHours, maxAgeMinutes: common.maxAgeMinutes, enabled: common.enabled };

/** One alert per matching submission. */
export const ScoreRuleSchema = z.strictObject({ ...common, kind: z.literal('score') });

/** One alert when `count` matching submissions arrive at one store within `withinMinutes` (see docs). */
export const BurstRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('burst'),
  count: z.int().min(2).max(1000),
  withinMinutes: z.int().min(1).max(1440),
  /** @default "store" */
  per: z.literal('store').default('store'),
});

/**
 * Sends the collector's own alerts in the rule's scope to its webhook: `escalation` when an
 * overdue case escalates to the region, `drop` when a store's score falls beyond the brand's
 * threshold (settings `alerts.drop`). Those alerts reach the dashboard without any rule; these
 * rules only add the webhook, so one is required.
 */
export const EscalationRuleSchema = z.strictObject({ ...base, kind: z.literal('escalation'), webhook: WebhookSchema });
export const DropRuleSchema = z.strictObject({ ...base, kind: z.literal('drop'), webhook: WebhookSchema });

export const AlertRuleSchema = z.discriminatedUnion('kind', [ScoreRuleSchema, BurstRuleSchema, EscalationRuleSchema, DropRuleSchema]);
export type AlertRule = z.infer<typeof AlertRuleSchema>;
export type AlertRuleInput = z.input<typeof AlertRuleSchema>;
export type ScoreRule = z.infer<typeof ScoreRuleSchema>;
export type BurstRule = z.infer<typeof BurstRuleSchema>;
/** The rules that watch submissions (the others subscribe a webhook to system alerts). */
export type SubmissionRule = ScoreRule | BurstRule;
export const watchesSubmissions = (rule: AlertRule): rule is SubmissionRule => rule.kind === 'score' || rule.kind === 'burst';
export type Conditions = z.infer<typeof ConditionsSchema>;

/** The content of ALERT_RULES_FILE: `{ "rules": [...] }` or a bare array. */
export const AlertRulesFileSchema = z
  .union([z.array(AlertRuleSchema), z.strictObject({ rules: z.array(AlertRuleSchema) })])
  .transform((v) => (Array.isArray(v) ? v : v.rules))
  .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique');

/**
 * A webhook URL as the admin API shows it: the origin, with any path, query or credentials
 * replaced by `…`. Slack, Teams and most chat relays put their secret in the path
 * (`https://hooks.slack.com/services/T…/B…/<secret>`), so the full URL is as sensitive as the
 * signing secret.
 * @example redactWebhookUrl('https://hooks.slack.com/services/T0/B0/xyz') // 'https://hooks.slack.com/…'
 */
export function redactWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const bare = parsed.pathname === '/' && !parsed.search && !parsed.hash && !parsed.username && !parsed.password;
    return bare ? `${parsed.origin}/` : `${parsed.origin}/…`;
  } catch {
    return '…';
  }
}

/** A webhook as shown by the admin API: where it goes (redacted) and whether it signs; no part of the secret. */
export interface RedactedWebhook {
  url: string;
  secretSet: boolean;
}

export type RedactedRule = Omit<AlertRule, 'webhook'> & { webhook: RedactedWebhook | null };

/** A rule as shown by the admin API and logs: the webhook secret and URL path never leave the server. */
export function redactRule(rule: AlertRule): RedactedRule {
  return { ...rule, webhook: rule.webhook ? { url: redactWebhookUrl(rule.webhook.url), secretSet: rule.webhook.secret.length > 0 } : null };
}
