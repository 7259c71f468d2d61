import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AnswerOf, QuestionOf } from '../../../sdk/index.js';
import { textStyles, textView } from '../../../src/questions/text.js';
import { questionBaseStyles } from '../../../src/questions/internal/question.styles.js';
import { renderQuestion, type QuestionHost } from '../support/question-host.js';

const why: QuestionOf<'text'> = { id: 'why', type: 'text', prompt: { en: 'Tell us why', fr: 'Dites-nous pourquoi' } };
const HOSTILE = '<img src=x onerror=alert(1)>';

const render = (question: QuestionOf<'text'> = why, options: Parameters<typeof renderQuestion>[2] = {}) =>
  renderQuestion(textView, question, { styles: [questionBaseStyles, textStyles], ...options });
const text = (value: string): AnswerOf<'text'> => ({ questionId: 'why', type: 'text', value });

const root = (host: QuestionHost) => host.shadowRoot as ShadowRoot;
const field = (host: QuestionHost) => root(host).querySelector('textarea') as HTMLTextAreaElement;
const counter = (host: QuestionHost) => root(host).querySelector('.counter') as HTMLElement;

async function press(host: QuestionHost, key: string) {
  await sendKeys({ press: key });
  await host.updateComplete;
}
async function type(host: QuestionHost, value: string) {
  await sendKeys({ type: value });
  await host.updateComplete;
}

