import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { privacyCommand } from '../../../demo/server/retention/command.js';
import type { Collector } from '../../../demo/server/server.js';
import { storeSubmissions } from '../../../demo/server/ingest/store.js';
import { login, type Session } from '../stats/client.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { adminAnswers, dashboardAnswers, rollupSnapshot } from './answers.js';
import { DAYS, FIRST_DAY, fromPerson, JANE, JOHN, PASSWORD, seedRetention, USERS } from './fixtures.js';

/**
 * People's rights (demo/server/retention/rights.ts): the admin API and the command export and
 * erase everything tied to a contact e-mail or phone number, however it was typed; every input is
 * validated; an erased contact appears nowhere in any API answer afterwards; the audit log says
 * who did what with counts and ids only; the rollups do not move.
 */

const TOKEN = 'admin-token-for-rights-tests';
const END = new Date(FIRST_DAY + DAYS * 86_400_000);
const at = (day: number, hour: number) => new Date(FIRST_DAY + day * 86_400_000 + hour * 3_600_000).toISOString();

/** Jane's and John's feedback, and lookalikes that are someone else's. */
const people = [
  // Jane agreed to be contacted (a detractor: a case opens with her contact).
  fromPerson(at(50, 10), 'n1', [{ questionId: 'recommend', type: 'nps', value: 2 }, { questionId: 'comment', type: 'text', value: 'JANE-TEXT-1 the fitting rooms were dirty' }, { questionId: 'contact-me', type: 'consent', value: true, contact: JANE.typed[0]! }], 'https://shop.example.com/account/jane'),
  // …typed her address into a comment without consenting, and into "Other".
  fromPerson(at(51, 11), 'n2', [{ questionId: 'mood', type: 'smiley', value: 4 }, { questionId: 'comment', type: 'text', value: `JANE-TEXT-2 write to me at ${JANE.typed[2]} please` }]),
  fromPerson(at(52, 12), 's1', [{ questionId: 'why', type: 'choice', value: ['other'], other: `JANE-TEXT-3 ${JANE.typed[1]!.trim()}` }]),
  // Someone else whose address merely contains Jane's.
  fromPerson(at(52, 13), 'n1', [{ questionId: 'comment', type: 'text', value: 'MARY-TEXT mary.jane.doe@example.community' }]),
  // John, national format as his contact, international in a comment.
  fromPerson(at(53, 9), 'n1', [{ questionId: 'smiley', type: 'smiley', value: 1 }, { questionId: 'comment', type: 'text', value: 'JOHN-TEXT-1 no help at all' }, { questionId: 'contact-me', type: 'consent', value: true, contact: JOHN.typed[1]! }]),
  fromPerson(at(54, 9), 'n2', [{ questionId: 'comment', type: 'text', value: `JOHN-TEXT-2 call ${JOHN.typed[0]} after 5` }]),
  // A number one digit longer than John's.
  fromPerson(at(54, 10), 'n2', [{ questionId: 'comment', type: 'text', value: 'OTHER-PHONE call 070-123 45 678' }]),
];

