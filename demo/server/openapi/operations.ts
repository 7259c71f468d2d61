import * as z from 'zod';
import { IdSchema, MAX_BATCH_SIZE, MAX_SUBMISSION_BYTES } from '../../../sdk/index.js';
import { DeliveryQuerySchema } from '../alerts/http/routes.js';
import { AlertRuleSchema, BurstRuleSchema, DropRuleSchema, EscalationRuleSchema, ScoreRuleSchema } from '../alerts/rules/schema.js';
import { AlertsQuerySchema, DeliveriesQuerySchema, SwitchSchema } from '../alerts/session/routes.js';
import {
  AlertItemSchema,
  AlertListSchema,
  AlertRuleListSchema as SessionAlertRuleListSchema,
  AlertRuleViewSchema as SessionAlertRuleViewSchema,
  RuleDeliveryListSchema,
  RuleTestResultSchema,
} from '../alerts/session/types.js';
import { PreferencesPatchSchema } from '../auth/preferences.js';
import { LoginSchema } from '../auth/routes.js';
import { HierarchyIdSchema } from '../auth/roles.js';
import { PreferencesSchema, SessionBodySchema } from '../auth/session-body.js';
import { CaseListQuerySchema, CaseMetricsQuerySchema, CasePatchSchema } from '../cases/params.js';
import { CaseDetailSchema, CaseListResponseSchema, CaseMetricsResponseSchema } from '../cases/types.js';
import { DigestQuerySchema } from '../digest/routes.js';
import { DigestResponseSchema } from '../digest/types.js';
import { DirectoryResponseSchema } from '../directory/types.js';
import { QuerySchema as EventsQuerySchema } from '../events/routes.js';
import { BrandBody, DeviceBody, KeyBody, RegionBody, StaffBody, StoreBody } from '../hierarchy/routes.js';
import { HierarchyFileSchema } from '../hierarchy/schema.js';
import { IdeaListQuerySchema, IdeaMetricsQuerySchema, IdeaPatchSchema, IdeaSubmitSchema, PulseIdeaSubmitSchema } from '../ideas/params.js';
import { IdeaListResponseSchema, IdeaMetricsResponseSchema } from '../ideas/types.js';
import { PlaceResponseSchema } from '../places/routes.js';
import { AdminKeyBody, StoreParam } from '../pulse/routes.js';
import { RecognitionQuerySchema, ThanksSchema } from '../recognition/params.js';
import { RecognitionResponseSchema, ThanksResponseSchema } from '../recognition/types.js';
import { ContactRequestSchema } from '../retention/request.js';
import { AuditQuerySchema } from '../retention/routes.js';
import { BrandSettingsSchema, SettingsResponseSchema } from '../settings/schema.js';
import { StatsQuerySchema } from '../stats/params.js';
import {
  AnswersResponseSchema,
  CommentsResponseSchema,
  DistributionResponseSchema,
  KudosResponseSchema,
  MoversResponseSchema,
  StatsResponseSchema,
  TopicsResponseSchema,
  TrendResponseSchema,
} from '../stats/types.js';
import { TargetInputSchema, TargetKeySchema } from '../targets/schema.js';
import {
  AlertRuleListSchema,
  AlertRuleViewSchema,
  AuditLogSchema,
  BrandListSchema,
  ContactErasureSchema,
  ContactExportSchema,
  CreatedKeySchema,
  DeliveryListSchema,
  DeviceListSchema,
  HealthSchema,
  HierarchyImportReportSchema,
  IdeaAnswerSchema,
  IngestResultSchema,
  PulseKeyListSchema,
  PulseKeySchema,
  PulseLinkListSchema,
  PulseLinkSchema,
  PulseSessionSchema,
  ReadinessSchema,
  RegionListSchema,
  RetentionRunSchema,
  RetentionStatusSchema,
  RetriedDeliverySchema,
  StaffListSchema,
  StoreListSchema,
  SurveyListSchema,
  SurveySavedSchema,
  TargetListSchema,
  UpsertOutcomeSchema,
  WriteKeyListSchema,
} from './schemas.js';

/** A JSON Schema written out: a reference to the document's components, or built around one. */
export type JsonSchemaObject = { readonly [key: string]: unknown };
/** A zod schema of ours (full zod or zod/mini), or a JSON Schema written out. */
export type SchemaSource = z.core.$ZodType | JsonSchemaObject;

export interface ResponseSpec {
  description: string;
  /** The body's schema; absent for bodies-less answers (204, 304). Errors default to `Error`. */
  schema?: SchemaSource;
  /** @default "application/json" */
  mediaType?: string;
  headers?: Record<string, string>;
}

/**
 * One operation of the API: what it does and the zod schemas that validate its input (path
 * parameters, query, body) and describe its answers. Who may call it (security) and its path
 * come from route-table.ts.
 */
export interface OperationSpec {
  summary: string;
  description?: string;
  tag: Tag;
  /** Path parameters by name; a name not listed is a plain string. */
  params?: Record<string, z.core.$ZodType>;
  /** An object schema whose properties are the query parameters. */
  query?: z.core.$ZodType;
  body?: { schema: SchemaSource; mediaTypes?: readonly string[]; required?: boolean; description?: string };
  responses: Record<number, ResponseSpec>;
}

