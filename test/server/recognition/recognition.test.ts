import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RecognitionResponse, ThanksResponse } from '../../../demo/server/recognition/types.js';
import type { CommentsResponse, KudosResponse } from '../../../demo/server/stats/types.js';
import type { Answer } from '../../../sdk/index.js';
import { clockAt, feedback, ingest, smiley, text } from '../cases/fixtures.js';
import { databaseTargets } from '../support/databases.js';
import { anonymiseSubmissions, lockAnonymisation } from '../../../demo/server/retention/anonymise.js';
import { json, request, startIdeasWorld, type IdeasWorld } from '../ideas/fixtures.js';

/**
 * The recognition rule (demo/server/recognition/attribution.ts) on a hand-made data set: each
 * submission below says whether it is a kudos, and for whom.
 */
const picked = (id: string): Answer => ({ questionId: 'helped-by', type: 'staff', value: id });
const RANGE = 'from=2026-03-01&to=2026-03-07';
const at = (hour: number) => new Date(Date.UTC(2026, 2, 3, hour));

const DATA = {
  pickedAnn: feedback('n1', [smiley(5), picked('ann'), text('She found my size in the back')], { at: at(8) }),
  carriedEve: feedback('n1', [smiley(5), text('Lovely service')], { at: at(9), context: { staff: ['eve'] } }),
  // The same words again at the same store: the store already got them (a preset, a copy).
  repeatedEve: feedback('n1', [smiley(4), text('  lovely SERVICE ')], { at: at(10), context: { staff: ['eve'] } }),
  // A store-wide complaint that carries the id of whoever was at the till.
  terminal: feedback('n1', [smiley(1), text('Card terminal was broken again')], { at: at(11), context: { staff: ['ann'] } }),
  // A first name in the text alone names nobody for sure.
  firstNameOnly: feedback('n1', [smiley(5), text('Thanks Ann, great!')], { at: at(12) }),
  pickedNegative: feedback('n1', [smiley(2), picked('ann'), text('Could have been quicker')], { at: at(13) }),
  pickedAndCarriedNegative: feedback('n1', [smiley(2), picked('ann'), text('Waited a while for a fitting room')], { at: at(14), context: { staff: ['ann'] } }),
  carriedCat: feedback('n2', [smiley(5), text('Cat helped a lot')], { at: at(15), context: { staff: ['cat'] } }),
  notOnTheRoster: feedback('n1', [smiley(5), text('A stranger was kind')], { at: at(16), context: { staff: ['ghost'] } }),
  noComment: feedback('n1', [smiley(5)], { at: at(17), context: { staff: ['ann'] } }),
};
// Enough feedback naming ann for her own view to pass the minimum (STAFF_MIN_RESPONSES = 3).
const ANN_VOLUME = [0, 1, 2].map((i) => feedback('n1', [smiley(4)], { at: at(18 + i), context: { staff: ['ann'] } }));

