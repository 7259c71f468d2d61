import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import type { Submission } from '../../../sdk/index.js';
import { CaseDetailSchema, CaseListResponseSchema, type CaseDetail, type CaseListResponse } from '../../../demo/server/cases/types.js';
import { databaseTargets } from '../support/databases.js';
import { clockAt, consent, feedback as anyTime, get, getJson, ingest, nps, send, smiley, startCasesWorld, text, type CasesWorld } from './fixtures.js';

const MINUTE = 60_000;

for (const target of databaseTargets) {
  describe(`cases API (${target.name})`, { skip: target.skip }, () => {
    const clock = clockAt('2026-03-07T12:00:00Z');
    let world: CasesWorld;
    const feedback = (...[store, answers, options]: Parameters<typeof anyTime>) => anyTime(store, answers, { at: clock.now, ...options });
    const s: Record<string, Submission> = {};
    const caseIds: Record<string, string> = {};

    before(async () => {
      world = await startCasesWorld(target, clock);
      // Ann is named by 3 customers (the minimum here), Eve by one: Ann may be named on a case, Eve not.
      const praise = [0, 1].map(() => feedback('n1', [smiley(5)], { context: { staff: ['ann'] } }));
      s.detractor = feedback('n1', [smiley(1), { questionId: 'reasons', type: 'choice', value: ['queue', 'help'] }, { questionId: 'helped-by', type: 'staff', value: 'eve' }, text('Waited 20 minutes at the till.\nNobody came.')], {
        context: { staff: ['ann'], locale: 'sv' },
      });
      s.contact = feedback('n1', [nps(2), text('Wrong size delivered'), consent(true, 'kim@example.com')]);
      s.manager = feedback('n1', [smiley(3)], { context: { tags: { managerRequested: true } } });
      s.n2 = feedback('n2', [nps(0)]);
      s.s1 = feedback('s1', [smiley(2)]);
      await ingest(world, ...praise, s.detractor, s.contact, s.manager, s.n2, s.s1);
      const rows = await world.collector.ctx.db.query<{ id: string; submission_id: string }>('SELECT id::text AS id, submission_id::text AS submission_id FROM cases');
      for (const [name, submission] of Object.entries(s)) caseIds[name] = rows.find((r) => r.submission_id === submission.id)!.id;
    });
    after(() => world.collector.close());

    const list = async (who: Parameters<typeof get>[1], query = '') => {
      const body = await getJson<CaseListResponse>(world, who, `/v1/cases${query}`);
      assert.ok(z.safeParse(CaseListResponseSchema, body).success, 'the dashboard shape');
      return body;
    };
    const detail = async (who: Parameters<typeof get>[1], name: string) => {
      const body = await getJson<CaseDetail>(world, who, `/v1/cases/${caseIds[name]}`);
      const parsed = z.safeParse(CaseDetailSchema, body);
      assert.ok(parsed.success, parsed.error?.message);
      return body;
    };
    const patch = (who: Parameters<typeof get>[1], name: string, body: unknown) => send(world, who, 'PATCH', `/v1/cases/${caseIds[name]}`, body);

    it('lists a store manager the active cases of their store, most urgent first, with what the inbox shows', async () => {
      const body = await list('n1');
      assert.deepEqual(body.cases.map((c) => c.submissionId), [s.manager!.id, s.contact!.id, s.detractor!.id]);
      assert.deepEqual(body.counts, { active: 3, overdue: 0, escalated: 0 });
      const [manager, contact, detractor] = body.cases;
      assert.deepEqual([manager!.reason, manager!.dueAt], ['manager_requested', new Date(clock.now.getTime() + 10 * MINUTE).toISOString()]);
      assert.equal(contact!.reason, 'detractor_with_contact');
      assert.equal(contact!.hasContact, true);
      assert.deepEqual(
        [detractor!.storeName, detractor!.regionName, detractor!.timeZone, detractor!.excerpt, detractor!.scores.smiley, detractor!.overdue, detractor!.assignee],
        ['North One', 'North', 'Europe/Stockholm', 'Waited 20 minutes at the till. Nobody came.', 1, false, null],
      );
    });

    it('pages with a cursor', async () => {
      const first = await list('corporate', '?limit=2');
      assert.equal(first.cases.length, 2);
      assert.ok(first.nextCursor);
      const second = await list('corporate', `?limit=2&cursor=${first.nextCursor}`);
      const third = await list('corporate', `?limit=2&cursor=${second.nextCursor}`);
      assert.equal(third.nextCursor, null);
      const all = [...first.cases, ...second.cases, ...third.cases].map((c) => c.id);
      assert.deepEqual(all, (await list('corporate', '?limit=200')).cases.map((c) => c.id));
      assert.equal(new Set(all).size, 5);
    });

    it('shows the whole case: every answer with its prompt, the staff who may be named, store time, contact links', async () => {
      const d = await detail('n1', 'detractor');
      assert.deepEqual(
        d.answers.map((a) => [a.prompt, a.display]),
        [
          ['How was your visit today?', '1 of 5'],
          ['What went wrong?', 'Long queue at the till, No one to help me'],
          ['Who helped you today?', 'A staff member (not shown: too few responses about them)'],
          ["Anything else you'd like to tell us?", 'Waited 20 minutes at the till.\nNobody came.'],
        ],
      );
      assert.deepEqual(d.staff, [{ id: 'ann', name: 'Ann Lee' }]);
      assert.equal(d.staffWithheld, true);
      assert.ok(!JSON.stringify(d).includes('"eve"') && !JSON.stringify(d).includes('Eve Stone'), 'Eve is not identified');
      assert.deepEqual([d.submittedAt, d.timeZone, d.locale, d.surveyTitle], [clock.now.toISOString(), 'Europe/Stockholm', 'sv', 'How was your visit?']);
      assert.equal(d.contact, null);
      assert.deepEqual(d.assignable.map((u) => [u.name, u.role]), [['Nils One', 'store'], ['Nora North', 'regional'], ['Chief Exec', 'corporate']]);
      const c = await detail('n1', 'contact');
      assert.deepEqual(c.contact, { kind: 'email', value: 'kim@example.com', href: 'mailto:kim@example.com', erased: false });
      assert.equal(c.answers.find((a) => a.type === 'consent')?.prompt, 'May we contact you about your feedback?');
    });

    it('works a case: take it, note, contact attempt, resolve with a root cause, reopen, resolve again', async () => {
      clock.advance(3 * MINUTE);
      const taken = await patch('n1', 'contact', { version: 1, status: 'in_progress' });
      assert.equal(taken.status, 200, await taken.clone().text());
      let d = (await taken.json()) as CaseDetail;
      assert.deepEqual([d.status, d.assignee?.name, d.version, d.firstResponseAt], ['in_progress', 'Nils One', 2, clock.now.toISOString()]);
      const firstResponse = d.firstResponseAt;

      clock.advance(MINUTE);
      d = (await (await patch('n1', 'contact', { version: 2, contactAttempt: { method: 'email', outcome: 'sent', note: 'Apologised, offered a refund' }, note: 'Refund approved by Nora' })).json()) as CaseDetail;
      assert.equal(d.firstResponseAt, firstResponse, 'the first response stays the first');

      const stale = await patch('n1', 'contact', { version: 2, note: 'late' });
      assert.equal(stale.status, 409);
      assert.deepEqual(await stale.json(), { error: 'version_conflict', message: 'The case was changed by someone else (it is at version 3): reload it and try again', version: 3 });

      const noCause = await patch('n1', 'contact', { version: 3, status: 'resolved', resolutionNote: 'Refunded' });
      assert.equal(noCause.status, 400);
      assert.match(((await noCause.json()) as { message: string }).message, /rootCause: is required/);
      const badCause = await patch('n1', 'contact', { version: 3, status: 'resolved', rootCause: 'weather', resolutionNote: 'Refunded' });
      assert.deepEqual(((await badCause.json()) as { issues: unknown }).issues, [{ path: ['rootCause'], message: 'must be one of "staff", "queue", "stock", "price", "product", "cleanliness", "payment", "other"' }]);

      clock.advance(MINUTE);
      d = (await (await patch('n1', 'contact', { version: 3, status: 'resolved', rootCause: 'product', resolutionNote: 'Refunded and sent the right size' })).json()) as CaseDetail;
      assert.deepEqual([d.status, d.rootCause, d.resolutionNote, d.resolvedAt], ['resolved', { id: 'product', label: 'Product' }, 'Refunded and sent the right size', clock.now.toISOString()]);

      d = (await (await patch('north', 'contact', { version: 4, status: 'open', note: 'Customer wrote again' })).json()) as CaseDetail;
      assert.deepEqual([d.status, d.rootCause, d.resolutionNote, d.resolvedAt, d.assignee?.name], ['open', null, null, null, 'Nils One']);
      d = (await (await patch('n1', 'contact', { version: 5, status: 'resolved', rootCause: 'staff', resolutionNote: 'Called her back' })).json()) as CaseDetail;
      assert.equal(d.status, 'resolved');
      assert.deepEqual(
        d.notes.map((n) => [n.kind, n.author?.name ?? null, n.text, n.data]),
        [
          ['assigned', 'Nils One', null, { from: null, assigneeId: world.ids.n1, assigneeName: 'Nils One' }],
          ['status', 'Nils One', null, { from: 'open', to: 'in_progress' }],
          ['contact_attempt', 'Nils One', 'Apologised, offered a refund', { method: 'email', outcome: 'sent' }],
          ['note', 'Nils One', 'Refund approved by Nora', null],
          ['resolved', 'Nils One', 'Refunded and sent the right size', { from: 'in_progress', rootCause: 'product' }],
          ['reopened', 'Nora North', null, { from: 'resolved', to: 'open' }],
          ['note', 'Nora North', 'Customer wrote again', null],
          ['resolved', 'Nils One', 'Called her back', { from: 'open', rootCause: 'staff' }],
        ],
      );
      assert.deepEqual((await list('n1', '?status=resolved')).cases.map((c) => c.submissionId), [s.contact!.id]);
    });

    it('assigns only to managers of the case: its store, its region, corporate', async () => {
      const assign = async (assigneeId: number | null, version: number) => patch('n1', 'detractor', { version, assigneeId });
      assert.equal((await assign(world.ids.north, 1)).status, 200);
      assert.equal((await assign(world.ids.corporate, 2)).status, 200);
      for (const who of ['n2', 'south', 'ann', 'other'] as const) {
        const refused = await assign(world.ids[who], 3);
        assert.equal(refused.status, 400, who);
        assert.deepEqual(((await refused.json()) as { issues: Array<{ path: string[] }> }).issues[0]!.path, ['assigneeId']);
      }
      assert.equal((await assign(999_999, 3)).status, 400);
      const mine = await assign(world.ids.n1, 3);
      assert.equal(((await mine.json()) as CaseDetail).assignee?.name, 'Nils One');
      assert.deepEqual((await list('n1', '?assignee=me')).cases.map((c) => c.submissionId), [s.detractor!.id]);
      assert.deepEqual((await list('n1', '?assignee=none')).cases.map((c) => c.submissionId), [s.manager!.id]);
      assert.deepEqual((await list('n1', '?status=in_progress')).cases, []);
      assert.deepEqual((await list('n1', '?status=open')).cases.map((c) => c.submissionId), [s.manager!.id, s.detractor!.id]);
      const unassigned = (await (await assign(null, 4)).json()) as CaseDetail;
      assert.equal(unassigned.assignee, null);
    });

    it('answers 400 naming the field for every bad input', async () => {
      const badQueries: Array<[string, string]> = [
        ['/v1/cases?status=closed', 'status'],
        ['/v1/cases?limit=0', 'limit'],
        ['/v1/cases?limit=lots', 'limit'],
        ['/v1/cases?escalated=maybe', 'escalated'],
        ['/v1/cases?assignee=bob', 'assignee'],
        ['/v1/cases?cursor=not-a-cursor', 'cursor'],
        ['/v1/cases?brand=other', ''],
        ['/v1/cases?store=n1&store=n2', 'store'],
        ['/v1/cases?store=a%20b', 'store'],
        ['/v1/cases/metrics?level=staff', 'level'],
        ['/v1/cases/metrics?from=2026-13-01', 'from'],
        ['/v1/cases/metrics?from=2026-03-07&to=2026-03-01', 'from'],
        ['/v1/cases/metrics?from=2020-01-01&to=2026-03-01', 'from'],
        ['/v1/cases/not-a-case', 'id'],
        ['/v1/events?lastEventId=abc', 'lastEventId'],
        ['/v1/events?since=1', ''],
      ];
      for (const [path, field] of badQueries) {
        const res = await get(world, 'corporate', path);
        const body = (await res.json()) as { error: string; message: string; issues: Array<{ path: string[] }> };
        assert.equal(res.status, 400, `${path}: ${JSON.stringify(body)}`);
        assert.equal(body.error, 'validation_failed', path);
        assert.ok(field === '' || body.issues.some((i) => i.path.join('.') === field), `${path} names ${field}: ${JSON.stringify(body)}`);
        if (field) assert.match(body.message, new RegExp(field), path);
      }
      const badBodies: Array<[unknown, string]> = [
        [{ status: 'resolved' }, 'version'],
        [{ version: 'one', note: 'x' }, 'version'],
        [{ version: 1, status: 'closed' }, 'status'],
        [{ version: 1, note: '   ' }, 'note'],
        [{ version: 1, note: 'x'.repeat(5001) }, 'note'],
        [{ version: 1, assigneeId: 'me' }, 'assigneeId'],
        [{ version: 1, contactAttempt: { method: 'pigeon' } }, 'contactAttempt.method'],
        [{ version: 1, colour: 'red' }, ''],
        [{ version: 1 }, ''],
        [[1, 2], ''],
      ];
      const version = ((await detail('n1', 'manager')) as CaseDetail).version;
      for (const [body, field] of badBodies) {
        const withVersion = field === '' && typeof body === 'object' && !Array.isArray(body) && body !== null && 'version' in body ? { ...body, version } : body;
        const res = await patch('n1', 'manager', withVersion);
        const answer = (await res.json()) as { issues: Array<{ path: Array<string | number> }> };
        assert.equal(res.status, 400, `${JSON.stringify(body)}: ${JSON.stringify(answer)}`);
        assert.ok(field === '' || answer.issues.some((i) => i.path.join('.') === field), `${JSON.stringify(body)} names ${field}: ${JSON.stringify(answer)}`);
      }
      assert.equal((await patch('n1', 'manager', 'not json')).status, 400);
      const { cookie, csrf } = world.sessions.n1;
      const plain = await fetch(`${world.collector.url}/v1/cases/${caseIds.manager}`, { method: 'PATCH', headers: { cookie, 'x-csrf-token': csrf, origin: world.collector.url, 'content-type': 'text/plain' }, body: '{}' });
      assert.equal(plain.status, 415);
      assert.equal(((await detail('n1', 'manager')) as CaseDetail).version, version, 'nothing changed');
    });

    it('needs a session, and the CSRF token and same origin for changes', async () => {
      for (const path of ['/v1/cases', `/v1/cases/${caseIds.manager}`, '/v1/cases/metrics', '/v1/events', '/v1/settings']) {
        assert.equal((await fetch(`${world.collector.url}${path}`)).status, 401, path);
      }
      const { cookie, csrf } = world.sessions.n1;
      const url = `${world.collector.url}/v1/cases/${caseIds.manager}`;
      const body = JSON.stringify({ version: 1, note: 'x' });
      const headers = { cookie, 'content-type': 'application/json', origin: world.collector.url };
      assert.equal((await fetch(url, { method: 'PATCH', headers, body })).status, 403, 'no token');
      assert.equal((await fetch(url, { method: 'PATCH', headers: { ...headers, 'x-csrf-token': csrf, origin: 'https://evil.example' }, body })).status, 403, 'another origin');
    });
  });
}
