import { questionBaseStyles } from '../../../src/questions/internal/question.styles.js';
import { radioGroupStyles } from '../../../src/questions/internal/radio-group.js';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AnswerOf, QuestionOf } from '../../../sdk/index.js';
import { csatStyles, csatView } from '../../../src/questions/csat.js';
import { renderQuestion, type QuestionHost } from '../support/question-host.js';
import { checked, focused, group, press, radios, tabindexes } from '../support/rating-queries.js';

const service: QuestionOf<'csat'> = { id: 'service', type: 'csat', prompt: 'How satisfied are you with our service?' };
const render = (question = service, options: Parameters<typeof renderQuestion>[2] = {}) =>
  renderQuestion(csatView, question, { styles: [questionBaseStyles, radioGroupStyles, csatStyles], ...options });

const labels = (host: QuestionHost) => radios(host).map((r) => r.textContent?.trim());
const csat = (value: number): AnswerOf<'csat'> => ({ questionId: 'service', type: 'csat', value });

describe('csat question', () => {
  afterEach(() => document.querySelectorAll('test-question-host').forEach((host) => host.remove()));

  it('is accessible', async () => {
    const host = await render();
    await expect(host).to.be.accessible();
  });

  it('is accessible right-to-left, with an answer, and when invalid', async () => {
    const host = await render(service, { dir: 'rtl', answer: csat(5) });
    await expect(host).to.be.accessible();
    host.invalid = true;
    await host.updateComplete;
    await expect(host).to.be.accessible();
  });

  describe('rendering', () => {
    for (const width of [320, 480, 640, 800]) {
      it(`at ${width}px, shows the five boxes in one row or one per line, never splitting a word`, async () => {
        const host = await render();
        host.style.display = 'block';
        host.style.inlineSize = `${width}px`;
        await new Promise(requestAnimationFrame);
        const boxes = radios(host).map((r) => r.getBoundingClientRect());
        const rows = new Set(boxes.map((b) => Math.round(b.top))).size;
        expect([1, 5]).to.include(rows, `${rows} rows`);
        // A word broken across lines makes the label's longest line wider than a whole word needs:
        // compare each label's height with the lines its words need when laid out unbroken.
        for (const radio of radios(host)) {
          const words = (radio.textContent ?? '').trim().split(/\s+/);
          const probe = document.createElement('span');
          probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
          radio.append(probe);
          const widest = Math.max(
            ...words.map((word) => {
              probe.textContent = word;
              return probe.getBoundingClientRect().width;
            }),
          );
          probe.remove();
          const style = getComputedStyle(radio);
          const content = radio.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
          expect(widest, `"${radio.textContent?.trim()}" fits its box`).to.be.at.most(content + 0.5);
        }
      });
    }
    it('labels the five scores in words, worst to best', async () => {
      const host = await render();
      expect(labels(host)).to.deep.equal(['Very unsatisfied', 'Unsatisfied', 'Neutral', 'Satisfied', 'Very satisfied']);
      expect(tabindexes(host)).to.deep.equal([0, -1, -1, -1, -1]);
      expect(group(host).getAttribute('aria-labelledby')).to.equal('q-prompt');
    });

    it('takes the end labels from the survey, localized', async () => {
      const host = await render({ ...service, lowLabel: { en: 'Awful', fr: 'Nul' }, highLabel: { en: 'Superb', fr: 'Super' } }, { locale: 'fr-CA' });
      expect(labels(host)).to.deep.equal(['Nul', 'Unsatisfied', 'Neutral', 'Satisfied', 'Super']);
    });

    it('checks the current answer', async () => {
      const host = await render(service, { answer: csat(2) });
      expect(checked(host)).to.deep.equal(['false', 'true', 'false', 'false', 'false']);
      expect(tabindexes(host)).to.deep.equal([-1, 0, -1, -1, -1]);
    });

    it('ignores an answer of another type', async () => {
      const host = await render(service, { answer: { questionId: 'service', type: 'nps', value: 2 } });
      expect(checked(host)).to.deep.equal(['false', 'false', 'false', 'false', 'false']);
      expect(tabindexes(host)).to.deep.equal([0, -1, -1, -1, -1]);
    });
  });

  it('reports the clicked score', async () => {
    const host = await render();
    radios(host)[0]?.click();
    await host.updateComplete;
    expect(host.reported).to.deep.equal([csat(1)]);
    expect(checked(host)).to.deep.equal(['true', 'false', 'false', 'false', 'false']);
  });

  describe('keyboard', () => {
    it('Tab lands on the first score when none is checked', async () => {
      const host = await render();
      const before = document.createElement('button');
      host.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      before.remove();
      expect(focused(host)).to.equal(0);
    });

    it('arrows move and select; Home and End jump', async () => {
      const host = await render();
      radios(host)[0]?.focus();
      await press(host, 'ArrowRight');
      await press(host, 'ArrowDown');
      await press(host, 'End');
      await press(host, 'ArrowDown');
      await press(host, 'End');
      await press(host, 'Home');
      expect(host.reported).to.deep.equal([csat(2), csat(3), csat(5), csat(1), csat(5), csat(1)]);
      expect(checked(host)).to.deep.equal(['true', 'false', 'false', 'false', 'false']);
      expect(tabindexes(host)).to.deep.equal([0, -1, -1, -1, -1]);
    });

    it('swaps ArrowRight and ArrowLeft right-to-left', async () => {
      const host = await render(service, { dir: 'rtl' });
      radios(host)[0]?.focus();
      await press(host, 'ArrowRight');
      expect(focused(host)).to.equal(4);
      await press(host, 'ArrowLeft');
      expect(host.reported).to.deep.equal([csat(5), csat(1)]);
    });

    it('Space selects the focused score', async () => {
      const host = await render();
      radios(host)[3]?.focus();
      await press(host, 'Space');
      expect(host.reported).to.deep.equal([csat(4)]);
    });
  });

  it('marks the group invalid with the error as its description', async () => {
    const host = await render({ ...service, description: 'Think of today' });
    host.invalid = true;
    await host.updateComplete;
    expect(group(host).getAttribute('aria-invalid')).to.equal('true');
    expect(group(host).getAttribute('aria-describedby')).to.equal('q-description q-error');
  });

  it('uses at least 44px targets, 64px in kiosk mode', async () => {
    const web = await render();
    const kiosk = await render(service, { kiosk: true });
    for (const radio of radios(web)) expect(radio.getBoundingClientRect().height).to.be.within(44, 63);
    for (const radio of radios(kiosk)) expect(radio.getBoundingClientRect().height).to.be.at.least(64);
  });
});