for (const target of databaseTargets) {
  describe(`recognition (${target.name})`, { skip: target.skip }, () => {
    const clock = clockAt('2026-03-07T12:00:00Z');
    let world: IdeasWorld;
    before(async () => {
      world = await startIdeasWorld(target, clock);
      await ingest(world as never, ...Object.values(DATA), ...ANN_VOLUME);
    });
    after(() => world.collector.close());

    const kudos = async (who: Parameters<typeof request>[1], query = '') => (await json<KudosResponse>(await request(world, who, 'GET', `/v1/stats/kudos?${RANGE}${query}`))).kudos;

    it('attributes kudos only to staff the customer picked, or carried with a positive score and a comment the store did not already get', async () => {
      const all = await kudos('corporate');
      assert.deepEqual(all.map((k) => [k.text, k.staff.map((s) => s.id)]), [
        ['Cat helped a lot', ['cat']],
        ['Lovely service', ['eve']],
        ['She found my size in the back', ['ann']],
      ]);
      assert.equal(all[2]!.staff[0]!.name, 'Ann Lee');
    });

    it("keeps a store-wide complaint out of an individual's own view, and shows what the customer picked them for", async () => {
      const comments = await json<CommentsResponse>(await request(world, 'ann', 'GET', `/v1/stats/comments?${RANGE}`));
      assert.equal(comments.insufficientResponses, false);
      assert.deepEqual(comments.comments.map((c) => c.text), ['Waited a while for a fitting room']);
      const store = await json<CommentsResponse>(await request(world, 'n1', 'GET', `/v1/stats/comments?${RANGE}&store=n1`));
      assert.ok(store.comments.some((c) => c.text === 'Card terminal was broken again'), "it stays in the store's comments");
    });

    it('lets a manager forward a kudos with thanks; the staff member sees it, and only their own', async () => {
      const path = `/v1/kudos/${DATA.pickedAnn.id}/thanks`;
      const sent = await json<ThanksResponse>(await request(world, 'n1', 'POST', path, { staffId: 'ann', text: 'Well done, Ann!' }), 201);
      assert.deepEqual([sent.thanks.staffId, sent.thanks.text, sent.thanks.from], ['ann', 'Well done, Ann!', 'Nils One']);
      await json<ThanksResponse>(await request(world, 'north', 'POST', `/v1/kudos/${DATA.carriedEve.id}/thanks`, { staffId: 'eve', text: 'Thank you, Eve' }), 201);
      const mine = await kudos('ann');
      assert.deepEqual(mine.map((k) => [k.text, k.thanks.map((t) => [t.text, t.from])]), [['She found my size in the back', [['Well done, Ann!', 'Nils One']]]]);
      const again = await json<ThanksResponse>(await request(world, 'n1', 'POST', path, { staffId: 'ann', text: 'Well done indeed' }), 201);
      assert.equal(again.thanks.text, 'Well done indeed');
      assert.deepEqual((await kudos('ann'))[0]!.thanks.map((t) => t.text), ['Well done indeed'], 'one thanks per kudos and person');
      assert.deepEqual((await kudos('corporate')).find((k) => k.text === 'Lovely service')!.thanks.map((t) => t.from), ['Nora North']);
    });

    it('refuses thanks from another store, staff and other brands, for feedback that is not their kudos, and bad input', async () => {
      const path = `/v1/kudos/${DATA.pickedAnn.id}/thanks`;
      const body = { staffId: 'ann', text: 'Thanks' };
      for (const who of ['n2', 'south', 'other'] as const) assert.equal((await request(world, who, 'POST', path, body)).status, 404, `${who}: as if it did not exist`);
      for (const who of ['ann', 'cat'] as const) assert.equal((await request(world, who, 'POST', path, body)).status, 403, who);
      assert.equal((await request(world, 'n1', 'POST', path, { staffId: 'eve', text: 'x' })).status, 404, 'not attributed to eve');
      assert.equal((await request(world, 'n1', 'POST', `/v1/kudos/${DATA.repeatedEve.id}/thanks`, { staffId: 'eve', text: 'x' })).status, 404, 'a repeated comment is no kudos');
      assert.equal((await request(world, 'n1', 'POST', `/v1/kudos/${DATA.terminal.id}/thanks`, { staffId: 'ann', text: 'x' })).status, 404, 'a complaint is no kudos');
      assert.equal((await request(world, 'n1', 'POST', `/v1/kudos/${DATA.firstNameOnly.id}/thanks`, { staffId: 'ann', text: 'x' })).status, 404);
      assert.match((await json<{ message: string }>(await request(world, 'n1', 'POST', path, { staffId: 'ann', text: ' ' }), 400)).message, /text/);
      assert.match((await json<{ message: string }>(await request(world, 'n1', 'POST', '/v1/kudos/nope/thanks', body), 400)).message, /id/);
    });

    it('shows managers kudos per store, never per person; not to staff', async () => {
      const res = await request(world, 'corporate', 'GET', `/v1/recognition/stores?${RANGE}`);
      const raw = await res.clone().text();
      const body = await json<RecognitionResponse>(res);
      assert.deepEqual(body.stores.map((s) => [s.id, s.kudos, s.thanked]), [['n1', 2, 2], ['n2', 1, 0], ['s1', 0, 0]]);
      for (const person of ['ann', 'eve', 'cat', 'Ann Lee']) assert.ok(!raw.includes(`"${person}"`), `no person: ${person}`);
      const n2 = await json<RecognitionResponse>(await request(world, 'n2', 'GET', `/v1/recognition/stores?${RANGE}`));
      assert.deepEqual(n2.stores.map((s) => s.id), ['n2']);
      assert.equal((await request(world, 'n2', 'GET', `/v1/recognition/stores?${RANGE}&store=n1`)).status, 403);
      assert.equal((await request(world, 'ann', 'GET', `/v1/recognition/stores?${RANGE}`)).status, 403);
      assert.equal((await request(world, 'corporate', 'GET', '/v1/recognition/stores?sort=kudos')).status, 400);
    });

    // Last: it erases text. Retention and erasure freeze the attribution first (migration 082).
    it('keeps who got kudos when the words they were decided on are erased', async () => {
      const { db } = world.collector.ctx;
      const stores = async () => (await json<RecognitionResponse>(await request(world, 'corporate', 'GET', `/v1/recognition/stores?${RANGE}`))).stores;
      const before = await stores();
      const [original] = await db.query<{ id: string }>("SELECT id::text AS id FROM submissions WHERE comment = 'Lovely service'");
      await db.transaction(async (tx) => {
        await lockAnonymisation(tx);
        assert.equal(await anonymiseSubmissions(tx, [original!.id], new Date('2026-03-07T12:00:00Z')), 1);
      });
      assert.deepEqual(await stores(), before);
      // The original stays eve's kudos without its words; the later copy of them stays a copy.
      const rows = await db.query<{ erased: boolean; attributed_staff: string[] | null }>(
        "SELECT comment IS NULL AS erased, attributed_staff FROM submissions WHERE 'eve' = ANY(staff_ids) ORDER BY created_at",
      );
      assert.deepEqual(rows.map((r) => [r.erased, r.attributed_staff]), [[true, ['eve']], [false, []]]);
      const eve = await json<CommentsResponse>(await request(world, 'n1', 'GET', `/v1/stats/comments?${RANGE}&staff=eve`));
      assert.ok(!eve.comments.some((c) => /lovely service/i.test(c.text)), 'the copy is still not attributed to eve');
    });
  });
}
