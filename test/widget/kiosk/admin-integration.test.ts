import { expect } from '@open-wc/testing';
import type { Submission } from '../../../sdk/index.js';
import { DEFAULT_KIOSK_SETTINGS, hashPin, loadKioskSettings, saveKioskSettings, verifyPin, type PinHash } from '../../../src/kiosk/admin/index.js';
import { testCollector, waitFor, type TestCollector } from '../../support/collector.js';
import { $, $$ } from '../helpers.js';
import {
  KIOSK_KEY,
  adminButton,
  adminCheckbox,
  adminDialog,
  adminTitle,
  clearKioskStorage,
  enterPin,
  holdCorner,
  holdCornerWithKeyboard,
  hotspot,
  staffSurvey,
  typeField,
  withQuery,
} from './admin-support.js';
import { face, fakeClock, followUpSurvey, microSurvey, mountKiosk, restoreClock, screenOf, tap, until } from './support.js';

/** The submissions the collector stored, in order. */
async function submissions(collector: TestCollector, count: number): Promise<Submission[]> {
  const state = await waitFor(async () => {
    const s = await collector.state();
    return s.storedCount >= count && s;
  }, { message: `${count} submission(s)` });
  return state.requests.filter((r) => r.method === 'POST').flatMap((r) => r.body as Submission);
}

