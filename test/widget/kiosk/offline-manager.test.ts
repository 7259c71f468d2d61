import { expect } from '@open-wc/testing';
import { createClient, http, type Submission } from '../../../sdk/index.js';
import { setOffline, testCollector, waitFor } from '../../support/collector.js';
import { $ } from '../helpers.js';
import { face, fakeClock, microSurvey, mountKiosk, quickTap, restoreClock, screenOf, tap, textOf, until } from './support.js';

describe('kiosk: offline, and manager help', () => {
  afterEach(restoreClock);

  it('keeps taking feedback offline, shows staff "Offline · N queued", and delivers exactly N once back online', async () => {
    const clock = fakeClock();
    const collector = await testCollector();
    const el = await mountKiosk(collector, microSurvey);
    await setOffline(true);
    try {
      await until(el, () => $(el, '[part~="offline-indicator"]'), 'the offline badge');
      expect($(el, '[part~="offline-indicator"]')!.textContent).to.equal('Offline');
      for (let customer = 1; customer <= 3; customer++) {
        // Synthetic taps: WTR's mouse commands travel over a web socket that offline emulation stalls.
        quickTap(face(el, customer + 1));
        await until(el, () => screenOf(el) === 'thanks');
        clock.tick(5000);
        await until(el, () => screenOf(el) === 'attract');
      }
      await until(el, () => $(el, '[part~="offline-indicator"]')?.textContent === 'Offline · 3 queued', 'three queued');
    } finally {
      await setOffline(false);
    }
    const state = await waitFor(async () => {
      const s = await collector.state();
      return s.storedCount === 3 && s;
    }, { message: 'three delivered' });
    expect(state.duplicates).to.equal(0);
    await until(el, () => !$(el, '[part~="offline-indicator"]'), 'the badge goes away');
    expect((await collector.state()).storedCount).to.equal(3);
  });

  const managerSurvey = { ...microSurvey, id: 'kiosk-manager' };

  async function mountWithAlerts(alertsDown: boolean) {
    const main = await testCollector();
    const alerts = await testCollector();
    if (alertsDown) await alerts.down(true);
    const client = createClient({
      destinations: { main: http(main.endpoint), alerts: http(alerts.endpoint) },
      // The documented rule (docs/kiosk.md): a manager request also goes to the alert destination.
      routes: [{ when: (s) => s.context.tags?.['managerRequested'] === true, to: ['main', 'alerts'] }, { to: ['main'] }],
      outbox: { storage: 'memory', name: `kiosk-manager-${Math.random().toString(36).slice(2)}` },
      submitTimeoutMs: 2000,
    });
    const el = await mountKiosk(undefined, managerSurvey, { 'manager-help': '' }, client);
    return { el, main, alerts, client };
  }

  it('offers a manager after a bad score and confirms only when the alert was delivered', async () => {
    fakeClock();
    const { el, alerts, client } = await mountWithAlerts(false);
    await tap(face(el, 1));
    await until(el, () => screenOf(el) === 'offer');
    await expect(el).to.be.accessible();
    expect(textOf(el)).to.contain('Would you like to speak to a manager now?');
    await tap($(el, '.sv-kiosk .offer button.primary')!);
    await until(el, () => screenOf(el) === 'thanks');
    expect(textOf(el)).to.contain('A manager has been notified');
    const stored = await waitFor(async () => {
      const s = await alerts.state();
      return s.storedCount === 1 && s;
    });
    expect((stored.requests[0]!.body as Submission).context.tags).to.include({ managerRequested: true });
    client.destroy();
  });

  it('says "please ask at the till" when the alert could not be delivered', async () => {
    fakeClock();
    const { el, client } = await mountWithAlerts(true);
    await tap(face(el, 2));
    await until(el, () => screenOf(el) === 'offer');
    await tap($(el, '.sv-kiosk .offer button.primary')!);
    await until(el, () => screenOf(el) === 'thanks');
    expect(textOf(el)).to.contain('Please ask at the till; we’ve saved your request.');
    expect(textOf(el)).to.not.contain('has been notified');
    client.destroy();
  });

  it('does not offer a manager after a good score, nor without manager-help', async () => {
    fakeClock();
    const { el, main, client } = await mountWithAlerts(false);
    await tap(face(el, 5));
    await until(el, () => screenOf(el) === 'thanks');
    await waitFor(async () => (await main.state()).storedCount === 1);
    client.destroy();
    const plain = await mountKiosk(await testCollector(), microSurvey);
    await tap(face(plain, 1));
    await until(plain, () => screenOf(plain) === 'thanks');
  });
});
