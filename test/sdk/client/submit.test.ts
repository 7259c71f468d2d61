import { expect } from '@open-wc/testing';
import { createClient, http, ValidationError, type Submission } from '../../../sdk/index.js';
import { testCollector, waitFor } from '../../support/collector.js';
import { clientFor, fastHttp, recordEvents, smiley, text, uniqueOutbox } from './helpers.js';

describe('client.submit', () => {
  it('delivers, answers "sent" and reports queued then sent', async () => {
    const collector = await testCollector();
    const client = clientFor(collector, { context: { brand: 'acme', region: 'emea-north', store: '042', staff: ['emp-17'] } });
    const events = recordEvents(client);
    const result = await client.submit({ surveyId: 'post-visit', answers: [smiley(4), text('Quick checkout')] });

    expect(result.status).to.equal('sent');
    expect(result.durable).to.equal(true);
    expect(result.destinations).to.deep.equal({ main: 'sent' });
    expect(events.map((e) => e.type)).to.deep.equal(['queued', 'sent']);
    const state = await collector.state();
    expect(state.stored).to.deep.equal([result.id]);
    const [request] = state.requests;
    expect(request!.idempotencyKey).to.equal(result.id);
    const body = request!.body as Submission;
    expect(body.schemaVersion).to.equal(1);
    expect(body.context).to.include({ brand: 'acme', region: 'emea-north', store: '042', channel: 'web' });
    expect(body.context.staff).to.deep.equal(['emp-17']);
    expect(body.answers).to.deep.equal([smiley(4), text('Quick checkout')]);
    expect(await client.pending()).to.deep.equal([]);
    client.destroy();
  });

  it('makes time-ordered UUID v7 ids', async () => {
    const collector = await testCollector();
    const client = clientFor(collector);
    const a = await client.submit({ surveyId: 's', answers: [smiley(5)] });
    const b = await client.submit({ surveyId: 's', answers: [smiley(5)] });
    expect(a.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.id < b.id).to.equal(true);
    client.destroy();
  });

  it('records the page URL without query string or fragment by default', async () => {
    const collector = await testCollector();
    history.replaceState(null, '', `${location.pathname}?email=ana@example.com#order-77`);
    try {
      const client = clientFor(collector);
      const { submission } = await client.submit({ surveyId: 's', answers: [smiley(3)] });
      expect(submission.context.page?.url).to.equal(`${location.origin}${location.pathname}`);
      const none = clientFor(collector, { pageUrl: 'none' });
      expect((await none.submit({ surveyId: 's', answers: [smiley(3)] })).submission.context.page).to.equal(undefined);
      client.destroy();
      none.destroy();
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('merges setContext, and per-submission context overrides it', async () => {
    const collector = await testCollector();
    const client = clientFor(collector, { context: { brand: 'acme', store: '042', tags: { lane: 4 } } });
    client.setContext({ staff: ['emp-21'], tags: { promo: 'bf' } });
    expect(client.getContext()).to.deep.equal({ brand: 'acme', store: '042', staff: ['emp-21'], tags: { lane: 4, promo: 'bf' } });
    const { submission } = await client.submit({ surveyId: 's', answers: [smiley(3)], context: { store: '043', channel: 'qr', locale: 'es-ES' } });
    expect(submission.context).to.include({ brand: 'acme', store: '043', channel: 'qr', locale: 'es-ES' });
    expect(client.getContext().store).to.equal('042', 'the override is for one submission only');
    client.setContext({ staff: undefined });
    expect(client.getContext().staff).to.equal(undefined);
    client.setContext({ tags: { promo: undefined } });
    expect(client.getContext().tags).to.deep.equal({ lane: 4 });
    expect(() => client.setContext({ tags: { lane: {} as never } })).to.throw(ValidationError, 'tags.lane');
    client.destroy();
  });

  it('sends the context token, from a string or a function', async () => {
    const collector = await testCollector();
    let calls = 0;
    const client = clientFor(collector, { contextToken: async () => `tok-${++calls}` });
    const first = await client.submit({ surveyId: 's', answers: [smiley(3)] });
    const second = await client.submit({ surveyId: 's', answers: [smiley(3)] });
    expect([first.submission.contextToken, second.submission.contextToken]).to.deep.equal(['tok-1', 'tok-2']);
    const state = await collector.state();
    expect((state.requests[0]!.body as Submission).contextToken).to.equal('tok-1');
    client.destroy();
  });

  it('derives consent from a consent answer', async () => {
    const collector = await testCollector();
    const client = clientFor(collector);
    const { submission } = await client.submit({
      surveyId: 's',
      answers: [smiley(1), { questionId: 'contact', type: 'consent', value: true, contact: 'ana@example.com' }],
    });
    expect(submission.consent).to.deep.equal({ contact: true });
    client.destroy();
  });

  describe('bad input', () => {
    it('rejects invalid options at once, naming the field', () => {
      expect(() => createClient({} as never)).to.throw(ValidationError, 'needs an `endpoint` or at least one destination');
      expect(() => createClient({ endpoint: 'feedback' })).to.throw(ValidationError, 'endpoint: must be an http(s) URL');
      expect(() => createClient({ destinations: { main: 42 as never } })).to.throw(ValidationError, 'destinations.main: must be a transport function');
      expect(() => createClient({ destinations: { main: async () => ({ status: 'sent' }) }, routes: [{ to: ['alerts'] }] })).to.throw(
        ValidationError,
        'routes[0].to[0]: unknown destination "alerts"',
      );
      expect(() => createClient({ endpoint: 'https://x.example/v1', context: { channel: 'fax' as never } })).to.throw(ValidationError, 'context.channel');
      expect(() => createClient({ endpoint: 'https://x.example/v1', outbox: { maxItems: 0 } })).to.throw(ValidationError, 'outbox.maxItems: must be at least 1');
      expect(() => createClient({ endpoint: 'https://x.example/v1', colour: 'red' } as never)).to.throw(ValidationError, 'unknown field "colour"');
    });

    it('rejects an invalid submission before anything is queued or sent', async () => {
      const collector = await testCollector();
      const client = clientFor(collector);
      const events = recordEvents(client);
      const cases: [unknown, string][] = [
        [{ surveyId: 's', answers: [smiley(9)] }, 'answers[0].value: must be at most 5'],
        [{ surveyId: 's', answers: [] }, 'answers: must not be empty'],
        [{ answers: [smiley(3)] }, 'surveyId: is required'],
        [{ surveyId: 's', answers: [{ questionId: 'q', type: 'emoji', value: 1 }] }, 'answers[0].type: "emoji" is not a known type'],
        [{ surveyId: 's', answers: [smiley(3), smiley(4)] }, 'answers: must not answer the same question twice'],
        [{ surveyId: 's', answers: [smiley(3)], context: { staff: 'emp-1' } }, 'context.staff: must be an array'],
        [{ surveyId: 's', answers: [text('x'.repeat(5001))] }, 'answers[0].value: must have at most 5000 characters'],
      ];
      for (const [input, message] of cases) {
        let error: unknown;
        try {
          await client.submit(input as never);
        } catch (e) {
          error = e;
        }
        expect(error, message).to.be.instanceOf(ValidationError);
        expect((error as Error).message).to.contain(message);
      }
      expect(await client.pending()).to.deep.equal([]);
      expect(events).to.deep.equal([]);
      expect((await collector.state()).requests).to.have.length(0);
      client.destroy();
    });

    it('rejects a submission over 64 KB', async () => {
      const collector = await testCollector();
      const client = clientFor(collector);
      const answers = Array.from({ length: 14 }, (_, i) => text('é'.repeat(2500), `q${i}`));
      let error: unknown;
      await client.submit({ surveyId: 's', answers }).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(ValidationError);
      expect((error as Error).message).to.match(/is \d+ bytes of JSON; the limit is 65536/);
      expect(await client.pending()).to.deep.equal([]);
      client.destroy();
    });

    it('refuses to submit after destroy()', async () => {
      const collector = await testCollector();
      const client = clientFor(collector);
      client.destroy();
      let error: unknown;
      await client.submit({ surveyId: 's', answers: [smiley(3)] }).catch((e: unknown) => (error = e));
      expect((error as Error).message).to.contain('destroyed');
    });
  });

  describe('beforeSend', () => {
    it('can change a submission', async () => {
      const collector = await testCollector();
      const client = clientFor(collector, {
        beforeSend: (s) => ({ ...s, context: { ...s.context, tags: { scrubbed: true } } }),
      });
      const { submission } = await client.submit({ surveyId: 's', answers: [smiley(3)] });
      expect(submission.context.tags).to.deep.equal({ scrubbed: true });
      expect(((await collector.state()).requests[0]!.body as Submission).context.tags).to.deep.equal({ scrubbed: true });
      client.destroy();
    });

    it('drops a submission when it returns null, and says so', async () => {
      const collector = await testCollector();
      const client = clientFor(collector, { beforeSend: () => null });
      const events = recordEvents(client);
      const result = await client.submit({ surveyId: 's', answers: [smiley(3)] });
      expect(result.status).to.equal('dropped');
      expect(result.reason).to.equal('before_send');
      expect(events).to.deep.equal([{ type: 'dropped', id: result.id, reason: 'before_send' }]);
      expect((await collector.state()).requests).to.have.length(0);
      client.destroy();
    });

    it('is validated again even when it changed the submission in place', async () => {
      const collector = await testCollector();
      const client = clientFor(collector, {
        beforeSend: (s) => {
          (s.answers[0] as { value: number }).value = 99;
          return s;
        },
      });
      let error: unknown;
      await client.submit({ surveyId: 's', answers: [smiley(3)] }).catch((e: unknown) => (error = e));
      expect((error as Error).message).to.contain('answers[0].value: must be at most 5');
      expect((await collector.state()).requests).to.have.length(0);
      client.destroy();
    });

    it('is validated again: a broken result throws', async () => {
      const collector = await testCollector();
      const client = clientFor(collector, { beforeSend: (s) => ({ ...s, answers: [] }) });
      let error: unknown;
      await client.submit({ surveyId: 's', answers: [smiley(3)] }).catch((e: unknown) => (error = e));
      expect((error as Error).message).to.contain('Invalid submission returned by beforeSend: answers: must not be empty');
      expect(await client.pending()).to.deep.equal([]);
      client.destroy();
    });
  });

  describe('honest state', () => {
    it('answers "failed" with the server reason when the destination rejects it, and drops it', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 400, body: { error: 'unknown survey "s"' } });
      const client = clientFor(collector);
      const events = recordEvents(client);
      const result = await client.submit({ surveyId: 's', answers: [smiley(3)] });
      expect(result.status).to.equal('failed');
      expect(result.reason).to.equal('rejected');
      expect(result.message).to.equal('unknown survey "s"');
      expect(events).to.deep.equal([
        { type: 'queued', id: result.id },
        { type: 'failed', id: result.id, destination: 'main', reason: 'rejected' },
        { type: 'dropped', id: result.id, destination: 'main', reason: 'rejected' },
      ]);
      expect(await client.pending()).to.deep.equal([]);
      client.destroy();
    });

    it('answers "queued" while the server fails, then delivers and reports it', async () => {
      const collector = await testCollector();
      await collector.fail({ status: 503 }, { status: 500 });
      // Retries at least 100 ms apart (equal jitter on 200 ms), so none lands before submit() answers.
      const client = clientFor(collector, { retry: { baseDelayMs: 200, maxDelayMs: 400 } });
      const events = recordEvents(client);
      const result = await client.submit({ surveyId: 's', answers: [smiley(3)] });
      expect(result.status).to.equal('queued');
      expect(result.durable).to.equal(true);
      await waitFor(() => events.some((e) => e.type === 'sent'), { message: 'sent event' });
      expect(events.map((e) => e.type)).to.deep.equal(['queued', 'retry', 'retry', 'sent']);
      expect((await collector.state()).stored).to.deep.equal([result.id]);
      client.destroy();
    });

    it('answers "queued" within submitTimeoutMs when the server hangs', async () => {
      const collector = await testCollector();
      await collector.fail({ hangMs: 1000 });
      const client = clientFor(collector, { submitTimeoutMs: 100 });
      const started = performance.now();
      const result = await client.submit({ surveyId: 's', answers: [smiley(3)] });
      expect(result.status).to.equal('queued');
      expect(performance.now() - started).to.be.below(900);
      await waitFor(async () => (await client.pending()).length === 0, { message: 'delivered after the hang' });
      client.destroy();
    });

    it('refuses new submissions with queue_full once the outbox cap is reached', async () => {
      const collector = await testCollector();
      await collector.down(true);
      const client = clientFor(collector, { outbox: { name: uniqueOutbox(), maxItems: 2 }, submitTimeoutMs: 50 });
      const events = recordEvents(client);
      await client.submit({ surveyId: 's', answers: [smiley(1)] });
      await client.submit({ surveyId: 's', answers: [smiley(2)] });
      const third = await client.submit({ surveyId: 's', answers: [smiley(3)] });
      expect(third.status).to.equal('failed');
      expect(third.reason).to.equal('queue_full');
      expect(third.message).to.equal('the outbox holds 2 submissions already');
      expect(events.filter((e) => e.type === 'dropped')).to.deep.equal([{ type: 'dropped', id: third.id, reason: 'queue_full' }]);
      expect(await client.pending()).to.have.length(2);
      await collector.down(false);
      await client.flush();
      expect((await collector.state()).storedCount).to.equal(2);
      client.destroy();
    });

    it('applies the byte cap too', async () => {
      const collector = await testCollector();
      await collector.down(true);
      const client = clientFor(collector, { outbox: { name: uniqueOutbox(), maxBytes: 65_536 }, submitTimeoutMs: 50 });
      const big = Array.from({ length: 9 }, (_, i) => text('x'.repeat(4000), `q${i}`));
      expect((await client.submit({ surveyId: 's', answers: big })).status).to.equal('queued');
      const second = await client.submit({ surveyId: 's', answers: big });
      expect(second.reason).to.equal('queue_full');
      expect(second.message).to.equal('the outbox holds 65536 bytes already');
      client.destroy();
    });
  });

  it('uses the endpoint shorthand with a write key', async () => {
    const collector = await testCollector();
    await collector.requireKey('pk_test');
    const client = createClient({ endpoint: collector.endpoint, key: 'pk_test', outbox: { name: uniqueOutbox() } });
    const result = await client.submit({ surveyId: 's', answers: [smiley(5)] });
    expect(result.status).to.equal('sent');
    expect((await collector.state()).requests[0]!.authorization).to.equal('Bearer pk_test');
    client.destroy();
  });

  it('accepts a plain function as a custom transport, one submission per call', async () => {
    const batches: number[] = [];
    const client = createClient({
      destinations: { custom: async (batch) => (batches.push(batch.length), { status: 'sent' }) },
      outbox: { name: uniqueOutbox() },
    });
    const results = await Promise.all([1, 2, 3].map((v) => client.submit({ surveyId: 's', answers: [smiley(v)] })));
    expect(results.map((r) => r.status)).to.deep.equal(['sent', 'sent', 'sent']);
    expect(batches.every((n) => n === 1)).to.equal(true);
    client.destroy();
  });

  it('treats a throwing custom transport as "try again later"', async () => {
    let calls = 0;
    const client = createClient({
      destinations: {
        flaky: async () => {
          if (++calls === 1) throw new Error('boom');
          return { status: 'sent' };
        },
      },
      outbox: { name: uniqueOutbox() },
      // A long backoff: only the explicit flush() below tries again.
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
      submitTimeoutMs: 1000,
    });
    const retries: string[] = [];
    client.on('retry', (e) => retries.push(`${e.reason}:${e.message}`));
    expect((await client.submit({ surveyId: 's', answers: [smiley(3)] })).status).to.equal('queued');
    expect(retries).to.deep.equal(['error:boom']);
    expect(await client.flush()).to.deep.equal({ sent: 1, retrying: 0, failed: 0, pending: 0 });
    client.destroy();
  });

  it('batches a backlog into few requests', async () => {
    const collector = await testCollector();
    await collector.down(true);
    // A long backoff, so only the explicit flush() below delivers.
    const client = clientFor(collector, { submitTimeoutMs: 0, retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } });
    await Promise.all(Array.from({ length: 150 }, (_, i) => client.submit({ surveyId: 's', answers: [smiley((i % 5) + 1)] })));
    await collector.down(false);
    await client.flush();
    expect(await client.pending()).to.deep.equal([]);
    const state = await collector.state();
    expect(state.storedCount).to.equal(150);
    expect(state.requests.filter((r) => r.status === 202).map((r) => r.ids.length)).to.deep.equal([100, 50]);
    client.destroy();
  });

  it('isolates one bad submission in a rejected batch', async () => {
    const collector = await testCollector();
    await collector.down(true);
    const client = clientFor(collector, { submitTimeoutMs: 0, retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } });
    const results = [];
    for (const v of [1, 2, 3]) results.push(await client.submit({ surveyId: 's', answers: [smiley(v)] }));
    // A forced pass while still down: all three are tried once and now wait out a long backoff,
    // so no background pass can take the faults queued below.
    expect(await client.flush()).to.deep.equal({ sent: 0, retrying: 3, failed: 0, pending: 3 });
    // While down, faults wait their turn: the whole batch is refused, then the items go one by one.
    await collector.fail({ status: 422, body: { error: 'batch refused' } }, { status: 202 }, { status: 400, body: { error: 'bad one' } });
    await collector.down(false);
    const dropped: string[] = [];
    client.on('dropped', (e) => dropped.push(`${e.id}:${e.message}`));
    const report = await client.flush();
    expect(report).to.deep.equal({ sent: 2, retrying: 0, failed: 1, pending: 0 });
    expect(dropped).to.deep.equal([`${results[1]!.id}:bad one`]);
    expect([...(await collector.state()).stored].sort()).to.deep.equal([results[0]!.id, results[2]!.id].sort());
    client.destroy();
  });
});