describe('kiosk: the admin screen, integrated', function () {
  // Holding the corner takes 3 real seconds; PBKDF2 a few hundred milliseconds per PIN.
  this.timeout(30_000);
  let pin: PinHash;
  before(async () => {
    pin = await hashPin('2468', { iterations: 100_000 });
  });
  beforeEach(clearKioskStorage);
  afterEach(() => {
    restoreClock();
    clearKioskStorage();
  });

  it('opens on a long press of the corner, sets a PIN on first use, and a Save applies at once and persists', async () => {
    fakeClock();
    const collector = await testCollector();
    const el = await mountKiosk(collector, microSurvey, { store: '001', device: 'attr-device' });
    const corner = hotspot(el);
    expect(corner.getAttribute('role')).to.equal('button');
    expect(corner.getAttribute('tabindex')).to.equal('0');
    expect(corner.getAttribute('aria-label')).to.equal('Staff settings (hold for 3 seconds)');
    expect(corner.hasAttribute('aria-hidden')).to.equal(false);
    expect(corner.getBoundingClientRect().width).to.equal(48);

    await holdCorner(el);
    expect(adminTitle(el)).to.equal('Choose an admin PIN');
    await enterPin(el, '1357');
    expect(adminTitle(el)).to.equal('Enter the same PIN again');
    await enterPin(el, '1357');
    await until(el, () => adminTitle(el) === 'Kiosk settings', 'the settings form');

    await typeField(el, 'store', '042');
    await typeField(el, 'device', 'till-2');
    await typeField(el, 'newId', 'emp-17');
    await typeField(el, 'newName', 'Ana López');
    adminButton(el, 'Add').click();
    await el.updateComplete;
    adminCheckbox(el, 'Ana López (emp-17)').click();
    await el.updateComplete;
    adminButton(el, 'Save').click();
    await until(el, () => !adminDialog(el), 'the admin screen to close');
    expect(screenOf(el)).to.equal('attract');
    expect([el.store, el.device, el.staff]).to.deep.equal(['042', 'till-2', 'emp-17']);

    await tap(face(el, 4));
    const [first] = await submissions(collector, 1);
    expect(first!.context).to.include({ channel: 'kiosk', store: '042', device: 'till-2' });
    expect(first!.context.staff).to.deep.equal(['emp-17']);

    // A reload: a new element on the same device reads the stored settings over its attributes.
    el.remove();
    const reloaded = await mountKiosk(collector, microSurvey, { store: '001', device: 'attr-device' });
    expect([reloaded.store, reloaded.device, reloaded.staff]).to.deep.equal(['042', 'till-2', 'emp-17']);
    expect(localStorage.getItem(KIOSK_KEY)).to.not.contain('1357');
  });

  it('opens from the keyboard: focus the corner and hold Enter; Escape goes back to the attract screen', async () => {
    saveKioskSettings(KIOSK_KEY, { ...DEFAULT_KIOSK_SETTINGS, pin });
    const el = await mountKiosk(await testCollector(), microSurvey);
    await holdCornerWithKeyboard(el);
    expect(adminTitle(el)).to.equal('Enter the admin PIN');
    await enterPin(el, '2468');
    await until(el, () => adminTitle(el) === 'Kiosk settings', 'the settings form');
    adminDialog(el)!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(el, () => !adminDialog(el), 'the admin screen to close');
    expect(screenOf(el)).to.equal('attract');
    // A fresh customer: a keyboard user lands on the attract screen's first control, not on the page.
    const active = el.shadowRoot!.activeElement;
    expect(active !== null && $(el, '.sv-kiosk .screen')!.contains(active)).to.equal(true);
  });

  it('holds the customer loop while open: no idle reset, no reset after thanks, nothing submitted; closing ends the survey as idle does', async () => {
    const clock = fakeClock();
    saveKioskSettings(KIOSK_KEY, { ...DEFAULT_KIOSK_SETTINGS, pin });
    const collector = await testCollector();
    const el = await mountKiosk(collector, followUpSurvey, { 'idle-timeout': '30000' });
    await tap(face(el, 2));
    await until(el, () => screenOf(el) === 'survey', 'the follow-up question');
    await holdCorner(el);
    clock.tick(120_000);
    await el.updateComplete;
    expect(screenOf(el)).to.equal('survey');
    expect(adminDialog(el)?.open).to.equal(true);
    expect((await collector.state()).storedCount).to.equal(0);
    adminButton(el, 'Cancel').click();
    await until(el, () => screenOf(el) === 'attract', 'the attract screen');
    const [ended] = await submissions(collector, 1);
    expect(ended!.answers).to.deep.equal([{ questionId: 'mood', type: 'smiley', value: 2 }]);
    expect(ended!.context.tags).to.include({ incomplete: true });
    el.remove();

    // On the thank-you screen the reset waits for the admin screen too, and nothing is sent twice.
    const micro = await mountKiosk(collector, microSurvey, { 'min-interval': '0' });
    await tap(face(micro, 5));
    await until(micro, () => screenOf(micro) === 'thanks', 'thanks');
    await holdCorner(micro);
    clock.tick(60_000);
    await micro.updateComplete;
    expect(screenOf(micro)).to.equal('thanks');
    adminButton(micro, 'Cancel').click();
    await until(micro, () => screenOf(micro) === 'attract', 'the attract screen');
    clock.tick(60_000);
    expect((await submissions(collector, 2)).map((s) => s.answers[0]?.value)).to.deep.equal([2, 5]);
  });

  it('is accessible with the admin screen open (PIN pad and settings form)', async () => {
    saveKioskSettings(KIOSK_KEY, { ...DEFAULT_KIOSK_SETTINGS, pin, staffRoster: [{ id: 'emp-17', name: 'Ana' }] });
    const el = await mountKiosk(await testCollector(), microSurvey, { languages: 'en,fr,ar' });
    await expect(el).to.be.accessible();
    await holdCorner(el);
    await expect(el).to.be.accessible();
    await enterPin(el, '2468');
    await until(el, () => adminTitle(el) === 'Kiosk settings', 'the settings form');
    await expect(el).to.be.accessible();
  });

  it('applies a provisioning link when opted in: settings, on-shift staff, roster, contrast; the PIN is hashed and leaves the address bar', async () => {
    const restore = withQuery('store=077&device=exit-9&staff=emp-17:Ana,emp-21:Bo&onshift=emp-21&contrast=high&textsize=1.5&pin=135790');
    try {
      fakeClock();
      const collector = await testCollector();
      const el = await mountKiosk(collector, staffSurvey, { provision: '', store: '001' });
      await until(el, () => el.store === '077', 'the provisioned store');
      expect(location.search).to.not.match(/[?&](pin|store|device|staff|onshift|contrast|textsize)=/);
      const stored = loadKioskSettings(KIOSK_KEY);
      expect(stored).to.include({ store: '077', device: 'exit-9', highContrast: true, textScale: 1.5 });
      expect(await verifyPin('135790', stored.pin!)).to.equal(true);
      expect(localStorage.getItem(KIOSK_KEY)).to.not.contain('135790');
      expect($(el, '.sv-kiosk')!.classList.contains('high-contrast')).to.equal(true);
      expect(el.staff).to.equal('emp-21');

      // The staff question lists the kiosk's roster; the customer's pick beats who is on shift.
      await tap(face(el, 4));
      await until(el, () => $(el, '[data-question="who"]'), 'the staff question');
      expect($$(el, '.sv-staff .member .name').map((n) => n.textContent?.trim())).to.deep.equal(['Ana', 'Bo', 'Not sure']);
      $<HTMLInputElement>(el, '.sv-staff input[value="emp-17"]')!.click();
      await el.updateComplete;
      $<HTMLFormElement>(el, '.sv-kiosk form')!.requestSubmit();
      const [submission] = await submissions(collector, 1);
      expect(submission!.context).to.include({ store: '077', device: 'exit-9' });
      expect(submission!.context.staff).to.deep.equal(['emp-17']);
    } finally {
      restore();
    }
  });

  it('shows staff what is wrong with a bad provisioning link, and applies nothing', async () => {
    const restore = withQuery('store=not valid!&textsize=9&pin=12');
    try {
      const el = await mountKiosk(await testCollector(), microSurvey, { provision: '', store: '001' });
      await until(el, () => $(el, '[part="provision-error"]'), 'the provisioning error');
      const notice = $(el, '[part="provision-error"]')!;
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(notice.textContent).to.contain('Kiosk setup link not applied');
      expect(notice.textContent).to.contain('store:');
      expect(notice.textContent).to.contain('textsize:');
      expect(notice.textContent).to.contain('pin:');
      expect(new URL(location.href).searchParams.has('pin')).to.equal(false);
      expect(localStorage.getItem(KIOSK_KEY)).to.equal(null);
      expect(el.store).to.equal('001');
      await expect(el).to.be.accessible();
      $$<HTMLButtonElement>(el, '[part="provision-error"] button')[0]!.click();
      await until(el, () => !$(el, '[part="provision-error"]'), 'the notice to go');
    } finally {
      restore();
    }
  });

  it('ignores provisioning parameters without the provision attribute', async () => {
    const restore = withQuery('store=077');
    try {
      const el = await mountKiosk(await testCollector(), microSurvey, { store: '001' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(el.store).to.equal('001');
      expect(new URL(location.href).searchParams.get('store')).to.equal('077');
      expect(localStorage.getItem(KIOSK_KEY)).to.equal(null);
    } finally {
      restore();
    }
  });
});
