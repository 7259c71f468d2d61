import type { Submission } from '../../../sdk/index.js';
import { contactOf, withoutContactDetails } from '../cases/contacts.js';
import type { AppContext, StoredSubmission } from '../context.js';
import { withoutPulseIdentifiers } from '../privacy/pulse.js';
import { brandTopics } from '../topics/brand-topics.js';
import { languageOf, tagTopics, type CompiledTopics } from '../topics/tag.js';
import { followUps, withFollowUps } from './follow-ups.js';
import { metricsOf } from './metrics.js';
import { placeInHierarchy } from './resolve.js';
import { toStorable } from './storable.js';
import type { IngestItem } from './verify-context.js';

/** Submissions of one brand to insert (ids unique within the job). */
export interface InsertJob {
  brandId: string;
  items: readonly IngestItem[];
}

/**
 * Inserts the submissions of several jobs with ONE statement and tells each job which of its
 * submissions were new: `INSERT … ON CONFLICT (id) DO NOTHING RETURNING id`. The database is the
 * judge of duplicates, so concurrent retries of one id on any instance store exactly one row.
 * An id in two jobs of the same call counts for the first only.
 */
export async function insertJobs(ctx: Pick<AppContext, 'db' | 'now'>, jobs: readonly InsertJob[]): Promise<StoredSubmission[][]> {
  const receivedAt = ctx.now().toISOString();
  const claimed = new Set<string>();
  const prepared = [];
  for (const job of jobs) {
    const items = job.items.map(anonymousPulse);
    const placements = await placeInHierarchy(ctx.db, job.brandId, items.map((item) => item.context));
    const topics = await brandTopics(ctx.db, job.brandId);
    prepared.push(
      items.flatMap((item, index) => {
        const id = item.submission.id.toLowerCase();
        if (claimed.has(id)) return [];
        claimed.add(id);
        return [toRow(job.brandId, item, placements[index]!, receivedAt, topics)];
      }),
    );
  }
  const rows = prepared.flat();
  if (rows.length === 0) return jobs.map(() => []);
  // One JSON parameter instead of 21 per row: no parameter-count limit, one plan for any size.
  // `::text::jsonb` so the postgres driver sends the string as text rather than re-encoding it.
  // The submissions, and for those that are new their cases, contact details and live events: one statement (follow-ups.ts).
  const inserted = await ctx.db.query<{ id: string }>(
    withFollowUps(`INSERT INTO submissions (id, brand_id, region_id, store_id, staff_ids, device_id, channel, survey_id, survey_version, locale,
       created_at, received_at, context_verified, flags, nps, csat, smiley, stars, min_score, comment, topics, device_class, body)
     SELECT id, brand_id, region_id, store_id, staff_ids, device_id, channel, survey_id, survey_version, locale,
       created_at, received_at, context_verified, flags, nps, csat, smiley, stars, min_score, comment, coalesce(topics, '{}'), device_class, body
     FROM jsonb_to_recordset($1::text::jsonb) AS r(id uuid, brand_id text, region_id text, store_id text, staff_ids text[], device_id text,
       channel text, survey_id text, survey_version integer, locale text, created_at timestamptz, received_at timestamptz,
       context_verified boolean, flags text[], nps smallint, csat smallint, smiley smallint, stars smallint, min_score smallint,
       comment text, topics text[], device_class text, body jsonb)
     ON CONFLICT (id) DO NOTHING
     RETURNING id::text AS id`),
    [JSON.stringify(rows.map((r) => r.row)), await followUps(ctx.db, rows, receivedAt)],
  );
  const isNew = new Set(inserted.map((r) => r.id));
  return prepared.map((jobRows) => jobRows.filter((r) => isNew.has(r.stored.id)).map((r) => r.stored));
}

/** An employee pulse item without anything that points below its store (privacy/pulse.ts). */
function anonymousPulse(item: IngestItem): IngestItem {
  if (item.submission.context.channel !== 'employee') return item;
  // No staff are stored, so no flag about them either; no device class (which phone answered is a hint below the store).
  return { ...item, deviceClass: undefined, submission: withoutPulseIdentifiers(item.submission), context: { ...item.context, staff: [], device: undefined }, flags: item.flags.filter((flag) => flag !== 'unverified_staff') };
}

function toRow(brandId: string, item: IngestItem, place: Awaited<ReturnType<typeof placeInHierarchy>>[number], receivedAt: string, topics: CompiledTopics) {
  const submission = toStorable(item.submission);
  const id = submission.id.toLowerCase();
  const metrics = metricsOf(submission);
  // The token is a short-lived credential, not feedback: it is not kept at rest. Contact details
  // go to their own table (cases/contacts.ts), never into the body other paths read.
  const body: Submission = { ...withoutContactDetails(submission) };
  delete body.contextToken;
  const stored: StoredSubmission = {
    id,
    brandId,
    regionId: place.regionId,
    storeId: place.storeId,
    staffIds: place.staffIds,
    deviceId: item.context.device ?? null,
    channel: submission.context.channel,
    surveyId: submission.surveyId,
    // A clock ahead is stored at the receive time (verify-context.ts, created-at.ts); `body` keeps the claim.
    createdAt: item.createdAt ?? new Date(submission.createdAt),
    minScore: metrics.minScore,
    nps: metrics.nps,
    flags: [...place.flags, ...item.flags],
    body,
  };
  const row = {
    id,
    brand_id: brandId,
    region_id: place.regionId,
    store_id: place.storeId,
    staff_ids: place.staffIds,
    device_id: stored.deviceId,
    channel: submission.context.channel,
    survey_id: submission.surveyId,
    survey_version: submission.surveyVersion ?? null,
    locale: submission.context.locale ?? null,
    // Normalised by JavaScript: PostgreSQL refuses dates such as Feb 30 that the pattern allows.
    created_at: stored.createdAt.toISOString(),
    received_at: receivedAt,
    context_verified: item.verified,
    flags: stored.flags,
    nps: metrics.nps,
    csat: metrics.csat,
    smiley: metrics.smiley,
    stars: metrics.stars,
    min_score: metrics.minScore,
    comment: metrics.comment,
    topics: metrics.comment === null ? [] : tagTopics(metrics.comment, languageOf(submission.context.locale), topics),
    // Null (the seed, bulk loads) lets the database derive it from the channel (stats/rollups/sql.ts).
    device_class: item.deviceClass ?? null,
    body,
  };
  return { row, stored, contact: contactOf(submission) };
}
