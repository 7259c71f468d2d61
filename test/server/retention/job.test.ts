import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '../../../demo/server/log.js';
import { lastRetentionRun, runRetention } from '../../../demo/server/retention/index.js';
import type { Collector } from '../../../demo/server/server.js';
import { invalidateBrandSettings, saveBrandSettings } from '../../../demo/server/settings/repository.js';
import { defaultBrandSettings, type RetentionSettings } from '../../../demo/server/settings/schema.js';
import { login, type Session } from '../stats/client.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { dashboardAnswers, rollupSnapshot } from './answers.js';
import { DAYS, FIRST_DAY, PASSWORD, seedRetention, TYPED, USERS } from './fixtures.js';

/**
 * The retention job (demo/server/retention/job.ts) on a generated data set, with an injected
 * clock: contact details erased when due (by age, or after their case was resolved), free text
 * and page URLs anonymised when due, every dashboard figure and rollup row unchanged, in bounded
 * batches, exactly once when instances run it at the same time, logging counts only.
 */

const DAY = 86_400_000;
const dayBefore = (iso: string) => new Date(Date.parse(iso) - DAY).toISOString().slice(0, 10);
/** The end of the generated data: day DAYS. */
const END = new Date(FIRST_DAY + DAYS * DAY);

/** Dashboard answers that are lists of free text: they lose what was erased, items included. */
const TEXT_LISTS = ['/v1/stats/comments', '/v1/stats/kudos', 'rows=responses'];
const isTextList = (url: string) => TEXT_LISTS.some((part) => url.includes(part));
/** Fields that hold what a person typed; every other field of an answer must stay the same. */
const TEXT_FIELDS = new Set(['excerpt', 'text', 'comment', 'resolutionNote', 'contact', 'hasContact', 'other', 'pageUrl']);

/** An answer with what a person typed masked: the figures, ids, times and structure are left. */
function masked(answer: string): string {
  const [status, ...rest] = answer.split(' ');
  const body = rest.join(' ');
  if (!body.startsWith('{')) return answer;
  const mask = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(mask);
    if (typeof value !== 'object' || value === null) return value;
    const o = value as Record<string, unknown>;
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, TEXT_FIELDS.has(k) || (k === 'value' && o.type === 'text') || (k === 'display' && (o.type === 'text' || o.type === 'choice')) ? '<typed>' : mask(v)]));
  };
  return `${status} ${JSON.stringify(mask(JSON.parse(body)))}`;
}

