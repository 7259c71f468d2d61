import * as z from 'zod';
import { DELIVERY_STATUSES } from '../alerts/delivery/log.js';
import { BurstRuleSchema, ScoreRuleSchema } from '../alerts/rules/schema.js';
import { IdeaSchema } from '../ideas/types.js';
import type { PulseKey } from '../pulse/keys.js';
import type { PulseLink, PulseSession } from '../pulse/routes.js';
import type { RetentionCounts } from '../retention/last-run.js';
import type { AuditEntry, ContactErasure, ContactExport } from '../retention/rights.js';
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

/** `{ idea }`: what writing or answering an idea answers (ideas/routes.ts). */
export const IdeaAnswerSchema = z.object({ idea: IdeaSchema });

/** People's rights (retention/rights.ts): an export, an erasure, the audit log. */
const ContactSchema = z.object({ kind: z.enum(['email', 'phone']), value: z.string().meta({ description: 'Normalised: lower case, no spaces (e-mail); digits and a leading + (phone).' }) });
export const ContactExportSchema = z.object({
  contact: ContactSchema,
  generatedAt: Timestamp,
  auditId: z.string().meta({ description: 'The id of this export in the audit log.' }),
  summary: z.object({ submissions: z.int(), cases: z.int(), caseNotes: z.int() }),
  submissions: z.array(
    z.object({
      id: z.string(),
      brand: z.string(),
      region: z.nullable(z.string()),
      store: z.nullable(z.string()),
      channel: z.string(),
      survey: z.string(),
      givenAt: Timestamp,
      receivedAt: Timestamp,
      answers: z.unknown().meta({ description: 'The answers as stored: question ids with ratings, chosen options and text.' }),
      pageUrl: z.nullable(z.string()),
      textErasedAt: z.nullable(Timestamp),
      contact: z.nullable(z.object({ kind: z.string(), value: z.nullable(z.string()), erasedAt: z.nullable(Timestamp) })),
      case: z.nullable(
        z.object({
          id: z.string(),
          status: z.string(),
          openedAt: Timestamp,
          resolvedAt: z.nullable(Timestamp),
          resolutionNote: z.nullable(z.string()),
          notes: z.array(z.object({ caseId: z.string(), kind: z.string(), at: Timestamp, text: z.string() })),
        }),
      ),
    }),
  ),
  mentions: z
    .array(z.object({ caseId: z.string(), kind: z.string(), at: z.nullable(Timestamp), times: z.int() }))
    .meta({ description: 'Notes on other people\'s cases that mention the contact: where and how often, not their text.' }),
});
export const ContactErasureSchema = z.object({
  auditId: z.string(),
  submissionIds: z.array(z.string()),
  caseIds: z.array(z.string()),
  counts: z.object({
    submissions: z.int(),
    submissionsAnonymised: z.int(),
    contactsErased: z.int(),
    caseNotesErased: z.int(),
    quotesRedacted: z.int(),
    alertEventsAnonymised: z.int(),
  }),
});
export const AuditLogSchema = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      action: z.enum(['export', 'erase']),
      actor: z.string(),
      brand: z.nullable(z.string()),
      contactKind: z.enum(['email', 'phone']),
      submissionIds: z.array(z.string()),
      caseIds: z.array(z.string()),
      counts: z.record(z.string(), z.int()),
      at: Timestamp,
    }),
  ),
});

/** Retention (retention/last-run.ts): counts only, never content. */
const RetentionCountsSchema = z.object({ brands: z.int(), contactsErased: z.int(), submissionsAnonymised: z.int(), caseNotesErased: z.int(), alertEventsAnonymised: z.int() });
export const RetentionStatusSchema = z.object({
  intervalMinutes: z.int().meta({ description: 'RETENTION_INTERVAL_MINUTES.' }),
  lastRun: z
    .nullable(z.object({ startedAt: Timestamp, finishedAt: Timestamp, counts: RetentionCountsSchema, error: z.nullable(z.string()).meta({ description: 'Why the run stopped early; null when it completed.' }) }))
    .meta({ description: 'This instance\'s last run; null before its first.' }),
});
export const RetentionRunSchema = z.object({ counts: RetentionCountsSchema });

/** Pulse (pulse/routes.ts, pulse/keys.ts, pulse/schedule.ts). */
export const PulseKeySchema = z.object({ key: z.string(), store: z.string(), createdAt: Timestamp, revokedAt: z.nullable(Timestamp).meta({ description: '`null` while the key is active.' }) });
export const PulseKeyListSchema = z.object({ keys: z.array(PulseKeySchema) });
export const PulseSessionSchema = z.object({
  brand: z.object({ id: z.string(), name: z.string() }),
  store: z.object({ id: z.string(), name: z.string() }),
  surveyId: z.string(),
  minimum: z.int().meta({ description: 'STAFF_MIN_RESPONSES: no result shows before this many colleagues answered.' }),
  every: z.enum(['week', 'month']),
  window: z.object({
    period: z.string().meta({ description: 'The current period, e.g. `2026-W49` or `2026-12`: one answer per phone per period.' }),
    open: z.boolean(),
    closesAt: z.nullable(Timestamp),
    nextOpensAt: Timestamp,
    nextPeriod: z.string(),
  }),
});
export const PulseLinkSchema = z.object({
  store: z.string(),
  name: z.string(),
  region: z.string(),
  key: z.nullable(PulseKeySchema).meta({ description: 'The active key; `null` when the store has none.' }),
  url: z.nullable(z.string()).meta({ description: 'The link staff open: the key travels in the fragment, which browsers never send.' }),
});
export const PulseLinkListSchema = z.object({ links: z.array(PulseLinkSchema) });

/**
 * Compile-time: the TypeScript interfaces the handlers build and the schemas above agree both
 * ways, so a field added to (or dropped from) an answer fails `tsc` until it is described here.
 */
type Agree<T, S> = [T] extends [S] ? ([S] extends [T] ? true : false) : false;
type Check<T extends true> = T;
export type AnswerInterfacesAgree = [
  Check<Agree<ContactExport, z.infer<typeof ContactExportSchema>>>,
  Check<Agree<ContactErasure, z.infer<typeof ContactErasureSchema>>>,
  Check<Agree<AuditEntry, z.infer<typeof AuditLogSchema>['entries'][number]>>,
  Check<Agree<RetentionCounts, z.infer<typeof RetentionCountsSchema>>>,
  Check<Agree<PulseKey, z.infer<typeof PulseKeySchema>>>,
  Check<Agree<PulseSession, z.infer<typeof PulseSessionSchema>>>,
  Check<Agree<PulseLink, z.infer<typeof PulseLinkSchema>>>,
];
