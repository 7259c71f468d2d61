import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AnswerOf, QuestionOf } from '../../../sdk/index.js';
import { staffStyles, staffView } from '../../../src/questions/staff.js';
import { questionBaseStyles } from '../../../src/questions/internal/question.styles.js';
import { renderQuestion, type QuestionHost } from '../support/question-host.js';

/** A 1×1 PNG that loads. */
const PHOTO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
/** Not an image: the browser fires `error`. */
const BROKEN = 'data:image/png;base64,bm90IGFuIGltYWdl';
const HOSTILE = '<img src=x onerror=alert(1)>';

const helper: QuestionOf<'staff'> = {
  id: 'helper',
  type: 'staff',
  prompt: { en: 'Who helped you today?', es: '¿Quién le atendió hoy?' },
  roster: [
    { id: 'emp-17', name: 'Ana María López', photo: PHOTO },
    { id: 'emp-21', name: 'Bo' },
    { id: 'emp-30', name: 'Chen Wei' },
  ],
};

const render = (question: QuestionOf<'staff'> = helper, options: Parameters<typeof renderQuestion>[2] = {}) =>
  renderQuestion(staffView, question, { styles: [questionBaseStyles, staffStyles], ...options });
const staff = (value: string | null): AnswerOf<'staff'> => ({ questionId: 'helper', type: 'staff', value });

const root = (host: QuestionHost) => host.shadowRoot as ShadowRoot;
const group = (host: QuestionHost) => root(host).querySelector('[role=radiogroup]') as HTMLElement;
const radios = (host: QuestionHost) => [...root(host).querySelectorAll<HTMLInputElement>('input[type=radio]')];
const radio = (host: QuestionHost, value: string) => root(host).querySelector(`input[value="${value}"]`) as HTMLInputElement;
const card = (host: QuestionHost, value: string) => radio(host, value).closest('label') as HTMLLabelElement;
const names = (host: QuestionHost) => radios(host).map((r) => r.closest('label')?.querySelector('.name')?.textContent);
const checked = (host: QuestionHost) => radios(host).filter((r) => r.checked).map((r) => r.value);

async function press(host: QuestionHost, key: string) {
  await sendKeys({ press: key });
  await host.updateComplete;
}