export const TAGS = {
  operations: 'Health, readiness, metrics and this document.',
  ingest: 'Submissions from the SDK, the widget and kiosks, and the names kiosks show (write key).',
  surveys: 'Survey definitions for widgets (public) and their administration (admin token).',
  hierarchy: 'Brands, regions, stores, staff, devices and write keys (admin token).',
  alerts: 'Alert rules and the webhook delivery log: the operator\'s (admin token) and the managers\' own, with their alerts (session).',
  privacy: 'People\'s rights (export, erasure, their audit log) and retention (admin token).',
  auth: 'Dashboard login, session and preferences.',
  dashboard: 'What the managers\' dashboard reads and writes (session).',
  cases: 'Closing the loop: cases opened from feedback, worked by managers (session).',
  ideas: 'Staff ideas and managers\' answers (pulse key or session).',
  pulse: 'The staff pulse: its page\'s session (pulse key), the stores\' links (session) and keys (admin token).',
} as const;
export type Tag = keyof typeof TAGS;

const SUBMISSION = { $ref: '#/components/schemas/Submission' } as const;
const BATCH = { $ref: '#/components/schemas/SubmissionBatch' } as const;
const SURVEY = { $ref: '#/components/schemas/SurveyDefinition' } as const;
const ERROR = { $ref: '#/components/schemas/Error' } as const;

const err = (description: string): ResponseSpec => ({ description, schema: ERROR });
const bad = err('Invalid input: `issues` names each field and what is wrong with it.');
const notFound = (what: string) => err(`No such ${what}.`);
const preflight = (methods: string): OperationSpec => ({
  summary: `CORS preflight (${methods})`,
  description: 'Answered for the origins in CORS_ORIGINS. Browsers send it; clients never need to.',
  tag: 'operations',
  responses: { 204: { description: 'Allowed: `Access-Control-Allow-*` headers.' }, 403: err('Origin not allowed.') },
});

const brand = { brand: IdSchema };
const upsert = { 200: { description: 'Updated.', schema: UpsertOutcomeSchema }, 201: { description: 'Created.', schema: UpsertOutcomeSchema }, 400: bad };
const deleted = (what: string, conflict?: string): Record<number, ResponseSpec> => ({
  204: { description: 'Deleted.' },
  404: notFound(what),
  ...(conflict !== undefined && { 409: err(conflict) }),
}) as Record<number, ResponseSpec>;

/** A dashboard write refused: the reason, or the CSRF check every dashboard write has. */
const refused = (why: string) => err(`${why}, or a missing or wrong \`X-CSRF-Token\`.`);
const tooLarge = (kb: number) => err(`The body is over ${kb} KB.`);
const notJson = err('Not `application/json`.');
/** 429 Too Many Requests, with the seconds to wait in Retry-After. */
const tooMany = (description: string) => ({ description, schema: ERROR, headers: { 'Retry-After': 'Seconds to wait.' } });
/** Ids the handlers check as UUIDs (cases, ideas, kudos, alerts); any case. */
const uuid = { id: z.guid() };
/** A rule as the dashboard writes it: the collector sets `id` and `brand` (the session's). */
const DashboardRuleSchema = z.discriminatedUnion('kind', [
  ScoreRuleSchema.omit({ id: true, brand: true }),
  BurstRuleSchema.omit({ id: true, brand: true }),
  EscalationRuleSchema.omit({ id: true, brand: true }),
  DropRuleSchema.omit({ id: true, brand: true }),
]);
const ruleBody = { schema: DashboardRuleSchema, required: true, description: 'Without `id`, `brand`, `source` and the timestamps (the collector sets them). A webhook whose URL is unchanged may leave out its `secret` (never shown) and keeps it.' };
const managers = err('Staff accounts have no alerts.');

/** The stats endpoints share their query and differ in their answer. */
const stats = (summary: string, schema: SchemaSource, extra: Partial<OperationSpec> = {}): OperationSpec => ({
  summary,
  tag: 'dashboard',
  query: StatsQuerySchema,
  responses: { 200: { description: 'Within the session\'s scope; groups below the anonymity minimum are withheld.', schema }, 400: bad, 403: err('Outside the session\'s scope, or not for this role.') },
  ...extra,
});

/**
 * Every API operation, keyed `METHOD path` exactly as route-table.ts lists it. A route the table
 * lists without an entry here fails `test/server/openapi/openapi.test.ts`.
 */
