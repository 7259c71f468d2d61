import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { testCollector, waitFor } from '../support/collector.js';
import { $, $$, mountWidget, moodSurvey, nextEvent } from './helpers.js';

describe('<storevoice-widget mode="launcher">', () => {
  it('is accessible closed and open', async () => {
    const collector = await testCollector();
    const el = await mountWidget(collector, moodSurvey, { mode: 'launcher' });
    await expect(el).to.be.accessible();
    await el.open();
    await expect(el).to.be.accessible();
    el.close();
  });

  it('opens a modal dialog with focus inside, and closes with Escape, restoring focus', async () => {
    const collector = await testCollector();
    const el = await mountWidget(collector, moodSurvey, { mode: 'launcher' });
    const launcher = $(el, '[part~="launcher"]')!;
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    launcher.focus();
    const opened = nextEvent(el, 'storevoice-open');
    await sendKeys({ press: 'Enter' });
    await opened;
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('sv-title');
    expect(launcher.getAttribute('aria-expanded')).to.equal('true');
    await waitFor(() => dialog.contains(el.shadowRoot!.activeElement));
    const closed = nextEvent<{ submitted: boolean }>(el, 'storevoice-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail.submitted).to.equal(false);
    expect(dialog.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(launcher);
  });

  it('keeps Tab inside the open dialog', async () => {
    const collector = await testCollector();
    const el = await mountWidget(collector, moodSurvey, { mode: 'launcher' });
    await el.open();
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      const active = el.shadowRoot!.activeElement;
      // Focus may leave to the browser chrome at the end of the cycle, never to the page behind.
      expect(active === null || dialog.contains(active)).to.equal(true, `Tab ${i + 1} stayed in the dialog`);
    }
    el.close();
  });

  it('closes with the close button and with a click outside, and remembers the dismissal', async () => {
    const collector = await testCollector();
    const el = await mountWidget(collector, { ...moodSurvey, id: `dismiss-${Date.now()}` }, { mode: 'launcher' });
    expect(el.dismissedAt).to.equal(undefined);
    await el.open();
    $(el, 'button.close')!.click();
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);
    expect(el.dismissedAt).to.be.a('number');
    await el.open();
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    dialog.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })); // the backdrop
    expect(dialog.open).to.equal(false);
  });

  it('submits from the dialog and reports a submitted close', async () => {
    const collector = await testCollector();
    const el = await mountWidget(collector, moodSurvey, { mode: 'launcher', store: '042' });
    await el.open();
    $$(el, 'dialog [role="radio"]')[4]!.click();
    await el.updateComplete;
    $(el, 'dialog button[type="submit"]')!.click();
    await el.updateComplete;
    const sent = nextEvent(el, 'storevoice-sent');
    $(el, 'dialog button[type="submit"]')!.click();
    await sent;
    const closed = nextEvent<{ submitted: boolean }>(el, 'storevoice-close');
    el.close();
    expect((await closed).detail.submitted).to.equal(true);
    expect((await collector.state()).storedCount).to.equal(1);
  });

  it('keeps a refused submission\'s "Try again" across close and reopen', async () => {
    const collector = await testCollector();
    await collector.fail({ status: 401, body: { error: 'unknown write key' } });
    const micro = { id: 'micro', questions: [{ id: 'mood', type: 'smiley' as const, prompt: 'How was it?' }] };
    const el = await mountWidget(collector, micro, { mode: 'launcher' });
    await el.open();
    const error = nextEvent(el, 'storevoice-error');
    $$(el, 'dialog [role="radio"]')[1]!.click();
    await error;
    const closed = nextEvent<{ submitted: boolean }>(el, 'storevoice-close');
    el.close();
    expect((await closed).detail.submitted).to.equal(false);
    await el.open();
    expect($(el, 'dialog .actions button')!.textContent!.trim()).to.equal('Try again');
    el.close();
  });

  it('does not open when the survey could not be loaded', async () => {
    const error = console.error;
    console.error = () => {};
    try {
      const collector = await testCollector();
      const el = await mountWidget(collector, 'no-such-survey', { mode: 'launcher' });
      await waitFor(() => !$(el, '[part~="launcher"]'), { message: 'unavailable' });
      await el.open();
      expect($(el, 'dialog')).to.equal(null);
    } finally {
      console.error = error;
    }
  });

  it('places the launcher where asked, above the page by a configurable z-index', async () => {
    const collector = await testCollector();
    const el = await mountWidget(collector, moodSurvey, { mode: 'launcher', position: 'bottom-left' });
    el.style.setProperty('--storevoice-z-index', '10');
    const launcher = $(el, '[part~="launcher"]')!;
    const style = getComputedStyle(launcher);
    expect(style.position).to.equal('fixed');
    expect(style.zIndex).to.equal('10');
    expect(launcher.getBoundingClientRect().left).to.be.below(100);
  });
});
