import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { SurveyDefinition } from '../../../sdk/index.js';
import { testCollector } from '../../support/collector.js';
import { $, $$, moodSurvey, mountWidget } from '../helpers.js';
import { fakeClock, microSurvey, mountKiosk, npsFirstSurvey, restoreClock, screenOf, tap, textOf, until } from './support.js';

/** What the seeded store-exit survey is like: English and Swedish, a language the widget's own words are not in. */
const swedishSurvey: SurveyDefinition = {
  id: 'kiosk-en-sv',
  title: { en: 'How was your visit?', sv: 'Hur var ditt besök?' },
  questions: [
    { id: 'mood', type: 'smiley', prompt: { en: 'How was your visit today?', sv: 'Hur var ditt besök idag?' }, required: true },
    { id: 'comment', type: 'text', prompt: { en: 'Anything else?', sv: 'Något mer?' } },
  ],
  thankYou: { en: 'Thank you!', sv: 'Tack!' },
};

const languageButtons = (el: HTMLElement & { shadowRoot: ShadowRoot | null }) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.sv-kiosk .attract .languages button')].map((b) => b.textContent?.trim());

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe('kiosk: what customers see on the attract screen', () => {
  afterEach(async () => {
    restoreClock();
    await setViewport({ width: 800, height: 600 });
  });

  it('offers a button per language the survey is written in, without a languages attribute', async () => {
    fakeClock();
    const el = await mountKiosk(await testCollector(), swedishSurvey, { locale: 'en' });
    expect(languageButtons(el)).to.deep.equal(['English', 'Svenska']);
    const svenska = $$<HTMLButtonElement>(el, '.sv-kiosk .languages button')[1]!;
    expect(svenska.getAttribute('lang')).to.equal('sv');
    expect(svenska.getAttribute('aria-pressed')).to.equal('false');
    await tap(svenska);
    await until(el, () => textOf(el).includes('Hur var ditt besök idag?'), 'the Swedish prompt');
    expect($$<HTMLButtonElement>(el, '.sv-kiosk .languages button')[1]!.getAttribute('aria-pressed')).to.equal('true');
    const french = await mountKiosk(await testCollector(), microSurvey);
    expect(languageButtons(french)).to.deep.equal(['English', 'Français']);
  });

  it('shows no language buttons for a survey in one language, and keeps an explicit languages list', async () => {
    fakeClock();
    expect(languageButtons(await mountKiosk(await testCollector(), npsFirstSurvey))).to.deep.equal([]);
    // A language that neither the widget nor the survey speaks gets no button; the list's order stays.
    expect(languageButtons(await mountKiosk(await testCollector(), swedishSurvey, { languages: 'fr,sv,xx,en' }))).to.deep.equal(['Français', 'Svenska', 'English']);
  });

  it('has no "required" marker on a one-question attract screen, but keeps it on the survey screens', async () => {
    fakeClock();
    const el = await mountKiosk(await testCollector(), swedishSurvey);
    expect($(el, '.sv-kiosk .attract .prompt')).to.exist;
    expect($(el, '.sv-kiosk .attract .required')).to.equal(null);
    expect($(el, '.sv-kiosk .attract .prompt')!.textContent).not.to.contain('required');
    const nps = await mountKiosk(await testCollector(), npsFirstSurvey);
    await tap($<HTMLButtonElement>(nps, '.sv-kiosk .start')!);
    await until(nps, () => screenOf(nps) === 'survey');
    expect($(nps, '.sv-kiosk .prompt .required')).to.exist;
  });

  it('colours each face differently and tells them apart without colour: own mouth, own visible label', async () => {
    fakeClock();
    const el = await mountKiosk(await testCollector(), swedishSurvey);
    const faces = $$(el, '.sv-kiosk .attract .smiley [role="radio"]');
    expect(faces).to.have.length(5);
    const fills = faces.map((f) => getComputedStyle(f.querySelector('.face')!).fill);
    expect(new Set(fills).size, `fills ${fills.join(' | ')}`).to.equal(5);
    const mouths = faces.map((f) => f.querySelector('.mouth')!.getAttribute('d'));
    expect(new Set(mouths).size).to.equal(5);
    const labels = faces.map((f) => f.querySelector<HTMLElement>('.label')!);
    expect(labels.map((l) => l.textContent?.trim())).to.deep.equal(['Very bad', 'Bad', 'Okay', 'Good', 'Very good']);
    for (const label of labels) expect(label.getBoundingClientRect().height, 'a visible label').to.be.above(8);
    // Red to green: the first face's tint is redder than it is green, the last greener than red.
    const rgb = (fill: string) => (fill.match(/[\d.]+/g) ?? []).map(Number);
    const [r1, g1] = rgb(fills[0]!);
    const [r5, g5] = rgb(fills[4]!);
    expect(r1! > g1! && g5! > r5!, `fills ${fills[0]} … ${fills[4]}`).to.equal(true);
    // The chosen face is marked by more than its colour: a thicker outline (inline, where it stays on screen).
    const inline = await mountWidget(await testCollector(), moodSurvey);
    const inlineFaces = $$(inline, '.smiley [role="radio"]');
    inlineFaces[3]!.click();
    await inline.updateComplete;
    expect(inlineFaces[3]!.getAttribute('aria-checked')).to.equal('true');
    const width = (i: number) => Number.parseFloat(getComputedStyle(inlineFaces[i]!.querySelector('.face')!).strokeWidth);
    expect(width(3)).to.be.above(width(0));
  });

  for (const size of SIZES) {
    it(`is accessible with its language buttons at ${size.name} size (${size.width} × ${size.height}), keyboard included`, async () => {
      fakeClock();
      await setViewport({ width: size.width, height: size.height });
      const el = await mountKiosk(await testCollector(), swedishSurvey);
      await expect(el).to.be.accessible();
      const buttons = $$<HTMLButtonElement>(el, '.sv-kiosk .languages button');
      for (const button of buttons) {
        const box = button.getBoundingClientRect();
        expect(box.height, 'a 44 px touch target').to.be.at.least(44);
        expect(box.right).to.be.at.most(size.width + 0.5);
      }
      buttons[1]!.focus();
      buttons[1]!.click(); // a keyboard's Enter or Space on a <button> is a click
      await until(el, () => textOf(el).includes('Hur var ditt besök idag?'));
      await expect(el).to.be.accessible();
    });
  }
});
