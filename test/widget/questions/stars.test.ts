import { questionBaseStyles } from '../../../src/questions/internal/question.styles.js';
import { radioGroupStyles } from '../../../src/questions/internal/radio-group.js';
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { AnswerOf, QuestionOf } from '../../../sdk/index.js';
import { starsStyles, starsView } from '../../../src/questions/stars.js';
import { renderQuestion, type QuestionHost } from '../support/question-host.js';
import { checked, focused, group, press, radios, root, tabindexes } from '../support/rating-queries.js';

const rating: QuestionOf<'stars'> = { id: 'rating', type: 'stars', prompt: 'Rate the store' };
const render = (question = rating, options: Parameters<typeof renderQuestion>[2] = {}) =>
  renderQuestion(starsView, question, { styles: [questionBaseStyles, radioGroupStyles, starsStyles], ...options });

/** How many stars are drawn filled (filled stars are painted in the accent colour, empty ones are transparent). */
const filled = (host: QuestionHost) =>
  radios(host).filter((r) => getComputedStyle(r.querySelector('svg') as SVGElement).fill !== 'rgba(0, 0, 0, 0)').length;
const stars = (value: number): AnswerOf<'stars'> => ({ questionId: 'rating', type: 'stars', value });

describe('stars question', () => {
  afterEach(async () => {
    document.querySelectorAll('test-question-host').forEach((host) => host.remove());
    await resetMouse();
  });

  it('is accessible', async () => {
    const host = await render();
    await expect(host).to.be.accessible();
  });

  it('is accessible right-to-left, with an answer, and when invalid', async () => {
    const host = await render(rating, { dir: 'rtl', answer: stars(3) });
    await expect(host).to.be.accessible();
    host.invalid = true;
    await host.updateComplete;
    await expect(host).to.be.accessible();
  });

  describe('rendering', () => {
    it('shows five star radios named "n of 5 stars"', async () => {
      const host = await render();
      expect(radios(host).map((r) => r.getAttribute('aria-label'))).to.deep.equal([
        '1 of 5 stars',
        '2 of 5 stars',
        '3 of 5 stars',
        '4 of 5 stars',
        '5 of 5 stars',
      ]);
      expect(radios(host).map((r) => r.querySelector('svg')?.getAttribute('aria-hidden'))).to.deep.equal(['true', 'true', 'true', 'true', 'true']);
      expect(group(host).getAttribute('aria-labelledby')).to.equal('q-prompt');
      expect(root(host).getElementById('q-prompt')?.textContent?.trim()).to.equal('Rate the store');
    });

    it('fills the stars up to the answer, checking only that one', async () => {
      const host = await render(rating, { answer: stars(3) });
      expect(filled(host)).to.equal(3);
      expect(checked(host)).to.deep.equal(['false', 'false', 'true', 'false', 'false']);
      expect(tabindexes(host)).to.deep.equal([-1, -1, 0, -1, -1]);
    });

    it('draws no star filled and the first tabbable without an answer', async () => {
      const host = await render();
      expect(filled(host)).to.equal(0);
      expect(tabindexes(host)).to.deep.equal([0, -1, -1, -1, -1]);
    });
  });

  describe('preview', () => {
    it('fills up to the hovered star, and back to the answer when the pointer leaves', async () => {
      const host = await render(rating, { answer: stars(2) });
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

  describe('pointer', () => {
    it('reports the clicked star', async () => {
      const host = await render();
      radios(host)[4]?.click();
      await host.updateComplete;
      expect(host.reported).to.deep.equal([stars(5)]);
      expect(checked(host)).to.deep.equal(['false', 'false', 'false', 'false', 'true']);
      expect(tabindexes(host)).to.deep.equal([-1, -1, -1, -1, 0]);
    });

    it('keeps the answer when the checked star is clicked again', async () => {
      const host = await render(rating, { answer: stars(1) });
      radios(host)[0]?.click();
      await host.updateComplete;
      expect(host.reported).to.deep.equal([stars(1)]);
      expect(checked(host)).to.deep.equal(['true', 'false', 'false', 'false', 'false']);
    });
  });

  describe('keyboard', () => {
    it('arrows move and select, wrapping; Home and End jump', async () => {
      const host = await render(rating, { answer: stars(4) });
      radios(host)[3]?.focus();
      await press(host, 'ArrowRight');
      await press(host, 'ArrowRight');
      expect(focused(host)).to.equal(0);
      await press(host, 'ArrowLeft');
      await press(host, 'Home');
      await press(host, 'ArrowUp');
      await press(host, 'Home');
      await press(host, 'End');
      expect(focused(host)).to.equal(4);
      expect(host.reported).to.deep.equal([stars(5), stars(1), stars(5), stars(1), stars(5), stars(1), stars(5)]);
      expect(filled(host)).to.equal(5);
    });

    it('swaps ArrowRight and ArrowLeft right-to-left', async () => {
      const host = await render(rating, { dir: 'rtl', answer: stars(2) });
      radios(host)[1]?.focus();
      await press(host, 'ArrowLeft');
      expect(focused(host)).to.equal(2);
      await press(host, 'ArrowRight');
      await press(host, 'ArrowRight');
      expect(host.reported).to.deep.equal([stars(3), stars(2), stars(1)]);
    });

    it('Space selects the focused star', async () => {
      const host = await render();
      radios(host)[2]?.focus();
      await press(host, 'Space');
      expect(host.reported).to.deep.equal([stars(3)]);
      expect(checked(host)).to.deep.equal(['false', 'false', 'true', 'false', 'false']);
    });
  });

  it('marks the group invalid with the error as its description', async () => {
    const host = await render();
    host.invalid = true;
    await host.updateComplete;
    expect(group(host).getAttribute('aria-invalid')).to.equal('true');
    expect(group(host).getAttribute('aria-describedby')).to.equal('q-error');
  });

  it('uses at least 44px targets, 64px in kiosk mode', async () => {
    const web = await render();
    const kiosk = await render(rating, { kiosk: true });
    for (const radio of radios(web)) expect(radio.getBoundingClientRect().height).to.be.within(44, 63);
    expect(radios(kiosk).map((r) => Math.round(r.getBoundingClientRect().height))).to.deep.equal([64, 64, 64, 64, 64]);
  });
});