describe('staff question', () => {
  afterEach(() => document.querySelectorAll('test-question-host').forEach((host) => host.remove()));

  it('is accessible', async () => {
    const host = await render();
    await expect(host).to.be.accessible();
  });

  it('is accessible right-to-left, in kiosk mode, answered "Not sure", with a broken photo and invalid', async () => {
    const roster = [...(helper.roster ?? []), { id: 'emp-40', name: 'Dana Broken', photo: BROKEN }];
    const host = await render({ ...helper, roster, required: true, description: 'Optional' }, { dir: 'rtl', kiosk: true, answer: staff(null) });
    await waitUntil(() => radio(host, 'emp-40').closest('label')?.querySelector('img')?.hidden, 'the broken photo hides');
    await expect(host).to.be.accessible();
    host.invalid = true;
    await host.updateComplete;
    await expect(host).to.be.accessible();
  });

  describe('rendering', () => {
    it('renders a radiogroup named by the prompt: one card per person, then "Not sure"', async () => {
      const host = await render();
      const prompt = root(host).getElementById(group(host).getAttribute('aria-labelledby') ?? '');
      expect(prompt?.textContent?.trim()).to.equal('Who helped you today?');
      expect(radios(host).map((r) => [r.name, r.value])).to.deep.equal([
        ['q-staff', 'emp-17'],
        ['q-staff', 'emp-21'],
        ['q-staff', 'emp-30'],
        ['q-staff', ''],
      ]);
      expect(names(host)).to.deep.equal(['Ana María López', 'Bo', 'Chen Wei', 'Not sure']);
      expect(checked(host)).to.deep.equal([]);
    });

    it('localizes the prompt', async () => {
      const host = await render(helper, { locale: 'es-MX' });
      expect(root(host).querySelector('.prompt')?.textContent?.trim()).to.equal('¿Quién le atendió hoy?');
    });

    it('names each card by the name alone: photo and initials are hidden from assistive technology', async () => {
      const host = await render();
      const avatar = card(host, 'emp-17').querySelector('.avatar') as HTMLElement;
      expect(avatar.getAttribute('aria-hidden')).to.equal('true');
      const img = avatar.querySelector('img') as HTMLImageElement;
      expect([img.getAttribute('alt'), img.getAttribute('loading'), img.getAttribute('referrerpolicy'), img.getAttribute('src')]).to.deep.equal([
        '',
        'lazy',
        'no-referrer',
        PHOTO,
      ]);
    });

    it('shows initials for people without a photo', async () => {
      const host = await render();
      expect(card(host, 'emp-21').querySelector('img')).to.equal(null);
      expect(card(host, 'emp-21').querySelector('.avatar')?.textContent).to.equal('B');
      expect(card(host, 'emp-30').querySelector('.avatar')?.textContent).to.equal('CW');
    });

    it('shows the photo over the initials once it loads', async () => {
      const host = await render();
      const img = card(host, 'emp-17').querySelector('img') as HTMLImageElement;
      await waitUntil(() => img.complete && img.naturalWidth === 1, 'the photo loads');
      expect(img.hidden).to.equal(false);
      expect(getComputedStyle(img).display).to.equal('block');
      expect(img.getBoundingClientRect().width).to.equal((card(host, 'emp-17').querySelector('.avatar') as HTMLElement).getBoundingClientRect().width);
    });

    it('falls back to the initials when the photo fails to load', async () => {
      const host = await render({ ...helper, roster: [{ id: 'emp-40', name: 'dana van broken', photo: BROKEN }] });
      const avatar = card(host, 'emp-40').querySelector('.avatar') as HTMLElement;
      const img = avatar.querySelector('img') as HTMLImageElement;
      await waitUntil(() => img.hidden, 'the broken photo hides');
      expect(getComputedStyle(img).display).to.equal('none');
      expect(avatar.textContent).to.equal('DB');
      expect(avatar.getBoundingClientRect().width).to.be.greaterThan(0);
    });

    it('tries a new photo afresh after an earlier one failed', async () => {
      const host = await render({ ...helper, roster: [{ id: 'emp-40', name: 'Dana', photo: BROKEN }] });
      const broken = card(host, 'emp-40').querySelector('img') as HTMLImageElement;
      await waitUntil(() => broken.hidden, 'the broken photo hides');
      host.question = { ...helper, roster: [{ id: 'emp-40', name: 'Dana', photo: PHOTO }] };
      host.requestUpdate();
      await host.updateComplete;
      const img = card(host, 'emp-40').querySelector('img') as HTMLImageElement;
      expect(img).not.to.equal(broken);
      expect(img.hidden).to.equal(false);
    });

    it('leaves out "Not sure" when allowUnsure is false', async () => {
      const host = await render({ ...helper, allowUnsure: false });
      expect(names(host)).to.deep.equal(['Ana María López', 'Bo', 'Chen Wei']);
      expect(radio(host, '')).to.equal(null);
    });

    it('offers only "Not sure" without a roster', async () => {
      const host = await render({ id: 'helper', type: 'staff', prompt: 'Who helped you?' });
      expect(names(host)).to.deep.equal(['Not sure']);
    });

    it('checks the answer it is given: a person, or "Not sure" for null', async () => {
      expect(checked(await render(helper, { answer: staff('emp-21') }))).to.deep.equal(['emp-21']);
      expect(checked(await render(helper, { answer: staff(null) }))).to.deep.equal(['']);
    });

    it('renders a hostile name as text', async () => {
      const host = await render({ ...helper, roster: [{ id: 'x', name: HOSTILE }] });
      expect(root(host).querySelectorAll('img')).to.have.length(0);
      expect(names(host)).to.deep.equal([HOSTILE, 'Not sure']);
      expect(card(host, 'x').querySelector('.avatar')?.textContent).to.equal('<O');
    });

    it('marks a required question and links the description', async () => {
      const host = await render({ ...helper, required: true, description: 'Tap a face' });
      expect(root(host).querySelector('.prompt .required')?.textContent).to.equal('required');
      expect(group(host).getAttribute('aria-required')).to.equal('true');
      expect(group(host).getAttribute('aria-describedby')).to.equal('q-description');
      expect(root(host).getElementById('q-description')?.textContent).to.equal('Tap a face');
    });
  });

  describe('input', () => {
    it('reports the person whose card is clicked, and null for "Not sure"', async () => {
      const host = await render();
      card(host, 'emp-30').click();
      await host.updateComplete;
      card(host, '').click();
      await host.updateComplete;
      card(host, 'emp-17').click();
      await host.updateComplete;
      expect(host.reported).to.deep.equal([staff('emp-30'), staff(null), staff('emp-17')]);
      expect(checked(host)).to.deep.equal(['emp-17']);
    });

    it('is operated from the keyboard: Tab into the group, Space to pick, arrows to move', async () => {
      const host = await render();
      (document.activeElement as HTMLElement | null)?.blur();
      await press(host, 'Tab');
      expect(root(host).activeElement).to.equal(radio(host, 'emp-17'));
      await press(host, 'Space');
      await press(host, 'ArrowDown');
      await press(host, 'ArrowDown');
      await press(host, 'ArrowDown');
      expect(host.reported).to.deep.equal([staff('emp-17'), staff('emp-21'), staff('emp-30'), staff(null)]);
      const style = getComputedStyle(card(host, ''));
      expect([style.outlineStyle, style.outlineWidth]).to.deep.equal(['solid', '3px']);
    });
  });

  describe('invalid state', () => {
    it('marks the group invalid and points it at the error', async () => {
      const host = await render();
      host.invalid = true;
      await host.updateComplete;
      expect(group(host).getAttribute('aria-invalid')).to.equal('true');
      expect(group(host).getAttribute('aria-describedby')).to.equal('q-error');
      host.invalid = false;
      await host.updateComplete;
      expect(group(host).hasAttribute('aria-invalid')).to.equal(false);
      expect(group(host).hasAttribute('aria-describedby')).to.equal(false);
    });
  });

  describe('styles', () => {
    it('wraps a long roster into a grid of several columns and rows', async () => {
      const roster = Array.from({ length: 8 }, (_, i) => ({ id: `emp-${i}`, name: `Person ${i}` }));
      const host = await render({ ...helper, roster });
      host.style.inlineSize = '480px';
      const tops = radios(host).map((r) => Math.round((r.closest('label') as HTMLElement).getBoundingClientRect().top));
      const rows = new Set(tops).size;
      expect(rows).to.be.greaterThan(1);
      expect(rows).to.be.lessThan(radios(host).length);
      expect(root(host).querySelector('.roster')?.scrollWidth).to.be.at.most(480);
    });

    it('gives cards at least the target size, 64px in kiosk mode, and shows the pick by more than colour', async () => {
      const host = await render(helper, { answer: staff('emp-21') });
      expect(getComputedStyle(card(host, '')).minHeight).to.equal('44px');
      expect(getComputedStyle(card(host, 'emp-21')).boxShadow).to.equal('rgb(11, 92, 173) 0px 0px 0px 1px inset');
      expect(getComputedStyle(card(host, 'emp-30')).boxShadow).to.equal('none');
      const kiosk = await render(helper, { kiosk: true });
      expect(getComputedStyle(card(kiosk, '')).minHeight).to.equal('64px');
    });

    it('puts the radio in the start corner: top right in right-to-left', async () => {
      const host = await render(helper, { dir: 'rtl' });
      const box = card(host, 'emp-21').getBoundingClientRect();
      const dot = radio(host, 'emp-21').getBoundingClientRect();
      expect(box.right - dot.right).to.be.lessThan(box.width / 4);
      expect(dot.top - box.top).to.be.lessThan(box.height / 4);
    });
  });
});
