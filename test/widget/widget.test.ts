import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Submission } from '../../sdk/index.js';
import { setOffline, testCollector, waitFor } from '../support/collector.js';
import { $, $$, mountWidget, moodSurvey, nextEvent, settle } from './helpers.js';

describe('<storevoice-widget> inline', () => {
  it('is accessible', async () => {
    const collector = await testCollector();
    const el = await mountWidget(collector, moodSurvey, { store: '042' });
    await expect(el).to.be.accessible();
  });

  it('asks, branches, and delivers with the right context', async () => {
    const collector = await testCollector();
    const el = await mountWidget(collector, moodSurvey, { brand: 'acme', region: 'emea-north', store: '042', staff: 'emp-17', locale: 'en-GB' });
    expect($(el, '[part~="title"]')!.textContent).to.equal('Quick feedback');
    expect($(el, '[part~="progress"]')!.textContent).to.equal('Question 1 of 2');
    $$(el, '[role="radio"]')[1]!.click(); // "Bad" → the "why" question appears
    await el.updateComplete;
    expect($(el, '[part~="progress"]')!.textContent).to.equal('Question 1 of 3');
    $(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    const textarea = $<HTMLTextAreaElement>(el, 'textarea')!;
    textarea.focus();
    await sendKeys({ type: 'Slow till' });
    $(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    $$(el, '[role="radio"]')[10]!.click(); // NPS 10
    await el.updateComplete;
    const sent = nextEvent(el, 'storevoice-sent');
    $(el, 'button[type="submit"]')!.click();
    await sent;
    await el.updateComplete;
    expect($(el, '[part~="status"]')!.textContent!.trim()).to.equal('Thanks a lot!');

    const [request] = (await collector.state()).requests;
    const body = request!.body as Submission;
    expect(body.surveyId).to.equal('post-visit');
    expect(body.context).to.include({ channel: 'web', brand: 'acme', region: 'emea-north', store: '042', locale: 'en-GB' });
    expect(body.context.staff).to.deep.equal(['emp-17']);
    expect(body.answers).to.deep.equal([
      { questionId: 'mood', type: 'smiley', value: 2 },
      { questionId: 'why', type: 'text', value: 'Slow till' },
      { questionId: 'nps', type: 'nps', value: 10 },
    ]);
  });

  it('shows the problem and keeps focus on a required question left empty', async () => {
    const collector = await testCollector();
    const el = await mountWidget(collector, moodSurvey);
    $(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '[part~="error"]')!.textContent).to.equal('Please answer this question.');
    expect($(el, '[role="radiogroup"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect((await collector.state()).requests).to.have.length(0);
  });

  it('goes back and prunes a branch that no longer applies', async () => {
    const collector = await testCollector();
    const el = await mountWidget(collector, moodSurvey);
    $$(el, '[role="radio"]')[0]!.click();
    await el.updateComplete;
    $(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    $<HTMLTextAreaElement>(el, 'textarea')!.focus();
    await sendKeys({ type: 'Awful' });
    $(el, 'button.secondary')!.click(); // Back
    await el.updateComplete;
    $$(el, '[role="radio"]')[4]!.click(); // Very good: "why" disappears
    await el.updateComplete;
    $(el, 'button[type="submit"]')!.click(); // Next → NPS
    await el.updateComplete;
    const submitted = nextEvent<{ answers: unknown[] }>(el, 'storevoice-submit');
    $(el, 'button[type="submit"]')!.click(); // Send (NPS optional)
    expect((await submitted).detail.answers).to.deep.equal([{ questionId: 'mood', type: 'smiley', value: 5 }]);
  });

  it('gives each step its own fields: the next text question starts empty in a fresh element', async () => {
    const collector = await testCollector();
    const two = { id: 'two-texts', questions: [{ id: 'a', type: 'text' as const, prompt: 'First' }, { id: 'b', type: 'text' as const, prompt: 'Second' }] };
    const el = await mountWidget(collector, two);
    const first = $<HTMLTextAreaElement>(el, 'textarea')!;
    first.focus();
    await sendKeys({ type: 'Hello' });
    $(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    const second = $<HTMLTextAreaElement>(el, 'textarea')!;
    expect(second).to.not.equal(first);
    expect(second.value).to.equal('');
  });

  it('sends a one-question smiley survey with a single tap', async () => {
    const collector = await testCollector();
    const micro = { id: 'micro', questions: [{ id: 'mood', type: 'smiley' as const, prompt: 'How was it?', required: true }] };
    const el = await mountWidget(collector, micro);
    expect($(el, 'button[type="submit"]')).to.equal(null);
    $$(el, '[role="radio"]')[4]!.click();
    await waitFor(async () => (await collector.state()).storedCount === 1);
    await waitFor(() => $(el, '[part~="status"]'));
    expect($(el, '[part~="status"]')!.textContent!.trim()).to.equal('Thank you for your feedback!');
  });

  it('says "saved, will be sent" when only queued, never a false "thanks"', async () => {
    const collector = await testCollector();
    await collector.down(true);
    const micro = { id: 'micro', questions: [{ id: 'mood', type: 'smiley' as const, prompt: 'How was it?' }] };
    const el = await mountWidget(collector, micro);
    const queued = nextEvent(el, 'storevoice-queued');
    $$(el, '[role="radio"]')[2]!.click();
    await queued;
    await el.updateComplete;
    // Online but the collector is failing (or blocked): no promise about "back online".
    expect($(el, '[part~="status"]')!.textContent!.trim()).to.equal('Thank you! Your feedback is saved on this device and will be sent shortly.');
  });

  it('says it will send when back online when the device is offline', async () => {
    const collector = await testCollector();
    const micro = { id: 'micro-offline', questions: [{ id: 'mood', type: 'smiley' as const, prompt: 'How was it?' }] };
    const el = await mountWidget(collector, micro);
    await setOffline(true);
    try {
      const queued = nextEvent(el, 'storevoice-queued');
      $$(el, '[role="radio"]')[2]!.click();
      await queued;
      await el.updateComplete;
      expect($(el, '[part~="status"]')!.textContent!.trim()).to.equal('Thank you! Your feedback is saved and will be sent when you’re back online.');
    } finally {
      await setOffline(false);
    }
    await waitFor(async () => (await collector.state()).storedCount === 1, { message: 'delivered once back online' });
  });

  it('explains a refusal and offers a retry', async () => {
    const collector = await testCollector();
    await collector.fail({ status: 401, body: { error: 'unknown write key' } });
    const micro = { id: 'micro', questions: [{ id: 'mood', type: 'smiley' as const, prompt: 'How was it?' }] };
    const el = await mountWidget(collector, micro);
    const error = nextEvent<{ code: string; message: string }>(el, 'storevoice-error');
    $$(el, '[role="radio"]')[3]!.click();
    expect((await error).detail).to.include({ code: 'rejected', message: 'unknown write key' });
    await el.updateComplete;
    expect($(el, '[part~="status"]')!.textContent).to.contain('Your feedback could not be sent');
    expect($(el, '.reason')!.textContent).to.equal('unknown write key');
    const sent = nextEvent(el, 'storevoice-sent');
    $(el, '.actions button')!.click();
    await sent;
    expect((await collector.state()).storedCount).to.equal(1);
  });

  it('records the shopper\'s language tag, normalised, and finds survey texts by it', async () => {
    const collector = await testCollector();
    const survey = { ...moodSurvey, title: { en: 'Quick feedback', 'pt-BR': 'Opinião rápida' } };
    const el = await mountWidget(collector, { id: 'micro-pt', title: survey.title, questions: [moodSurvey.questions[0]!] }, { locale: 'pt_BR' });
    expect($(el, '[part~="title"]')!.textContent).to.equal('Opinião rápida');
    $$(el, '[role="radio"]')[4]!.click();
    await waitFor(async () => (await collector.state()).storedCount === 1);
    const body = (await collector.state()).requests[0]!.body as Submission;
    expect(body.context.locale).to.equal('pt-BR');
    expect(body.context.channel).to.equal('web');
  });

  it('fetches a survey by id from the endpoint, and falls back to the last good copy', async () => {
    const collector = await testCollector();
    await collector.serveSurvey(moodSurvey);
    const el = await mountWidget(collector, 'post-visit');
    expect($(el, '[part~="title"]')!.textContent).to.equal('Quick feedback');
    await collector.down(true);
    const again = await mountWidget(collector, 'post-visit');
    expect($(again, '[part~="title"]')!.textContent).to.equal('Quick feedback');
  });

  it('shows the survey in the requested language, right-to-left for Arabic', async () => {
    const collector = await testCollector();
    const el = await mountWidget(collector, moodSurvey, { locale: 'ar' });
    const panel = $(el, '[part~="panel"]')!;
    expect(panel.getAttribute('dir')).to.equal('rtl');
    expect($(el, '[part~="title"]')!.textContent).to.equal('رأيك السريع');
    el.setAttribute('locale', 'es');
    // The Arabic screen stays until the Spanish catalog has loaded: no flash of English.
    await waitFor(() => panel.getAttribute('dir') === 'ltr', { message: 'switched to Spanish' });
    expect(panel.getAttribute('lang')).to.equal('es');
    expect($(el, '[part~="title"]')!.textContent).to.equal('Opinión rápida');
  });

  it('keeps the shopper\'s answers when handed an equal survey object, and starts again on a changed one', async () => {
    const collector = await testCollector();
    const el = await mountWidget(collector, moodSurvey);
    el.survey = structuredClone(moodSurvey); // as a property from now on, like a framework's
    await settle(el);
    const checked = () => $$(el, '[role="radio"]').map((r) => r.getAttribute('aria-checked')).indexOf('true');
    $$(el, '[role="radio"]')[3]!.click();
    await el.updateComplete;
    // What a framework does on every render: a new object, the same survey.
    el.survey = structuredClone(moodSurvey);
    await settle(el);
    expect(checked(), 'answer kept').to.equal(3);
    el.survey = { ...structuredClone(moodSurvey), title: 'Another survey' };
    await settle(el);
    await waitFor(() => $(el, '[part~="title"]')!.textContent === 'Another survey', { message: 'the changed survey is shown' });
    expect(checked(), 'started again').to.equal(-1);
  });

  describe('bad input', () => {
    let errors: unknown[][];
    const original = console.error;
    beforeEach(() => {
      errors = [];
      console.error = (...args: unknown[]) => errors.push(args);
    });
    afterEach(() => {
      console.error = original;
    });

    it('reports an invalid survey once and shows a calm unavailable state', async () => {
      const collector = await testCollector();
      const error = new Promise<CustomEvent<{ code: string; message: string }>>((resolve) =>
        document.addEventListener('storevoice-error', (e) => resolve(e as CustomEvent<{ code: string; message: string }>), { once: true }),
      );
      const el = await mountWidget(collector, { id: 'bad', questions: [{ id: 'q', type: 'smiley', prompt: 'x', faces: 4 }] } as never);
      expect((await error).detail.code).to.equal('survey');
      await settle(el);
      expect($(el, '.unavailable')!.textContent).to.equal('Feedback is not available right now.');
      expect(errors).to.have.length(1);
      expect(String(errors[0]![0])).to.contain('questions[0].faces');
      el.requestUpdate();
      await el.updateComplete;
      expect(errors).to.have.length(1, 'no error loop on re-render');
    });

    it('needs an endpoint or a client', async () => {
      const el = await mountWidget(undefined, moodSurvey);
      expect($(el, '.unavailable')).to.not.equal(null);
      expect(String(errors[0]![0])).to.contain('the endpoint attribute is missing');
    });

    it('renders hostile free text as text', async () => {
      const collector = await testCollector();
      const el = await mountWidget(collector, { ...moodSurvey, title: '<img src=x onerror=alert(1)>' });
      expect($(el, '[part~="title"]')!.textContent).to.equal('<img src=x onerror=alert(1)>');
      expect($(el, 'img')).to.equal(null);
    });
  });
});
