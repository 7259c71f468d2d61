import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEFAULT_KIOSK_SETTINGS, hashPin, loadKioskSettings, saveKioskSettings, verifyPin, type KioskSettings, type PinHash } from '../../../src/kiosk/admin/index.js';
import { $, $$, STORAGE_KEY, enterPin, key, memoryStorage, mountAdmin, root, title, type AdminHost } from './support/admin-host.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

describe('kiosk admin: settings form', () => {
  let pin: PinHash;
  before(async () => {
    pin = await hashPin('2468', { iterations: 100_000 });
  });
  afterEach(() => document.querySelectorAll('test-admin-host').forEach((host) => host.remove()));

  /** Mounts, opens and unlocks the admin screen over `settings`. */
  async function openSettings(settings: Partial<KioskSettings> = {}, options: Partial<Parameters<typeof mountAdmin>[0]> = {}) {
    const storage = options.storage ?? memoryStorage();
    saveKioskSettings(STORAGE_KEY, { ...DEFAULT_KIOSK_SETTINGS, pin, ...settings }, storage);
    const host = await mountAdmin({ ...options, storage });
    host.admin.open();
    await host.updateComplete;
    await enterPin(host, '2468');
    expect(title(host)).to.equal('Kiosk settings');
    return { host, storage };
  }

  const input = (host: AdminHost, name: string) => $<HTMLInputElement>(host, `#sv-admin-${name}`)!;
  async function type(host: AdminHost, name: string, value: string) {
    const field = input(host, name);
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await host.updateComplete;
  }
  const button = (host: AdminHost, text: string) => $$<HTMLButtonElement>(host, 'form button').find((b) => b.textContent?.trim() === text)!;
  const checkbox = (host: AdminHost, text: string) => $$<HTMLLabelElement>(host, 'label.check').find((l) => l.textContent?.includes(text))?.querySelector('input') as HTMLInputElement;

  it('is accessible, with a roster, and with errors shown', async () => {
    const { host } = await openSettings({ staffRoster: [{ id: 'emp-17', name: 'Ana' }], onShift: ['emp-17'], languages: ['en', 'ar'] });
    await expect(host).to.be.accessible();
    await type(host, 'store', 'not valid!');
    button(host, 'Save').click();
    await host.updateComplete;
    await expect(host).to.be.accessible();
  });

  it('has fieldsets for location, survey, staff, display and security, and targets of at least 64px', async () => {
    const { host } = await openSettings({ staffRoster: [{ id: 'emp-17', name: 'Ana' }] });
    expect($$(host, 'form > fieldset > legend').map((l) => l.textContent?.trim())).to.deep.equal(['Location', 'Survey', 'Staff', 'Display', 'Security']);
    for (const control of $$(host, 'form button, form input:not([type=checkbox]), form select, form label.check')) {
      const box = control.getBoundingClientRect();
      expect(box.height, control.outerHTML.slice(0, 60)).to.be.at.least(64);
    }
  });

  it('saves, reports the settings and closes; a reload (new controller) reads them back', async () => {
    const storage = memoryStorage();
    const { host } = await openSettings({ staffRoster: [{ id: 'emp-17', name: 'Ana' }] }, { storage, surveys: ['store-exit', 'till'] });
    await type(host, 'brand', 'acme');
    await type(host, 'store', ' 042 ');
    await type(host, 'device', 'exit-1');
    const survey = $<HTMLSelectElement>(host, '#sv-admin-survey')!;
    survey.value = 'till';
    survey.dispatchEvent(new Event('change', { bubbles: true }));
    checkbox(host, 'Ana (emp-17)').click();
    checkbox(host, '(fr)').click();
    checkbox(host, '(en)').click();
    checkbox(host, 'High contrast').click();
    const size = $<HTMLSelectElement>(host, '#sv-admin-textScale')!;
    size.value = '1.5';
    size.dispatchEvent(new Event('change', { bubbles: true }));
    await host.updateComplete;
    button(host, 'Save').click();
    await host.updateComplete;
    expect(host.admin.isOpen).to.equal(false);
    expect(host.closed).to.equal(1);
    const expected = { ...DEFAULT_KIOSK_SETTINGS, pin, brand: 'acme', store: '042', device: 'exit-1', survey: 'till', staffRoster: [{ id: 'emp-17', name: 'Ana' }], onShift: ['emp-17'], languages: ['en', 'fr'], highContrast: true, textScale: 1.5 };
    expect(host.saved).to.deep.equal([expected]);
    host.remove();
    expect(loadKioskSettings(STORAGE_KEY, storage)).to.deep.equal(expected);
    const reloaded = await mountAdmin({ storage });
    reloaded.admin.open();
    await reloaded.updateComplete;
    await enterPin(reloaded, '2468');
    expect(input(reloaded, 'store').value).to.equal('042');
    expect(checkbox(reloaded, 'Ana (emp-17)').checked).to.equal(true);
  });

  it('shows an error beside each invalid field, tied to it with aria-describedby, and saves nothing', async () => {
    const storage = memoryStorage();
    const { host } = await openSettings({ store: '041' }, { storage });
    const before = storage.data.get(STORAGE_KEY);
    await type(host, 'store', '04 2');
    await type(host, 'endpoint', 'javascript:alert(1)');
    button(host, 'Save').click();
    await host.updateComplete;
    expect(host.admin.isOpen).to.equal(true);
    expect(host.saved).to.deep.equal([]);
    expect(storage.data.get(STORAGE_KEY)).to.equal(before);
    for (const name of ['store', 'endpoint']) {
      const field = input(host, name);
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      const described = field.getAttribute('aria-describedby')!.split(' ').map((id) => root(host).getElementById(id)?.textContent ?? '');
      expect(described.join(' ')).to.match(/must be/);
    }
    expect($(host, '.status')?.textContent).to.equal('Not saved: fix the 2 fields marked below.');
    await waitUntil(() => root(host).activeElement === input(host, 'store'), 'the first invalid field takes focus');
    await type(host, 'store', '042');
    expect(input(host, 'store').hasAttribute('aria-invalid')).to.equal(false);
  });

  it('adds and removes staff; removing someone takes them off shift too', async () => {
    const { host } = await openSettings({ staffRoster: [{ id: 'emp-17', name: 'Ana' }], onShift: ['emp-17'] });
    await type(host, 'newId', 'emp-21');
    await type(host, 'newName', 'Bo');
    button(host, 'Add').click();
    await host.updateComplete;
    expect($$(host, '.roster li').map((li) => li.querySelector('label')?.textContent?.trim())).to.deep.equal(['Ana (emp-17) is on shift', 'Bo (emp-21) is on shift']);
    expect($(host, '.status')?.textContent).to.equal('Bo added to the roster.');
    expect(input(host, 'newId').value).to.equal('');
    // The same id twice, and an empty name, are refused at the Add row.
    await type(host, 'newId', 'emp-21');
    button(host, 'Add').click();
    await host.updateComplete;
    expect($(host, '#sv-admin-newId-error')?.textContent).to.equal('"emp-21" is already on the roster.');
    expect($(host, '#sv-admin-newName-error')?.textContent).to.equal('must not be empty');
    expect(input(host, 'newName').getAttribute('aria-describedby')).to.equal('sv-admin-newName-error');
    $<HTMLButtonElement>(host, '[aria-label="Remove Ana from the roster"]')!.click();
    await host.updateComplete;
    await type(host, 'newId', '');
    button(host, 'Save').click();
    await host.updateComplete;
    expect(host.saved[0]?.staffRoster).to.deep.equal([{ id: 'emp-21', name: 'Bo' }]);
    expect(host.saved[0]?.onShift).to.deep.equal([]);
  });

  it('renders what staff type as text, never as HTML', async () => {
    const { host } = await openSettings();
    await type(host, 'newId', 'x1');
    await type(host, 'newName', HOSTILE);
    button(host, 'Add').click();
    await host.updateComplete;
    expect($(host, '.roster img')).to.equal(null);
    expect($(host, '.roster label')?.textContent).to.include(HOSTILE);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('changes the PIN at once; Cancel on the pad goes back to the form', async () => {
    const storage = memoryStorage();
    const { host } = await openSettings({}, { storage });
    button(host, 'Change PIN').click();
    await host.updateComplete;
    expect(title(host)).to.equal('Choose a new admin PIN');
    key(host, 'Cancel').click();
    await host.updateComplete;
    expect(title(host)).to.equal('Kiosk settings');
    button(host, 'Change PIN').click();
    await host.updateComplete;
    await enterPin(host, '97531');
    await enterPin(host, '97531');
    expect(title(host)).to.equal('Kiosk settings');
    expect($(host, '.status')?.textContent).to.equal('PIN changed.');
    const stored = loadKioskSettings(STORAGE_KEY, storage).pin!;
    expect(await verifyPin('97531', stored)).to.equal(true);
    // Cancel now keeps the new PIN (it was stored when confirmed) and discards the other edits.
    await type(host, 'store', '999');
    button(host, 'Cancel').click();
    await host.updateComplete;
    expect(loadKioskSettings(STORAGE_KEY, storage).store).to.equal(undefined);
    expect(loadKioskSettings(STORAGE_KEY, storage).pin).to.deep.equal(stored);
  });

  it('can be filled in and saved with the keyboard alone', async () => {
    const { host } = await openSettings({ staffRoster: [{ id: 'emp-17', name: 'Ana' }] });
    await waitUntil(() => root(host).activeElement?.id === 'sv-admin-brand', 'focus starts at the first field');
    await sendKeys({ type: 'acme' });
    await sendKeys({ press: 'Tab' }); // region
    await sendKeys({ press: 'Tab' }); // store
    await sendKeys({ type: '042' });
    await sendKeys({ press: 'Tab' }); // device
    await sendKeys({ type: 'till-3' });
    await sendKeys({ press: 'Tab' }); // survey (text: no survey list given)
    await sendKeys({ type: 'till' });
    await sendKeys({ press: 'Tab' }); // endpoint
    await sendKeys({ press: 'Tab' }); // key
    await sendKeys({ press: 'Tab' }); // Ana on shift
    expect(root(host).activeElement?.closest('label')?.textContent).to.include('Ana (emp-17)');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // Remove Ana
    await sendKeys({ press: 'Tab' }); // new staff id
    await sendKeys({ type: 'emp-30' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Chen' });
    await sendKeys({ press: 'Tab' }); // photo
    await sendKeys({ press: 'Tab' }); // Add
    await sendKeys({ press: 'Enter' });
    await host.updateComplete;
    await waitUntil(() => root(host).activeElement?.id === 'sv-admin-newId', 'focus returns to the Add row');
    // Enter in a text field submits the form, like any form.
    (root(host).activeElement as HTMLElement).blur();
    input(host, 'device').focus();
    await sendKeys({ press: 'Enter' });
    await host.updateComplete;
    expect(host.admin.isOpen).to.equal(false);
    expect(host.saved).to.have.length(1);
    expect(host.saved[0]).to.deep.include({ brand: 'acme', store: '042', device: 'till-3', survey: 'till', onShift: ['emp-17'] });
    expect(host.saved[0]?.staffRoster.map((m) => m.id)).to.deep.equal(['emp-17', 'emp-30']);
  });
});
