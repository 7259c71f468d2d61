import { expect } from '@open-wc/testing';
import type { Submission } from '../../../sdk/index.js';
import { countTap, decide, force, initialRateLimit } from '../../../src/kiosk/rate-limiter.js';
import { testCollector, waitFor } from '../../support/collector.js';
import { $ } from '../helpers.js';
import { face, fakeClock, followUpSurvey, microSurvey, mountKiosk, quickTap, restoreClock, screenOf, tap, until } from './support.js';

describe('kiosk: rate limiter (pure)', () => {
  it('lets one submission through per window and counts the rest into the next one', () => {
    let state = initialRateLimit;
    const first = decide(state, 0, 3000);
    expect(first.admitted).to.equal(true);
    expect(first.tags).to.deep.equal({});
    state = countTap(countTap(first.state));
    const inside = decide(state, 2999, 3000);
    expect(inside.admitted).to.equal(false);
    const next = decide(inside.state, 3000, 3000);
    expect(next.admitted).to.equal(true);
    expect(next.tags).to.deep.equal({ suppressedSubmissions: 1, suppressedTaps: 2 });
    expect(next.state).to.deep.equal({ lastAt: 3000, suppressedSubmissions: 0, suppressedTaps: 0 });
  });

  it('always admits a forced request (a manager call), still opening a window', () => {
    const opened = decide(initialRateLimit, 0, 3000).state;
    const forced = force(opened, 10);
    expect(forced.admitted).to.equal(true);
    expect(decide(forced.state, 20, 3000).admitted).to.equal(false);
  });
});

describe('kiosk: timing', () => {
  afterEach(restoreClock);

  it('submits a half-finished survey after idle-timeout, tagged incomplete, and resets', async () => {
    const clock = fakeClock();
    const collector = await testCollector();
    const el = await mountKiosk(collector, followUpSurvey, { 'idle-timeout': '30000' });
    await tap(face(el, 2));
    await until(el, () => $(el, '[data-question="why"]'));
    clock.tick(20_000);
    // Activity starts the wait again.
    $(el, '.sv-kiosk textarea')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    clock.tick(29_999);
    await el.updateComplete;
    expect(screenOf(el)).to.equal('survey');
    clock.tick(1);
    await until(el, () => screenOf(el) === 'attract');
    const stored = await waitFor(async () => {
      const s = await collector.state();
      return s.storedCount === 1 && s;
    });
    const body = stored.requests[0]!.body as Submission;
    expect(body.answers).to.deep.equal([{ questionId: 'mood', type: 'smiley', value: 2 }]);
    expect(body.context.tags).to.deep.equal({ incomplete: true });
  });

  it('discards a half-finished survey with idle-action="discard"', async () => {
    const clock = fakeClock();
    const collector = await testCollector();
    const el = await mountKiosk(collector, followUpSurvey, { 'idle-action': 'discard' });
    const submits: unknown[] = [];
    el.addEventListener('storevoice-submit', (e) => submits.push(e));
    await tap(face(el, 2));
    await until(el, () => $(el, '[data-question="why"]'));
    clock.tick(30_000);
    await until(el, () => screenOf(el) === 'attract');
    expect(submits).to.have.length(0);
    expect((await collector.state()).requests).to.have.length(0);
  });

  it('does not time out the attract screen, nor submit when nothing was answered', async () => {
    const clock = fakeClock();
    const el = await mountKiosk(await testCollector(), microSurvey);
    const submits: unknown[] = [];
    el.addEventListener('storevoice-submit', (e) => submits.push(e));
    clock.tick(120_000);
    await el.updateComplete;
    expect(screenOf(el)).to.equal('attract');
    expect(submits).to.have.length(0);
  });

  it('turns 50 mashed taps into few submissions, tagged with what was held back', async () => {
    const clock = fakeClock();
    const collector = await testCollector();
    // A short thank-you screen lets taps reach the smileys inside the 3 s window.
    const el = await mountKiosk(collector, microSurvey, { 'reset-delay': '1000', 'min-interval': '3000' });
    const submits: unknown[] = [];
    el.addEventListener('storevoice-submit', (e) => submits.push(e));
    for (let i = 0; i < 50; i++) {
      const target = screenOf(el) === 'attract' ? face(el, 1 + (i % 5)) : $(el, '.sv-kiosk .screen')!;
      quickTap(target);
      await el.updateComplete;
      if (screenOf(el) === 'thanks') await until(el, () => screenOf(el) === 'thanks');
      clock.tick(100);
      await el.updateComplete;
    }
    // 50 taps over 5 s of fake time: one submission per 3 s window at most.
    expect(submits.length).to.be.within(1, 2);
    await until(el, () => screenOf(el) !== 'survey', 'the last submission answered');
    clock.tick(5000);
    await until(el, () => screenOf(el) === 'attract');
    quickTap(face(el, 5)); // the next customer, after the window
    const stored = await waitFor(async () => {
      const s = await collector.state();
      return s.storedCount === submits.length && s.storedCount >= 2 && s;
    });
    const last = stored.requests.map((r) => r.body as Submission).at(-1)!;
    expect(Number(last.context.tags?.['suppressedTaps'] ?? 0) + Number(last.context.tags?.['suppressedSubmissions'] ?? 0)).to.be.greaterThan(0);
  });
});
