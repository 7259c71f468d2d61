import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { AnswerOf, QuestionOf } from '../../../sdk/index.js';
import { choiceStyles, choiceView } from '../../../src/questions/choice.js';
import { questionBaseStyles } from '../../../src/questions/internal/question.styles.js';
import type { QuestionContext } from '../../../src/questions/types.js';
import { renderQuestion, type QuestionHost } from '../support/question-host.js';

const reasons: QuestionOf<'choice'> = {
  id: 'why',
  type: 'choice',
  prompt: { en: 'What brought you in?', de: 'Warum sind Sie gekommen?' },
  options: [
    { id: 'price', label: { en: 'Price', de: 'Preis' } },
    { id: 'staff', label: 'Staff' },
    { id: 'queue', label: 'Queue' },
  ],
};
const multi: QuestionOf<'choice'> = { ...reasons, multiple: true };
const HOSTILE = '<img src=x onerror=alert(1)>';

const render = (question: QuestionOf<'choice'> = reasons, options: Parameters<typeof renderQuestion>[2] = {}) =>
  renderQuestion(choiceView, question, { styles: [questionBaseStyles, choiceStyles], ...options });
const choice = (value: string | string[], other?: string): AnswerOf<'choice'> =>
  other === undefined ? { questionId: 'why', type: 'choice', value } : { questionId: 'why', type: 'choice', value, other };

const root = (host: QuestionHost) => host.shadowRoot as ShadowRoot;
const inputs = (host: QuestionHost) => [...root(host).querySelectorAll<HTMLInputElement>('.options input')];
const input = (host: QuestionHost, id: string) => root(host).querySelector(`.options input[value="${id}"]`) as HTMLInputElement;
const label = (host: QuestionHost, id: string) => input(host, id).closest('label') as HTMLLabelElement;
const otherField = (host: QuestionHost) => root(host).querySelector<HTMLInputElement>('input.other');
const checked = (host: QuestionHost) => inputs(host).filter((i) => i.checked).map((i) => i.value);

async function press(host: QuestionHost, key: string) {
  await sendKeys({ press: key });
  await host.updateComplete;
}
async function type(host: QuestionHost, text: string) {
  await sendKeys({ type: text });
  await host.updateComplete;
}
/** Start keyboard navigation from the top of the page, as a shopper arriving by Tab would. */
function blur() {
  (document.activeElement as HTMLElement | null)?.blur();
}

