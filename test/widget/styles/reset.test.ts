import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { adoptStyles, unsafeCSS } from 'lit';
import { kioskCss } from '../../../src/kiosk/kiosk.styles.js';
import { mountProbe, ThemeProbe } from './theme-probe.js';

/** Global CSS as hostile as real host pages get; every rule here has been seen in the wild. */
const hostileCss = `
  html { font-size: 40px !important; }
  * { all: unset; }
  body { font: italic 700 30px/3 'Comic Sans MS', cursive; color: #ff00ff; letter-spacing: 4px; text-transform: uppercase; text-align: center; }
  button { display: none !important; }
  input, textarea { color: red !important; font-size: 40px !important; }
  [hidden] { display: block !important; }
`;

describe('component reset against hostile host CSS', () => {
  let sheet: HTMLStyleElement | undefined;

  function addPageCss(text: string) {
    sheet = document.createElement('style');
    sheet.textContent = text;
    document.head.append(sheet);
  }

  afterEach(async () => {
    sheet?.remove();
    sheet = undefined;
    document.querySelectorAll('test-theme-probe').forEach((probe) => probe.remove());
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('keeps its own typography, colour and controls under `* { all: unset }` and friends', async () => {
    addPageCss(hostileCss);
    const probe = await mountProbe();
    const text = probe.styleOf('#text');
    expect(text.fontSize).to.equal('16px');
    expect(text.lineHeight).to.equal('24px');
    expect(text.fontStyle).to.equal('normal');
    expect(text.fontWeight).to.equal('400');
    expect(text.color).to.equal('rgb(27, 31, 36)');
    expect(text.letterSpacing).to.equal('normal');
    expect(text.textTransform).to.equal('none');
    expect(text.textAlign).to.equal('start');
    expect(text.fontFamily).to.contain('system-ui');
    const button = probe.styleOf('#button');
    expect(button.display).to.equal('inline-flex');
    expect(button.fontSize).to.equal('16px');
    expect(probe.shadowRoot!.querySelector('#button')!.getBoundingClientRect().height).to.be.at.least(44);
    const input = probe.styleOf('#input');
    expect(input.fontSize).to.equal('16px');
    expect(input.color).to.equal('rgb(27, 31, 36)');
  });

  it('ignores the page’s root font size (px, not rem)', async () => {
    addPageCss('html { font-size: 40px; }');
    const probe = await mountProbe();
    expect(probe.styleOf('#text').fontSize).to.equal('16px');
    expect(probe.variable('--_target')).to.equal('44px');
  });

  it('still takes theming from --storevoice-* custom properties through `all: initial`', async () => {
    addPageCss(`${hostileCss} :root { --storevoice-color-text: #102030; --storevoice-font-size: 18px; }`);
    const probe = await mountProbe();
    expect(probe.styleOf('#text').color).to.equal('rgb(16, 32, 48)');
    expect(probe.styleOf('#text').fontSize).to.equal('18px');
  });

  it('leaves the element’s own layout to the page, so it can still place or hide it', async () => {
    addPageCss('test-theme-probe { display: none; }');
    const probe = await mountProbe();
    expect(getComputedStyle(probe).display).to.equal('none');
    sheet!.textContent = 'test-theme-probe { margin: 0 0 0 37px; }';
    expect(getComputedStyle(probe).marginLeft).to.equal('37px');
    expect(getComputedStyle(probe).display).to.equal('block');
  });

  it('hides [hidden] elements and the host itself, whatever display they were given', async () => {
    addPageCss(hostileCss);
    const probe = await mountProbe();
    expect(probe.styleOf('#hidden').display).to.equal('none');
    probe.hidden = true;
    expect(getComputedStyle(probe).display).to.equal('none');
  });

  it('hides .visually-hidden text from sight but keeps it in the accessibility tree', async () => {
    const probe = await mountProbe();
    const label = probe.shadowRoot!.querySelector('#hidden-label')!;
    const box = label.getBoundingClientRect();
    expect(box.width).to.be.at.most(1);
    expect(box.height).to.be.at.most(1);
    expect(getComputedStyle(label).display).to.not.equal('none');
    expect(getComputedStyle(label).visibility).to.equal('visible');
  });

  it('draws a focus ring in the focus colour for keyboard focus', async () => {
    const probe = await mountProbe();
    const input = probe.shadowRoot!.querySelector<HTMLInputElement>('#input')!;
    input.focus(); // text inputs match :focus-visible on any focus
    const style = getComputedStyle(input);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineWidth).to.equal('3px');
    expect(style.outlineColor).to.equal('rgb(11, 92, 173)');
  });

  it('raises hit targets and text size in kiosk mode', async () => {
    const probe = await mountProbe({ mode: 'kiosk' });
    expect(probe.styleOf('#text').fontSize).to.equal('20px');
    // Kiosk mode adds its own styles to the shadow root as it starts (src/kiosk/index.ts).
    adoptStyles(probe.shadowRoot!, [...ThemeProbe.elementStyles, unsafeCSS(kioskCss)]);
    expect(probe.variable('--_target')).to.equal('72px');
    expect(probe.shadowRoot!.querySelector('#button')!.getBoundingClientRect().height).to.be.at.least(72);
    probe.style.setProperty('--storevoice-kiosk-target-size', '96px');
    expect(probe.shadowRoot!.querySelector('#button')!.getBoundingClientRect().height).to.be.at.least(96);
  });

  it('stops transitions and animations when the user prefers reduced motion', async () => {
    const probe = await mountProbe();
    const button = probe.shadowRoot!.querySelector<HTMLElement>('#button')!;
    button.style.transition = 'opacity 300ms';
    expect(getComputedStyle(button).transitionDuration).to.equal('0.3s');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(button).transitionProperty).to.equal('none');
  });
});
