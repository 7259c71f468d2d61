import { expect } from '@open-wc/testing';
import { ProvisioningError, loadKioskSettings, provisionFromUrl, saveKioskSettings, verifyPin, DEFAULT_KIOSK_SETTINGS, PinGate, hashPin } from '../../../src/kiosk/admin/index.js';
import { STORAGE_KEY, memoryStorage } from './support/admin-host.js';

/** A stand-in for `window.history` that records what would be in the address bar. */
function fakeHistory() {
  const calls: string[] = [];
  return { calls, state: null, replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => void calls.push(String(url)) };
}

const KIOSK = 'https://kiosk.example.com/kiosk/';

async function provisionError(url: string, storage = memoryStorage(), history = fakeHistory()): Promise<ProvisioningError> {
  try {
    await provisionFromUrl(new URL(url), STORAGE_KEY, { storage, history, iterations: 100_000 });
  } catch (error) {
    if (error instanceof ProvisioningError) return error;
    throw error;
  }
  throw new Error('provisioning succeeded');
}

describe('kiosk admin: provisioning by URL', () => {
  it('applies every parameter, hashes the PIN, stores the settings and cleans the URL', async () => {
    const storage = memoryStorage();
    const history = fakeHistory();
    const url = new URL(
      `${KIOSK}?brand=acme&region=emea-north&store=042&device=exit-1&survey=exit&endpoint=${encodeURIComponent('https://feedback.example.com/v1')}` +
        `&key=pk_live_1&pin=480213&staff=emp-17:Ana%20Mar%C3%ADa,emp-21:Bo&onshift=emp-21&lang=en,fr&contrast=high&textsize=1.25&utm_source=mdm&sv_tag=x`,
    );
    const { settings, provisioned, cleanUrl } = await provisionFromUrl(url, STORAGE_KEY, { storage, history, iterations: 100_000 });
    expect(provisioned).to.equal(true);
    const { pin, ...rest } = settings;
    expect(rest).to.deep.equal({
      brand: 'acme',
      region: 'emea-north',
      store: '042',
      device: 'exit-1',
      survey: 'exit',
      endpoint: 'https://feedback.example.com/v1',
      key: 'pk_live_1',
      staffRoster: [
        { id: 'emp-17', name: 'Ana María' },
        { id: 'emp-21', name: 'Bo' },
      ],
      onShift: ['emp-21'],
      languages: ['en', 'fr'],
      highContrast: true,
      textScale: 1.25,
    });
    expect(pin && (await verifyPin('480213', pin))).to.equal(true);
    expect(storage.data.get(STORAGE_KEY)).to.not.include('480213');
    expect(loadKioskSettings(STORAGE_KEY, storage)).to.deep.equal(settings);
    expect(cleanUrl.href).to.equal(`${KIOSK}?utm_source=mdm&sv_tag=x`);
    expect(history.calls).to.deep.equal([cleanUrl.href]);
  });

  it('changes only what the URL names, and an empty value clears a field', async () => {
    const storage = memoryStorage();
    saveKioskSettings(STORAGE_KEY, { ...DEFAULT_KIOSK_SETTINGS, brand: 'acme', region: 'north', store: '041', staffRoster: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], onShift: ['a', 'b'] }, storage);
    const { settings } = await provisionFromUrl(new URL(`${KIOSK}?store=042&region=&staff=b:Bea,c:Cy`), STORAGE_KEY, { storage, history: null });
    expect(settings.brand).to.equal('acme');
    expect(settings.region).to.equal(undefined);
    expect(settings.store).to.equal('042');
    expect(settings.staffRoster).to.deep.equal([{ id: 'b', name: 'Bea' }, { id: 'c', name: 'Cy' }]);
    // A new roster keeps on shift only those still on it.
    expect(settings.onShift).to.deep.equal(['b']);
  });

  it('does nothing, and writes nothing, without provisioning parameters', async () => {
    const storage = memoryStorage();
    const history = fakeHistory();
    const { settings, provisioned, cleanUrl } = await provisionFromUrl(new URL(`${KIOSK}?sv_store=042`), STORAGE_KEY, { storage, history });
    expect(provisioned).to.equal(false);
    expect(settings).to.deep.equal(DEFAULT_KIOSK_SETTINGS);
    expect(cleanUrl.href).to.equal(`${KIOSK}?sv_store=042`);
    expect(storage.data.size).to.equal(0);
    expect(history.calls).to.deep.equal([]);
  });

  it('rejects invalid values with every parameter and reason, applies nothing, and still removes the PIN from the address bar', async () => {
    const storage = memoryStorage();
    saveKioskSettings(STORAGE_KEY, { ...DEFAULT_KIOSK_SETTINGS, store: '041' }, storage);
    const before = storage.data.get(STORAGE_KEY);
    const history = fakeHistory();
    const error = await provisionError(
      `${KIOSK}?store=04%202&device=exit-1&pin=12&textsize=3&contrast=max&lang=english&staff=emp-17,emp-21:Bo&endpoint=javascript:alert(1)&x=1`,
      storage,
      history,
    );
    expect(error.issues.map((i) => i.param)).to.have.members(['store', 'pin', 'staff', 'lang', 'contrast', 'textsize', 'endpoint']);
    expect(error.message).to.include('store: must be letters, digits').and.include('pin: must be 4 to 12 digits').and.include('textsize: must be a number from 1 to 2');
    expect(error.message).to.include('staff: entry 1 ("emp-17") must be written id:Name');
    expect(error.message).to.not.include('exit-1');
    expect(storage.data.get(STORAGE_KEY)).to.equal(before);
    expect(history.calls).to.have.length(1);
    expect(history.calls[0]).to.not.include('pin=');
    expect(history.calls[0]).to.include('store=04+2');
    expect(error.cleanUrl.searchParams.has('pin')).to.equal(false);
  });

  it('names onshift when someone on shift is not on the roster', async () => {
    const error = await provisionError(`${KIOSK}?staff=emp-17:Ana&onshift=emp-17,emp-99`);
    expect(error.issues).to.deep.equal([{ param: 'onshift', message: '"emp-99" is not in the staff roster' }]);
  });

  it('refuses a parameter given twice', async () => {
    const error = await provisionError(`${KIOSK}?store=041&store=042`);
    expect(error.issues).to.deep.equal([{ param: 'store', message: 'is given more than once' }]);
  });

  it('clears the PIN lockout when it provisions a new PIN', async () => {
    const storage = memoryStorage();
    const old = await hashPin('1111', { iterations: 100_000 });
    saveKioskSettings(STORAGE_KEY, { ...DEFAULT_KIOSK_SETTINGS, pin: old }, storage);
    const gate = new PinGate({ storageKey: STORAGE_KEY, storage });
    for (let i = 0; i < 5; i++) await gate.check('0000', old);
    expect(gate.lockedUntil()).to.be.a('number');
    await provisionFromUrl(new URL(`${KIOSK}?pin=2222`), STORAGE_KEY, { storage, history: null, iterations: 100_000 });
    expect(new PinGate({ storageKey: STORAGE_KEY, storage }).lockedUntil()).to.equal(undefined);
  });

  it('cleans the address bar of the page itself by default', async () => {
    const original = location.href;
    const storage = memoryStorage();
    history.replaceState(history.state, '', `${location.pathname}${location.search ? `${location.search}&` : '?'}device=till-2&pin=9090`);
    try {
      const { settings } = await provisionFromUrl(new URL(location.href), STORAGE_KEY, { storage, iterations: 100_000 });
      expect(settings.device).to.equal('till-2');
      expect(location.href).to.not.include('pin=').and.not.include('device=');
      expect(location.href).to.equal(original);
    } finally {
      history.replaceState(history.state, '', original);
    }
  });
});
