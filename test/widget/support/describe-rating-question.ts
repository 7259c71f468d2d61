import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CSSResult } from 'lit';
import type { AnswerOf, QuestionOf } from '../../../sdk/index.js';
import { questionBaseStyles } from '../../../src/questions/internal/question.styles.js';
import { radioGroupStyles, type RatingQuestion } from '../../../src/questions/internal/radio-group.js';
import type { QuestionView } from '../../../src/questions/types.js';
import { renderQuestion, type QuestionHost } from './question-host.js';
import { checked, focused, group, press, radios, root, tabindexes } from './rating-queries.js';

type RatingType = RatingQuestion['type'];
type RenderOptions = Parameters<typeof renderQuestion>[2];

/** One rating question type, as the shared specification needs to know it. */
export interface RatingQuestionSpec<T extends RatingType> {
  /** The suite's name, e.g. `smiley question`. */
  readonly name: string;
  readonly view: QuestionView<QuestionOf<T>>;
  /** The type's own styles (the shared question and radio-group styles come first). */
  readonly styles: CSSResult;
  /** The question most tests render: it has no description. */
  readonly question: QuestionOf<T>;
  /** Its scores, worst to best, one radio each: `[1, 2, 3, 4, 5]`, `[0, …, 10]`. */
  readonly values: readonly number[];
  /** Ids besides the description and the error that describe the group (NPS: its end labels). */
  readonly describedBy?: readonly string[];
}

/** What a suite's own tests get to render its type with. */
export interface RatingQuestionKit<T extends RatingType> {
  /** Renders `question` (the spec's by default) with the type's styles, and waits for it. */
  render(question?: QuestionOf<T>, options?: RenderOptions): Promise<QuestionHost>;
  /** An answer of this type to the spec's question. */
  answer(value: number): AnswerOf<T>;
}

/**
 * The specification every rating question meets (smiley, stars, NPS, CSAT): a `radiogroup` of
 * `radio` buttons, worst to best, named by its prompt; one tab stop (the checked radio, else the
 * first); arrows, Home and End move and select, wrapping, mirrored right to left; Space and Enter
 * select; taps report the score; invalid marks the group and points at the error; 44px targets,
 * 64px in kiosk mode; accessible throughout. `specific` adds what only that type does, inside the
 * same `describe`, with the same cleanup.
 *
 * @example describeRatingQuestion({ name: 'stars question', view: starsView, styles: starsStyles, question, values: [1, 2, 3, 4, 5] }, ({ render }) => { it('…', …) });
 */
