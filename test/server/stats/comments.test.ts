import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { uuidv7, type Answer, type Submission } from '../../../sdk/index.js';
import { upsertUser } from '../../../demo/server/auth/index.js';
import { importHierarchy } from '../../../demo/server/hierarchy/import.js';
import { storeSubmissions } from '../../../demo/server/ingest/store.js';
import type { Collector } from '../../../demo/server/server.js';
import { CommentsResponseSchema, type CommentsResponse } from '../../../demo/server/stats/types.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { get, getJson, login, type Session } from './client.js';

/**
 * `GET /v1/stats/comments` as the Reasons view uses it: search, score and answer filters, pages
 * with a keyset cursor, each comment with its survey, other answers, store time zone, and the
 * staff it names — only those at the anonymity minimum.
 */
const NOW = new Date('2026-03-07T18:00:00Z');
const PASSWORD = 'correct horse battery';
const MINIMUM = 3;
const RANGE = 'from=2026-03-01&to=2026-03-07';

const hierarchy = {
  brands: [
    {
      id: 'acme',
      name: 'Acme',
      writeKeys: ['pk_comments'],
      regions: [
        {
          id: 'north',
          name: 'North',
          stores: [{ id: 'n1', name: 'North One', timeZone: 'Europe/Oslo', staff: [{ id: 'ann', name: 'Ann Lee' }, { id: 'eve', name: 'Eve Stone' }] }],
        },
        { id: 'south', name: 'South', stores: [{ id: 's1', name: 'South One', timeZone: 'Europe/London', staff: [{ id: 'dan', name: 'Dan Wu' }] }] },
      ],
    },
  ],
};

let clock = Date.parse('2026-03-02T09:00:00Z');
/** Submissions an hour apart, so newest-first order is known. */
function submission(store: string, answers: Answer[], options: { staff?: string[]; channel?: 'kiosk' | 'web' | 'employee'; survey?: string } = {}): Submission {
  clock += 3_600_000;
  const at = new Date(clock).toISOString();
  const channel = options.channel ?? 'kiosk';
  return {
    id: uuidv7(clock),
    schemaVersion: 1,
    surveyId: options.survey ?? 'store-exit',
    createdAt: at,
    context: { channel, brand: 'acme', region: store === 's1' ? 'south' : 'north', store, ...(options.staff && { staff: options.staff }) },
    answers,
  };
}
const mood = (value: number): Answer => ({ questionId: 'mood', type: 'smiley', value });
const nps = (value: number): Answer => ({ questionId: 'recommend', type: 'nps', value });
const text = (value: string): Answer => ({ questionId: 'comment', type: 'text', value });
const reasons = (value: string | string[], other?: string): Answer => ({ questionId: 'reasons', type: 'choice', value, ...(other && { other }) }) as Answer;

/** Oldest first; the list answers newest first. */
const DATA: Submission[] = [
  submission('n1', [mood(5), text('Ann was great'), { questionId: 'helped-by', type: 'staff', value: 'ann' }], { staff: ['ann'] }),
  submission('n1', [mood(4), text('ann again, lovely')], { staff: ['ann'] }),
  submission('n1', [mood(3), text('Ann fine')], { staff: ['ann'] }),
  // Eve has 2 responses, below the minimum of 3: never named next to a comment.
  submission('n1', [mood(1), reasons(['queue', 'help']), text('EVE-SMALL slow till')], { staff: ['eve'] }),
  submission('n1', [mood(2), reasons('stock'), text('Nothing in my size'), { questionId: 'helped-by', type: 'staff', value: 'eve' }]),
  submission('n1', [mood(2), reasons(['other'], 'music too loud'), text('Loud'), { questionId: 'contact', type: 'consent', value: true, contact: 'me@example.test' }], { staff: ['eve'] }),
  submission('s1', [nps(3), text('Discount 100% wrong')], { channel: 'web', survey: 'post-purchase' }),
  submission('s1', [nps(8), text('1000 thanks, fun_fair')], { channel: 'web', survey: 'post-purchase' }),
  submission('s1', [nps(10), text('ÅSA in Malmö was kind')], { channel: 'web', survey: 'post-purchase' }),
  submission('s1', [nps(10)], { channel: 'web', survey: 'post-purchase' }),
  ...[0, 1, 2, 3].map((i) => submission('n1', [{ questionId: 'shift', type: 'smiley', value: 2 + i }, text(`PULSE ${i}`)], { channel: 'employee', survey: 'employee-pulse' })),
];

