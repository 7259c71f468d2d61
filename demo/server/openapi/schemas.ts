import * as z from 'zod';
import { DELIVERY_STATUSES } from '../alerts/delivery/log.js';
import { BurstRuleSchema, ScoreRuleSchema } from '../alerts/rules/schema.js';
import { SCORE_METRICS } from '../stats/types.js';

/**
 * Answers that no zod schema checked yet: the admin API's lists and outcomes, health, errors.
 * Written here, from the handlers' code, so the OpenAPI document describes every answer;
 * `test/server/openapi/conformance.test.ts` checks real answers against them, so they cannot
 * drift from what the collector sends.
 */

/** Every error: `{ error, message, ...details }` (http/errors.ts). */
export const ErrorBodySchema = z
  .object({
    error: z.string().meta({ description: 'A stable machine-readable code, e.g. `invalid_submission`.' }),
    message: z.string().meta({ description: 'What went wrong, for the developer who sent the request.' }),
    issues: z
      .array(z.object({ path: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]), message: z.string() }).loose())
      .optional()
      .meta({ description: 'For validation errors: each problem and the field it is about.' }),
    retryAfterSeconds: z.number().int().optional(),
  })
  .loose();

export const HealthSchema = z.object({ ok: z.literal(true) });
export const ReadinessSchema = z.object({ ok: z.boolean(), database: z.enum(['pglite', 'postgres']) });

export const IngestResultSchema = z.object({
  accepted: z.int().min(0).meta({ description: 'Submissions stored now.' }),
  duplicates: z.int().min(0).meta({ description: 'Submissions whose id was already stored (or repeated in the request): not stored again.' }),
});

const Timestamp = z.iso.datetime({ offset: true });
const OutcomeSchema = z.object({ outcome: z.enum(['created', 'updated']) });
export const UpsertOutcomeSchema = OutcomeSchema;

export const BrandListSchema = z.object({ brands: z.array(z.object({ id: z.string(), name: z.string(), createdAt: Timestamp })) });
export const RegionListSchema = z.object({ regions: z.array(z.object({ id: z.string(), name: z.string() })) });
export const StoreListSchema = z.object({
  stores: z.array(z.object({ id: z.string(), region: z.string(), name: z.string(), timeZone: z.string(), openingHours: z.nullable(z.record(z.string(), z.unknown())) })),
});
export const StaffListSchema = z.object({
  staff: z.array(z.object({ id: z.string(), store: z.string(), name: z.string(), photoUrl: z.nullable(z.string()), active: z.boolean() })),
});
export const DeviceListSchema = z.object({ devices: z.array(z.object({ id: z.string(), store: z.string(), name: z.nullable(z.string()) })) });
export const WriteKeyListSchema = z.object({ keys: z.array(z.object({ key: z.string(), createdAt: Timestamp, revokedAt: z.nullable(Timestamp) })) });
export const CreatedKeySchema = z.object({ key: z.string() });
export const HierarchyImportReportSchema = z.object({ brands: z.int(), regions: z.int(), stores: z.int(), staff: z.int(), devices: z.int(), writeKeys: z.int() });

export const SurveyListSchema = z.object({
  surveys: z.array(z.object({ id: z.string(), version: z.int(), source: z.string(), updatedAt: Timestamp, title: z.unknown().meta({ description: 'The definition\'s title (text or localized text), or null.' }) })),
});
export const SurveySavedSchema = z.object({ id: z.string(), outcome: z.enum(['created', 'updated']) });

/** A webhook as the API shows it: the URL's path redacted, the secret never. */
const RedactedWebhookSchema = z.object({ url: z.string(), secretSet: z.boolean() });
const stored = { webhook: RedactedWebhookSchema, source: z.enum(['api', 'file']), createdAt: z.iso.datetime({ offset: true }), updatedAt: z.iso.datetime({ offset: true }) };
export const AlertRuleViewSchema = z.discriminatedUnion('kind', [ScoreRuleSchema.extend(stored), BurstRuleSchema.extend(stored)]);
export const AlertRuleListSchema = z.object({ rules: z.array(AlertRuleViewSchema) });
export const DeliveryListSchema = z.object({
  deliveries: z.array(
    z.object({
      id: z.string(),
      ruleId: z.string(),
      brand: z.string(),
      region: z.nullable(z.string()),
      store: z.nullable(z.string()),
      url: z.string().meta({ description: 'The webhook\'s origin, its path redacted.' }),
      status: z.enum(DELIVERY_STATUSES),
      attempts: z.int(),
      nextAttemptAt: z.nullable(z.string()),
      lastStatus: z.nullable(z.int()),
      lastError: z.nullable(z.string()),
      createdAt: z.string(),
      updatedAt: z.string(),
      deliveredAt: z.nullable(z.string()),
      alert: z.record(z.string(), z.unknown()).meta({ description: 'The alert payload that is (or was) sent: see docs/collector.md, "Payload".' }),
    }),
  ),
});
export const RetriedDeliverySchema = z.object({ id: z.string(), status: z.literal('pending') });

export const TargetListSchema = z.object({
  targets: z.array(z.object({ level: z.enum(['brand', 'region', 'store']), id: z.nullable(z.string()), metric: z.enum(SCORE_METRICS), value: z.number(), updatedAt: z.string() })),
});
