/**
 * The rollup tables, defined once. `sql.ts` turns this definition into the tables, the trigger
 * that keeps them exact on every INSERT, UPDATE and DELETE of `submissions`, and the statements
 * that rebuild them from raw rows — so the migration and `rebuildRollups()` cannot disagree.
 *
 * Why rollups maintained by triggers (docs/architecture.md, "Rollups"): the dashboard shows a
 * submission moments after it arrives, and kiosks deliver days-old feedback late, which a
 * periodic refresh of closed days would miss. Counts per answer value are kept (not averages), so
 * every figure is derived exactly at query time and rows add up across any grouping.
 *
 * What the rollups count never changes after ingest: `has_comment` rather than `comment`, the
 * answers' option ids and ratings rather than their free text, topics rather than the words that
 * produced them. Retention can then erase text, page URLs and contact details from raw rows
 * without changing a single chart.
 */

/** A column of a rollup's key, and how it is computed from a `submissions` row aliased `s`. */
export interface KeyColumn {
  name: string;
  type: 'text' | 'date';
  expr: string;
}

/** A counted column: an aggregate over the grouped rows (`s`, plus the fan-out's alias). */
export interface Measure {
  name: string;
  expr: string;
}

export interface RollupTable {
  name: string;
  /** What the table is for, written into the migration as a comment. */
  purpose: string;
  keys: readonly KeyColumn[];
  /** A lateral join that turns one submission into several rows (staff ids, answers, topics). */
  fanOut?: string;
  /** A condition on the fanned-out rows (which of them count). */
  where?: string;
  measures: readonly Measure[];
  /** Secondary indexes (column lists); the key is the primary key. */
  indexes: ReadonlyArray<readonly string[]>;
}

const key = (name: string, expr: string, type: KeyColumn['type'] = 'text'): KeyColumn => ({ name, type, expr });

const brand = key('brand_id', 's.brand_id');
// Missing region/store are '' so they can be part of a primary key.
const region = key('region_id', "coalesce(s.region_id, '')");
const store = key('store_id', "coalesce(s.store_id, '')");
const channel = key('channel', 's.channel');
const survey = key('survey_id', 's.survey_id');
const device = key('device_class', 's.device_class');
const lang = key('lang', 's.lang');
/** The day in the store's time zone (`submissions.local_date`, set on insert). */
const day = key('day', 's.local_date', 'date');
const month = key('month', "date_trunc('month', s.local_date)::date", 'date');
/** Segments: what corporate filters every view by. */
const segments = [channel, survey, device, lang];

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The count columns of the score rollups. */
export const SCORE_COLUMNS = [
  'responses',
  'comments',
  ...range(0, 10).map((v) => `nps_${v}`),
  ...range(1, 5).map((v) => `csat_${v}`),
  ...range(1, 5).map((v) => `smiley_${v}`),
  ...range(1, 5).map((v) => `stars_${v}`),
] as const;

const scoreMeasures: Measure[] = SCORE_COLUMNS.map((name) => {
  if (name === 'responses') return { name, expr: 'count(*)' };
  if (name === 'comments') return { name, expr: 'count(*) FILTER (WHERE s.has_comment)' };
  const [metric, value] = name.split('_');
  return { name, expr: `count(*) FILTER (WHERE s.${metric} = ${value})` };
});

/** The value a choice answer also counts under once, whatever its options: submissions that answered. */
export const ANSWERED = '*';

/** A detractor or low rating: what makes a topic "negative". */
const NEGATIVE = 's.min_score <= 2 OR s.nps <= 6';

/** The keys of an answer: question, type and counted value (see stats_answers_daily's purpose). */
const answerKeys = [key('question_id', "ax.a->>'questionId'"), key('answer_type', "ax.a->>'type'"), key('value', 'av.value')];
// Plain lateral joins rather than a set-returning function: PostgreSQL inlines them, and the
// trigger runs on every ingest.
const ANSWER_FAN_OUT = `CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(s.body->'answers') = 'array' THEN s.body->'answers' ELSE '[]'::jsonb END) ax(a)
      CROSS JOIN LATERAL jsonb_array_elements_text(CASE
        WHEN ax.a->>'type' = 'text' THEN '[""]'::jsonb
        WHEN ax.a->>'type' = 'choice' AND jsonb_typeof(ax.a->'value') = 'array' THEN ax.a->'value' || '["${ANSWERED}"]'::jsonb
        WHEN ax.a->>'type' = 'choice' THEN jsonb_build_array(ax.a->'value', '${ANSWERED}')
        ELSE jsonb_build_array(ax.a->'value') END) av(value)`;
