import * as z from 'zod';
import { IdSchema, MAX_BATCH_SIZE, MAX_SUBMISSION_BYTES } from '../../../sdk/index.js';
import { DeliveryQuerySchema } from '../alerts/http/routes.js';
import { AlertRuleSchema } from '../alerts/rules/schema.js';
import { PreferencesPatchSchema } from '../auth/preferences.js';
import { LoginSchema } from '../auth/routes.js';
import { PreferencesSchema, SessionBodySchema } from '../auth/session-body.js';
import { DirectoryResponseSchema } from '../directory/types.js';
import { BrandBody, DeviceBody, KeyBody, RegionBody, StaffBody, StoreBody } from '../hierarchy/routes.js';
import { HierarchyFileSchema } from '../hierarchy/schema.js';
import { StatsQuerySchema } from '../stats/params.js';
import {
  AnswersResponseSchema,
  CommentsResponseSchema,
  DistributionResponseSchema,
  KudosResponseSchema,
  MoversResponseSchema,
  StatsResponseSchema,
  TrendResponseSchema,
} from '../stats/types.js';
import { TargetInputSchema, TargetKeySchema } from '../targets/schema.js';
import {
  AlertRuleListSchema,
  AlertRuleViewSchema,
  BrandListSchema,
  CreatedKeySchema,
  DeliveryListSchema,
  DeviceListSchema,
  HealthSchema,
  HierarchyImportReportSchema,
  IngestResultSchema,
  ReadinessSchema,
  RegionListSchema,
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
  ingest: 'Submissions from the SDK, the widget and kiosks (write key).',
  surveys: 'Survey definitions for widgets (public) and their administration (admin token).',
  hierarchy: 'Brands, regions, stores, staff, devices and write keys (admin token).',
  alerts: 'Alert rules and the webhook delivery log (admin token).',
  auth: 'Dashboard login, session and preferences.',
  dashboard: 'What the managers\' dashboard reads and writes (session).',
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
      429: { description: 'Too many requests from this address or device.', schema: ERROR, headers: { 'Retry-After': 'Seconds to wait.' } },
    },
  },

  'OPTIONS /v1/surveys/:id': preflight('GET'),
  'GET /v1/surveys/:id': {
    summary: 'Get a survey definition',
    description: 'Cacheable for a minute, with an `ETag` (`If-None-Match` → 304).',
    tag: 'surveys',
    responses: { 200: { description: 'The definition.', schema: SURVEY, headers: { ETag: 'The definition\'s version.' } }, 304: { description: 'Not modified.' }, 404: notFound('survey') },
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
      429: { description: 'Too many attempts from this address or for this account.', schema: ERROR, headers: { 'Retry-After': 'Seconds to wait.' } },
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
  'GET /v1/stats/export.csv': stats('Export as CSV', z.string(), {
    description: 'UTF-8 with BOM, CRLF, RFC 4180 quoting; safe in spreadsheets whatever their list separator.',
    responses: { 200: { description: 'The CSV file.', mediaType: 'text/csv', schema: z.string() }, 400: bad, 403: err('Not for this role.') },
  }),

  'GET /v1/targets': { summary: 'Targets the session may see', tag: 'dashboard', responses: { 200: { description: 'The targets.', schema: TargetListSchema }, 403: err('Staff accounts see no targets.') } },
  'PUT /v1/targets': {
    summary: 'Set a target',
    tag: 'dashboard',
    body: { schema: TargetInputSchema, required: true },
    responses: { 200: { description: 'The targets the session may see, this one included.', schema: TargetListSchema }, 400: bad, 403: err('Not allowed for this role or scope.') },
  },
  'DELETE /v1/targets': { summary: 'Remove a target', tag: 'dashboard', query: TargetKeySchema, responses: { 204: { description: 'Removed.' }, 400: bad, 403: err('Not allowed for this role or scope.'), 404: notFound('target') } },
};
