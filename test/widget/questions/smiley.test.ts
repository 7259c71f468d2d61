import { expect } from '@open-wc/testing';
import type { AnswerOf, QuestionOf } from '../../../sdk/index.js';
import { smileyStyles, smileyView } from '../../../src/questions/smiley.js';
import { describeRatingQuestion } from '../support/describe-rating-question.js';
import { checked, press, radios } from '../support/rating-queries.js';

const mood: QuestionOf<'smiley'> = { id: 'mood', type: 'smiley', prompt: { en: 'How was your visit?', de: 'Wie war Ihr Besuch?' }, required: true };
const smiley = (value: number): AnswerOf<'smiley'> => ({ questionId: 'mood', type: 'smiley', value });

describeRatingQuestion({ name: 'smiley question', view: smileyView, styles: smileyStyles, question: mood, values: [1, 2, 3, 4, 5] }, ({ render }) => {
  describe('faces', () => {
    it('shows five faces by default, worst to best, each named by its visible label', async () => {
      const host = await render();
      expect(radios(host).map((r) => r.textContent?.trim())).to.deep.equal(['Very bad', 'Bad', 'Okay', 'Good', 'Very good']);
      expect(radios(host).map((r) => r.querySelectorAll('svg').length)).to.deep.equal([1, 1, 1, 1, 1]);
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

    it('arrows step over the missing scores of a 3-face smiley', async () => {
      const host = await render({ ...mood, faces: 3 });
      radios(host)[0]?.focus();
      await press(host, 'ArrowRight');
      await press(host, 'ArrowRight');
      expect(host.reported).to.deep.equal([smiley(3), smiley(5)]);
      expect(checked(host)).to.deep.equal(['false', 'false', 'true']);
    });

    it('mirrors the row right-to-left: the worst face is on the right', async () => {
      const host = await render(mood, { dir: 'rtl' });
      const [worst, , , , best] = radios(host).map((r) => r.getBoundingClientRect().left);
      expect(worst).to.be.greaterThan(best as number);
    });
  });

  describe('size', () => {
    it('makes every face at least 44px wide too', async () => {
      const host = await render();
      for (const radio of radios(host)) expect(radio.getBoundingClientRect().width).to.be.at.least(44);
    });

    it('draws 64px faces in kiosk mode, on targets at least as wide', async () => {
      const host = await render(mood, { kiosk: true });
      for (const radio of radios(host)) {
        expect(radio.getBoundingClientRect().width).to.be.at.least(64);
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