const ANSWER_WHERE = "ax.a->>'type' <> 'staff' AND ax.a->>'questionId' IS NOT NULL AND av.value IS NOT NULL";
const TOPIC_FAN_OUT = 'CROSS JOIN LATERAL unnest(s.topics) t(topic)';
const topicMeasures: Measure[] = [
  { name: 'mentions', expr: 'count(*)' },
  { name: 'negative', expr: `count(*) FILTER (WHERE ${NEGATIVE})` },
];

export const ROLLUPS: readonly RollupTable[] = [
  {
    name: 'stats_region_daily',
    purpose: 'brand and region views: one row per region, segment and store-local day',
    keys: [brand, region, ...segments, day],
    measures: scoreMeasures,
    indexes: [['brand_id', 'day']],
  },
  {
    name: 'stats_store_daily',
    purpose: 'store views, comparisons and trends: one row per store, segment and store-local day',
    keys: [brand, region, store, ...segments, day],
    measures: scoreMeasures,
    indexes: [['brand_id', 'day'], ['brand_id', 'store_id', 'day']],
  },
  {
    name: 'stats_store_monthly',
    purpose: 'store comparisons over long ranges: whole months come from here, the days at the edges from stats_store_daily',
    keys: [brand, region, store, ...segments, month],
    measures: scoreMeasures,
    indexes: [['brand_id', 'month']],
  },
  // Totals: the same figures without the survey, device and language segments. Every view
  // without a segment filter (nearly all of them) reads these: with segments, a store-day of a
  // few dozen submissions is a few dozen rows (every segment combination is its own row), so at
  // 10 million submissions the segmented store rollup is nearly as big as `submissions` itself.
  {
    name: 'stats_region_totals_daily',
    purpose: 'brand and region views without a segment filter: one row per region, channel and store-local day',
    keys: [brand, region, channel, day],
    measures: scoreMeasures,
    indexes: [['brand_id', 'day']],
  },
  {
    name: 'stats_store_totals_daily',
    purpose: 'store views, comparisons and trends without a segment filter: one row per store, channel and store-local day',
    keys: [brand, region, store, channel, day],
    measures: scoreMeasures,
    indexes: [['brand_id', 'day'], ['brand_id', 'store_id', 'day']],
  },
  {
    name: 'stats_store_totals_monthly',
    purpose: 'store comparisons over long ranges without a segment filter: whole months, the edge days from stats_store_totals_daily',
    keys: [brand, region, store, channel, month],
    measures: scoreMeasures,
    indexes: [['brand_id', 'month']],
  },
  {
    name: 'stats_staff_daily',
    purpose: 'individuals: one row per staff member named (a submission naming two people counts once for each)',
    keys: [brand, key('staff_id', 'k.staff_id'), region, store, channel, day],
    fanOut: 'CROSS JOIN LATERAL (SELECT DISTINCT unnest(s.staff_ids) AS staff_id) k',
    measures: scoreMeasures,
    // By region too: a regional manager's staff list read the whole brand's rows without it.
    indexes: [['brand_id', 'store_id', 'day'], ['brand_id', 'region_id', 'day']],
  },
  {
    name: 'stats_answers_daily',
    purpose: "every question's answers per region: rating values, choice option ids (one row per option chosen, and '*' once per answer, which counts the submissions that answered; the free text of Other is not counted), consent yes/no, and text answers as '' (answered); free text itself is never counted, staff answers are left to the staff rollup",
    keys: [brand, region, ...segments, ...answerKeys, day],
    fanOut: ANSWER_FAN_OUT,
    where: ANSWER_WHERE,
    measures: [{ name: 'answers', expr: 'count(*)' }],
    indexes: [['brand_id', 'day']],
  },
  {
    name: 'stats_answers_totals_daily',
    purpose: "every question's answers per region and survey without the device and language segments (as stats_answers_daily)",
    keys: [brand, region, channel, survey, ...answerKeys, day],
    fanOut: ANSWER_FAN_OUT,
    where: ANSWER_WHERE,
    measures: [{ name: 'answers', expr: 'count(*)' }],
    indexes: [['brand_id', 'day']],
  },
  {
    name: 'stats_topics_daily',
    purpose: 'topics of comments per region (tagged on ingest), and how many came with a low score',
    keys: [brand, region, ...segments, key('topic', 't.topic'), day],
    fanOut: TOPIC_FAN_OUT,
    measures: topicMeasures,
    indexes: [['brand_id', 'day']],
  },
  {
    name: 'stats_topics_totals_daily',
    purpose: 'topics of comments per region without a segment but the channel (as stats_topics_daily)',
    keys: [brand, region, channel, key('topic', 't.topic'), day],
    fanOut: TOPIC_FAN_OUT,
    measures: topicMeasures,
    indexes: [['brand_id', 'day']],
  },
];

/** A rollup by name (queries refer to them by name; a typo fails loudly). */
export function rollup(name: string): RollupTable {
  const table = ROLLUPS.find((t) => t.name === name);
  if (!table) throw new Error(`no rollup table ${name}`);
  return table;
}
