import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import type { Submission } from '../../../sdk/index.js';
import { pruneOldEvents } from '../../../demo/server/events/index.js';
import { eventsFromNotification } from '../../../demo/server/events/store.js';
import { CaseEventDataSchema, LiveEventSchema, SubmissionEventDataSchema } from '../../../demo/server/events/types.js';
import { databaseTargets } from '../support/databases.js';
import { clockAt, consent, feedback as anyTime, ingest, nps, smiley, startCasesWorld, text, type CasesWorld, type Who } from '../cases/fixtures.js';
import { SseClient } from './sse-client.js';

const SECRET_TEXT = 'my card was charged twice';
const CONTACT = 'stream.customer@example.com';

for (const target of databaseTargets) {
  describe(`live events (${target.name})`, { skip: target.skip }, () => {
    const clock = clockAt('2026-03-07T12:00:00Z');
    let world: CasesWorld;
    const feedback = (...[store, answers, options]: Parameters<typeof anyTime>) => anyTime(store, answers, { at: clock.now, ...options });
    const open = (who: Who, options?: Parameters<typeof SseClient.open>[2]) => SseClient.open(world.collector.url, world.sessions[who].cookie, options);
    before(async () => {
      // The clock moves by a day: sessions must outlive it.
      world = await startCasesWorld(target, clock, { EVENTS_HEARTBEAT_MS: 150, SESSION_TTL_MINUTES: 43_200 });
    });
    after(() => world.collector.close());

    it('sends each connection what its scope may see, and nothing protected', async () => {
      const who: Who[] = ['corporate', 'north', 'south', 'n1', 'n2', 'ann', 'other'];
      const streams = Object.fromEntries(await Promise.all(who.map(async (w) => [w, await open(w)] as const))) as Record<Who, SseClient>;
      try {
        const n1 = feedback('n1', [nps(2), text(SECRET_TEXT), consent(true, CONTACT)], { context: { staff: ['ann', 'eve'] } });
        const n1Calm = feedback('n1', [smiley(5)], { context: { staff: ['ann'] } });
        const n2 = feedback('n2', [smiley(1)]);
        const s1 = feedback('s1', [smiley(2)]);
        const pulse = feedback('n1', [smiley(1), text('PULSE-TEXT')], { context: { channel: 'employee' } });
        await ingest(world, pulse, n1, n1Calm, n2, s1);
        const corporate = streams.corporate;
        await corporate.waitFor(() => corporate.find('case').length === 3 && corporate.find('submission').length === 4, 5_000, '4 submissions and 3 cases');
        const expected: Record<Who, Submission[]> = { corporate: [n1, n1Calm, n2, s1], north: [n1, n1Calm, n2], south: [s1], n1: [n1, n1Calm], n2: [n2], ann: [], other: [] };
        for (const w of ['north', 'south', 'n1', 'n2'] as Who[]) {
          const stream = streams[w];
          await stream.waitFor(() => stream.find('submission').length === expected[w].length, 5_000, `${w}'s submissions`);
        }
        // Give the streams that must stay silent the same chance to (wrongly) receive something.
        await new Promise((resolve) => setTimeout(resolve, 300));
        for (const w of who) {
          const stream = streams[w];
          assert.deepEqual(stream.find('submission').map((e) => e.json!.data['submissionId']), expected[w].map((s) => s.id), `${w}: submissions`);
          const cases = expected[w].filter((s) => s !== n1Calm).map((s) => s.id);
          assert.deepEqual(stream.find('case').map((e) => e.json!.data['submissionId']), cases, `${w}: cases`);
          for (const forbidden of [pulse.id, 'PULSE-TEXT', SECRET_TEXT, CONTACT, '"ann"', '"eve"', 'staff']) assert.ok(!stream.raw.includes(forbidden), `${w} received ${forbidden}`);
          for (const e of stream.events) {
            assert.ok(z.safeParse(LiveEventSchema, e.json).success, e.data);
            const schema = e.event === 'case' ? CaseEventDataSchema : SubmissionEventDataSchema;
            assert.ok(z.safeParse(schema, e.json!.data).success, e.data);
            assert.equal(e.id, String(e.json!.id));
          }
        }
        const opened = corporate.find('case', (d) => d['submissionId'] === n1.id)[0]!.json!.data;
        assert.deepEqual([opened['action'], opened['reason'], opened['status'], opened['storeId']], ['opened', 'detractor_with_contact', 'open', 'n1']);
        const announced = corporate.find('submission', (d) => d['submissionId'] === n1.id)[0]!.json!.data;
        assert.deepEqual([announced['caseId'], (announced['scores'] as { nps: number }).nps], [opened['caseId'], 2]);
      } finally {
        for (const stream of Object.values(streams)) stream.close();
      }
    });

    it('resumes after Last-Event-ID with what the client missed, within its scope', async () => {
      const first = await open('n1');
      const seen = feedback('n1', [smiley(1)]);
      await ingest(world, seen);
      await first.waitFor(() => first.find('case', (d) => d['submissionId'] === seen.id).length === 1, 5_000, 'the first case');
      const last = first.lastEventId!;
      first.close();
      const missed = [feedback('n1', [smiley(2)]), feedback('n2', [smiley(1)]), feedback('n1', [nps(0)])];
      await ingest(world, ...missed);
      for (const resume of [{ lastEventId: last }, { query: `?lastEventId=${last}` }]) {
        const again = await open('n1', resume);
        try {
          await again.waitFor(() => again.find('case').filter((e) => Number(e.id) > Number(last)).length === 2, 5_000, 'the missed cases');
          const after = again.events.filter((e) => Number(e.id) > Number(last));
          assert.deepEqual([...new Set(after.map((e) => e.json!.data['submissionId']))], [missed[0]!.id, missed[2]!.id], 'n2 is not replayed to n1');
          assert.equal(new Set(again.events.map((e) => e.id)).size, again.events.length, 'no event twice on one connection');
        } finally {
          again.close();
        }
      }
    });

    it('announces a batch too large for one NOTIFY payload: read back by ids or by range', async () => {
      const stream = await open('corporate');
      try {
        const batch = Array.from({ length: 100 }, (_, i) => feedback(i % 2 ? 'n1' : 's1', [smiley(1 + (i % 5))]));
        await ingest(world, ...batch);
        await stream.waitFor(() => batch.every((s) => stream.find('submission', (d) => d['submissionId'] === s.id).length === 1), 5_000, 'all 100 submissions');
        assert.equal(stream.find('case', (d) => batch.some((s) => s.id === d['submissionId'])).length, 40);
      } finally {
        stream.close();
      }
      const db = world.collector.ctx.db;
      const [range] = await db.query<{ from: string; to: string }>('SELECT min(id)::text AS from, max(id)::text AS to FROM events');
      const all = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
      assert.equal((await eventsFromNotification(db, JSON.stringify({ from: Number(range!.from), to: Number(range!.to) }))).length, all[0]!.n);
      assert.deepEqual((await eventsFromNotification(db, JSON.stringify({ ids: [Number(range!.to)] }))).map((e) => e.id), [Number(range!.to)]);
      for (const foreign of ['not json', '{"hello":1}', 'null', '[{"id":"x"}]']) assert.deepEqual(await eventsFromNotification(db, foreign), []);
    });

    it('tells a client to reload when it cannot resume: an unknown or pruned Last-Event-ID', async () => {
      const unknown = await open('n1', { lastEventId: '999999999' });
      await unknown.waitFor(() => unknown.find('reset').length === 1, 5_000, 'a reset');
      assert.deepEqual(unknown.find('reset')[0]!.json, { reason: 'unknown_last_event_id' } as never);
      unknown.close();
      const [oldest] = await world.collector.ctx.db.query<{ id: string }>('SELECT min(id)::text AS id FROM events');
      clock.advance(25 * 3_600_000);
      const kept = feedback('n1', [smiley(1)]);
      await ingest(world, kept);
      assert.ok((await pruneOldEvents(world.collector.ctx)) > 0);
      const [left] = await world.collector.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
      assert.equal(left!.n, 2, 'only the events of the last day remain');
      const pruned = await open('n1', { lastEventId: oldest!.id });
      await pruned.waitFor(() => pruned.find('reset').length === 1, 5_000, 'a reset');
      pruned.close();
    });

    it('keeps the stream open through proxies: heart-beats, no buffering, no caching', async () => {
      const stream = await open('n2');
      try {
        assert.equal(stream.headers.get('content-type'), 'text/event-stream');
        assert.equal(stream.headers.get('cache-control'), 'no-store');
        assert.equal(stream.headers.get('x-accel-buffering'), 'no');
        assert.match(stream.raw, /^retry: \d+\n/);
        await stream.waitFor(() => stream.comments.filter((c) => c === 'heartbeat').length >= 3, 3_000, 'three heart-beats');
      } finally {
        stream.close();
      }
    });

    it('ends open streams when the collector shuts down, so shutdown does not wait for them', async () => {
      const own = await startCasesWorld(target, clock);
      const stream = await SseClient.open(own.collector.url, own.sessions.corporate.cookie);
      const started = Date.now();
      await own.collector.close();
      await stream.waitFor(() => stream.ended, 5_000, 'the stream to end');
      assert.ok(Date.now() - started < 5_000);
    });
  });
}
