import { questionBaseStyles } from '../../../src/questions/internal/question.styles.js';
import { radioGroupStyles } from '../../../src/questions/internal/radio-group.js';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AnswerOf, QuestionOf } from '../../../sdk/index.js';
import { smileyStyles, smileyView } from '../../../src/questions/smiley.js';
import { renderQuestion, type QuestionHost } from '../support/question-host.js';
import { checked, focused, group, press, radios, root, tabindexes } from '../support/rating-queries.js';

const mood: QuestionOf<'smiley'> = { id: 'mood', type: 'smiley', prompt: { en: 'How was your visit?', de: 'Wie war Ihr Besuch?' }, required: true };
const render = (question = mood, options: Parameters<typeof renderQuestion>[2] = {}) =>
  renderQuestion(smileyView, question, { styles: [questionBaseStyles, radioGroupStyles, smileyStyles], ...options });

const smiley = (value: number): AnswerOf<'smiley'> => ({ questionId: 'mood', type: 'smiley', value });

describe('smiley question', () => {
  afterEach(() => document.querySelectorAll('test-question-host').forEach((host) => host.remove()));

  it('is accessible', async () => {
    const host = await render();
    await expect(host).to.be.accessible();
  });

  it('is accessible right-to-left, with an answer, and when invalid', async () => {
    const host = await render(mood, { dir: 'rtl', answer: smiley(2) });
    await expect(host).to.be.accessible();
    host.invalid = true;
    await host.updateComplete;
    await expect(host).to.be.accessible();
  });

  describe('rendering', () => {
    it('shows five faces by default, worst to best, each named by its visible label', async () => {
      const host = await render();
      expect(radios(host).map((r) => r.textContent?.trim())).to.deep.equal(['Very bad', 'Bad', 'Okay', 'Good', 'Very good']);
      expect(radios(host).map((r) => r.querySelectorAll('svg').length)).to.deep.equal([1, 1, 1, 1, 1]);
      expect(radios(host).every((r) => r.tagName === 'BUTTON' && r.getAttribute('type') === 'button')).to.equal(true);
    });

    it('draws a different mouth on every face', async () => {
      const host = await render();
      const mouths = radios(host).map((r) => r.querySelector('path')?.getAttribute('d'));
      expect(new Set(mouths).size).to.equal(5);
    });

    it('shows three faces scored 1, 3 and 5', async () => {
      const host = await render({ ...mood, faces: 3 });
      expect(radios(host).map((r) => r.textContent?.trim())).to.deep.equal(['Very bad', 'Okay', 'Very good']);
      for (const radio of radios(host)) radio.click();
      expect(host.reported).to.deep.equal([smiley(1), smiley(3), smiley(5)]);
    });

    it('labels the group with the localized prompt, its description and a required marker', async () => {
      const host = await render({ ...mood, description: 'Be honest' }, { locale: 'de-AT' });
      expect(group(host).getAttribute('aria-labelledby')).to.equal('q-prompt');
      expect(root(host).getElementById('q-prompt')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Wie war Ihr Besuch? required');
      expect(group(host).getAttribute('aria-describedby')).to.equal('q-description');
      expect(root(host).getElementById('q-description')?.textContent).to.equal('Be honest');
    });

    it('has no required marker nor description when the question has none', async () => {
      const host = await render({ id: 'mood', type: 'smiley', prompt: 'Mood?' });
      expect(root(host).getElementById('q-prompt')?.textContent?.trim()).to.equal('Mood?');
      expect(group(host).hasAttribute('aria-describedby')).to.equal(false);
      expect(root(host).querySelector('.required')).to.equal(null);
    });

    it('checks the radio of the current answer', async () => {
      const host = await render(mood, { answer: smiley(4) });
      expect(checked(host)).to.deep.equal(['false', 'false', 'false', 'true', 'false']);
      expect(tabindexes(host)).to.deep.equal([-1, -1, -1, 0, -1]);
    });

    it('keeps the first face tabbable when nothing is checked', async () => {
      const host = await render();
      expect(checked(host)).to.deep.equal(['false', 'false', 'false', 'false', 'false']);
      expect(tabindexes(host)).to.deep.equal([0, -1, -1, -1, -1]);
    });
  });

  describe('pointer', () => {
    it('reports the tapped face and checks it', async () => {
      const host = await render();
      radios(host)[3]?.click();
      await host.updateComplete;
      expect(host.reported).to.deep.equal([smiley(4)]);
      expect(checked(host)).to.deep.equal(['false', 'false', 'false', 'true', 'false']);
      expect(tabindexes(host)).to.deep.equal([-1, -1, -1, 0, -1]);
    });

    it('keeps the answer when the checked face is tapped again', async () => {
      const host = await render();
      radios(host)[1]?.click();
      await host.updateComplete;
      radios(host)[1]?.click();
      await host.updateComplete;
      expect(host.reported).to.deep.equal([smiley(2), smiley(2)]);
      expect(checked(host)).to.deep.equal(['false', 'true', 'false', 'false', 'false']);
    });
  });

  describe('keyboard', () => {
    async function tabInto(host: QuestionHost) {
      const before = document.createElement('button');
      before.textContent = 'before';
      host.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      before.remove();
    }

    it('Tab lands on the first face when nothing is checked', async () => {
      const host = await render();
      await tabInto(host);
      expect(focused(host)).to.equal(0);
      expect(host.reported).to.deep.equal([]);
    });

    it('Tab lands on the checked face', async () => {
      const host = await render(mood, { answer: smiley(3) });
      await tabInto(host);
      expect(focused(host)).to.equal(2);
    });

    it('arrows move focus and select, wrapping at both ends', async () => {
      const host = await render();
      radios(host)[0]?.focus();
      await press(host, 'ArrowRight');
      expect(focused(host)).to.equal(1);
      expect(checked(host)).to.deep.equal(['false', 'true', 'false', 'false', 'false']);
      expect(tabindexes(host)).to.deep.equal([-1, 0, -1, -1, -1]);
      await press(host, 'ArrowDown');
      await press(host, 'ArrowLeft');
      await press(host, 'ArrowUp');
      await press(host, 'ArrowUp');
      expect(focused(host)).to.equal(4);
      await press(host, 'ArrowRight');
      expect(focused(host)).to.equal(0);
      expect(host.reported).to.deep.equal([smiley(2), smiley(3), smiley(2), smiley(1), smiley(5), smiley(1)]);
    });

    it('Home and End go to the worst and best faces', async () => {
      const host = await render(mood, { answer: smiley(3) });
      radios(host)[2]?.focus();
      await press(host, 'End');
      expect(focused(host)).to.equal(4);
      await press(host, 'Home');
      expect(focused(host)).to.equal(0);
      expect(host.reported).to.deep.equal([smiley(5), smiley(1)]);
    });

    it('arrows step over the missing scores of a 3-face smiley', async () => {
      const host = await render({ ...mood, faces: 3 });
      radios(host)[0]?.focus();
      await press(host, 'ArrowRight');
      await press(host, 'ArrowRight');
      expect(host.reported).to.deep.equal([smiley(3), smiley(5)]);
      expect(checked(host)).to.deep.equal(['false', 'false', 'true']);
    });

    it('swaps ArrowRight and ArrowLeft right-to-left, but not Up and Down', async () => {
      const host = await render(mood, { dir: 'rtl', answer: smiley(3) });
      radios(host)[2]?.focus();
      await press(host, 'ArrowRight');
      expect(focused(host)).to.equal(1);
      await press(host, 'ArrowLeft');
      await press(host, 'ArrowLeft');
      await press(host, 'ArrowDown');
      expect(host.reported).to.deep.equal([smiley(2), smiley(3), smiley(4), smiley(5)]);
    });

    it('mirrors the row right-to-left: the worst face is on the right', async () => {
      const host = await render(mood, { dir: 'rtl' });
      const [worst, , , , best] = radios(host).map((r) => r.getBoundingClientRect().left);
      expect(worst).to.be.greaterThan(best as number);
    });

    it('Space and Enter select the focused face', async () => {
      const host = await render();
      radios(host)[3]?.focus();
      await press(host, 'Space');
      expect(host.reported).to.deep.equal([smiley(4)]);
      radios(host)[4]?.focus();
      await press(host, 'Enter');
      expect(host.reported).to.deep.equal([smiley(4), smiley(5)]);
      expect(checked(host)).to.deep.equal(['false', 'false', 'false', 'false', 'true']);
    });

    it('ignores other keys', async () => {
      const host = await render();
      radios(host)[0]?.focus();
      await press(host, 'a');
      await press(host, 'Control+ArrowRight');
      expect(host.reported).to.deep.equal([]);
      expect(focused(host)).to.equal(0);
    });
  });

  describe('validation', () => {
    it('marks the group invalid and describes it with the error', async () => {
      const host = await render({ ...mood, description: 'Be honest' });
      expect(group(host).hasAttribute('aria-invalid')).to.equal(false);
      host.invalid = true;
      await host.updateComplete;
      expect(group(host).getAttribute('aria-invalid')).to.equal('true');
      expect(group(host).getAttribute('aria-describedby')).to.equal('q-description q-error');
    });
  });

  describe('size', () => {
    it('makes every face at least 44px by default', async () => {
      const host = await render();
      for (const radio of radios(host)) {
        const { width, height } = radio.getBoundingClientRect();
        expect(Math.min(width, height)).to.be.at.least(44);
      }
    });

    it('makes every face at least 64px in kiosk mode', async () => {
      const host = await render(mood, { kiosk: true });
      for (const radio of radios(host)) {
        const { width, height } = radio.getBoundingClientRect();
        expect(Math.min(width, height)).to.be.at.least(64);
        expect(radio.querySelector('svg')?.getBoundingClientRect().width).to.equal(64);
      }
    });

    it('honours a bigger themed target size in kiosk mode', async () => {
      const host = await render(mood, { kiosk: true });
      host.style.setProperty('--storevoice-target-size', '80px');
      expect(radios(host)[0]?.querySelector('svg')?.getBoundingClientRect().width).to.equal(80);
    });
  });
});