export function describeRatingQuestion<T extends RatingType>(spec: RatingQuestionSpec<T>, specific: (kit: RatingQuestionKit<T>) => void): void {
  const { values, question } = spec;
  // The same question, as the union TypeScript can read its common fields on.
  const rated: RatingQuestion = question;
  const last = values.length - 1;
  const kit: RatingQuestionKit<T> = {
    render: (shown = question, options = {}) => renderQuestion(spec.view, shown, { styles: [questionBaseStyles, radioGroupStyles, spec.styles], ...options }),
    answer: (value) => ({ questionId: rated.id, type: rated.type, value }) as AnswerOf<T>,
  };
  const { render, answer } = kit;
  const extras = spec.describedBy ?? [];
  const only = (index: number, on: string, off: string) => values.map((_, i) => (i === index ? on : off));
  const tabStop = (index: number) => values.map((_, i) => (i === index ? 0 : -1));

  describe(spec.name, () => {
    afterEach(() => document.querySelectorAll('test-question-host').forEach((host) => host.remove()));

    it('is accessible', async () => {
      await expect(await render()).to.be.accessible();
    });

    it('is accessible right-to-left, with an answer, and when invalid', async () => {
      const host = await render(question, { dir: 'rtl', answer: answer(values[1]!) });
      await expect(host).to.be.accessible();
      host.invalid = true;
      await host.updateComplete;
      await expect(host).to.be.accessible();
    });

    describe('rating group', () => {
      it('is a radiogroup of one button radio per score, named by the prompt', async () => {
        const host = await render();
        expect(radios(host)).to.have.length(values.length);
        expect(radios(host).every((r) => r.tagName === 'BUTTON' && r.getAttribute('type') === 'button' && r.parentElement === group(host))).to.equal(true);
        expect(group(host).getAttribute('aria-labelledby')).to.equal('q-prompt');
        expect(root(host).getElementById('q-prompt')?.textContent).to.contain(typeof rated.prompt === 'string' ? rated.prompt : rated.prompt['en']);
      });

      it('names the group with the localized prompt, its description and a required marker', async () => {
        const host = await render({ ...question, prompt: { en: 'Rate us', de: 'Bewerten Sie uns' }, description: 'Be honest', required: true }, { locale: 'de-AT' });
        expect(root(host).getElementById('q-prompt')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Bewerten Sie uns required');
        expect(group(host).getAttribute('aria-describedby')).to.equal(['q-description', ...extras].join(' '));
        expect(root(host).getElementById('q-description')?.textContent).to.equal('Be honest');
      });

      it('has no required marker nor description when the question has none', async () => {
        const host = await render({ ...question, required: false, description: undefined });
        expect(root(host).querySelector('.required')).to.equal(null);
        expect(root(host).getElementById('q-description')).to.equal(null);
        expect(group(host).getAttribute('aria-describedby') ?? '').to.equal(extras.join(' '));
      });

      it('checks the radio of the current answer, the one tab stop', async () => {
        const host = await render(question, { answer: answer(values[3]!) });
        expect(checked(host)).to.deep.equal(only(3, 'true', 'false'));
        expect(tabindexes(host)).to.deep.equal(tabStop(3));
      });

      it('checks the worst score too', async () => {
        const host = await render(question, { answer: answer(values[0]!) });
        expect(checked(host)).to.deep.equal(only(0, 'true', 'false'));
      });

      it('keeps the first radio tabbable when nothing is checked', async () => {
        const host = await render();
        expect(checked(host)).to.deep.equal(only(-1, 'true', 'false'));
        expect(tabindexes(host)).to.deep.equal(tabStop(0));
      });

      it('ignores an answer of another type', async () => {
        const other = { questionId: rated.id, type: rated.type === 'nps' ? 'csat' : 'nps', value: values[2] } as AnswerOf<RatingType>;
        const host = await render(question, { answer: other });
        expect(checked(host)).to.deep.equal(only(-1, 'true', 'false'));
        expect(tabindexes(host)).to.deep.equal(tabStop(0));
      });
    });

    describe('pointer', () => {
      it('reports the tapped score and checks it', async () => {
        const host = await render();
        radios(host)[last]?.click();
        await host.updateComplete;
        expect(host.reported).to.deep.equal([answer(values[last]!)]);
        expect(checked(host)).to.deep.equal(only(last, 'true', 'false'));
        expect(tabindexes(host)).to.deep.equal(tabStop(last));
      });

      it('keeps the answer when the checked radio is tapped again', async () => {
        const host = await render(question, { answer: answer(values[1]!) });
        radios(host)[1]?.click();
        await host.updateComplete;
        expect(host.reported).to.deep.equal([answer(values[1]!)]);
        expect(checked(host)).to.deep.equal(only(1, 'true', 'false'));
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

      it('Tab lands on the first radio when nothing is checked, selecting nothing', async () => {
        const host = await render();
        await tabInto(host);
        expect(focused(host)).to.equal(0);
        expect(host.reported).to.deep.equal([]);
      });

      it('Tab lands on the checked radio', async () => {
        const host = await render(question, { answer: answer(values[2]!) });
        await tabInto(host);
        expect(focused(host)).to.equal(2);
      });

      it('arrows move focus and select, wrapping at both ends', async () => {
        const host = await render();
        radios(host)[0]?.focus();
        await press(host, 'ArrowRight');
        expect(focused(host)).to.equal(1);
        expect(checked(host)).to.deep.equal(only(1, 'true', 'false'));
        expect(tabindexes(host)).to.deep.equal(tabStop(1));
        await press(host, 'ArrowDown');
        await press(host, 'ArrowLeft');
        await press(host, 'ArrowUp');
        await press(host, 'ArrowUp');
        expect(focused(host)).to.equal(last);
        await press(host, 'ArrowRight');
        expect(focused(host)).to.equal(0);
        expect(host.reported).to.deep.equal([1, 2, 1, 0, last, 0].map((i) => answer(values[i]!)));
      });

      it('Home and End go to the worst and best scores', async () => {
        const host = await render(question, { answer: answer(values[2]!) });
        radios(host)[2]?.focus();
        await press(host, 'End');
        expect(focused(host)).to.equal(last);
        await press(host, 'Home');
        expect(focused(host)).to.equal(0);
        expect(host.reported).to.deep.equal([answer(values[last]!), answer(values[0]!)]);
      });

      it('swaps ArrowRight and ArrowLeft right-to-left, but not Up and Down', async () => {
        const host = await render(question, { dir: 'rtl', answer: answer(values[2]!) });
        radios(host)[2]?.focus();
        await press(host, 'ArrowRight');
        expect(focused(host)).to.equal(1);
        await press(host, 'ArrowLeft');
        await press(host, 'ArrowLeft');
        await press(host, 'ArrowDown');
        expect(host.reported).to.deep.equal([1, 2, 3, 4].map((i) => answer(values[i]!)));
      });

      it('Space and Enter select the focused radio', async () => {
        const host = await render();
        radios(host)[3]?.focus();
        await press(host, 'Space');
        radios(host)[last]?.focus();
        await press(host, 'Enter');
        expect(host.reported).to.deep.equal([answer(values[3]!), answer(values[last]!)]);
        expect(checked(host)).to.deep.equal(only(last, 'true', 'false'));
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

    it('marks the group invalid and adds the error to its description', async () => {
      const host = await render({ ...question, description: 'Think of today' });
      expect(group(host).hasAttribute('aria-invalid')).to.equal(false);
      host.invalid = true;
      await host.updateComplete;
      expect(group(host).getAttribute('aria-invalid')).to.equal('true');
      expect(group(host).getAttribute('aria-describedby')).to.equal(['q-description', ...extras, 'q-error'].join(' '));
    });

    it('makes every radio at least 44px tall, 64px in kiosk mode', async () => {
      const web = await render();
      const kiosk = await render(question, { kiosk: true });
      for (const radio of radios(web)) expect(radio.getBoundingClientRect().height).to.be.at.least(44);
      for (const radio of radios(kiosk)) expect(radio.getBoundingClientRect().height).to.be.at.least(64);
    });

    specific(kit);
  });
}
