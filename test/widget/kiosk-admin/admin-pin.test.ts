import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEFAULT_KIOSK_SETTINGS, hashPin, loadKioskSettings, saveKioskSettings, verifyPin, type PinHash } from '../../../src/kiosk/admin/index.js';
import { $, $$, STORAGE_KEY, dialog, enterPin, key, memoryStorage, mountAdmin, padMessage, root, title } from './support/admin-host.js';

const MINUTE = 60_000;

describe('kiosk admin: PIN pad', () => {
  let pin: PinHash;
  before(async () => {
    pin = await hashPin('2468', { iterations: 100_000 });
  });
  afterEach(() => document.querySelectorAll('test-admin-host').forEach((host) => host.remove()));

  async function withPin(options: Parameters<typeof mountAdmin>[0] = { storage: memoryStorage() }) {
    saveKioskSettings(STORAGE_KEY, { ...DEFAULT_KIOSK_SETTINGS, store: '042', pin }, options.storage);
    const host = await mountAdmin(options);
    host.admin.open();
    await host.updateComplete;
    return host;
  }

  it('is closed until opened, then shows a modal PIN pad', async () => {
    const storage = memoryStorage();
    saveKioskSettings(STORAGE_KEY, { ...DEFAULT_KIOSK_SETTINGS, pin }, storage);
    const host = await mountAdmin({ storage });
    expect(host.admin.isOpen).to.equal(false);
    expect(dialog(host)).to.equal(null);
    host.admin.open();
    await host.updateComplete;
    expect(host.admin.isOpen).to.equal(true);
    expect(dialog(host)?.open).to.equal(true);
    expect(dialog(host)?.matches(':modal')).to.equal(true);
    expect(title(host)).to.equal('Enter the admin PIN');
    expect($(host, 'form')).to.equal(null);
  });

  it('is accessible', async () => {
    const host = await withPin();
    await expect(host).to.be.accessible();
    await enterPin(host, '1111');
    await expect(host).to.be.accessible();
  });

  it('shows one masked dot per digit and never the digits', async () => {
    const host = await withPin();
    for (const digit of '246') key(host, digit).click();
    await host.updateComplete;
    expect($$(host, '.dot.filled')).to.have.length(3);
    expect($(host, '[role="status"]')?.textContent).to.equal('3 digits entered');
    expect(root(host).textContent).to.not.match(/246/);
    expect($$(host, 'input')).to.have.length(0);
    key(host, 'Delete').click();
    await host.updateComplete;
    expect($$(host, '.dot.filled')).to.have.length(2);
  });

  it('rejects a wrong PIN and says how many tries are left', async () => {
    const host = await withPin();
    await enterPin(host, '1357');
    expect(padMessage(host)).to.equal('Wrong PIN. 4 tries left before the screen locks.');
    expect($(host, 'form')).to.equal(null);
    expect($$(host, '.dot.filled')).to.have.length(0);
  });

  it('asks for at least 4 digits without counting a failure', async () => {
    const host = await withPin();
    await enterPin(host, '12');
    expect(padMessage(host)).to.equal('Enter at least 4 digits.');
    await enterPin(host, '1111');
    expect(padMessage(host)).to.include('4 tries left');
  });

  it('opens the settings with the right PIN', async () => {
    const host = await withPin();
    await enterPin(host, '2468');
    expect(title(host)).to.equal('Kiosk settings');
    expect($<HTMLInputElement>(host, '#sv-admin-store')?.value).to.equal('042');
    await waitUntil(() => root(host).activeElement?.id === 'sv-admin-brand', 'focus moves to the first field');
  });

  it('locks out after 5 wrong PINs, counts down, and opens again after the lockout (injected clock)', async () => {
    const clock = { now: 1_700_000_000_000 };
    const host = await withPin({ storage: memoryStorage(), now: () => clock.now });
    for (let i = 0; i < 5; i++) await enterPin(host, '0000');
    expect(padMessage(host)).to.equal('Too many wrong PINs. Locked for 5 minutes.');
    expect($(host, '.countdown')?.textContent).to.equal('Try again in 5:00.');
    expect(key(host, '1').getAttribute('aria-disabled')).to.equal('true');
    // While locked, even the right PIN is not looked at.
    await enterPin(host, '2468');
    expect($(host, 'form')).to.equal(null);
    clock.now += 2 * MINUTE + 30_000;
    await waitUntil(() => $(host, '.countdown')?.textContent === 'Try again in 2:30.', 'the countdown follows the clock', { timeout: 3000 });
    clock.now += 2 * MINUTE + 30_000;
    await waitUntil(() => !$(host, '.countdown'), 'the lockout ends', { timeout: 3000 });
    await enterPin(host, '2468');
    expect(title(host)).to.equal('Kiosk settings');
  });

  it('keeps the lockout across a reload (a new controller over the same storage)', async () => {
    const clock = { now: 1_700_000_000_000 };
    const storage = memoryStorage();
    const first = await withPin({ storage, now: () => clock.now });
    for (let i = 0; i < 3; i++) await enterPin(first, '0000');
    first.remove();
    const second = await mountAdmin({ storage, now: () => clock.now });
    second.admin.open();
    await second.updateComplete;
    await enterPin(second, '0000');
    expect(padMessage(second)).to.include('1 try left');
    await enterPin(second, '0000');
    second.remove();
    const third = await mountAdmin({ storage, now: () => clock.now });
    third.admin.open();
    await third.updateComplete;
    expect(padMessage(third)).to.equal('Too many wrong PINs. Locked for 5 minutes.');
    await enterPin(third, '2468');
    expect($(third, 'form')).to.equal(null);
  });

  it('asks to choose a PIN when none is set, and never opens the settings without one', async () => {
    const storage = memoryStorage();
    const host = await mountAdmin({ storage });
    host.admin.open();
    await host.updateComplete;
    expect(title(host)).to.equal('Choose an admin PIN');
    await expect(host).to.be.accessible();
    await enterPin(host, '1357');
    expect(title(host)).to.equal('Enter the same PIN again');
    await enterPin(host, '1358');
    expect(title(host)).to.equal('Choose an admin PIN');
    expect(padMessage(host)).to.equal('The two PINs did not match. Choose a PIN again.');
    expect(loadKioskSettings(STORAGE_KEY, storage).pin).to.equal(undefined);
    await enterPin(host, '1357');
    await enterPin(host, '1357');
    expect(title(host)).to.equal('Kiosk settings');
    const stored = loadKioskSettings(STORAGE_KEY, storage).pin;
    expect(stored && (await verifyPin('1357', stored))).to.equal(true);
    expect([...storage.data.values()].join()).to.not.include('1357');
  });

  it('takes digits from a keyboard: digits, Backspace, and Enter on OK', async () => {
    const host = await withPin();
    await waitUntil(() => root(host).activeElement?.textContent?.trim() === '1', 'the first key has focus');
    await sendKeys({ type: '24689' });
    await sendKeys({ press: 'Backspace' });
    await host.updateComplete;
    expect($$(host, '.dot.filled')).to.have.length(4);
    key(host, 'OK').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => title(host) === 'Kiosk settings', 'the settings open');
  });

  it('closes on Escape and on Cancel, and gives focus back', async () => {
    const host = await withPin();
    const corner = $<HTMLButtonElement>(host, '#corner')!;
    host.admin.close();
    await host.updateComplete;
    corner.focus();
    host.admin.open();
    await host.updateComplete;
    await sendKeys({ press: 'Escape' });
    await host.updateComplete;
    expect(host.admin.isOpen).to.equal(false);
    expect(dialog(host)).to.equal(null);
    expect(host.closed).to.equal(2);
    expect(root(host).activeElement).to.equal(corner);
    host.admin.open();
    await host.updateComplete;
    key(host, 'Cancel').click();
    await host.updateComplete;
    expect(host.admin.isOpen).to.equal(false);
    expect(host.closed).to.equal(3);
  });

  it('closes by itself after the idle time, and a touch restarts the countdown', async () => {
    const host = await withPin({ storage: memoryStorage(), idleMs: 1000 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    key(host, '5').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(host.admin.isOpen).to.equal(true);
    await waitUntil(() => !host.admin.isOpen, 'idle closes it', { timeout: 3000 });
    await host.updateComplete;
    expect(dialog(host)).to.equal(null);
    expect(host.closed).to.equal(1);
  });
});
