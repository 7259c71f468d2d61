import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AnswerOf, QuestionOf } from '../../../sdk/index.js';
import { consentStyles, consentView } from '../../../src/questions/consent.js';
import { questionBaseStyles } from '../../../src/questions/internal/question.styles.js';
import { renderQuestion, type QuestionHost } from '../support/question-host.js';

const contact: QuestionOf<'consent'> = {
  id: 'contact',
  type: 'consent',
  prompt: { en: 'May we follow up?', ar: 'هل يمكننا المتابعة؟' },
};
const render = (question: QuestionOf<'consent'> = contact, options: Parameters<typeof renderQuestion>[2] = {}) =>
  renderQuestion(consentView, question, { styles: [questionBaseStyles, consentStyles], ...options });
const consent = (value: boolean, given?: string): AnswerOf<'consent'> =>
  given === undefined ? { questionId: 'contact', type: 'consent', value } : { questionId: 'contact', type: 'consent', value, contact: given };

const root = (host: QuestionHost) => host.shadowRoot as ShadowRoot;
const box = (host: QuestionHost) => root(host).querySelector('input[type=checkbox]') as HTMLInputElement;
const option = (host: QuestionHost) => box(host).closest('label') as HTMLLabelElement;
const field = (host: QuestionHost) => root(host).querySelector<HTMLInputElement>('.contact input');

async function press(host: QuestionHost, key: string) {
  await sendKeys({ press: key });
  await host.updateComplete;
}
async function type(host: QuestionHost, text: string) {
  await sendKeys({ type: text });
  await host.updateComplete;
}
async function click(host: QuestionHost, element: HTMLElement) {
  element.click();
  await host.updateComplete;
}

