/**
 * Retention job benchmark: BENCH_ROWS submissions (default 50,000) with text, "Other" text, page
 * URLs and a contact on about one in four, in PostgreSQL; then retention runs of one batch each
 * (RETENTION_BATCH_SIZE, default 500) until all of them are anonymised and every contact erased,
 * with the rollup triggers on. Prints rows per second and how long one run of one batch takes.
 *
 *   node --import tsx bench/retention.ts
 *
 * STOREVOICE_BENCH_POSTGRES_URL: an admin connection; a database `storevoice_bench_retention` is
 * created (dropped first) and dropped at the end unless BENCH_KEEP=1.
 */
import { createThrowawayDatabase } from './support/postgres.mjs';
import type { Config } from '../demo/server/config.js';
import { openDatabase } from '../demo/server/db/open.js';
import { createLogger } from '../demo/server/log.js';
import { runRetention } from '../demo/server/retention/job.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);
const BATCH = Number(process.env.RETENTION_BATCH_SIZE ?? 500);
const NAME = 'storevoice_bench_retention';

const database = await createThrowawayDatabase(NAME);
const db = await openDatabase({ databaseUrl: database.url });
try {
  await db.query("INSERT INTO brands (id, name) VALUES ('bench', 'Bench')");
  await db.query("INSERT INTO regions (brand_id, id, name) VALUES ('bench', 'r', 'R')");
  await db.query("INSERT INTO stores (brand_id, id, region_id, name) SELECT 'bench', 's' || i, 'r', 'Store ' || i FROM generate_series(0, 49) i");
  let t = performance.now();
  // A year ago, one row a few minutes apart; the rollup triggers maintain the tables as on ingest.
  for (let from = 0; from < ROWS; from += 5_000) {
    await db.query(
      `INSERT INTO submissions (id, brand_id, region_id, store_id, channel, survey_id, created_at, received_at, nps, smiley, min_score, comment, body)
       SELECT gen_random_uuid(), 'bench', 'r', 's' || (i % 50), 'web', 'exit', '2025-01-01'::timestamptz + i * interval '5 minutes', '2025-01-01'::timestamptz + i * interval '5 minutes',
              i % 11, 1 + i % 5, 1 + i % 5, 'Comment number ' || i,
              jsonb_build_object('id', 'x', 'context', jsonb_build_object('channel', 'web', 'page', jsonb_build_object('url', 'https://shop.example.com/account/' || i)),
                'answers', jsonb_build_array(
                  jsonb_build_object('questionId', 'nps', 'type', 'nps', 'value', i % 11),
                  jsonb_build_object('questionId', 'mood', 'type', 'smiley', 'value', 1 + i % 5),
                  jsonb_build_object('questionId', 'why', 'type', 'choice', 'value', jsonb_build_array('queue', 'other'), 'other', 'other text ' || i),
                  jsonb_build_object('questionId', 'comment', 'type', 'text', 'value', 'Comment number ' || i)))
       FROM generate_series($1::int, $2::int) i`,
      [from, Math.min(from + 5_000, ROWS) - 1],
    );
  }
  await db.query(
    "INSERT INTO submission_contacts (submission_id, kind, value, created_at) SELECT id, 'email', 'person' || row_number() OVER () || '@example.com', received_at FROM submissions WHERE nps % 5 = 0",
  );
  const [{ contacts } = { contacts: 0 }] = await db.query<{ contacts: number }>('SELECT count(*)::int AS contacts FROM submission_contacts');
  console.log(`seeded ${ROWS.toLocaleString('en')} submissions and ${contacts.toLocaleString('en')} contacts in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // Time each batch (transaction) through the log line of each run of one batch per step.
  const batches: number[] = [];
  const config = { RETENTION_BATCH_SIZE: BATCH } as Config;
  const ctx = { db, config, log: createLogger('silent'), now: () => new Date('2027-12-01T00:00:00Z') };
  t = performance.now();
  let anonymised = 0;
  let erased = 0;
  for (;;) {
    const started = performance.now();
    const counts = await runRetention(ctx, { batchSize: BATCH, maxBatches: 1 });
    batches.push(performance.now() - started);
    anonymised += counts.submissionsAnonymised;
    erased += counts.contactsErased;
    if (counts.submissionsAnonymised === 0 && counts.contactsErased === 0) break;
  }
  const seconds = (performance.now() - t) / 1000;
  batches.sort((a, b) => a - b);
  const at = (q: number) => batches[Math.min(batches.length - 1, Math.floor(q * batches.length))]!.toFixed(0);
  console.log(`retention: ${anonymised.toLocaleString('en')} submissions anonymised, ${erased.toLocaleString('en')} contacts erased in ${seconds.toFixed(1)} s`);
  console.log(`  ${Math.round(anonymised / seconds).toLocaleString('en')} submissions/s, batches of ${BATCH}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms per run of one batch`);
} finally {
  await db.close();
  await database.drop({ keep: process.env.BENCH_KEEP === '1' });
}
