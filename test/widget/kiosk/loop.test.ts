import { expect } from '@open-wc/testing';
import type { Submission } from '../../../sdk/index.js';
import { testCollector, waitFor } from '../../support/collector.js';
import { $, $$ } from '../helpers.js';
import { face, fakeClock, followUpSurvey, microSurvey, mountKiosk, npsFirstSurvey, restoreClock, screenOf, tap, textOf, until } from './support.js';

describe('kiosk: the customer loop', () => {
  afterEach(restoreClock);

  it('is accessible on the attract, question and thank-you screens', async () => {
    const clock = fakeClock();
    const el = await mountKiosk(await testCollector(), followUpSurvey, { languages: 'en,fr,ar' });
    await expect(el).to.be.accessible();
    await tap(face(el, 2));
    await until(el, () => screenOf(el) === 'survey');
    await expect(el).to.be.accessible();
    $<HTMLFormElement>(el, '.sv-kiosk form')!.requestSubmit();
    await until(el, () => $(el, '[data-question="again"]'));
    $<HTMLFormElement>(el, '.sv-kiosk form')!.requestSubmit();
    await until(el, () => screenOf(el) === 'thanks');
    await expect(el).to.be.accessible();
    clock.tick(5000);
  });

  it('shows the smileys on the attract screen: one tap is the whole survey, then thanks, then attract again', async () => {
    const clock = fakeClock();
    const collector = await testCollector();
    const el = await mountKiosk(collector, microSurvey, { store: '042', device: 'exit-1' });
    expect($(el, '.sv-kiosk .attract .prompt')!.textContent).to.contain('How was your visit today?');
    expect($$(el, '.sv-kiosk .attract [role="radio"]')).to.have.length(5);

    await tap(face(el, 4));
    await until(el, () => screenOf(el) === 'thanks', 'thank-you screen');
    expect(textOf(el)).to.contain('Thank you!');
    const stored = await waitFor(async () => {
      const s = await collector.state();
      return s.storedCount === 1 && s;
    });
    const body = stored.requests[0]!.body as Submission;
    expect(body.answers).to.deep.equal([{ questionId: 'mood', type: 'smiley', value: 4 }]);
    expect(body.context).to.include({ channel: 'kiosk', store: '042', device: 'exit-1' });

    clock.tick(4999);
    await el.updateComplete;
    expect(screenOf(el)).to.equal('thanks');
    clock.tick(1);
    await until(el, () => screenOf(el) === 'attract', 'back to attract after reset-delay');
    expect($$(el, '.sv-kiosk [aria-checked="true"]')).to.have.length(0);
  });

  it('follows up one question per screen, moving on by itself after a score', async () => {
    fakeClock();
    const collector = await testCollector();
    const el = await mountKiosk(collector, followUpSurvey);
    await tap(face(el, 1));
    await until(el, () => $(el, '[data-question="why"]'), 'the follow-up question');
    expect($$(el, '.sv-kiosk .question')).to.have.length(1);
    const field = $<HTMLTextAreaElement>(el, '.sv-kiosk textarea')!;
    field.focus();
    field.value = 'The queue was long';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await tap($(el, '.sv-kiosk button.primary')!);
    await until(el, () => $(el, '[data-question="again"]'), 'the last question');
    await tap($$(el, '.sv-kiosk .option')[0]!);
    await tap($(el, '.sv-kiosk button.primary')!);
    await until(el, () => screenOf(el) === 'thanks');
    const stored = await waitFor(async () => {
      const s = await collector.state();
      return s.storedCount === 1 && s;
    });
    const answers = (stored.requests[0]!.body as Submission).answers;
    expect(answers.map((a) => a.questionId)).to.deep.equal(['mood', 'why', 'again']);
  });

  it('invites with a Start button when the survey does not open with a smiley', async () => {
    fakeClock();
    const el = await mountKiosk(await testCollector(), npsFirstSurvey);
    expect($(el, '.sv-kiosk .attract-title')!.textContent).to.equal('How was your visit today?');
    await tap($(el, '.sv-kiosk .start')!);
    await until(el, () => screenOf(el) === 'survey');
    expect($$(el, '.sv-kiosk .nps [role="radio"]')).to.have.length(11);
  });

  it('leaves nothing of customer A for customer B: DOM, inputs, answers', async () => {
    const clock = fakeClock();
    const collector = await testCollector();
    const el = await mountKiosk(collector, followUpSurvey);
    // Customer A: a sad face and a private remark, then done.
    await tap(face(el, 1));
    await until(el, () => $(el, '.sv-kiosk textarea'));
    const field = $<HTMLTextAreaElement>(el, '.sv-kiosk textarea')!;
    field.value = 'Secret remark from A';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await tap($(el, '.sv-kiosk button.primary')!);
    await until(el, () => $(el, '[data-question="again"]'), 'again: ' + textOf(el));
    await tap($$(el, '.sv-kiosk .option')[1]!);
    await tap($(el, '.sv-kiosk button.primary')!);
    await until(el, () => screenOf(el) === 'thanks');
    clock.tick(5000);
    await until(el, () => screenOf(el) === 'attract');

    // Customer B sees a fresh kiosk.
    expect(el.shadowRoot!.textContent).to.not.contain('Secret remark from A');
    expect($$(el, '[aria-checked="true"], :checked')).to.have.length(0);
    await tap(face(el, 2));
    await until(el, () => $(el, '.sv-kiosk textarea'));
    expect($<HTMLTextAreaElement>(el, '.sv-kiosk textarea')!.value).to.equal('');
    await tap($(el, '.sv-kiosk button.primary')!); // no remark this time
    await until(el, () => $(el, '[data-question="again"]'));
    expect($$(el, '.sv-kiosk :checked')).to.have.length(0);
    await tap($$(el, '.sv-kiosk .option')[0]!);
    await tap($(el, '.sv-kiosk button.primary')!);
    const stored = await waitFor(async () => {
      const s = await collector.state();
      return s.storedCount === 2 && s;
    });
    const b = stored.requests.map((r) => r.body as Submission).find((s) => s.answers.some((a) => a.questionId === 'mood' && a.value === 2))!;
    expect(b.answers).to.deep.equal([
      { questionId: 'mood', type: 'smiley', value: 2 },
      { questionId: 'again', type: 'choice', value: 'yes' },
    ]);
  });
});
