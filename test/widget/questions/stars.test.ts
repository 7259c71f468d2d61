import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { QuestionOf } from '../../../sdk/index.js';
import { starsStyles, starsView } from '../../../src/questions/stars.js';
import { describeRatingQuestion } from '../support/describe-rating-question.js';
import type { QuestionHost } from '../support/question-host.js';
import { focused, press, radios } from '../support/rating-queries.js';

const rating: QuestionOf<'stars'> = { id: 'rating', type: 'stars', prompt: 'Rate the store' };

/** How many stars are drawn filled (filled stars are painted in the accent colour, empty ones are transparent). */
const filled = (host: QuestionHost) =>
  radios(host).filter((r) => getComputedStyle(r.querySelector('svg') as SVGElement).fill !== 'rgba(0, 0, 0, 0)').length;

describeRatingQuestion({ name: 'stars question', view: starsView, styles: starsStyles, question: rating, values: [1, 2, 3, 4, 5] }, ({ render, answer }) => {
  afterEach(() => resetMouse());

  describe('stars', () => {
    it('names each star "n of 5 stars" and hides its drawing', async () => {
      const host = await render();
      expect(radios(host).map((r) => r.getAttribute('aria-label'))).to.deep.equal(['1 of 5 stars', '2 of 5 stars', '3 of 5 stars', '4 of 5 stars', '5 of 5 stars']);
      expect(radios(host).map((r) => r.querySelector('svg')?.getAttribute('aria-hidden'))).to.deep.equal(['true', 'true', 'true', 'true', 'true']);
    });

    it('fills the stars up to the answer, and none without one', async () => {
      expect(filled(await render(rating, { answer: answer(3) }))).to.equal(3);
      expect(filled(await render())).to.equal(0);
    });

    it('fills them all after End', async () => {
      const host = await render(rating, { answer: answer(2) });
      radios(host)[1]?.focus();
      await press(host, 'End');
      expect(filled(host)).to.equal(5);
    });
  });

  describe('preview', () => {
    it('fills up to the hovered star, and back to the answer when the pointer leaves', async () => {
      const host = await render(rating, { answer: answer(2) });
      const { x, y, width, height } = (radios(host)[3] as HTMLElement).getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(x + width / 2), Math.round(y + height / 2)] });
      expect(filled(host)).to.equal(4);
      await resetMouse();
      expect(filled(host)).to.equal(2);
      expect(host.reported).to.deep.equal([]);
    });

    it('fills up to the keyboard-focused star', async () => {
      const host = await render();
      const before = document.createElement('button');
      host.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      before.remove();
      expect(focused(host)).to.equal(0);
      expect(filled(host)).to.equal(1);
    });
  });

  it('keeps its targets under 64px on the web, and exactly 64px in kiosk mode', async () => {
    const web = await render();
    const kiosk = await render(rating, { kiosk: true });
    for (const radio of radios(web)) expect(radio.getBoundingClientRect().height).to.be.below(64);
    expect(radios(kiosk).map((r) => Math.round(r.getBoundingClientRect().height))).to.deep.equal([64, 64, 64, 64, 64]);
  });
});