describe('choice question', () => {
  afterEach(() => document.querySelectorAll('test-question-host').forEach((host) => host.remove()));

  it('is accessible', async () => {
    const host = await render();
    await expect(host).to.be.accessible();
  });

  it('is accessible as a multiple choice, right-to-left, in kiosk mode, answered with "Other" and invalid', async () => {
    const host = await render({ ...multi, other: true, required: true, description: 'Pick all that apply' }, {
      dir: 'rtl',
      kiosk: true,
      answer: choice(['staff', 'other'], 'Parking'),
    });
    await expect(host).to.be.accessible();
    host.invalid = true;
    await host.updateComplete;
    await expect(host).to.be.accessible();
  });

  it('is accessible as a single choice answered, with "Other" and invalid', async () => {
    const host = await render({ ...reasons, other: true, required: true }, { answer: choice('other') });
    host.invalid = true;
    await host.updateComplete;
    await expect(host).to.be.accessible();
  });

  describe('rendering', () => {
    it('renders a single choice as a radiogroup named by the prompt, one native radio per option', async () => {
      const host = await render();
      const group = root(host).querySelector('[role=radiogroup]') as HTMLElement;
      const prompt = root(host).getElementById(group.getAttribute('aria-labelledby') ?? '');
      expect(prompt?.textContent?.trim()).to.equal('What brought you in?');
      expect(inputs(host).map((i) => [i.type, i.name, i.value])).to.deep.equal([
        ['radio', 'q-choice', 'price'],
        ['radio', 'q-choice', 'staff'],
        ['radio', 'q-choice', 'queue'],
      ]);
      expect(inputs(host).map((i) => i.closest('label')?.textContent?.trim())).to.deep.equal(['Price', 'Staff', 'Queue']);
      expect(root(host).querySelector('fieldset')).to.equal(null);
      expect(checked(host)).to.deep.equal([]);
    });

    it('renders a multiple choice as checkboxes in a fieldset whose legend is the prompt', async () => {
      const host = await render(multi);
      const fieldset = root(host).querySelector('fieldset') as HTMLFieldSetElement;
      expect(fieldset.querySelector('legend')?.textContent?.trim()).to.equal('What brought you in?');
      expect(inputs(host).map((i) => i.type)).to.deep.equal(['checkbox', 'checkbox', 'checkbox']);
      expect(root(host).querySelector('[role=radiogroup]')).to.equal(null);
    });

    it('localizes the prompt and the option labels', async () => {
      const host = await render(reasons, { locale: 'de-AT' });
      expect(root(host).querySelector('.prompt')?.textContent?.trim()).to.equal('Warum sind Sie gekommen?');
      expect(label(host, 'price').textContent?.trim()).to.equal('Preis');
    });

    it('marks a required question in text and to assistive technology, and links the description', async () => {
      const host = await render({ ...reasons, required: true, description: 'Pick one' });
      const group = root(host).querySelector('[role=radiogroup]') as HTMLElement;
      expect(root(host).querySelector('.prompt .required')?.textContent).to.equal('required');
      expect(group.getAttribute('aria-required')).to.equal('true');
      expect(group.getAttribute('aria-describedby')).to.equal('q-description');
      expect(root(host).getElementById('q-description')?.textContent).to.equal('Pick one');
    });

    it('leaves out the required marker and the description when there are none', async () => {
      const host = await render();
      const group = root(host).querySelector('[role=radiogroup]') as HTMLElement;
      expect(root(host).querySelector('.required')).to.equal(null);
      expect(root(host).querySelector('.description')).to.equal(null);
      expect(group.hasAttribute('aria-required')).to.equal(false);
      expect(group.hasAttribute('aria-describedby')).to.equal(false);
    });

    it('leaves out a description that is empty in the locale, as the rating types do', async () => {
      const host = await render({ ...reasons, description: { en: '' } });
      expect(root(host).querySelector('.description')).to.equal(null);
      expect((root(host).querySelector('[role=radiogroup]') as HTMLElement).hasAttribute('aria-describedby')).to.equal(false);
    });

    it('checks what the current answer holds, also a single id given to a multiple choice', async () => {
      expect(checked(await render(reasons, { answer: choice('staff') }))).to.deep.equal(['staff']);
      expect(checked(await render(multi, { answer: choice(['price', 'queue']) }))).to.deep.equal(['price', 'queue']);
      expect(checked(await render(multi, { answer: choice('queue') }))).to.deep.equal(['queue']);
      // An answer of another type (stale state) checks nothing.
      expect(checked(await render(reasons, { answer: { questionId: 'why', type: 'text', value: 'staff' } }))).to.deep.equal([]);
    });

    it('renders labels as text, never as markup', async () => {
      const host = await render({ ...reasons, prompt: HOSTILE, options: [{ id: 'x', label: HOSTILE }] });
      expect(root(host).querySelectorAll('img')).to.have.length(0);
      expect(label(host, 'x').textContent?.trim()).to.equal(HOSTILE);
      expect(root(host).querySelector('.prompt')?.textContent?.trim()).to.equal(HOSTILE);
    });
  });

  describe('pointer', () => {
    it('reports the option a click on its label picks', async () => {
      const host = await render();
      label(host, 'staff').click();
      await host.updateComplete;
      label(host, 'queue').click();
      await host.updateComplete;
      expect(host.reported).to.deep.equal([choice('staff'), choice('queue')]);
      expect(checked(host)).to.deep.equal(['queue']);
    });

    it('reports a multiple choice in option order, whatever the order of clicks', async () => {
      const host = await render(multi);
      input(host, 'queue').click();
      await host.updateComplete;
      input(host, 'price').click();
      await host.updateComplete;
      expect(host.reported).to.deep.equal([choice(['queue']), choice(['price', 'queue'])]);
    });

    it('reports undefined when the last option of a multiple choice is unchecked', async () => {
      const host = await render(multi, { answer: choice(['price', 'staff']) });
      input(host, 'price').click();
      await host.updateComplete;
      input(host, 'staff').click();
      await host.updateComplete;
      expect(host.reported).to.deep.equal([choice(['staff']), undefined]);
      expect(checked(host)).to.deep.equal([]);
    });

    it('follows the answer it is given, not the click, when the widget keeps the old answer', async () => {
      const host = await render(reasons, { answer: choice('price') });
      host.view = (context) => choiceView({ ...(context as QuestionContext<QuestionOf<'choice'>>), onAnswer: () => undefined });
      host.requestUpdate();
      await host.updateComplete;
      label(host, 'queue').click();
      host.requestUpdate();
      await host.updateComplete;
      expect(checked(host)).to.deep.equal(['price']);
    });
  });

  describe('keyboard', () => {
    it('enters the group with Tab, picks with Space and moves the pick with the arrows', async () => {
      const host = await render();
      blur();
      await press(host, 'Tab');
      expect(root(host).activeElement).to.equal(input(host, 'price'));
      await press(host, 'Space');
      await press(host, 'ArrowDown');
      await press(host, 'ArrowDown');
      await press(host, 'ArrowUp');
      expect(host.reported).to.deep.equal([choice('price'), choice('staff'), choice('queue'), choice('staff')]);
      expect(root(host).activeElement).to.equal(input(host, 'staff'));
    });

    it('draws a 3px focus ring around the focused option', async () => {
      const host = await render();
      blur();
      await press(host, 'Tab');
      const style = getComputedStyle(label(host, 'price'));
      expect([style.outlineStyle, style.outlineWidth, style.outlineColor]).to.deep.equal(['solid', '3px', 'rgb(11, 92, 173)']);
      expect(getComputedStyle(label(host, 'staff')).outlineStyle).to.equal('none');
    });

    it('toggles checkboxes with Space, one Tab stop each', async () => {
      const host = await render(multi);
      blur();
      await press(host, 'Tab');
      await press(host, 'Space');
      await press(host, 'Tab');
      await press(host, 'Space');
      await press(host, 'Shift+Tab');
      await press(host, 'Space');
      expect(host.reported).to.deep.equal([choice(['price']), choice(['price', 'staff']), choice(['staff'])]);
    });
  });

  describe('"Other"', () => {
    const single = { ...reasons, other: true };
    const several = { ...multi, other: true };

    it('adds an option with id "other" and shows its text field only while it is chosen', async () => {
      const host = await render(single);
      expect(label(host, 'other').textContent?.trim()).to.equal('Other');
      expect(otherField(host)).to.equal(null);
      label(host, 'other').click();
      await host.updateComplete;
      const field = otherField(host) as HTMLInputElement;
      expect([field.type, field.maxLength, field.placeholder, field.autocomplete]).to.deep.equal(['text', 500, 'Please specify', 'off']);
      // Named by the "Other" option it belongs to.
      const labelledBy = field.getAttribute('aria-labelledby') ?? '';
      expect(root(host).getElementById(labelledBy)?.textContent).to.equal('Other');
      label(host, 'price').click();
      await host.updateComplete;
      expect(otherField(host)).to.equal(null);
    });

    it('reports the typed text with a single choice and drops it when another option is picked', async () => {
      const host = await render(single);
      label(host, 'other').click();
      await host.updateComplete;
      otherField(host)?.focus();
      await type(host, 'Park');
      label(host, 'price').click();
      await host.updateComplete;
      expect(host.reported).to.deep.equal([
        choice('other'),
        choice('other', 'P'),
        choice('other', 'Pa'),
        choice('other', 'Par'),
        choice('other', 'Park'),
        choice('price'),
      ]);
    });

    it('reaches the text field with Tab after picking "Other" by keyboard', async () => {
      const host = await render(single);
      blur();
      await press(host, 'Tab');
      await press(host, 'ArrowUp'); // wraps from the first option to the last: "Other"
      await press(host, 'Tab');
      expect(root(host).activeElement).to.equal(otherField(host));
      await type(host, 'ok');
      expect(host.reported.at(-1)).to.deep.equal(choice('other', 'ok'));
    });

    it('does not report whitespace as the text of "Other", and keeps it in the field', async () => {
      const host = await render(single, { answer: choice('other') });
      otherField(host)?.focus();
      await type(host, '  ');
      expect(host.reported).to.deep.equal([choice('other'), choice('other')]);
      expect(otherField(host)?.value).to.equal('  ');
    });

    it('keeps the text with several options while "Other" stays chosen, and drops it with it', async () => {
      const host = await render(several);
      input(host, 'other').click();
      await host.updateComplete;
      otherField(host)?.focus();
      await type(host, 'x');
      input(host, 'price').click();
      await host.updateComplete;
      input(host, 'other').click();
      await host.updateComplete;
      input(host, 'price').click();
      await host.updateComplete;
      expect(host.reported).to.deep.equal([
        choice(['other']),
        choice(['other'], 'x'),
        choice(['price', 'other'], 'x'),
        choice(['price']),
        undefined,
      ]);
      expect(otherField(host)).to.equal(null);
    });

    it('restores the text from the answer and renders hostile text as text', async () => {
      const host = await render(several, { answer: choice(['staff', 'other'], HOSTILE) });
      expect(otherField(host)?.value).to.equal(HOSTILE);
      expect(root(host).querySelectorAll('img')).to.have.length(0);
    });

    it('does not show a field when the question has no "Other", even if an answer claims it', async () => {
      const host = await render(reasons, { answer: choice('other', 'sneaky') });
      expect(otherField(host)).to.equal(null);
      expect(inputs(host).map((i) => i.value)).to.deep.equal(['price', 'staff', 'queue']);
    });
  });

  describe('invalid state', () => {
    it('marks the radiogroup invalid and points it at the error', async () => {
      const host = await render({ ...reasons, description: 'Pick one' });
      const group = root(host).querySelector('[role=radiogroup]') as HTMLElement;
      host.invalid = true;
      await host.updateComplete;
      expect(group.getAttribute('aria-invalid')).to.equal('true');
      expect(group.getAttribute('aria-describedby')).to.equal('q-description q-error');
      host.invalid = false;
      await host.updateComplete;
      expect(group.hasAttribute('aria-invalid')).to.equal(false);
      expect(group.getAttribute('aria-describedby')).to.equal('q-description');
    });

    it('marks the fieldset of a multiple choice invalid', async () => {
      const host = await render(multi);
      host.invalid = true;
      await host.updateComplete;
      const fieldset = root(host).querySelector('fieldset') as HTMLFieldSetElement;
      expect(fieldset.getAttribute('aria-invalid')).to.equal('true');
      expect(fieldset.getAttribute('aria-describedby')).to.equal('q-error');
      expect(getComputedStyle(label(host, 'price')).borderColor).to.equal('rgb(179, 38, 30)');
    });

    it('marks an empty "Other" field invalid, but not one with text', async () => {
      const host = await render({ ...reasons, other: true }, { answer: choice('other') });
      host.invalid = true;
      await host.updateComplete;
      expect(otherField(host)?.getAttribute('aria-invalid')).to.equal('true');
      expect(otherField(host)?.getAttribute('aria-describedby')).to.equal('q-error');
      host.answer = choice('other', 'Parking');
      await host.updateComplete;
      expect(otherField(host)?.hasAttribute('aria-invalid')).to.equal(false);
    });
  });

  describe('styles', () => {
    it('gives every option at least the target size, and kiosks 64px', async () => {
      const host = await render();
      expect(getComputedStyle(label(host, 'price')).minHeight).to.equal('44px');
      expect(label(host, 'price').getBoundingClientRect().height).to.be.at.least(44);
      const kiosk = await render(reasons, { kiosk: true });
      expect(getComputedStyle(label(kiosk, 'price')).minHeight).to.equal('64px');
    });

    it('shows the checked option by more than colour: a doubled border', async () => {
      const host = await render(reasons, { answer: choice('staff') });
      expect(getComputedStyle(label(host, 'staff')).boxShadow).to.equal('rgb(11, 92, 173) 0px 0px 0px 1px inset');
      expect(getComputedStyle(label(host, 'price')).boxShadow).to.equal('none');
    });

    it('mirrors right-to-left: the radio sits on the right of its text', async () => {
      const host = await render(reasons, { dir: 'rtl' });
      const radio = input(host, 'price').getBoundingClientRect();
      const text = (label(host, 'price').querySelector('span') as HTMLElement).getBoundingClientRect();
      expect(radio.left).to.be.greaterThan(text.right);
    });

    it('drops transitions when the shopper prefers reduced motion', async () => {
      const host = await render();
      expect(getComputedStyle(label(host, 'price')).transitionDuration).to.equal('0.15s, 0.15s');
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        expect(getComputedStyle(label(host, 'price')).transitionDuration).to.equal('0s');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });
  });
});
