import { questionBaseStyles } from '../../../src/questions/internal/question.styles.js';
import { radioGroupStyles } from '../../../src/questions/internal/radio-group.js';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AnswerOf, QuestionOf } from '../../../sdk/index.js';
import { npsStyles, npsView } from '../../../src/questions/nps.js';
import { renderQuestion, type QuestionHost } from '../support/question-host.js';
import { focused, group, press, radios, root } from '../support/rating-queries.js';

const recommend: QuestionOf<'nps'> = { id: 'recommend', type: 'nps', prompt: 'Would you recommend us?', required: true };
const render = (question = recommend, options: Parameters<typeof renderQuestion>[2] = {}) =>
  renderQuestion(npsView, question, { styles: [questionBaseStyles, radioGroupStyles, npsStyles], ...options });

const checkedIndex = (host: QuestionHost) => radios(host).findIndex((r) => r.getAttribute('aria-checked') === 'true');
const tabbable = (host: QuestionHost) => radios(host).filter((r) => r.tabIndex === 0).map((r) => r.textContent?.trim());
const rows = (host: QuestionHost) => new Set(radios(host).map((r) => Math.round(r.getBoundingClientRect().top))).size;
const text = (host: QuestionHost, id: string) => root(host).getElementById(id)?.textContent?.trim();
const nps = (value: number): AnswerOf<'nps'> => ({ questionId: 'recommend', type: 'nps', value });

describe('nps question', () => {
  afterEach(() => document.querySelectorAll('test-question-host').forEach((host) => host.remove()));

  it('is accessible', async () => {
    const host = await render();
    await expect(host).to.be.accessible();
  });

  it('is accessible right-to-left, with an answer, and when invalid', async () => {
    const host = await render(recommend, { dir: 'rtl', answer: nps(0) });
    await expect(host).to.be.accessible();
    host.invalid = true;
    await host.updateComplete;
    await expect(host).to.be.accessible();
  });

  describe('rendering', () => {
    it('shows 0 to 10 in order, none checked, 0 tabbable', async () => {
      const host = await render();
      expect(radios(host).map((r) => r.textContent?.trim())).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      expect(checkedIndex(host)).to.equal(-1);
      expect(tabbable(host)).to.deep.equal(['0']);
    });

    it('describes the group with the default end labels', async () => {
      const host = await render();
      expect(group(host).getAttribute('aria-describedby')).to.equal('q-low q-high');
      expect(text(host, 'q-low')).to.equal('Not at all likely');
      expect(text(host, 'q-high')).to.equal('Extremely likely');
    });

    it('uses the survey’s localized end labels', async () => {
      const question = { ...recommend, lowLabel: { en: 'Never', de: 'Nie' }, highLabel: 'Always' };
      const host = await render(question, { locale: 'de' });
      expect(text(host, 'q-low')).to.equal('Nie');
      expect(text(host, 'q-high')).to.equal('Always');
    });

    it('checks a score of 0', async () => {
      const host = await render(recommend, { answer: nps(0) });
      expect(checkedIndex(host)).to.equal(0);
      expect(tabbable(host)).to.deep.equal(['0']);
    });

    it('fits one row on a wide screen and wraps on a narrow one', async () => {
      const host = await render();
      host.style.inlineSize = '700px';
      expect(rows(host)).to.equal(1);
      host.style.inlineSize = '300px';
      expect(rows(host)).to.be.greaterThan(1);
      expect(group(host).scrollWidth).to.be.at.most(group(host).clientWidth);
    });
  });

  describe('pointer', () => {
    it('reports the clicked score', async () => {
      const host = await render();
      radios(host)[9]?.click();
      await host.updateComplete;
      expect(host.reported).to.deep.equal([nps(9)]);
      expect(checkedIndex(host)).to.equal(9);
      expect(tabbable(host)).to.deep.equal(['9']);
    });
  });

  describe('keyboard', () => {
    it('Tab lands on the checked score', async () => {
      const host = await render(recommend, { answer: nps(7) });
      const before = document.createElement('button');
      host.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      before.remove();
      expect(focused(host)).to.equal(7);
    });

    it('arrows move and select, wrapping from 0 to 10; Home and End jump', async () => {
      const host = await render();
      radios(host)[0]?.focus();
      await press(host, 'ArrowLeft');
      expect(focused(host)).to.equal(10);
      await press(host, 'ArrowDown');
      await press(host, 'End');
      await press(host, 'ArrowUp');
      await press(host, 'Home');
      expect(host.reported).to.deep.equal([nps(10), nps(0), nps(10), nps(9), nps(0)]);
      expect(checkedIndex(host)).to.equal(0);
    });

    it('swaps ArrowRight and ArrowLeft right-to-left', async () => {
      const host = await render(recommend, { dir: 'rtl', answer: nps(5) });
      radios(host)[5]?.focus();
      await press(host, 'ArrowRight');
      await press(host, 'ArrowLeft');
      await press(host, 'ArrowLeft');
      expect(host.reported).to.deep.equal([nps(4), nps(5), nps(6)]);
      expect(focused(host)).to.equal(6);
    });

    it('Enter selects the focused score', async () => {
      const host = await render();
      radios(host)[3]?.focus();
      await press(host, 'Enter');
      expect(host.reported).to.deep.equal([nps(3)]);
    });
  });

  it('adds the error to the description when invalid', async () => {
    const host = await render();
    host.invalid = true;
    await host.updateComplete;
    expect(group(host).getAttribute('aria-invalid')).to.equal('true');
    expect(group(host).getAttribute('aria-describedby')).to.equal('q-low q-high q-error');
  });

  it('uses 44px targets, 64px in kiosk mode', async () => {
    const web = await render();
    const kiosk = await render(recommend, { kiosk: true });
    expect(radios(web).map((r) => Math.round(r.getBoundingClientRect().height))).to.deep.equal(Array(11).fill(44));
    expect(radios(kiosk).map((r) => Math.round(r.getBoundingClientRect().height))).to.deep.equal(Array(11).fill(64));
  });
});
