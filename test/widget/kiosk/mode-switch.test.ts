import { expect } from '@open-wc/testing';
import type { StoreVoiceWidget } from '../../../src/index.js';
import { testCollector } from '../../support/collector.js';
import { $ } from '../helpers.js';
import { fakeClock, microSurvey, restoreClock, screenOf, until } from './support.js';

// Its own file: the first test needs kiosk mode's code not loaded yet in this page.
describe('kiosk: switching mode', () => {
  afterEach(restoreClock);

  it('starts when mode becomes "kiosk" again after leaving it while kiosk mode was still loading', async () => {
    fakeClock();
    const collector = await testCollector();
    const el = document.createElement('storevoice-widget');
    el.setAttribute('endpoint', collector.endpoint);
    el.setAttribute('survey', JSON.stringify(microSurvey));
    el.setAttribute('mode', 'kiosk');
    document.body.append(el);
    try {
      await el.updateComplete; // kiosk mode's code is on its way
      el.mode = 'inline';
      await until(el, () => $(el, '.panel .smiley'), 'inline');
      await import('../../../src/kiosk/index.js'); // it has arrived
      await new Promise((resolve) => setTimeout(resolve));
      expect($(el, '.sv-kiosk')).to.equal(null);
      el.mode = 'kiosk';
      await until(el, () => screenOf(el) === 'attract', 'the attract screen');
    } finally {
      el.remove();
    }
  });

  it('leaves kiosk mode for inline and comes back to a fresh attract screen', async () => {
    fakeClock();
    const collector = await testCollector();
    const el = document.createElement('storevoice-widget') as StoreVoiceWidget;
    el.setAttribute('endpoint', collector.endpoint);
    el.setAttribute('survey', JSON.stringify(microSurvey));
    el.setAttribute('mode', 'kiosk');
    document.body.append(el);
    try {
      await until(el, () => screenOf(el) === 'attract', 'the attract screen');
      el.mode = 'inline';
      await until(el, () => !$(el, '.sv-kiosk') && $(el, '.panel .smiley'), 'inline');
      el.mode = 'kiosk';
      await until(el, () => screenOf(el) === 'attract', 'the attract screen again');
    } finally {
      el.remove();
    }
  });
});