export const OPERATIONS: Record<string, OperationSpec> = {
  'GET /healthz': { summary: 'Liveness', description: 'Answers without touching the database.', tag: 'operations', responses: { 200: { description: 'The process is up.', schema: HealthSchema } } },
  'GET /readyz': {
    summary: 'Readiness',
    description: 'Runs `SELECT 1`: take the instance out of the load balancer while it answers 503.',
    tag: 'operations',
    responses: { 200: { description: 'Ready.', schema: ReadinessSchema }, 503: { description: 'The database is unreachable.', schema: ReadinessSchema } },
  },
  'GET /metrics': {
    summary: 'Prometheus metrics',
    description: 'Prometheus text format. Open unless METRICS_TOKEN is set; then it needs `Authorization: Bearer <METRICS_TOKEN>`.',
    tag: 'operations',
    responses: { 200: { description: 'The metrics.', mediaType: 'text/plain; version=0.0.4', schema: z.string() }, 401: err('METRICS_TOKEN is set and was not sent.') },
  },
  'GET /v1/openapi.json': {
    summary: 'This document',
    description: 'OpenAPI 3.1, generated from the zod schemas that validate the requests.',
    tag: 'operations',
    responses: { 200: { description: 'The OpenAPI document.', schema: z.record(z.string(), z.unknown()) } },
  },

  'OPTIONS /v1/submissions': preflight('POST'),
  'POST /v1/submissions': {
    summary: 'Send submissions',
    description: `One submission (wire format v1) or \`{ "submissions": [...] }\` with up to ${MAX_BATCH_SIZE}, as \`application/json\` or \`text/plain\` (what \`sendBeacon\` sends), at most ${MAX_SUBMISSION_BYTES / 1024} KB. Stored once per \`id\`: a resend is counted as a duplicate. \`Idempotency-Key\`, when sent for a single submission, must be its id. Beacons, which cannot set headers, put the write key in \`?key=\`.`,
    tag: 'ingest',
    body: {
      schema: { oneOf: [SUBMISSION, BATCH] },
      mediaTypes: ['application/json', 'text/plain'],
      required: true,
    },
    responses: {
      202: { description: 'Stored (or already stored).', schema: IngestResultSchema },
      400: bad,
      401: err('No write key, an unknown or revoked one, or a context token that is required or invalid.'),
      413: err(`The body is over ${MAX_SUBMISSION_BYTES / 1024} KB.`),
      415: err('Not `application/json` or `text/plain`.'),
      429: tooMany('Too many requests from this address or device.'),
    },
  },

  'OPTIONS /v1/surveys/:id': preflight('GET'),
  'GET /v1/surveys/:id': {
    summary: 'Get a survey definition',
    description: 'Cacheable for a minute, with an `ETag` (`If-None-Match` → 304).',
    tag: 'surveys',
    responses: { 200: { description: 'The definition.', schema: SURVEY, headers: { ETag: 'The definition\'s version.' } }, 304: { description: 'Not modified.' }, 404: notFound('survey') },
  },
  'OPTIONS /v1/places/:store': preflight('GET'),
  'GET /v1/places/:store': {
    summary: 'The brand\'s and a store\'s names',
    description: 'What a kiosk shows its customers ("Acme · Brighton"). The write key picks the brand: a store of another brand is not found.',
    tag: 'ingest',
    params: { store: HierarchyIdSchema },
    responses: { 200: { description: 'The names.', schema: PlaceResponseSchema, headers: { 'Cache-Control': '`private, max-age=300`.' } }, 400: bad, 404: notFound('store in this brand') },
  },
  'GET /v1/admin/surveys': { summary: 'List surveys', tag: 'surveys', responses: { 200: { description: 'Every survey.', schema: SurveyListSchema } } },
  'GET /v1/admin/surveys/:id': {
    summary: 'Get a survey with its record',
    tag: 'surveys',
    responses: { 200: { description: 'The survey.', schema: {
          type: 'object',
          properties: { id: { type: 'string' }, version: { type: 'integer' }, source: { type: 'string' }, updatedAt: { type: 'string', format: 'date-time' }, definition: SURVEY },
          required: ['id', 'version', 'source', 'updatedAt', 'definition'],
        },
      },
      404: notFound('survey'),
    },
  },
  'PUT /v1/admin/surveys/:id': {
    summary: 'Create or replace a survey',
    tag: 'surveys',
    body: { schema: SURVEY, required: true },
    responses: { 200: { description: 'Replaced.', schema: SurveySavedSchema }, 201: { description: 'Created.', schema: SurveySavedSchema }, 400: bad },
  },
  'DELETE /v1/admin/surveys/:id': { summary: 'Delete a survey', tag: 'surveys', responses: deleted('survey') },

  'GET /v1/admin/hierarchy': {
    summary: 'Export the hierarchy',
    description: 'As a hierarchy file (revoked keys left out): back it up, edit it, import it again.',
    tag: 'hierarchy',
    query: z.strictObject({ brand: z.optional(IdSchema) }),
    responses: { 200: { description: 'The hierarchy file.', schema: HierarchyFileSchema } },
  },
  'POST /v1/admin/hierarchy': {
    summary: 'Import a hierarchy file',
    description: 'JSON (below) or CSV (`text/csv`, one row per staff member or device: see docs/collector.md, "Hierarchy file"). Upserts; nothing is deleted.',
    tag: 'hierarchy',
    body: { schema: HierarchyFileSchema, mediaTypes: ['application/json'], required: true },
    responses: { 200: { description: 'What was imported.', schema: HierarchyImportReportSchema }, 400: bad, 415: err('Not JSON or CSV.') },
  },
  'GET /v1/admin/brands': { summary: 'List brands', tag: 'hierarchy', responses: { 200: { description: 'Every brand.', schema: BrandListSchema } } },
  'PUT /v1/admin/brands/:brand': { summary: 'Create or rename a brand', tag: 'hierarchy', params: brand, body: { schema: BrandBody, required: true }, responses: upsert },
  'DELETE /v1/admin/brands/:brand': { summary: 'Delete a brand and its write keys', tag: 'hierarchy', params: brand, responses: deleted('brand', 'The brand still has regions.') },
  'GET /v1/admin/brands/:brand/regions': { summary: 'List regions', tag: 'hierarchy', params: brand, responses: { 200: { description: 'The brand\'s regions.', schema: RegionListSchema } } },
  'PUT /v1/admin/brands/:brand/regions/:region': { summary: 'Create or rename a region', tag: 'hierarchy', params: { ...brand, region: IdSchema }, body: { schema: RegionBody, required: true }, responses: upsert },
  'DELETE /v1/admin/brands/:brand/regions/:region': { summary: 'Delete a region', tag: 'hierarchy', params: { ...brand, region: IdSchema }, responses: deleted('region', 'The region still has stores.') },
  'GET /v1/admin/brands/:brand/stores': { summary: 'List stores', tag: 'hierarchy', params: brand, responses: { 200: { description: 'The brand\'s stores.', schema: StoreListSchema } } },
  'PUT /v1/admin/brands/:brand/stores/:store': {
    summary: 'Create or update a store',
    tag: 'hierarchy',
    params: { ...brand, store: IdSchema },
    body: { schema: StoreBody, required: true },
    responses: { ...upsert, 404: notFound('region') },
  },
  'DELETE /v1/admin/brands/:brand/stores/:store': { summary: 'Delete a store', tag: 'hierarchy', params: { ...brand, store: IdSchema }, responses: deleted('store', 'The store still has staff or devices.') },
  'GET /v1/admin/brands/:brand/staff': { summary: 'List staff', tag: 'hierarchy', params: brand, responses: { 200: { description: 'The brand\'s staff.', schema: StaffListSchema } } },
  'PUT /v1/admin/brands/:brand/staff/:staff': { summary: 'Create or update a staff member', tag: 'hierarchy', params: { ...brand, staff: IdSchema }, body: { schema: StaffBody, required: true }, responses: { ...upsert, 404: notFound('store') } },
  'DELETE /v1/admin/brands/:brand/staff/:staff': { summary: 'Delete a staff member', tag: 'hierarchy', params: { ...brand, staff: IdSchema }, responses: deleted('staff member') },
  'GET /v1/admin/brands/:brand/devices': { summary: 'List devices', tag: 'hierarchy', params: brand, responses: { 200: { description: 'The brand\'s devices.', schema: DeviceListSchema } } },
  'PUT /v1/admin/brands/:brand/devices/:device': { summary: 'Create or update a device', tag: 'hierarchy', params: { ...brand, device: IdSchema }, body: { schema: DeviceBody, required: true }, responses: { ...upsert, 404: notFound('store') } },
  'DELETE /v1/admin/brands/:brand/devices/:device': { summary: 'Delete a device', tag: 'hierarchy', params: { ...brand, device: IdSchema }, responses: deleted('device') },
  'GET /v1/admin/brands/:brand/keys': { summary: 'List write keys', tag: 'hierarchy', params: brand, responses: { 200: { description: 'The brand\'s keys, revoked ones included.', schema: WriteKeyListSchema }, 404: notFound('brand') } },
  'POST /v1/admin/brands/:brand/keys': {
    summary: 'Create a write key',
    description: 'Without a body, a random `pk_…` key is made.',
    tag: 'hierarchy',
    params: brand,
    body: { schema: KeyBody, required: false },
    responses: { 201: { description: 'The new key.', schema: CreatedKeySchema }, 400: bad, 404: notFound('brand'), 409: err('The key exists.') },
  },
  'DELETE /v1/admin/brands/:brand/keys/:key': { summary: 'Revoke a write key', tag: 'hierarchy', params: brand, responses: deleted('write key') },

  'GET /v1/admin/alerts/rules': { summary: 'List alert rules', tag: 'alerts', query: z.strictObject({ brand: z.optional(IdSchema) }), responses: { 200: { description: 'The rules; webhook secrets never shown.', schema: AlertRuleListSchema } } },
  'GET /v1/admin/alerts/rules/:id': { summary: 'Get an alert rule', tag: 'alerts', responses: { 200: { description: 'The rule.', schema: AlertRuleViewSchema }, 404: notFound('alert rule') } },
  'POST /v1/admin/alerts/rules': {
    summary: 'Create an alert rule',
    tag: 'alerts',
    body: { schema: AlertRuleSchema, required: true },
    responses: { 201: { description: 'Created.', schema: AlertRuleViewSchema }, 400: bad, 409: err('A rule with this id exists (PUT replaces it), or it comes from ALERT_RULES_FILE.') },
  },
  'PUT /v1/admin/alerts/rules/:id': {
    summary: 'Create or replace an alert rule',
    description: 'The body\'s `id` may be left out: the path gives it.',
    tag: 'alerts',
    body: { schema: AlertRuleSchema, required: true },
    responses: { 200: { description: 'Replaced.', schema: AlertRuleViewSchema }, 201: { description: 'Created.', schema: AlertRuleViewSchema }, 400: bad, 409: err('The rule comes from ALERT_RULES_FILE.') },
  },
  'DELETE /v1/admin/alerts/rules/:id': { summary: 'Delete an alert rule', tag: 'alerts', responses: deleted('alert rule', 'The rule comes from ALERT_RULES_FILE.') },
  'GET /v1/admin/alerts/deliveries': { summary: 'The webhook delivery log', tag: 'alerts', query: DeliveryQuerySchema, responses: { 200: { description: 'Newest first.', schema: DeliveryListSchema }, 400: bad } },
  'POST /v1/admin/alerts/deliveries/:id/retry': {
    summary: 'Retry a failed delivery',
    tag: 'alerts',
    responses: { 202: { description: 'Queued again.', schema: RetriedDeliverySchema }, 404: err('No failed or dropped delivery with this id.') },
  },

  'POST /v1/admin/privacy/export': {
    summary: 'Export everything kept about a contact',
    description: 'The contact travels in the body, never in the URL (no access log holds it). Recorded in the audit log.',
    tag: 'privacy',
    body: { schema: ContactRequestSchema, required: true },
    responses: { 200: { description: 'The export (`Cache-Control: no-store`).', schema: ContactExportSchema }, 400: bad, 413: tooLarge(4), 415: notJson },
  },
  'POST /v1/admin/privacy/erase': {
    summary: 'Erase a contact and the feedback\'s free text',
    description: 'Erases the contact, the free text and page URLs of the submissions that carry or quote it, the notes on their cases, and redacts quotes elsewhere. Recorded in the audit log.',
    tag: 'privacy',
    body: { schema: ContactRequestSchema, required: true },
    responses: { 200: { description: 'What was erased: counts and ids.', schema: ContactErasureSchema }, 400: bad, 413: tooLarge(4), 415: notJson },
  },
  'GET /v1/admin/privacy/audit': { summary: 'The audit log of exports and erasures', tag: 'privacy', query: AuditQuerySchema, responses: { 200: { description: 'Newest first; `before` (an entry\'s `at`) pages back.', schema: AuditLogSchema }, 400: bad } },
  'GET /v1/admin/retention': { summary: 'Retention: the interval and this instance\'s last run', tag: 'privacy', responses: { 200: { description: 'Counts only, never content.', schema: RetentionStatusSchema } } },
  'POST /v1/admin/retention/run': { summary: 'Run retention now', tag: 'privacy', responses: { 200: { description: 'What the run did: counts only.', schema: RetentionRunSchema } } },

  'POST /v1/auth/login': {
    summary: 'Log in to the dashboard',
    description: 'Same-origin only. Sets the session cookie; answers the CSRF token to send as `X-CSRF-Token` on writes.',
    tag: 'auth',
    body: { schema: LoginSchema, required: true },
    responses: {
      200: { description: 'Logged in.', schema: SessionBodySchema, headers: { 'Set-Cookie': 'The session cookie (`__Host-sv_session` over https).' } },
      400: bad,
      401: err('Wrong e-mail or password.'),
      403: err('Cross-origin request.'),
      415: err('Not `application/json`.'),
      429: tooMany('Too many attempts from this address or for this account.'),
      503: { description: 'Too many logins are being checked right now.', schema: ERROR, headers: { 'Retry-After': 'Seconds to wait.' } },
    },
  },
  'POST /v1/auth/logout': { summary: 'Log out', tag: 'auth', responses: { 204: { description: 'The session is ended and its cookie cleared.' } } },
  'GET /v1/auth/me': { summary: 'The signed-in user', tag: 'auth', responses: { 200: { description: 'The session.', schema: SessionBodySchema } } },
  'GET /v1/auth/me/preferences': { summary: 'The signed-in user\'s preferences', tag: 'auth', responses: { 200: { description: 'The preferences.', schema: PreferencesSchema } } },
  'PATCH /v1/auth/me/preferences': {
    summary: 'Change the signed-in user\'s preferences',
    tag: 'auth',
    body: { schema: PreferencesPatchSchema, required: true },
    responses: { 200: { description: 'The preferences now.', schema: PreferencesSchema }, 400: bad, 413: err('Over 1 KB.'), 415: err('Not `application/json`.') },
  },
  'GET /v1/directory': {
    summary: 'Names within the session\'s scope',
    description: 'Regions, stores (with their time zones) and staff the session may see. Takes no parameters.',
    tag: 'dashboard',
    responses: { 200: { description: 'The directory.', schema: DirectoryResponseSchema }, 400: bad },
  },

  'GET /v1/stats': stats('Key figures, with the previous period, benchmarks, targets and groups', StatsResponseSchema),
  'GET /v1/stats/trend': stats('Scores over time', TrendResponseSchema),
  'GET /v1/stats/distribution': stats('How answers are spread over each scale', DistributionResponseSchema),
  'GET /v1/stats/comments': stats('Comments, newest first', CommentsResponseSchema),
  'GET /v1/stats/kudos': stats('Praise that names a staff member', KudosResponseSchema),
  'GET /v1/stats/answers': stats('Every question\'s answers', AnswersResponseSchema),
  'GET /v1/stats/movers': stats('Stores whose score moved most', MoversResponseSchema),
  'GET /v1/stats/topics': stats('What comments talk about: topics, with low-score mentions, the previous period and weeks', TopicsResponseSchema),
  'GET /v1/stats/export.csv': stats('Export as CSV', z.string(), {
    description: 'UTF-8 with BOM, CRLF, RFC 4180 quoting; safe in spreadsheets whatever their list separator.',
    responses: {
      200: {
        description: 'The CSV file. `rows=responses` carries at most 50,000 rows, the newest, and is sent as it is read: a failure midway drops the connection rather than ending the file early.',
        mediaType: 'text/csv',
        schema: z.string(),
        headers: { 'X-StoreVoice-Rows-Truncated': '`true` when `rows=responses` stopped at 50,000 rows and the oldest responses of the selection are not in the file; absent otherwise.' },
      },
      400: bad,
      403: err('Not for this role.'),
    },
  }),

  'GET /v1/targets': { summary: 'Targets the session may see', tag: 'dashboard', responses: { 200: { description: 'The targets.', schema: TargetListSchema }, 403: err('Staff accounts see no targets.') } },
  'PUT /v1/targets': {
    summary: 'Set a target',
    tag: 'dashboard',
    body: { schema: TargetInputSchema, required: true },
    responses: { 200: { description: 'The targets the session may see, this one included.', schema: TargetListSchema }, 400: bad, 403: err('Not allowed for this role or scope.') },
  },
  'DELETE /v1/targets': { summary: 'Remove a target', tag: 'dashboard', query: TargetKeySchema, responses: { 204: { description: 'Removed.' }, 400: bad, 403: err('Not allowed for this role or scope.'), 404: notFound('target') } },

  'GET /v1/settings': { summary: 'The brand\'s settings', description: 'Cases, pulse, ideas, topics, digest, retention and alerts; digest webhook secrets masked.', tag: 'dashboard', responses: { 200: { description: 'The settings.', schema: SettingsResponseSchema } } },
  'PUT /v1/settings': {
    summary: 'Replace the brand\'s settings',
    description: 'Corporate only. Fields left out take their defaults; a masked digest webhook secret keeps the stored one.',
    tag: 'dashboard',
    body: { schema: BrandSettingsSchema, required: true },
    responses: { 200: { description: 'The settings now.', schema: SettingsResponseSchema }, 400: bad, 403: refused('Not a corporate user'), 413: tooLarge(64), 415: notJson },
  },
  'GET /v1/digest': {
    summary: 'The weekly digest of a scope',
    description: 'The session\'s scope, narrowed by `region`/`store`; by default the last complete week.',
    tag: 'dashboard',
    query: DigestQuerySchema,
    responses: { 200: { description: 'The digest.', schema: DigestResponseSchema }, 400: bad, 403: err('Staff accounts, or outside the session\'s scope.') },
  },
  'GET /v1/events': {
    summary: 'Live events (server-sent events)',
    description: 'A stream for an open dashboard: each event has `event: <kind>` (`submission`, `case`, `alert`), `id` and one JSON object `{ id, kind, at, data }` as `data`, within the session\'s scope. Resumes after `Last-Event-ID` (or `?lastEventId=`); `event: reset` when the missed events are gone. Heartbeat comments keep it open.',
    tag: 'dashboard',
    query: EventsQuerySchema,
    responses: {
      200: { description: 'The stream (`Cache-Control: no-store`).', mediaType: 'text/event-stream', schema: z.string().meta({ description: 'Server-sent events (text/event-stream), UTF-8.' }) },
      400: bad,
      501: err('The collector does not run on the Node server.'),
    },
  },

  'GET /v1/cases': {
    summary: 'The cases inbox',
    description: 'Active cases by due time by default; paged with `cursor`.',
    tag: 'cases',
    query: CaseListQuerySchema,
    responses: { 200: { description: 'Within the session\'s scope.', schema: CaseListResponseSchema }, 400: bad, 403: err('Staff accounts, or outside the session\'s scope.') },
  },
  'GET /v1/cases/metrics': {
    summary: 'Closing-the-loop figures per store or region',
    tag: 'cases',
    query: CaseMetricsQuerySchema,
    responses: { 200: { description: 'Within the session\'s scope.', schema: CaseMetricsResponseSchema }, 400: bad, 403: err('Staff accounts, or outside the session\'s scope.') },
  },
  'GET /v1/cases/:id': {
    summary: 'A case, whole',
    tag: 'cases',
    params: uuid,
    responses: { 200: { description: 'The case.', schema: CaseDetailSchema }, 400: bad, 403: err('Staff accounts.'), 404: err('No such case within the session\'s scope.') },
  },
  'PATCH /v1/cases/:id': {
    summary: 'Work a case',
    description: 'Status, assignee, notes, contact attempts; resolving needs a root cause and a resolution note. `version` must be the case\'s.',
    tag: 'cases',
    params: uuid,
    body: { schema: CasePatchSchema, required: true },
    responses: {
      200: { description: 'The case now.', schema: CaseDetailSchema },
      400: bad,
      403: refused('Staff accounts'),
      404: err('No such case within the session\'s scope.'),
      409: err('The case changed since `version`: reload it (`version` gives the current one).'),
      413: tooLarge(32),
      415: notJson,
    },
  },

  'POST /v1/ideas/pulse': {
    summary: 'Send an idea from the pulse page',
    description: 'No login: the pulse key (`Authorization: Bearer` or `?key=`) says which store. Anonymous unless `name` is given.',
    tag: 'ideas',
    body: { schema: PulseIdeaSubmitSchema, required: true },
    responses: { 201: { description: 'The idea.', schema: IdeaAnswerSchema }, 400: bad, 401: err('No pulse key, or an unknown or revoked one.'), 403: err('The pulse key\'s store no longer exists.'), 413: tooLarge(16), 415: notJson, 429: tooMany('Too many requests from this address, or too many ideas from this store this hour (`PULSE_IDEAS_PER_HOUR`).') },
  },
  'POST /v1/ideas': {
    summary: 'Send an idea (staff)',
    description: 'Anonymous unless `signed`: then it shows the author\'s name from the staff roster.',
    tag: 'ideas',
    body: { schema: IdeaSubmitSchema, required: true },
    responses: { 201: { description: 'The idea.', schema: IdeaAnswerSchema }, 400: bad, 403: refused('Not a staff account linked to a store'), 413: tooLarge(16), 415: notJson },
  },
  'GET /v1/ideas': {
    summary: 'The ideas the session may see',
    description: 'Staff and store managers: their store\'s; regional and corporate: the escalated ones. Anonymous unless signed, dated by day.',
    tag: 'ideas',
    query: IdeaListQuerySchema,
    responses: { 200: { description: 'Newest day first.', schema: IdeaListResponseSchema }, 400: bad, 403: err('Outside the session\'s access.') },
  },
  'GET /v1/ideas/metrics': {
    summary: 'Idea volume and response rates per store or region',
    tag: 'ideas',
    query: IdeaMetricsQuerySchema,
    responses: { 200: { description: 'By default the last 90 days.', schema: IdeaMetricsResponseSchema }, 400: bad, 403: err('Staff accounts, or outside the session\'s scope.') },
  },
  'PATCH /v1/ideas/:id': {
    summary: 'Answer an idea',
    description: 'A status and a reply (required for `not_now`). `version` must be the idea\'s.',
    tag: 'ideas',
    params: uuid,
    body: { schema: IdeaPatchSchema, required: true },
    responses: {
      200: { description: 'The idea now.', schema: IdeaAnswerSchema },
      400: bad,
      403: refused('Not a manager who answers this idea'),
      404: notFound('idea'),
      409: err('The idea changed since `version`: reload it (`version` gives the current one).'),
      413: tooLarge(16),
      415: notJson,
    },
  },
  'POST /v1/kudos/:id/thanks': {
    summary: 'Forward a kudos with thanks',
    description: 'A manager passes a customer\'s praise (`id`: its submission) on to the staff member it names.',
    tag: 'dashboard',
    params: uuid,
    body: { schema: ThanksSchema, required: true },
    responses: { 201: { description: 'The thanks.', schema: ThanksResponseSchema }, 400: bad, 403: refused('Staff accounts'), 404: err('No such kudos for this staff member within the session\'s scope.'), 413: tooLarge(8), 415: notJson },
  },
  'GET /v1/recognition/stores': {
    summary: 'Kudos and forwarded kudos per store',
    description: 'Never per person.',
    tag: 'dashboard',
    query: RecognitionQuerySchema,
    responses: { 200: { description: 'Within the session\'s scope.', schema: RecognitionResponseSchema }, 400: bad, 403: err('Staff accounts, or outside the session\'s scope.') },
  },

  'GET /v1/alerts': { summary: 'Recent alerts of the session\'s scope', tag: 'alerts', query: AlertsQuerySchema, responses: { 200: { description: 'Newest first, with the count not acknowledged.', schema: AlertListSchema }, 400: bad, 403: managers } },
  'POST /v1/alerts/:id/acknowledge': {
    summary: 'Acknowledge an alert',
    tag: 'alerts',
    params: uuid,
    responses: { 200: { description: 'The alert now.', schema: AlertItemSchema }, 400: bad, 403: refused('Staff accounts'), 404: err('No such alert within the session\'s scope.') },
  },
  'GET /v1/alert-rules': { summary: 'The alert rules the session owns', description: 'Takes no parameters.', tag: 'alerts', responses: { 200: { description: 'Webhooks redacted: origin only, never the secret.', schema: SessionAlertRuleListSchema }, 400: bad, 403: managers } },
  'POST /v1/alert-rules': {
    summary: 'Create an alert rule',
    tag: 'alerts',
    body: ruleBody,
    responses: { 201: { description: 'Created.', schema: SessionAlertRuleViewSchema }, 400: bad, 403: refused('Staff accounts, or a `scope` outside the session\'s'), 413: tooLarge(64), 415: notJson },
  },
  'GET /v1/alert-rules/:id': { summary: 'Get an alert rule', tag: 'alerts', responses: { 200: { description: 'The rule.', schema: SessionAlertRuleViewSchema }, 403: managers, 404: notFound('alert rule within the session\'s scope') } },
  'PUT /v1/alert-rules/:id': {
    summary: 'Replace an alert rule',
    description: 'A body without `webhook` keeps the rule\'s; `webhook: null` removes it.',
    tag: 'alerts',
    body: ruleBody,
    responses: {
      200: { description: 'Replaced.', schema: SessionAlertRuleViewSchema },
      400: bad,
      403: refused('Staff accounts, or a `scope` outside the session\'s'),
      404: notFound('alert rule within the session\'s scope'),
      409: err('The rule comes from ALERT_RULES_FILE.'),
      413: tooLarge(64),
      415: notJson,
    },
  },
  'PATCH /v1/alert-rules/:id': {
    summary: 'Switch an alert rule on or off',
    tag: 'alerts',
    body: { schema: SwitchSchema, required: true },
    responses: {
      200: { description: 'The rule now.', schema: SessionAlertRuleViewSchema },
      400: bad,
      403: refused('Staff accounts'),
      404: notFound('alert rule within the session\'s scope'),
      409: err('The rule comes from ALERT_RULES_FILE.'),
      413: tooLarge(1),
      415: notJson,
    },
  },
  'DELETE /v1/alert-rules/:id': { summary: 'Delete an alert rule', tag: 'alerts', responses: { ...deleted('alert rule within the session\'s scope', 'The rule comes from ALERT_RULES_FILE.'), 403: refused('Staff accounts') } },
  'POST /v1/alert-rules/:id/test': {
    summary: 'Send a sample alert to the rule\'s webhook',
    description: 'Signed and checked like real deliveries, not queued: answers what the webhook said (its status, never its body).',
    tag: 'alerts',
    responses: { 200: { description: 'The outcome.', schema: RuleTestResultSchema }, 400: err('The rule has no webhook.'), 403: refused('Staff accounts'), 404: notFound('alert rule within the session\'s scope') },
  },
  'GET /v1/alert-rules/:id/deliveries': {
    summary: 'The rule\'s webhook deliveries',
    description: 'Without the payloads, which hold the feedback itself.',
    tag: 'alerts',
    query: DeliveriesQuerySchema,
    responses: { 200: { description: 'Newest first.', schema: RuleDeliveryListSchema }, 400: bad, 403: managers, 404: notFound('alert rule within the session\'s scope') },
  },

  'GET /v1/pulse/session': {
    summary: 'What the pulse page needs before its first question',
    description: 'The pulse key as `Authorization: Bearer` or `?key=`.',
    tag: 'pulse',
    responses: { 200: { description: 'The store, the survey and this period\'s window (`Cache-Control: no-store`).', schema: PulseSessionSchema }, 404: err('The pulse key\'s store no longer exists.'), 429: tooMany('Too many requests from this address.') },
  },
  'GET /v1/pulse/links': { summary: 'Pulse links of the stores the session handles', tag: 'pulse', responses: { 200: { description: 'One per store, `key` null without an active one.', schema: PulseLinkListSchema }, 403: err('Staff accounts.') } },
  'POST /v1/pulse/links/:store': {
    summary: 'Make or rotate a store\'s pulse link',
    description: 'The store\'s previous key is revoked.',
    tag: 'pulse',
    params: { store: StoreParam },
    responses: { 201: { description: 'The new link.', schema: PulseLinkSchema }, 400: bad, 403: refused('Staff accounts, or a store the session does not handle'), 404: notFound('store in the brand') },
  },
  'DELETE /v1/pulse/links/:store': {
    summary: 'Revoke a store\'s pulse link',
    tag: 'pulse',
    params: { store: StoreParam },
    responses: { 204: { description: 'Revoked.' }, 400: bad, 403: refused('Staff accounts, or a store the session does not handle'), 404: err('No such store in the brand, or it has no active pulse link.') },
  },
  'GET /v1/pulse/links/:store/qr.svg': {
    summary: 'The QR code of a store\'s pulse link',
    tag: 'pulse',
    params: { store: StoreParam },
    responses: {
      200: { description: 'A printable QR code (`Cache-Control: no-store`).', mediaType: 'image/svg+xml', schema: z.string().meta({ description: 'An SVG document.' }) },
      400: bad,
      403: err('Staff accounts, or a store the session does not handle.'),
      404: err('No such store in the brand, or it has no active pulse link.'),
    },
  },
  'GET /v1/admin/brands/:brand/pulse-keys': { summary: 'List pulse keys', tag: 'pulse', params: brand, responses: { 200: { description: 'The brand\'s pulse keys, revoked ones included; newest first per store.', schema: PulseKeyListSchema }, 400: bad } },
  'POST /v1/admin/brands/:brand/stores/:store/pulse-keys': {
    summary: 'Make or rotate a store\'s pulse key',
    description: 'Without a body, a random `pk_pulse_…` key is made. The store\'s previous key is revoked.',
    tag: 'pulse',
    params: { ...brand, store: IdSchema },
    body: { schema: AdminKeyBody, required: false },
    responses: { 201: { description: 'The new key.', schema: PulseKeySchema }, 400: bad, 404: notFound('store in the brand'), 409: err('The key is in use.') },
  },
  'DELETE /v1/admin/brands/:brand/pulse-keys/:key': { summary: 'Revoke a pulse key', tag: 'pulse', params: brand, responses: { 204: { description: 'Revoked.' }, 400: bad, 404: notFound('pulse key in the brand') } },
};