describe('routing through the client', () => {
  it('refuses an async route predicate instead of matching everything', async () => {
    const collector = await testCollector();
    const client = clientFor(collector, { routes: [{ when: (async () => false) as never, to: ['main'] }] });
    let error: unknown;
    await client.submit({ surveyId: 's', answers: [smiley(3)] }).catch((e: unknown) => (error = e));
    expect((error as Error).message).to.contain('must decide synchronously');
    client.destroy();
  });

  it('defaults to the collector (main) when the endpoint shorthand is combined with destinations', async () => {
    const collector = await testCollector();
    const other = await testCollector();
    const client = createClient({ endpoint: collector.endpoint, destinations: { archive: fastHttp(other) }, outbox: { name: uniqueOutbox() } });
    const result = await client.submit({ surveyId: 's', answers: [smiley(3)] });
    expect(result.destinations).to.deep.equal({ main: 'sent' });
    client.destroy();
  });
});

describe('http destination URL', () => {
  it('posts to /submissions under a collector base URL and to any other URL as given', async () => {
    const collector = await testCollector();
    const direct = createClient({ destinations: { hook: http(collector.submissionsUrl) }, outbox: { name: uniqueOutbox() } });
    const viaBase = createClient({ destinations: { main: fastHttp(collector) }, outbox: { name: uniqueOutbox() } });
    expect((await direct.submit({ surveyId: 's', answers: [smiley(3)] })).status).to.equal('sent');
    expect((await viaBase.submit({ surveyId: 's', answers: [smiley(3)] })).status).to.equal('sent');
    expect((await collector.state()).storedCount).to.equal(2);
    direct.destroy();
    viaBase.destroy();
  });

  it('looks only at the path: a query string mentioning /v1 is left alone', async () => {
    const collector = await testCollector();
    const client = createClient({ destinations: { hook: http(`${collector.submissionsUrl}?source=/v1`) }, outbox: { name: uniqueOutbox() } });
    expect((await client.submit({ surveyId: 's', answers: [smiley(3)] })).status).to.equal('sent');
    expect((await collector.state()).requests[0]!.query).to.equal('source=/v1');
    client.destroy();
  });

  it('keeps the query of a collector base URL, with or without a trailing slash and a fragment', async () => {
    const collector = await testCollector();
    for (const endpoint of [`${collector.endpoint}?source=qr`, `${collector.endpoint}/?source=qr#top`]) {
      const client = createClient({ destinations: { main: http(endpoint) }, outbox: { name: uniqueOutbox() } });
      expect((await client.submit({ surveyId: 's', answers: [smiley(3)] })).status, endpoint).to.equal('sent');
      client.destroy();
    }
    const { requests, storedCount } = await collector.state();
    expect(storedCount).to.equal(2);
    expect(requests.map((r) => r.query)).to.deep.equal(['source=qr', 'source=qr']);
  });
});
