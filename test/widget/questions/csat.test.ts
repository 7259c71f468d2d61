import { expect } from '@open-wc/testing';
import type { QuestionOf } from '../../../sdk/index.js';
import { csatStyles, csatView } from '../../../src/questions/csat.js';
import { describeRatingQuestion } from '../support/describe-rating-question.js';
import type { QuestionHost } from '../support/question-host.js';
import { radios } from '../support/rating-queries.js';

const service: QuestionOf<'csat'> = { id: 'service', type: 'csat', prompt: 'How satisfied are you with our service?' };

const labels = (host: QuestionHost) => radios(host).map((r) => r.textContent?.trim());

describeRatingQuestion({ name: 'csat question', view: csatView, styles: csatStyles, question: service, values: [1, 2, 3, 4, 5] }, ({ render }) => {
  describe('labels', () => {
    it('labels the five scores in words, worst to best', async () => {
      const host = await render();
      expect(labels(host)).to.deep.equal(['Very unsatisfied', 'Unsatisfied', 'Neutral', 'Satisfied', 'Very satisfied']);
    });

    it('takes the end labels from the survey, localized', async () => {
      const host = await render({ ...service, lowLabel: { en: 'Awful', fr: 'Nul' }, highLabel: { en: 'Superb', fr: 'Super' } }, { locale: 'fr-CA' });
      expect(labels(host)).to.deep.equal(['Nul', 'Unsatisfied', 'Neutral', 'Satisfied', 'Super']);
    });
  });

  describe('layout', () => {
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

    it('keeps its targets under 64px on the web', async () => {
      const host = await render();
      for (const radio of radios(host)) expect(radio.getBoundingClientRect().height).to.be.below(64);
    });
  });
});
