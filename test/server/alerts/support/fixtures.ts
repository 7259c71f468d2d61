import { randomUUID } from 'node:crypto';
import type { AppContext, StoredSubmission } from '../../../../demo/server/context.js';
import type { Queryable } from '../../../../demo/server/db/database.js';
import { saveRule } from '../../../../demo/server/alerts/index.js';
import { AlertRuleSchema, type AlertRuleInput } from '../../../../demo/server/alerts/rules/schema.js';

/** A clock the tests move by hand; pass `clock.now` as the collector's `now`. */
export function testClock(startIso: string) {
  let t = Date.parse(startIso);
  return {
    now: () => new Date(t),
    set(iso: string) {
      t = Date.parse(iso);
    },
    advance(ms: number) {
      t += ms;
    },
  };
}

export const SECRET = 'whsec_test_0123456789abcdef';

/**
 * The demo hierarchy the alert tests use:
 * - `042` Stockholm (emea-north): Mon–Sat 09:00–20:00, closed on Sunday;
 * - `043` Oslo (emea-north): always open (no opening hours);
 * - `107` New York (na-east): every day 10:00–22:00;
 * - `201` Malmö (emea-south): always open.
 */
export async function seedHierarchy(db: Queryable): Promise<void> {
  const weekdays = { mon: [['09:00', '20:00']], tue: [['09:00', '20:00']], wed: [['09:00', '20:00']], thu: [['09:00', '20:00']], fri: [['09:00', '20:00']], sat: [['09:00', '20:00']], sun: [] };
  const daily = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['10:00', '22:00']]]));
  await db.query("INSERT INTO brands (id, name) VALUES ('acme', 'Acme') ON CONFLICT DO NOTHING");
  for (const region of ['emea-north', 'emea-south', 'na-east']) await db.query("INSERT INTO regions (brand_id, id, name) VALUES ('acme', $1, $1) ON CONFLICT DO NOTHING", [region]);
  const stores: Array<[string, string, string, unknown]> = [
    ['042', 'emea-north', 'Europe/Stockholm', weekdays],
    ['043', 'emea-north', 'Europe/Oslo', null],
    ['107', 'na-east', 'America/New_York', daily],
    ['201', 'emea-south', 'Europe/Stockholm', null],
  ];
  for (const [id, region, zone, hours] of stores) {
    await db.query(
      `INSERT INTO stores (brand_id, id, region_id, name, time_zone, opening_hours) VALUES ('acme', $1, $2, $3, $4, $5::text::jsonb) ON CONFLICT DO NOTHING`,
      [id, region, `Store ${id}`, zone, hours === null ? null : JSON.stringify(hours)],
    );
  }
}

export interface SubmissionSpec {
  at: string;
  store?: string | null;
  region?: string | null;
  minScore?: number | null;
  nps?: number | null;
  tags?: Record<string, string | number | boolean>;
  id?: string;
}

/** Inserts a submission row the way ingest stores it and returns what ingest hands to hooks. */
export async function insertSubmission(db: Queryable, spec: SubmissionSpec): Promise<StoredSubmission> {
  const id = spec.id ?? randomUUID();
  const store = spec.store === undefined ? '042' : spec.store;
  const region = spec.region === undefined ? (store === '107' ? 'na-east' : store === '201' ? 'emea-south' : 'emea-north') : spec.region;
  const answers: unknown[] = [];
  if (spec.minScore !== undefined && spec.minScore !== null) answers.push({ questionId: 'mood', type: 'smiley', value: spec.minScore });
  if (spec.nps !== undefined && spec.nps !== null) answers.push({ questionId: 'nps', type: 'nps', value: spec.nps });
  const body = {
    id,
    schemaVersion: 1,
    surveyId: 'post-visit',
    createdAt: spec.at,
    context: { channel: 'kiosk', brand: 'acme', ...(region && { region }), ...(store && { store }), ...(spec.tags && { tags: spec.tags }) },
    answers,
  };
  await db.query(
    `INSERT INTO submissions (id, brand_id, region_id, store_id, channel, survey_id, created_at, min_score, nps, body)
     VALUES ($1, 'acme', $2, $3, 'kiosk', 'post-visit', $4::timestamptz, $5, $6, $7::text::jsonb)`,
    [id, region, store, spec.at, spec.minScore ?? null, spec.nps ?? null, JSON.stringify(body)],
  );
  return {
    id,
    brandId: 'acme',
    regionId: region,
    storeId: store,
    staffIds: [],
    deviceId: null,
    channel: 'kiosk',
    surveyId: 'post-visit',
    createdAt: new Date(spec.at),
    minScore: spec.minScore ?? null,
    nps: spec.nps ?? null,
    flags: [],
    body,
  };
}

/** Saves a rule (through the schema, so defaults apply) pointing at `url`. */
/** A rule input without its webhook and brand (the helper adds them), kind by kind. */
type RuleWithoutWebhook = AlertRuleInput extends infer R ? (R extends unknown ? Omit<R, 'webhook' | 'brand'> : never) : never;

export async function addRule(ctx: AppContext, rule: RuleWithoutWebhook & { brand?: string }, url = 'http://127.0.0.1:9/hook'): Promise<void> {
  const parsed = AlertRuleSchema.parse({ brand: 'acme', webhook: { url, secret: SECRET }, ...rule });
  await saveRule(ctx.db, parsed, 'api', ctx.now());
}

export interface DeliveryRow extends Record<string, unknown> {
  id: string;
  rule_id: string;
  status: string;
  attempts: number;
  next_attempt_at: Date | null;
  last_status: number | null;
  last_error: string | null;
  body: string;
}

/** Every delivery with its alert body, oldest first. */
export async function deliveries(db: Queryable): Promise<DeliveryRow[]> {
  return db.query<DeliveryRow>(
    `SELECT d.id::text AS id, d.rule_id, d.status, d.attempts, d.next_attempt_at, d.last_status, d.last_error, e.body
     FROM webhook_deliveries d JOIN alert_events e ON e.id = d.event_id ORDER BY d.created_at, e.body`,
  );
}

/** The submission ids an alert carried. */
export const submissionIdsOf = (row: DeliveryRow): string[] => (JSON.parse(row.body) as { submissions: Array<{ id: string }> }).submissions.map((s) => s.id);