for (const target of databaseTargets) {
  describe(`people's rights (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let clock = new Date(FIRST_DAY);
    let corporate: Session;
    let store: Session;
    let otherCase: string;

    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${collector.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const everything = async () => [...(await dashboardAnswers(collector.url, collector.ctx.db, corporate)).values(), ...(await dashboardAnswers(collector.url, collector.ctx.db, store)).values(), ...(await adminAnswers(collector.url, TOKEN)).values()].join('\n');

    before(async () => {
      collector = await startTestCollector(target, { ADMIN_TOKEN: TOKEN, RETENTION_INTERVAL_MINUTES: 0, CASE_WORKER_INTERVAL_MS: 0 }, { now: () => clock });
      await seedRetention(collector.ctx, (t) => (clock = t), 4);
      clock = new Date(at(55, 0));
      await storeSubmissions(collector.ctx, 'acme', people);
      clock = END;
      // A manager quoted Jane's address in a note on someone else's case.
      const [other] = await collector.ctx.db.query<{ id: string }>("SELECT id::text AS id FROM cases WHERE store_id = 'n1' ORDER BY id LIMIT 1");
      otherCase = other!.id;
      await collector.ctx.db.query("INSERT INTO case_notes (case_id, kind, author_name, text, created_at) VALUES ($1, 'note', 'Nils', 'Same person as JANE.DOE@example.com last week', $2)", [otherCase, END.toISOString()]);
      corporate = await login(collector.url, USERS.corporate, PASSWORD);
      store = await login(collector.url, USERS.store, PASSWORD);
    });
    after(() => collector.close());

    it('rejects bad input with a 400 that names the field, a missing token with 401, an unknown brand with 404', async () => {
      const cases: Array<[unknown, string]> = [
        [{ email: JANE.email }, 'actor'],
        [{ email: JANE.email, actor: '  ' }, 'actor'],
        [{ actor: 'dpo' }, 'email'],
        [{ email: JANE.email, phone: JOHN.phone, actor: 'dpo' }, 'phone'],
        [{ email: 'not an address', actor: 'dpo' }, 'email'],
        [{ email: 'x'.repeat(400) + '@example.com', actor: 'dpo' }, 'email'],
        [{ phone: 'call me maybe', actor: 'dpo' }, 'phone'],
        [{ phone: '12 34', actor: 'dpo' }, 'phone'],
        [{ email: JANE.email, actor: 'dpo', brand: '' }, 'brand'],
        [{ email: JANE.email, actor: 'dpo', reason: 'x' }, 'reason'],
        [{ email: 42, actor: 'dpo' }, 'email'],
      ];
      for (const path of ['/v1/admin/privacy/export', '/v1/admin/privacy/erase']) {
        for (const [body, field] of cases) {
          const res = await post(path, body);
          const answer = (await res.json()) as { message: string };
          assert.equal(res.status, 400, `${path} ${JSON.stringify(body)}`);
          assert.match(answer.message, new RegExp(field), `${path} ${JSON.stringify(body)}: ${answer.message}`);
        }
        assert.equal((await post(path, '{"email":')).status, 400);
        assert.equal((await post(path, { email: JANE.email, actor: 'dpo' }, { 'content-type': 'text/plain' })).status, 415);
        assert.equal((await post(path, { email: JANE.email, actor: 'dpo' }, { authorization: 'Bearer wrong-token-wrong-token' })).status, 401);
        const unknownBrand = await post(path, { email: JANE.email, actor: 'dpo', brand: 'nope' });
        assert.equal(unknownBrand.status, 404);
      }
      const audit = await fetch(`${collector.url}/v1/admin/privacy/audit?limit=0`, { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(audit.status, 400);
      assert.match(((await audit.json()) as { message: string }).message, /limit/);
    });

    it('exports everything tied to an e-mail address, however it was typed, as readable JSON', async () => {
      const res = await post('/v1/admin/privacy/export', { email: ' Jane.DOE @example.com', actor: 'dpo@acme.example (ticket 4711)' });
      assert.equal(res.status, 200);
      const exported = (await res.json()) as { contact: { kind: string; value: string }; summary: { submissions: number; cases: number }; submissions: Array<{ id: string; answers: unknown; pageUrl: string | null; contact: { value: string } | null; case: { notes: unknown[] } | null }>; mentions: Array<{ caseId: string; times: number }> };
      assert.deepEqual(exported.contact, { kind: 'email', value: JANE.email });
      assert.deepEqual(exported.submissions.map((s) => s.id).sort(), people.slice(0, 3).map((s) => s.id).sort(), 'her three submissions, not Mary’s');
      const text = JSON.stringify(exported);
      for (const marker of ['JANE-TEXT-1', 'JANE-TEXT-2', 'JANE-TEXT-3', 'shop.example.com/account/jane']) assert.ok(text.includes(marker), marker);
      assert.ok(!text.includes('MARY-TEXT'));
      assert.equal(exported.submissions.find((s) => s.id === people[0]!.id)?.contact?.value, JANE.typed[0]);
      assert.ok(exported.summary.cases >= 1);
      assert.deepEqual(exported.mentions.map((m) => [m.caseId, m.times]), [[otherCase, 1]]);
    });

    it('matches phone numbers across formats, but not a longer number', async () => {
      for (const phone of JOHN.typed) {
        const exported = (await (await post('/v1/admin/privacy/export', { phone, actor: 'support' })).json()) as { submissions: Array<{ id: string }> };
        assert.deepEqual(exported.submissions.map((s) => s.id).sort(), [people[4]!.id, people[5]!.id].sort(), phone);
      }
    });

    it('erases everything tied to a contact: nothing of it appears in any API answer, the audit log says who did it, the rollups do not move', async () => {
      // First: the probes see Jane where she is, or they could not see her gone.
      const shownBefore = (await everything()).toLowerCase();
      for (const marker of ['jane-text-1', 'jane-text-2', JANE.email]) assert.ok(shownBefore.includes(marker), `${marker} is shown before`);
      const rollups = await rollupSnapshot(collector.ctx.db);

      clock = new Date(END.getTime() + 1000);
      const res = await post('/v1/admin/privacy/erase', { email: 'jane.doe@EXAMPLE.com', actor: 'dpo@acme.example (ticket 4711)' });
      assert.equal(res.status, 200);
      const erased = (await res.json()) as { auditId: string; submissionIds: string[]; caseIds: string[]; counts: Record<string, number> };
      assert.deepEqual(erased.submissionIds.sort(), people.slice(0, 3).map((s) => s.id).sort());
      assert.deepEqual({ ...erased.counts }, { submissions: 3, submissionsAnonymised: 3, contactsErased: 1, caseNotesErased: 0, quotesRedacted: 1, alertEventsAnonymised: 0 });
      assert.ok(erased.caseIds.includes(otherCase));

      // Mary's address contains Jane's: it is hers, and stays.
      const shownAfter = (await everything()).toLowerCase().replaceAll('mary.jane.doe@example.community', 'mary-address');
      for (const marker of ['jane-text', 'jane.doe@example.com', 'shop.example.com/account/jane']) assert.ok(!shownAfter.includes(marker), `${marker} is gone from every answer`);
      assert.ok(shownAfter.includes('mary-text') && shownAfter.includes('mary-address'), 'someone else’s feedback stays');
      assert.ok(shownAfter.includes('[erased] last week'), 'the quote in the note is redacted, the note kept');
      const JANE_TRACE = '(^|[^.a-z])jane[.]doe@example[.]com|jane-text|account/jane';
      const left = await collector.ctx.db.query<{ place: string; id: string }>(
        `SELECT 'submission' AS place, id::text AS id FROM submissions WHERE body::text ~* $1 OR comment ~* $1
         UNION ALL SELECT 'contact', submission_id::text FROM submission_contacts WHERE value ~* $1
         UNION ALL SELECT 'note', id::text FROM case_notes WHERE text ~* $1
         UNION ALL SELECT 'resolution', id::text FROM cases WHERE resolution_note ~* $1
         UNION ALL SELECT 'alert', id::text FROM alert_events WHERE body ~* $1
         UNION ALL SELECT 'audit', id::text FROM privacy_audit WHERE (actor || counts::text) ~* $1`,
        [JANE_TRACE],
      );
      assert.deepEqual([...left], [], 'nothing of Jane is left in the database');
      assert.deepEqual(await rollupSnapshot(collector.ctx.db), rollups, 'every rollup row is unchanged');

      const audit = (await (await fetch(`${collector.url}/v1/admin/privacy/audit`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { entries: Array<{ id: string; action: string; actor: string; contactKind: string; submissionIds: string[]; counts: Record<string, number> }> };
      const entry = audit.entries.find((e) => e.id === erased.auditId);
      assert.deepEqual(entry && [entry.action, entry.actor, entry.contactKind, entry.submissionIds.sort(), entry.counts], ['erase', 'dpo@acme.example (ticket 4711)', 'email', erased.submissionIds, erased.counts]);
      assert.ok(audit.entries.some((e) => e.action === 'export'), 'exports are logged too');
      assert.equal(audit.entries[0]?.id, erased.auditId, 'newest first');

      // Again, or a contact nobody gave: nothing found, nothing changed, no error.
      for (const email of [JANE.email, 'nobody@example.org']) {
        const again = (await (await post('/v1/admin/privacy/erase', { email, actor: 'dpo' })).json()) as { submissionIds: string[]; counts: Record<string, number> };
        assert.deepEqual([again.submissionIds, Object.values(again.counts).every((n) => n === 0)], [[], true], email);
      }
      const exported = (await (await post('/v1/admin/privacy/export', { email: JANE.email, actor: 'dpo' })).json()) as { submissions: unknown[]; mentions: unknown[] };
      assert.deepEqual([exported.submissions, exported.mentions], [[], []]);
    });

    it('offers the same as a command, with usage errors that name the option', async () => {
      const output = { out: [] as string[], err: [] as string[] };
      const io = { out: (t: string) => output.out.push(t), err: (t: string) => output.err.push(t) };
      assert.equal(await privacyCommand(['erase', '--phone', JOHN.typed[2]!], collector.ctx, io), 2);
      assert.match(output.err.join('\n'), /--actor/);
      assert.equal(await privacyCommand(['erase', '--mail', 'x'], collector.ctx, io), 2);
      assert.equal(await privacyCommand(['frobnicate'], collector.ctx, io), 2);
      assert.equal(await privacyCommand(['export', '--email', JANE.email, '--actor', 'cli', '--brand', 'nope'], collector.ctx, io), 2);
      output.out.length = 0;
      clock = new Date(END.getTime() + 60_000);
      assert.equal(await privacyCommand(['erase', '--phone', JOHN.typed[2]!, '--actor', 'support: Sam', '--brand', 'acme'], collector.ctx, io), 0);
      const erased = JSON.parse(output.out.join('')) as { submissionIds: string[] };
      assert.deepEqual(erased.submissionIds.sort(), [people[4]!.id, people[5]!.id].sort());
      const [left] = await collector.ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM submissions WHERE comment LIKE 'JOHN-TEXT%' OR comment LIKE 'OTHER-PHONE%'");
      assert.equal(left?.n, 1, 'only the longer number is left');
      output.out.length = 0;
      assert.equal(await privacyCommand(['audit', '--limit', '1'], collector.ctx, io), 0);
      assert.equal((JSON.parse(output.out.join('')) as { entries: Array<{ actor: string }> }).entries[0]?.actor, 'support: Sam');
    });
  });
}