for (const target of databaseTargets) {
  describe(`retention job (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let clock = new Date(FIRST_DAY);
    let corporate: Session;
    const logLines: string[] = [];

    const setRetention = async (retention: Partial<RetentionSettings>) => {
      const settings = defaultBrandSettings();
      await saveBrandSettings(collector.ctx.db, 'acme', { ...settings, retention: { ...settings.retention, ...retention } }, clock);
      invalidateBrandSettings(collector.ctx.db, 'acme');
    };

    before(async () => {
      collector = await startTestCollector(target, { RETENTION_INTERVAL_MINUTES: 0, CASE_WORKER_INTERVAL_MS: 0, LOG_LEVEL: 'info' }, { now: () => clock, log: createLogger('info', (line) => logLines.push(line)) });
      await seedRetention(collector.ctx, (at) => (clock = at));
      clock = END;
      corporate = await login(collector.url, USERS.corporate, PASSWORD);
    });
    after(() => collector.close());

    it('erases contact details after contactDays, or contactDaysAfterResolved after their case was resolved, whichever comes first', async () => {
      const db = collector.ctx.db;
      await setRetention({ contactDays: 40, contactDaysAfterResolved: 5, freeTextDays: 3650 });
      // A manager quoted a contact that is due in a note on its case, formatted differently.
      const [quoted] = await db.query<{ case_id: string; value: string; kind: string }>(
        `SELECT c.id::text AS case_id, k.value, k.kind FROM submission_contacts k JOIN cases c ON c.submission_id = k.submission_id
         WHERE k.created_at <= $1 AND k.kind = 'phone' ORDER BY k.created_at LIMIT 1`,
        [new Date(END.getTime() - 40 * DAY).toISOString()],
      );
      assert.ok(quoted, 'the data set has a due phone contact with a case');
      const reformatted = quoted.value.replace(/^\+46 /, '0').replace(/ /g, '-');
      await db.query("INSERT INTO case_notes (case_id, kind, author_name, text, created_at) VALUES ($1, 'contact_attempt', 'Nils', $2, $3)", [quoted.case_id, `Rang ${reformatted} twice, no answer`, END.toISOString()]);

      const expected = await db.query<{ id: string; due: boolean }>(
        `SELECT k.submission_id::text AS id, (k.created_at <= $1 OR coalesce(c.resolved_at <= $2, false)) AS due
         FROM submission_contacts k LEFT JOIN cases c ON c.submission_id = k.submission_id WHERE k.erased_at IS NULL`,
        [new Date(END.getTime() - 40 * DAY).toISOString(), new Date(END.getTime() - 5 * DAY).toISOString()],
      );
      const byAge = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM submission_contacts WHERE created_at <= $1', [new Date(END.getTime() - 40 * DAY).toISOString()]);
      const byCase = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM submission_contacts k JOIN cases c ON c.submission_id = k.submission_id WHERE k.created_at > $1 AND c.resolved_at <= $2`,
        [new Date(END.getTime() - 40 * DAY).toISOString(), new Date(END.getTime() - 5 * DAY).toISOString()],
      );
      assert.ok(byAge[0]!.n > 0 && byCase[0]!.n > 0, 'contacts due by age and by a resolved case');
      assert.ok(expected.some((e) => !e.due), 'and contacts not due yet');

      const counts = await runRetention(collector.ctx, { batchSize: 50 });
      assert.equal(counts.contactsErased, expected.filter((e) => e.due).length);
      assert.equal(counts.submissionsAnonymised, 0);
      const rows = await db.query<{ id: string; value: string | null; erased_at: Date | null }>('SELECT submission_id::text AS id, value, erased_at FROM submission_contacts');
      const due = new Set(expected.filter((e) => e.due).map((e) => e.id));
      for (const row of rows) {
        if (due.has(row.id)) assert.deepEqual([row.value, row.erased_at?.toISOString()], [null, END.toISOString()], `contact of ${row.id} erased`);
        else if (expected.some((e) => e.id === row.id)) assert.notEqual(row.value, null, `contact of ${row.id} kept`);
      }
      const [note] = await db.query<{ text: string }>("SELECT text FROM case_notes WHERE case_id = $1 AND kind = 'contact_attempt'", [quoted.case_id]);
      assert.equal(note?.text, 'Rang [erased] twice, no answer');
      // The case still shows that there was a contact, and that it was erased.
      const detail = (await (await fetch(`${collector.url}/v1/cases/${quoted.case_id}`, { headers: { cookie: corporate.cookie } })).json()) as { contact: unknown };
      assert.ok(!JSON.stringify(detail).includes(quoted.value), 'the case no longer shows the contact');
    });

    it('anonymises free text, "Other" text and page URLs after freeTextDays while every dashboard figure and rollup stays the same', async () => {
      const db = collector.ctx.db;
      await setRetention({ contactDays: 3650, contactDaysAfterResolved: 3650, freeTextDays: 30 });
      const cutoff = new Date(END.getTime() - 30 * DAY).toISOString();
      const beforeAnswers = await dashboardAnswers(collector.url, db, corporate);
      const beforeRollups = await rollupSnapshot(db);
      const [due] = await db.query<{ n: number; typed: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE comment IS NOT NULL OR body::text LIKE '%shop.example.com%' OR body::text LIKE '%music%')::int AS typed FROM submissions WHERE created_at <= $1`,
        [cutoff],
      );
      assert.ok(due!.typed > 50, 'due submissions carry typed text');

      const counts = await runRetention(collector.ctx);
      assert.equal(counts.submissionsAnonymised, due!.n);

      const left = await db.query<{ old: boolean; typed: boolean; anonymised: boolean; has_comment: boolean }>(
        `SELECT created_at <= $1 AS old, (comment IS NOT NULL OR body::text LIKE '%shop.example.com%' OR body::text LIKE '%music%' OR body::text ~ '"type": ?"text", ?"value": ?"[^"]') AS typed,
                anonymised_at IS NOT NULL AS anonymised, has_comment FROM submissions`,
        [cutoff],
      );
      assert.ok(left.filter((r) => r.old).every((r) => !r.typed && r.anonymised), 'nothing typed is left in due submissions');
      assert.ok(left.some((r) => !r.old && r.typed && !r.anonymised), 'newer submissions keep their text');
      assert.ok(left.some((r) => r.old && r.has_comment), 'has_comment stays');
      const [notes] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM case_notes n JOIN cases c ON c.id = n.case_id JOIN submissions s ON s.id = c.submission_id WHERE s.created_at <= $1 AND n.text IS NOT NULL`,
        [cutoff],
      );
      assert.equal(notes?.n, 0, 'notes on their cases erased');
      const [resolutions] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM cases c JOIN submissions s ON s.id = c.submission_id WHERE s.created_at <= $1 AND c.resolution_note <> ''`,
        [cutoff],
      );
      assert.equal(resolutions?.n, 0, 'resolution notes on their cases erased');

      assert.deepEqual(await rollupSnapshot(db), beforeRollups, 'every rollup row is unchanged');
      const afterAnswers = await dashboardAnswers(collector.url, db, corporate);
      let compared = 0;
      let textAnswers = 0;
      for (const [url, answer] of beforeAnswers) {
        if (isTextList(url)) {
          textAnswers++;
          continue;
        }
        assert.ok(answer.startsWith('200 '), `${url}: ${answer.slice(0, 200)}`);
        assert.equal(masked(afterAnswers.get(url) ?? ''), masked(answer), `${url} answers the same after retention, but for what a person typed`);
        compared++;
      }
      assert.ok(compared > 50 && textAnswers > 10, `${compared} figures compared`);
      // Where the dashboard lists text, nothing erased comes back: no comment older than the cutoff.
      const oldComments = (answers: Map<string, string>) =>
        [...answers]
          .filter(([url, answer]) => url.startsWith('/v1/stats/comments') && answer.startsWith('200 '))
          .flatMap(([, answer]) => (JSON.parse(answer.slice(4)) as { comments: Array<{ createdAt: string }> }).comments)
          // Pulse comments are dated by the store's day only: a day before the cutoff's is surely older.
          .filter((comment) => (comment.createdAt.length > 10 ? comment.createdAt <= cutoff : comment.createdAt < dayBefore(cutoff))).length;
      assert.ok(oldComments(beforeAnswers) > 0, 'old comments were listed before');
      assert.equal(oldComments(afterAnswers), 0, 'no old comment is listed after');

      const again = await runRetention(collector.ctx);
      assert.deepEqual([again.submissionsAnonymised, again.contactsErased, again.caseNotesErased], [0, 0, 0], 'a second run finds nothing to do');
    });

    it('works in bounded batches, and exactly once when several instances run it at the same time', async () => {
      const db = collector.ctx.db;
      await setRetention({ contactDays: 3650, contactDaysAfterResolved: 3650, freeTextDays: 10 });
      const [due] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions WHERE anonymised_at IS NULL AND created_at <= $1', [new Date(END.getTime() - 10 * DAY).toISOString()]);
      assert.ok(due!.n > 60, `${due!.n} due`);
      const bounded = await runRetention(collector.ctx, { batchSize: 10, maxBatches: 2 });
      assert.equal(bounded.submissionsAnonymised, 20, 'one run does at most maxBatches × batchSize');
      // Two instances at once (on PostgreSQL, two connections of the pool): no row counted twice.
      const runs = await Promise.all([runRetention(collector.ctx, { batchSize: 7, maxBatches: 3 }), runRetention(collector.ctx, { batchSize: 7, maxBatches: 3 })]);
      const concurrent = runs.reduce((sum, r) => sum + r.submissionsAnonymised, 0);
      assert.ok(concurrent > 0 && concurrent <= 42);
      let rest = 0;
      for (let i = 0; i < 20; i++) {
        const run = await runRetention(collector.ctx, { batchSize: 25 });
        rest += run.submissionsAnonymised;
        if (run.submissionsAnonymised === 0) break;
      }
      assert.equal(20 + concurrent + rest, due!.n, 'every due row anonymised exactly once');
    });

    it('logs and exposes what its last run did, counts only', () => {
      const run = lastRetentionRun(collector.ctx);
      assert.ok(run && run.error === null && run.finishedAt.getTime() === END.getTime());
      assert.deepEqual(Object.keys(run.counts).sort(), ['alertEventsAnonymised', 'brands', 'caseNotesErased', 'contactsErased', 'submissionsAnonymised']);
      const lines = logLines.filter((l) => l.includes('"retention run"'));
      assert.ok(lines.length >= 5);
      for (const line of lines) {
        for (const text of [...TYPED, '@example.com', '+46 70', 'Called the customer']) assert.ok(!line.includes(text), `a log line carries content: ${line}`);
      }
      assert.ok(lines.some((l) => /"submissionsAnonymised":[1-9]/.test(l)));
    });
  });
}