describe('text question', () => {
  afterEach(() => document.querySelectorAll('test-question-host').forEach((host) => host.remove()));

  it('is accessible', async () => {
    const host = await render();
    await expect(host).to.be.accessible();
  });

  it('is accessible right-to-left, in kiosk mode, answered, near the limit and invalid', async () => {
    const host = await render(
      { ...why, required: true, maxLength: 10, description: 'Optional details', placeholder: 'Your words' },
      { dir: 'rtl', kiosk: true, answer: text('123456789') },
    );
    await expect(host).to.be.accessible();
    host.invalid = true;
    await host.updateComplete;
    await expect(host).to.be.accessible();
  });

  describe('rendering', () => {
    it('renders a textarea labelled by the prompt, 1000 characters by default', async () => {
      const host = await render();
      const label = root(host).querySelector('label') as HTMLLabelElement;
      expect(label.control).to.equal(field(host));
      expect(label.textContent?.trim()).to.equal('Tell us why');
      expect(field(host).maxLength).to.equal(1000);
      expect(field(host).hasAttribute('placeholder')).to.equal(false);
      expect(field(host).value).to.equal('');
      expect(counter(host).textContent).to.equal('1000 characters left');
    });

    it('takes maxLength and a localized placeholder and prompt from the question', async () => {
      const host = await render({ ...why, maxLength: 140, placeholder: { en: 'Your words', fr: 'Vos mots' } }, { locale: 'fr-CA' });
      expect(field(host).maxLength).to.equal(140);
      expect(field(host).placeholder).to.equal('Vos mots');
      expect(root(host).querySelector('label')?.textContent?.trim()).to.equal('Dites-nous pourquoi');
      expect(counter(host).textContent).to.equal('140 characters left');
    });

    it('marks a required question and is described by its description and the counter', async () => {
      const host = await render({ ...why, required: true, description: 'Be honest' });
      expect(root(host).querySelector('label .required')?.textContent).to.equal('required');
      expect(field(host).getAttribute('aria-required')).to.equal('true');
      expect(field(host).getAttribute('aria-describedby')).to.equal('q-description q-counter');
      expect(root(host).getElementById('q-description')?.textContent).to.equal('Be honest');
      expect(root(host).getElementById('q-counter')).to.equal(counter(host));
    });

    it('shows the answer it is given, and hostile text as text', async () => {
      const host = await render(why, { answer: text(HOSTILE) });
      expect(field(host).value).to.equal(HOSTILE);
      expect(root(host).querySelectorAll('img')).to.have.length(0);
      expect(counter(host).textContent).to.equal(`${1000 - HOSTILE.length} characters left`);
    });

    it('renders a hostile prompt as text', async () => {
      const host = await render({ ...why, prompt: HOSTILE, description: HOSTILE, placeholder: HOSTILE });
      expect(root(host).querySelectorAll('img')).to.have.length(0);
      expect(root(host).querySelector('label')?.textContent?.trim()).to.equal(HOSTILE);
    });
  });

  describe('typing', () => {
    it('reports the text on every keystroke', async () => {
      const host = await render();
      field(host).focus();
      await type(host, 'hi you');
      expect(host.reported).to.deep.equal([text('h'), text('hi'), text('hi '), text('hi y'), text('hi yo'), text('hi you')]);
      expect(field(host).value).to.equal('hi you');
    });

    it('reaches the field with Tab', async () => {
      const host = await render();
      (document.activeElement as HTMLElement | null)?.blur();
      await press(host, 'Tab');
      expect(root(host).activeElement).to.equal(field(host));
      const style = getComputedStyle(field(host));
      expect([style.outlineStyle, style.outlineWidth]).to.deep.equal(['solid', '3px']);
    });

    it('reports undefined for whitespace only, and keeps the whitespace in the field', async () => {
      const host = await render();
      field(host).focus();
      await type(host, '  ');
      await press(host, 'Enter');
      expect(host.reported).to.deep.equal([undefined, undefined, undefined]);
      expect(field(host).value).to.equal('  \n');
      await type(host, 'ok');
      expect(host.reported.at(-1)).to.deep.equal(text('  \nok'));
    });

    it('reports undefined once the text is deleted', async () => {
      const host = await render(why, { answer: text('no') });
      field(host).focus();
      await press(host, 'End');
      await press(host, 'Backspace');
      await press(host, 'Backspace');
      expect(host.reported).to.deep.equal([text('n'), undefined]);
      expect(field(host).value).to.equal('');
    });

    it('stops at maxLength', async () => {
      const host = await render({ ...why, maxLength: 5 });
      field(host).focus();
      await type(host, 'abcdefgh');
      expect(field(host).value).to.equal('abcde');
      expect(host.reported.at(-1)).to.deep.equal(text('abcde'));
      expect(counter(host).textContent).to.equal('0 characters left');
    });

    it('types hostile text as plain text', async () => {
      const host = await render();
      field(host).focus();
      await type(host, HOSTILE);
      expect(host.reported.at(-1)).to.deep.equal(text(HOSTILE));
      expect(root(host).querySelectorAll('img')).to.have.length(0);
    });
  });

  describe('counter', () => {
    it('counts down as the shopper types, in the catalog wording', async () => {
      const host = await render({ ...why, maxLength: 10 });
      field(host).focus();
      await type(host, 'abcdefghi');
      expect(counter(host).textContent).to.equal('1 character left');
    });

    it('becomes a polite live region only when 20% or less is left', async () => {
      const host = await render({ ...why, maxLength: 10 });
      field(host).focus();
      const live: (string | null)[] = [];
      for (const key of 'abcdefghij') {
        await type(host, key);
        live.push(counter(host).getAttribute('aria-live'));
      }
      // 9..3 left: silent; 2, 1 and 0 left (20% of 10): announced.
      expect(live).to.deep.equal([null, null, null, null, null, null, null, 'polite', 'polite', 'polite']);
      await press(host, 'Backspace');
      await press(host, 'Backspace');
      expect(counter(host).textContent).to.equal('2 characters left');
      expect(counter(host).getAttribute('aria-live')).to.equal('polite');
      await press(host, 'Backspace');
      expect(counter(host).getAttribute('aria-live')).to.equal(null);
    });

    it('never shows a negative count for a stored answer longer than the limit', async () => {
      const host = await render({ ...why, maxLength: 3 }, { answer: text('abcdef') });
      expect(counter(host).textContent).to.equal('0 characters left');
    });
  });

  describe('invalid state', () => {
    it('marks the field invalid and adds the error to its description', async () => {
      const host = await render();
      host.invalid = true;
      await host.updateComplete;
      expect(field(host).getAttribute('aria-invalid')).to.equal('true');
      expect(field(host).getAttribute('aria-describedby')).to.equal('q-counter q-error');
      expect(getComputedStyle(field(host)).borderColor).to.equal('rgb(179, 38, 30)');
      host.invalid = false;
      await host.updateComplete;
      expect(field(host).hasAttribute('aria-invalid')).to.equal(false);
      expect(field(host).getAttribute('aria-describedby')).to.equal('q-counter');
    });
  });

  describe('styles', () => {
    it('is at least two targets tall, taller in kiosk mode', async () => {
      expect(getComputedStyle(field(await render())).minHeight).to.equal('88px');
      expect(getComputedStyle(field(await render(why, { kiosk: true }))).minHeight).to.equal('128px');
    });

    it('puts the counter at the end of the line: the right, or the left in right-to-left', async () => {
      const gaps = (host: QuestionHost) => {
        const range = document.createRange();
        range.selectNodeContents(counter(host));
        const words = range.getBoundingClientRect();
        const box = counter(host).getBoundingClientRect();
        return [Math.round(words.left - box.left) === 0, Math.round(box.right - words.right) === 0];
      };
      expect(gaps(await render())).to.deep.equal([false, true]);
      const rtl = await render(why, { dir: 'rtl' });
      expect(gaps(rtl)).to.deep.equal([true, false]);
      // The shopper may type in another script than the interface's.
      expect(field(rtl).getAttribute('dir')).to.equal('auto');
    });
  });
});
