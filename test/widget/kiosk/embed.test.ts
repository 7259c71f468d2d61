import { expect } from '@open-wc/testing';
import type { StoreVoiceWidget } from '../../../src/index.js';
import { testCollector, waitFor } from '../../support/collector.js';
import { openFrame } from '../helpers.js';

const micro = { id: 'micro', questions: [{ id: 'mood', type: 'smiley', prompt: 'How was your visit today?', required: true }] };


const kioskScripts = (frame: HTMLIFrameElement) =>
  frame.contentWindow!.performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/kiosk.js'));

describe('kiosk: script tag (needs `npm run build`)', () => {
  it('loads kiosk.js from beside the bundle only for mode="kiosk"', async () => {
    const collector = await testCollector('kiosk-embed');
    await collector.serveSurvey(micro);
    const frame = await openFrame('/test/widget/kiosk/fixtures/kiosk-embed.html');
    const widget = await waitFor(() => {
      const el = frame.contentDocument!.querySelector('storevoice-widget') as StoreVoiceWidget | null;
      return el?.shadowRoot?.querySelector('.sv-kiosk .attract [role="radio"]') ? el : undefined;
    }, { message: 'the kiosk attract screen' });
    expect(kioskScripts(frame)).to.have.length(1);
    // Kiosk attributes come from the tag's data-* attributes too.
    expect([widget.idleTimeout, widget.resetDelay, widget.textScale, widget.managerHelp]).to.deep.equal([45000, 4000, 1.5, '']);
    (widget.shadowRoot!.querySelectorAll('[role="radio"]')[3] as HTMLElement).click();
    await waitFor(async () => (await collector.state()).storedCount === 1);
    expect(Object.keys(frame.contentWindow!).filter((k) => k.toLowerCase().includes('storevoice'))).to.deep.equal(['StoreVoice']);
    frame.remove();

    const inline = await testCollector('embed-page');
    await inline.serveSurvey(micro);
    const shop = await openFrame('/test/widget/fixtures/embed.html');
    await waitFor(() => shop.contentDocument!.querySelector('storevoice-widget')?.shadowRoot?.querySelector('[role="radio"]'));
    expect(kioskScripts(shop)).to.have.length(0);
    shop.remove();
  });
});
