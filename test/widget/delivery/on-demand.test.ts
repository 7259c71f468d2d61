// The script tag loads the SDK's delivery code (dist/delivery.js) on demand: when the browser is idle
// after the first question shows, or at the first answer. These tests block that file, as a CDN
// missing it or an ad blocker would, and check that nothing is lost: the first question still
// works, an answer given meanwhile is reported like a network failure (queued, not durable yet) and
// reaches the collector, with the id and time it was given, once the file loads.
import { expect } from '@open-wc/testing';
import type { Submission, SubmitResult } from '../../../sdk/index.js';
import type { StoreVoiceWidget } from '../../../src/index.js';
import { blockRequests, testCollector, waitFor } from '../../support/collector.js';
import { openFrame } from '../helpers.js';

const DELIVERY = '**/dist/delivery.js';
const micro = { id: 'micro', questions: [{ id: 'mood', type: 'smiley', prompt: 'How was it?', required: true }] };

describe('script tag: delivery.js on demand (needs `npm run build`)', () => {
  afterEach(() => blockRequests(DELIVERY, false));

  it('keeps an answer given while delivery.js cannot load, and sends it once it does', async function () {
    // The retries back off (0.5–1 s, 1–2 s, 2–4 s…): on a loaded machine the fourth may be needed.
    this.timeout(45_000);
    const collector = await testCollector('embed-page');
    await collector.serveSurvey(micro);
    await blockRequests(DELIVERY, true);
    const frame = await openFrame('/test/widget/fixtures/embed.html');
    // The first question needs nothing but the bundle.
    const widget = await waitFor(() => {
      const el = frame.contentDocument!.querySelector('storevoice-widget') as StoreVoiceWidget | null;
      return el?.shadowRoot?.querySelector('[role="radio"]') ? el : undefined;
    }, { message: 'the first question, with delivery.js blocked' });
    const queued = new Promise<SubmitResult>((resolve) => frame.contentWindow!.StoreVoice!.on('queued', ({ result }) => resolve(result)));

    const tappedAt = Date.now();
    (widget.shadowRoot!.querySelectorAll('[role="radio"]')[1] as HTMLElement).click();
    // Reported like a network failure: saved for later, and honest that it is not in the outbox yet.
    const result = await queued;
    expect(result).to.include({ status: 'queued', durable: false });
    await waitFor(() => widget.shadowRoot!.querySelector('[part~="status"]')?.textContent?.includes('will be sent shortly'), { message: 'the saved-for-later outcome' });
    expect((await collector.state()).requests).to.have.length(0);

    await blockRequests(DELIVERY, false);
    // delivery.js is tried again with backoff (the first waits are 0.5–1 s, 1–2 s, 2–4 s…).
    const state = await waitFor(async () => {
      const s = await collector.state();
      return s.storedCount === 1 && s;
    }, { timeout: 35_000, message: 'the held answer delivered' });
    const body = state.requests.find((r) => r.status === 202)!.body as Submission;
    expect(body.id).to.equal(result.id, 'the id given at the tap, end to end');
    expect(Date.parse(body.createdAt)).to.be.within(tappedAt - 1000, tappedAt + 1000);
    expect(body.answers).to.deep.equal([{ questionId: 'mood', type: 'smiley', value: 2 }]);
    expect(body.context).to.include({ channel: 'web', store: '042' });
    frame.remove();
  });

  it('retries a failed survey request through ky, which comes with delivery.js', async () => {
    const collector = await testCollector('embed-page');
    await collector.serveSurvey(micro);
    // The first GET fails like a dropped connection; the bundle's own fetch does not retry it.
    await blockRequests('**/collector/embed-page/v1/surveys/micro', true, 1);
    const frame = await openFrame('/test/widget/fixtures/embed.html');
    await waitFor(() => frame.contentDocument!.querySelector('storevoice-widget')?.shadowRoot?.querySelector('[role="radio"]'), { message: 'the survey, on the second try' });
    const loaded = frame.contentWindow!.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    const delivery = loaded.indexOf('/dist/delivery.js');
    expect(delivery).to.be.greaterThan(-1);
    expect(loaded.indexOf('/collector/embed-page/v1/surveys/micro', delivery)).to.be.greaterThan(delivery, 'the second GET comes after delivery.js');
    await blockRequests('**/collector/embed-page/v1/surveys/micro', false);
    frame.remove();
  });

  it("names an invalid survey's problems in the SDK's English, which comes with delivery.js", async () => {
    const collector = await testCollector('embed-page');
    await collector.serveSurvey({ id: 'micro', questions: [{ id: 'mood', type: 'slider', prompt: 'How was it?' }] });
    // Earlier tests' good copy of "micro" would be shown instead (the widget's offline fallback).
    localStorage.clear();
    // Blocked at first, so the message cannot be ready before the test listens for it.
    await blockRequests(DELIVERY, true);
    const frame = await openFrame('/test/widget/fixtures/embed.html');
    const failed = new Promise<string>((resolve) => frame.contentWindow!.StoreVoice!.on('error', ({ message }) => resolve(message)));
    await blockRequests(DELIVERY, false);
    // The survey's check waits for the words (up to 8 s); delivery.js is retried within ~1 s.
    expect(await failed).to.equal('Invalid survey definition: questions[0].type: "slider" is not a known type');
    expect(frame.contentWindow!.performance.getEntriesByType('resource').some((e) => e.name.endsWith('/dist/delivery.js'))).to.equal(true);
    frame.remove();
  });

  it('StoreVoice.createClient(): holds submissions, lists them as pending and sends them once delivery.js loads', async () => {
    const collector = await testCollector();
    await blockRequests(DELIVERY, true);
    const frame = await openFrame('/test/widget/fixtures/embed.html');
    const api = frame.contentWindow!.StoreVoice!;
    const client = api.createClient({ destinations: { main: api.http(collector.endpoint, { key: 'pk_test', batch: true }) }, submitTimeoutMs: 200 });
    client.setContext({ store: '017', tags: { lane: 4 } });
    const sent: string[] = [];
    client.on('sent', (event) => sent.push(event.id));

    const result = await client.submit({ surveyId: 'micro', answers: [{ questionId: 'mood', type: 'smiley', value: 5 }] });
    expect(result).to.include({ status: 'queued', durable: false });
    expect(result.submission.context).to.include({ store: '017' });
    expect((await client.pending()).map((p) => [p.id, p.durable])).to.deep.equal([[result.id, false]]);
    expect(await client.flush()).to.deep.equal({ sent: 0, retrying: 1, failed: 0, pending: 1 });

    await blockRequests(DELIVERY, false);
    // A flush tries to load delivery.js at once, without waiting for the backoff.
    await client.flush();
    await waitFor(() => sent.length === 1, { message: 'the "sent" event, from a listener added before delivery.js loaded' });
    expect(sent).to.deep.equal([result.id]);
    const state = await collector.state();
    expect(state.stored).to.deep.equal([result.id]);
    const body = state.requests.find((r) => r.status === 202)!.body as Submission;
    expect(body.context).to.deep.include({ store: '017', tags: { lane: 4 } });
    expect(state.requests[0]!.authorization).to.equal('Bearer pk_test');
    expect(await client.pending()).to.deep.equal([]);
    client.destroy();
    frame.remove();
  });

  it('StoreVoice.createClient(): invalid options are reported when delivery.js has loaded, by submit()', async () => {
    const frame = await openFrame('/test/widget/fixtures/embed.html');
    const api = frame.contentWindow!.StoreVoice!;
    const client = api.createClient({} as Parameters<typeof api.createClient>[0]);
    let error: unknown;
    try {
      await client.submit({ surveyId: 'micro', answers: [{ questionId: 'mood', type: 'smiley', value: 5 }] });
    } catch (e) {
      error = e;
    }
    expect((error as Error)?.message).to.contain('needs an `endpoint` or at least one destination');
    frame.remove();
  });
});