for (const target of databaseTargets) {
  describe(`comments: search, filters, pages, staff under the minimum (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    const s = {} as Record<'corporate' | 'store', Session>;
    const comments = async (query: string, who: Session = s.corporate) => {
      const body = await getJson<CommentsResponse>(collector.url, `/v1/stats/comments?${RANGE}&${query}`, who);
      // The dashboard checks every answer against the shared schema: so does this test.
      assert.ok(z.safeParse(CommentsResponseSchema, body).success, JSON.stringify(body).slice(0, 300));
      return body;
    };
    const texts = async (query: string) => (await comments(query)).comments.map((c) => c.text);
    const issue = async (query: string) => {
      const res = await get(collector.url, `/v1/stats/comments?${RANGE}&${query}`, s.corporate);
      assert.equal(res.status, 400, query);
      return ((await res.json()) as { issues: Array<{ path: string[]; message: string }> }).issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    };

    before(async () => {
      collector = await startTestCollector(target, { STAFF_MIN_RESPONSES: MINIMUM }, { now: () => NOW });
      const ctx = collector.ctx;
      await importHierarchy(ctx, hierarchy);
      await storeSubmissions(ctx, 'acme', DATA);
      await upsertUser(ctx, { email: 'ceo@comments.test', password: PASSWORD, role: 'corporate', brandId: 'acme', name: 'Chief' });
      await upsertUser(ctx, { email: 'n1@comments.test', password: PASSWORD, role: 'store', brandId: 'acme', storeId: 'n1', name: 'Nils' });
      s.corporate = await login(collector.url, 'ceo@comments.test', PASSWORD);
      s.store = await login(collector.url, 'n1@comments.test', PASSWORD);
    });
    after(() => collector.close());

    it('gives each comment its survey, other answers (no free text, contact or staff), store time zone and named staff at the minimum only', async () => {
      const body = await comments('store=n1');
      assert.equal(body.nextCursor, null);
      assert.deepEqual(body.comments.map((c) => c.text), ['Loud', 'Nothing in my size', 'EVE-SMALL slow till', 'Ann fine', 'ann again, lovely', 'Ann was great']);
      const byText = new Map(body.comments.map((c) => [c.text, c]));
      const great = byText.get('Ann was great');
      assert.equal(great?.surveyId, 'store-exit');
      assert.equal(great?.timeZone, 'Europe/Oslo');
      // Ann reaches the minimum: named, once (context and staff answer), with her name.
      assert.deepEqual(great?.staff, [{ id: 'ann', name: 'Ann Lee' }]);
      assert.deepEqual(great?.answers, [{ questionId: 'mood', type: 'smiley', value: 5 }]);
      // Eve does not: her feedback counts for the team, but no comment is attributed to her.
      for (const t of ['EVE-SMALL slow till', 'Nothing in my size', 'Loud']) assert.deepEqual(byText.get(t)?.staff, [], t);
      assert.deepEqual(byText.get('EVE-SMALL slow till')?.answers, [mood(1), reasons(['queue', 'help'])]);
      // A choice's "Other" text and a consent's contact details never leave the server here.
      assert.deepEqual(byText.get('Loud')?.answers, [mood(2), { questionId: 'reasons', type: 'choice', value: ['other'] }, { questionId: 'contact', type: 'consent', value: true }]);
      const raw = JSON.stringify(body);
      assert.ok(!raw.includes('music too loud') && !raw.includes('me@example.test') && !raw.includes('"eve"'), raw);
      const web = (await comments('store=s1')).comments[0];
      assert.deepEqual([web?.timeZone, web?.surveyId, web?.channel, web?.answers], ['Europe/London', 'post-purchase', 'web', [nps(10)]]);
    });

    it('searches the text case-insensitively, with % and _ as plain characters, and bounds the search', async () => {
      assert.deepEqual(await texts('q=ANN'), ['Ann fine', 'ann again, lovely', 'Ann was great']);
      assert.deepEqual(await texts('q=%C3%A5sa%20in%20malm%C3%B6'), ['ÅSA in Malmö was kind']);
      assert.deepEqual(await texts('q=100%25'), ['Discount 100% wrong']);
      assert.deepEqual(await texts('q=n_f'), ['1000 thanks, fun_fair']);
      assert.deepEqual(await texts('q=%25'), ['Discount 100% wrong']);
      assert.deepEqual(await texts('q=%20%20slow%20'), ['EVE-SMALL slow till']);
      assert.deepEqual(await texts('q=nowhere'), []);
      assert.match(await issue(`q=${'x'.repeat(101)}`), /^q: must be at most 100 characters$/);
      assert.match(await issue('q=%20'), /^q: must not be empty$/);
    });

    it('filters by NPS band and by the band of the lowest rating', async () => {
      assert.deepEqual(await texts('store=s1&score=detractor'), ['Discount 100% wrong']);
      assert.deepEqual(await texts('store=s1&score=passive'), ['1000 thanks, fun_fair']);
      assert.deepEqual(await texts('store=s1&score=promoter'), ['ÅSA in Malmö was kind']);
      assert.deepEqual(await texts('score=low'), ['Loud', 'Nothing in my size', 'EVE-SMALL slow till']);
      assert.deepEqual(await texts('score=mid'), ['Ann fine']);
      assert.deepEqual(await texts('score=high'), ['ann again, lovely', 'Ann was great']);
      assert.match(await issue('score=angry'), /^score: /);
    });

    it('filters by question, and by an answer to it (single, multiple, rating, consent); never by a staff answer', async () => {
      assert.deepEqual(await texts('question=reasons'), ['Loud', 'Nothing in my size', 'EVE-SMALL slow till']);
      assert.deepEqual(await texts('question=reasons&answer=queue'), ['EVE-SMALL slow till']);
      assert.deepEqual(await texts('question=reasons&answer=stock'), ['Nothing in my size']);
      assert.deepEqual(await texts('question=reasons&answer=other'), ['Loud']);
      assert.deepEqual(await texts('question=mood&answer=2'), ['Loud', 'Nothing in my size']);
      assert.deepEqual(await texts('question=contact&answer=true'), ['Loud']);
      assert.deepEqual(await texts('question=helped-by'), []);
      assert.deepEqual(await texts('question=helped-by&answer=eve'), []);
      assert.deepEqual(await texts('question=reasons&answer=queue&q=till&score=low'), ['EVE-SMALL slow till']);
      assert.match(await issue('answer=queue'), /^answer: needs `question`$/);
      assert.match(await issue('question=bad%20id'), /^question: /);
    });

    it('pages with a cursor: every comment once, in the same order as one long page', async () => {
      const all = (await comments('limit=200')).comments.map((c) => c.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: CommentsResponse = await comments(`limit=4${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.comments.map((c) => c.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      assert.equal(pages, 3);
      assert.deepEqual(seen, all);
      // With a filter, the cursor continues the filtered list.
      const first = await comments('limit=2&score=low');
      assert.ok(first.nextCursor);
      const second = await comments(`limit=2&score=low&cursor=${first.nextCursor}`);
      assert.deepEqual([...first.comments, ...second.comments].map((c) => c.text), ['Loud', 'Nothing in my size', 'EVE-SMALL slow till']);
      assert.equal(second.nextCursor, null);
      assert.match(await issue('cursor=not-a-cursor'), /^cursor: is not a cursor of this list/);
      const forged = Buffer.from(JSON.stringify({ at: "2026-03-01T00:00:00.000000Z'; --", id: all[0] })).toString('base64url');
      assert.match(await issue(`cursor=${forged}`), /^cursor: /);
    });

    it('pages pulse comments by day, without times, names or a cursor that fits customer lists', async () => {
      const first = await comments('channel=employee&store=n1&limit=3', s.store);
      assert.equal(first.comments.length, 3);
      assert.ok(first.nextCursor);
      const second = await comments(`channel=employee&store=n1&limit=3&cursor=${first.nextCursor}`, s.store);
      const all = [...first.comments, ...second.comments];
      assert.deepEqual(all.map((c) => c.text).sort(), ['PULSE 0', 'PULSE 1', 'PULSE 2', 'PULSE 3']);
      for (const c of all) {
        assert.match(c.createdAt, /^\d{4}-\d{2}-\d{2}$/);
        assert.deepEqual(c.staff, []);
      }
      assert.equal(second.nextCursor, null);
      const customer = await comments('limit=1');
      const res = await get(collector.url, `/v1/stats/comments?${RANGE}&channel=employee&store=n1&cursor=${customer.nextCursor}`, s.store);
      assert.equal(res.status, 400);
    });
  });
}
