import { expect } from '@open-wc/testing';
import type { QuestionOf } from '../../../sdk/index.js';
import { npsStyles, npsView } from '../../../src/questions/nps.js';
import { describeRatingQuestion } from '../support/describe-rating-question.js';
import type { QuestionHost } from '../support/question-host.js';
import { group, radios, root } from '../support/rating-queries.js';

const recommend: QuestionOf<'nps'> = { id: 'recommend', type: 'nps', prompt: 'Would you recommend us?', required: true };
const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

const rows = (host: QuestionHost) => new Set(radios(host).map((r) => Math.round(r.getBoundingClientRect().top))).size;
const text = (host: QuestionHost, id: string) => root(host).getElementById(id)?.textContent?.trim();

describeRatingQuestion(
  { name: 'nps question', view: npsView, styles: npsStyles, question: recommend, values: SCORES, describedBy: ['q-low', 'q-high'] },
  ({ render }) => {
    describe('scale', () => {
      it('shows 0 to 10 in order', async () => {
        const host = await render();
        expect(radios(host).map((r) => r.textContent?.trim())).to.deep.equal(SCORES.map(String));
      });

      it('describes the group with the default end labels', async () => {
        const host = await render();
        expect(text(host, 'q-low')).to.equal('Not at all likely');
        expect(text(host, 'q-high')).to.equal('Extremely likely');
      });

      it('uses the survey’s localized end labels', async () => {
        const question = { ...recommend, lowLabel: { en: 'Never', de: 'Nie' }, highLabel: 'Always' };
        const host = await render(question, { locale: 'de' });
        expect(text(host, 'q-low')).to.equal('Nie');
        expect(text(host, 'q-high')).to.equal('Always');
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

    it('uses exactly 44px targets, 64px in kiosk mode', async () => {
      const web = await render();
      const kiosk = await render(recommend, { kiosk: true });
      expect(radios(web).map((r) => Math.round(r.getBoundingClientRect().height))).to.deep.equal(Array(11).fill(44));
      expect(radios(kiosk).map((r) => Math.round(r.getBoundingClientRect().height))).to.deep.equal(Array(11).fill(64));
    });
  },
);
