import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { uuidv7, type Submission } from '../../../sdk/index.js';
import { upsertUser } from '../../../demo/server/auth/index.js';
import { importHierarchy } from '../../../demo/server/hierarchy/import.js';
import type { Collector } from '../../../demo/server/server.js';
import type { SettingsResponse } from '../../../demo/server/settings/schema.js';
import type { TopicsResponse } from '../../../demo/server/stats/types.js';
import { DEFAULT_TOPICS } from '../../../demo/server/topics/dictionary.js';
import { startTestCollector } from '../support/collector.js';
import { databaseTargets } from '../support/databases.js';
import { postSubmissions } from '../support/ingest.js';
import { getJson, login, type Session } from '../stats/client.js';

/** The brand's own topic dictionary: edited in the settings, used by ingest from the next comment on. */
const NOW = new Date('2026-03-14T18:00:00Z');
const RANGE = 'from=2026-03-08&to=2026-03-14';

function comment(text: string, locale = 'en-GB'): Submission {
  const at = '2026-03-12T12:00:00.000Z';
  return {
    id: uuidv7(Date.parse(at)),
    schemaVersion: 1,
    surveyId: 'store-exit',
    createdAt: at,
    context: { channel: 'kiosk', brand: 'acme', region: 'north', store: 'n1', locale },
    answers: [
      { questionId: 'mood', type: 'smiley', value: 2 },
      { questionId: 'comment', type: 'text', value: text },
    ],
  };
}

for (const target of databaseTargets) {
  describe(`a brand's topic dictionary (${target.name})`, { skip: target.skip }, () => {
    let collector: Collector;
    let ceo: Session;
    const put = (body: unknown) =>
      fetch(`${collector.url}/v1/settings`, {
        method: 'PUT',
        headers: { cookie: ceo.cookie, 'x-csrf-token': ceo.csrf, origin: collector.url, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const ingest = async (text: string, locale?: string) => {
      const submission = comment(text, locale);
      assert.equal((await postSubmissions(collector.url, submission, { key: 'pk_dictionary' })).status, 202);
      const [row] = await collector.ctx.db.query<{ topics: string[] }>('SELECT topics FROM submissions WHERE id = $1', [submission.id]);
      return row?.topics;
    };

    before(async () => {
      collector = await startTestCollector(target, { STAFF_MIN_RESPONSES: 1 }, { now: () => NOW });
      await importHierarchy(collector.ctx, { brands: [{ id: 'acme', name: 'Acme', writeKeys: ['pk_dictionary'], regions: [{ id: 'north', name: 'North', stores: [{ id: 'n1', name: 'North One', staff: [] }] }] }] });
      await upsertUser(collector.ctx, { email: 'ceo@dictionary.test', password: 'correct horse battery', role: 'corporate', brandId: 'acme', name: 'Chief' });
      ceo = await login(collector.url, 'ceo@dictionary.test', 'correct horse battery');
    });
    after(() => collector.close());

    it('starts from the built-in dictionary, shown in the settings', async () => {
      const body = await getJson<SettingsResponse>(collector.url, '/v1/settings', ceo);
      assert.deepEqual(body.settings.topics, DEFAULT_TOPICS);
      assert.deepEqual(await ingest('The fitting rooms were dirty'), ['cleanliness', 'fitting-rooms']);
    });

    it("tags new comments with the brand's saved dictionary at once; comments already tagged keep their topics", async () => {
      const before = await ingest('Parking was impossible, and the queue!');
      assert.deepEqual(before, ['queue']);
      const topics = {
        parking: { label: { en: 'Parking', sv: 'Parkering' }, keywords: { en: ['parking', 'car park'], sv: ['parkering*'] } },
        queue: { label: { en: 'Queue' }, keywords: { en: ['queue'] } },
      };
      const res = await put({ topics });
      assert.equal(res.status, 200, await res.clone().text());
      assert.deepEqual(((await res.json()) as SettingsResponse).settings.topics, topics);
      assert.deepEqual(await ingest('Parking was impossible, and the queue!'), ['parking', 'queue']);
      assert.deepEqual(await ingest('Parkeringsplatsen var full', 'sv-SE'), ['parking']);
      // "dirty" is no longer a keyword of any topic.
      assert.deepEqual(await ingest('The fitting rooms were dirty'), []);
      const [first] = await collector.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM submissions WHERE topics = ARRAY['cleanliness', 'fitting-rooms']`);
      assert.equal(first?.n, 1, 'the comment tagged before the change keeps its topics');
    });

    it("labels topics from the brand's dictionary, and keeps counting a topic it removed (without a label)", async () => {
      const body = await getJson<TopicsResponse>(collector.url, `/v1/stats/topics?${RANGE}`, ceo);
      const byId = new Map(body.topics.map((t) => [t.id, t]));
      assert.deepEqual(byId.get('parking')?.label, { en: 'Parking', sv: 'Parkering' });
      assert.equal(byId.get('parking')?.mentions, 2);
      assert.equal(byId.get('cleanliness')?.mentions, 1);
      assert.equal(byId.get('cleanliness')?.label, null);
    });

    it('refuses a bad dictionary with a 400 naming the field, and keeps the saved one', async () => {
      const cases: Array<[unknown, string]> = [
        [{ parking: { label: { sv: 'Parkering' }, keywords: {} } }, 'topics.parking.label'],
        [{ 'Car Park': { label: { en: 'Car park' }, keywords: {} } }, 'topics.Car Park'],
        [{ parking: { label: { en: 'Parking' }, keywords: { en: ['ok', '  '] } } }, 'topics.parking.keywords.en.1'],
        [{ parking: { label: { en: 'Parking' }, keywords: { 'en-GB': ['parking'] } } }, 'topics.parking.keywords.en-GB'],
        [{ parking: { label: { en: 'Parking' }, keywords: { en: Array.from({ length: 201 }, (_, i) => `w${i}`) } } }, 'topics.parking.keywords.en'],
        [{ parking: { label: { en: 'Parking' }, keywords: {}, colour: 'red' } }, 'topics.parking'],
        [Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, { label: { en: `T${i}` }, keywords: {} }])), 'topics'],
      ];
      for (const [topics, field] of cases) {
        const res = await put({ topics });
        const answer = (await res.json()) as { message: string; issues: Array<{ path: Array<string | number> }> };
        assert.equal(res.status, 400, field);
        assert.ok(answer.issues.some((i) => i.path.join('.') === field), `names ${field}: ${JSON.stringify(answer.issues)}`);
      }
      const body = await getJson<SettingsResponse>(collector.url, '/v1/settings', ceo);
      assert.deepEqual(Object.keys(body.settings.topics).sort(), ['parking', 'queue']);
    });
  });
}