describe('consent question', () => {
  afterEach(() => document.querySelectorAll('test-question-host').forEach((host) => host.remove()));

  it('is accessible', async () => {
    const host = await render();
    await expect(host).to.be.accessible();
  });

  it('is accessible right-to-left, in kiosk mode, opted in with a contact, and invalid', async () => {
    const host = await render(
      { ...contact, required: true, description: 'We only write about this visit.' },
      { dir: 'rtl', locale: 'ar', kiosk: true, answer: consent(true, 'a@example.com') },
    );
    await expect(host).to.be.accessible();
    host.invalid = true;
    await host.updateComplete;
    await expect(host).to.be.accessible();
    host.answer = undefined;
    await host.updateComplete;
    await expect(host).to.be.accessible();
  });

  describe('rendering', () => {
    it('renders a fieldset named by the prompt with one unchecked checkbox and no contact field', async () => {
      const host = await render();
      const fieldset = root(host).querySelector('fieldset') as HTMLFieldSetElement;
      expect(fieldset.querySelector('legend')?.textContent?.trim()).to.equal('May we follow up?');
      expect(option(host).textContent?.trim()).to.equal('Yes, you may contact me about my feedback');
      expect(box(host).checked).to.equal(false);
      expect(field(host)).to.equal(null);
    });

    it('localizes the prompt', async () => {
      const host = await render(contact, { locale: 'ar' });
      expect(root(host).querySelector('legend')?.textContent?.trim()).to.equal('هل يمكننا المتابعة؟');
    });

    it('marks a required question and links the description', async () => {
      const host = await render({ ...contact, required: true, description: 'Only about this visit' });
      const fieldset = root(host).querySelector('fieldset') as HTMLFieldSetElement;
      expect(root(host).querySelector('legend .required')?.textContent).to.equal('required');
      expect(fieldset.getAttribute('aria-describedby')).to.equal('q-description');
      expect(root(host).getElementById('q-description')?.textContent).to.equal('Only about this visit');
    });

    it('restores an opt-in with its contact', async () => {
      const host = await render(contact, { answer: consent(true, 'a@example.com') });
      expect(box(host).checked).to.equal(true);
      expect(field(host)?.value).to.equal('a@example.com');
    });
  });

  describe('contact field', () => {
    it('asks for an e-mail address by default, only once the box is checked', async () => {
      const host = await render();
      await click(host, option(host));
      const input = field(host) as HTMLInputElement;
      expect([input.type, input.autocomplete, input.maxLength]).to.deep.equal(['email', 'email', 200]);
      expect(input.labels?.[0]?.textContent).to.equal('E-mail address');
      expect(input.getAttribute('aria-required')).to.equal('true');
    });

    it('asks for a phone number with contactField "phone"', async () => {
      const host = await render({ ...contact, contactField: 'phone' });
      await click(host, option(host));
      const input = field(host) as HTMLInputElement;
      expect([input.type, input.autocomplete]).to.deep.equal(['tel', 'tel']);
      expect(input.labels?.[0]?.textContent).to.equal('Phone number');
    });

    it('turns autofill off on a kiosk, where it would offer the previous shopper\'s address', async () => {
      const email = await render(contact, { kiosk: true, answer: consent(true) });
      expect(field(email)?.autocomplete).to.equal('off');
      const phone = await render({ ...contact, contactField: 'phone' }, { kiosk: true, answer: consent(true) });
      expect([field(phone)?.type, field(phone)?.autocomplete]).to.deep.equal(['tel', 'off']);
    });

    it('asks for nothing with contactField "none"', async () => {
      const host = await render({ ...contact, contactField: 'none' });
      await click(host, option(host));
      expect(field(host)).to.equal(null);
      expect(host.reported).to.deep.equal([consent(true)]);
    });
  });

  describe('answers', () => {
    it('reports the opt-in, then the contact as it is typed', async () => {
      const host = await render();
      await click(host, option(host));
      field(host)?.focus();
      await type(host, 'a@b.c');
      expect(host.reported).to.deep.equal([
        consent(true),
        consent(true, 'a'),
        consent(true, 'a@'),
        consent(true, 'a@b'),
        consent(true, 'a@b.'),
        consent(true, 'a@b.c'),
      ]);
    });

    it('drops the contact and its field when the box is unchecked, and starts empty when checked again', async () => {
      const host = await render(contact, { answer: consent(true, 'a@example.com') });
      await click(host, box(host));
      expect(host.reported).to.deep.equal([consent(false)]);
      expect(Object.keys(host.reported[0] ?? {})).to.deep.equal(['questionId', 'type', 'value']);
      expect(field(host)).to.equal(null);
      await click(host, box(host));
      expect(host.reported.at(-1)).to.deep.equal(consent(true));
      expect(field(host)?.value).to.equal('');
    });

    it('does not report whitespace as a contact', async () => {
      // A phone field: e-mail inputs already strip whitespace from their value.
      const host = await render({ ...contact, contactField: 'phone' }, { answer: consent(true) });
      field(host)?.focus();
      await type(host, '  ');
      expect(host.reported).to.deep.equal([consent(true), consent(true)]);
      expect(field(host)?.value).to.equal('  ');
    });

    it('is operated from the keyboard: Tab, Space, Tab to the field, type', async () => {
      const host = await render({ ...contact, contactField: 'phone' });
      (document.activeElement as HTMLElement | null)?.blur();
      await press(host, 'Tab');
      expect(root(host).activeElement).to.equal(box(host));
      const ring = getComputedStyle(option(host));
      expect([ring.outlineStyle, ring.outlineWidth]).to.deep.equal(['solid', '3px']);
      await press(host, 'Space');
      await press(host, 'Tab');
      expect(root(host).activeElement).to.equal(field(host));
      await type(host, '+1 555');
      await press(host, 'Shift+Tab');
      await press(host, 'Space');
      expect(host.reported.at(-2)).to.deep.equal(consent(true, '+1 555'));
      expect(host.reported.at(-1)).to.deep.equal(consent(false));
      expect(host.reported).to.have.length(8);
    });

    it('keeps a hostile contact as text', async () => {
      const host = await render({ ...contact, contactField: 'phone' }, { answer: consent(true) });
      field(host)?.focus();
      await type(host, '<img src=x onerror=alert(1)>');
      expect(host.reported.at(-1)).to.deep.equal(consent(true, '<img src=x onerror=alert(1)>'));
      expect(root(host).querySelectorAll('img')).to.have.length(0);
    });
  });

  describe('invalid state', () => {
    it('marks the checkbox invalid while there is no opt-in', async () => {
      const host = await render();
      host.invalid = true;
      await host.updateComplete;
      expect(box(host).getAttribute('aria-invalid')).to.equal('true');
      expect(box(host).getAttribute('aria-describedby')).to.equal('q-error');
      expect(getComputedStyle(option(host)).borderColor).to.equal('rgb(179, 38, 30)');
      host.invalid = false;
      await host.updateComplete;
      expect(box(host).hasAttribute('aria-invalid')).to.equal(false);
      expect(box(host).hasAttribute('aria-describedby')).to.equal(false);
    });

    it('marks the contact field, not the checkbox, invalid after an opt-in', async () => {
      const host = await render(contact, { answer: consent(true, 'nope') });
      host.invalid = true;
      await host.updateComplete;
      expect(field(host)?.getAttribute('aria-invalid')).to.equal('true');
      expect(field(host)?.getAttribute('aria-describedby')).to.equal('q-error');
      expect(box(host).hasAttribute('aria-invalid')).to.equal(false);
    });
  });

  describe('styles', () => {
    it('gives the checkbox row and the field at least the target size, 64px in kiosk mode', async () => {
      const host = await render(contact, { answer: consent(true) });
      expect(getComputedStyle(option(host)).minHeight).to.equal('44px');
      expect(getComputedStyle(field(host) as HTMLInputElement).minHeight).to.equal('44px');
      const kiosk = await render(contact, { kiosk: true, answer: consent(true) });
      expect(getComputedStyle(option(kiosk)).minHeight).to.equal('64px');
      expect(getComputedStyle(field(kiosk) as HTMLInputElement).minHeight).to.equal('64px');
    });

    it('shows the opt-in by more than colour: the native tick and a doubled border', async () => {
      const host = await render(contact, { answer: consent(true) });
      expect(getComputedStyle(option(host)).boxShadow).to.equal('rgb(11, 92, 173) 0px 0px 0px 1px inset');
    });
  });
});
