import { expect } from '@open-wc/testing';
import type { Submission } from '../../sdk/index.js';
import type { StoreVoiceWidget } from '../../src/index.js';
import { testCollector, waitFor } from '../support/collector.js';
import { openFrame } from './helpers.js';

const micro = { id: 'micro', questions: [{ id: 'mood', type: 'smiley', prompt: 'How was it?', required: true }] };

/** Loads a fixture page in an iframe (its own document, CSS and headers) and waits for its widget. */
async function openPage(path: string): Promise<{ frame: HTMLIFrameElement; doc: Document; widget: StoreVoiceWidget }> {
  const frame = await openFrame(path);
  const doc = frame.contentDocument!;
  const widget = await waitFor(() => {
    const el = doc.querySelector('storevoice-widget') as StoreVoiceWidget | null;
    return el?.shadowRoot?.querySelector('[role="radio"], [part~="launcher"]') ? el : undefined;
  }, { message: `the widget on ${path}` });
  return { frame, doc, widget };
}

describe('script tag', () => {
  it('auto-mounts one widget from its data attributes, even when included twice', async () => {
    const collector = await testCollector('embed-page');
    await collector.serveSurvey(micro);
    const { frame, doc, widget } = await openPage('/test/widget/fixtures/embed.html');
    expect(doc.querySelectorAll('storevoice-widget')).to.have.length(1);
    const api = frame.contentWindow!.StoreVoice!;
    expect(api.version).to.match(/^\d+\.\d+\.\d+/, 'the package version, set at build');
    // The whole global: the widget API, and what hands the widget a client of its own. SDK functions
    // only a page's own script would call (scrubPii, contextFromUrl) are storevoice/sdk's.
    expect(Object.keys(api).sort()).to.deep.equal(['close', 'createClient', 'http', 'init', 'on', 'open', 'setContext', 'version']);
    const sent: unknown[] = [];
    api.on('sent', (detail) => sent.push(detail));

    (widget.shadowRoot!.querySelectorAll('[role="radio"]')[4] as HTMLElement).click();
    const state = await waitFor(async () => {
      const s = await collector.state();
      return s.storedCount === 1 && s;
    });
    const body = state.requests.find((r) => r.status === 202)!.body as Submission;
    expect(body.context).to.include({ channel: 'web', brand: 'acme', region: 'emea-north', store: '042' });
    expect(body.context.staff).to.deep.equal(['emp-17']);
    expect(state.requests[0]!.authorization).to.equal('Bearer pk_test');
    await waitFor(() => sent.length === 1, { message: 'StoreVoice.on("sent")' });
    frame.remove();
  });

  it("drives the tag's widget from a page script that runs right after the tag", async () => {
    const collector = await testCollector('embed-api-page');
    await collector.serveSurvey(micro);
    const { doc, widget, frame } = await openPage('/test/widget/fixtures/embed-api.html');
    expect(doc.querySelectorAll('storevoice-widget')).to.have.length(1);
    // open() was called before the widget was in the page: the dialog opens once it is.
    const radio = await waitFor(() => widget.shadowRoot!.querySelector<HTMLElement>('dialog[open] [role="radio"]'), { message: 'the open dialog' });
    radio.click();
    const state = await waitFor(async () => {
      const s = await collector.state();
      return s.storedCount === 1 && s;
    });
    const body = state.requests.find((r) => r.status === 202)!.body as Submission;
    expect(body.context).to.include({ brand: 'other', store: '099' });
    expect(body.context.tags).to.deep.equal({ campaign: 'spring' });
    frame.remove();
  });

  it('loads a non-English catalog on demand from beside the bundle, and shows it at once', async () => {
    const collector = await testCollector('embed-es-page');
    await collector.serveSurvey({ id: 'micro', questions: [{ id: 'nps', type: 'nps', prompt: 'How likely?' }, { id: 'why', type: 'text', prompt: 'Why?' }] });
    const { frame, widget } = await openPage('/test/widget/fixtures/embed-es.html');
    const loaded = frame.contentWindow!.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(loaded).to.include('/dist/locales/es.js');
    // The first screen is already Spanish: survey and catalog are awaited together.
    expect(widget.shadowRoot!.querySelector('button[type="submit"]')!.textContent!.trim()).to.equal('Siguiente');
    expect(widget.shadowRoot!.textContent).to.contain('Nada probable');
    frame.remove();
  });

  it('adds only the StoreVoice global', async () => {
    const collector = await testCollector('embed-page');
    await collector.serveSurvey(micro);
    const blank = document.createElement('iframe');
    blank.src = '/test/widget/fixtures/blank.html';
    document.body.append(blank);
    await new Promise((resolve) => blank.addEventListener('load', resolve, { once: true }));
    const before = new Set(Object.getOwnPropertyNames(blank.contentWindow!));
    blank.remove();
    const { frame } = await openPage('/test/widget/fixtures/embed.html');
    const added = Object.getOwnPropertyNames(frame.contentWindow!).filter((name) => !before.has(name));
    expect(added).to.deep.equal(['StoreVoice']);
    frame.remove();
  });

  it('works under a strict CSP with Trusted Types enforced', async () => {
    const collector = await testCollector('csp-page');
    await collector.serveSurvey(micro);
    const { frame, widget } = await openPage('/test/widget/fixtures/csp.html');
    const launcher = widget.shadowRoot!.querySelector('[part~="launcher"]') as HTMLElement;
    // Styles applied (adopted stylesheets are allowed by style-src 'self'): the launcher is fixed.
    expect(frame.contentWindow!.getComputedStyle(launcher).position).to.equal('fixed');
    launcher.click();
    await waitFor(() => widget.shadowRoot!.querySelector('dialog[open] [role="radio"]'));
    (widget.shadowRoot!.querySelectorAll('dialog [role="radio"]')[0] as HTMLElement).click();
    await waitFor(async () => (await collector.state()).storedCount === 1, { message: 'delivered under CSP' });
    frame.remove();
  });

  it('survives hostile host CSS and does not leak styles out', async () => {
    const collector = await testCollector('hostile-page');
    await collector.serveSurvey(micro);
    const { frame, doc, widget } = await openPage('/test/widget/fixtures/hostile.html');
    const win = frame.contentWindow!;
    const radio = widget.shadowRoot!.querySelector('[role="radio"]') as HTMLElement;
    const box = radio.getBoundingClientRect();
    expect(box.width).to.be.at.least(24);
    expect(box.height).to.be.at.least(24);
    expect(win.getComputedStyle(radio).visibility).to.equal('visible');
    const panel = widget.shadowRoot!.querySelector('[part~="panel"]') as HTMLElement;
    expect(win.getComputedStyle(panel).fontSize).to.equal('16px', 'html { font-size: 40px } does not reach in');
    expect(win.getComputedStyle(doc.getElementById('probe')!).fontSize).to.not.equal('16px');
    radio.click();
    await waitFor(async () => (await collector.state()).storedCount === 1);
    frame.remove();
  });
});
