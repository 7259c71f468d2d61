import { expect } from '@open-wc/testing';
import { ValidationError } from '../../../sdk/errors.js';
import { DEFAULT_KIOSK_SETTINGS, hashPin, loadKioskSettings, saveKioskSettings, type KioskSettings } from '../../../src/kiosk/admin/index.js';
import { STORAGE_KEY, memoryStorage } from './support/admin-host.js';

/** Runs `fn` with console.warn captured. */
function captureWarnings<T>(fn: () => T): { result: T; warnings: string[] } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  try {
    return { result: fn(), warnings };
  } finally {
    console.warn = original;
  }
}

const configured: KioskSettings = {
  ...DEFAULT_KIOSK_SETTINGS,
  brand: 'acme',
  store: '042',
  device: 'exit-1',
  survey: 'store-exit',
  endpoint: '/v1',
  key: 'pk_demo',
  staffRoster: [
    { id: 'emp-17', name: 'Ana María López' },
    { id: 'emp-21', name: 'Bo', photo: 'https://cdn.example.com/bo.jpg' },
  ],
  onShift: ['emp-21'],
  languages: ['en', 'fr'],
  highContrast: true,
  textScale: 1.5,
};

describe('kiosk admin: settings storage', () => {
  it('gives the defaults, without a warning, when nothing is stored', () => {
    const { result, warnings } = captureWarnings(() => loadKioskSettings(STORAGE_KEY, memoryStorage()));
    expect(result).to.deep.equal(DEFAULT_KIOSK_SETTINGS);
    expect(result.pin).to.equal(undefined);
    expect(warnings).to.deep.equal([]);
  });

  it('saves and loads settings (a reload reads what was saved)', async () => {
    const storage = memoryStorage();
    const settings = { ...configured, pin: await hashPin('1234', { iterations: 100_000 }) };
    expect(saveKioskSettings(STORAGE_KEY, settings, storage)).to.deep.equal(settings);
    expect(loadKioskSettings(STORAGE_KEY, storage)).to.deep.equal(settings);
  });

  it('uses real localStorage by default', () => {
    const key = `${STORAGE_KEY}:local`;
    try {
      saveKioskSettings(key, configured);
      expect(loadKioskSettings(key)).to.deep.equal(configured);
    } finally {
      localStorage.removeItem(key);
    }
  });

  it('refuses to save invalid settings, names the fields, and stores nothing', () => {
    const storage = memoryStorage();
    let error: unknown;
    try {
      saveKioskSettings(STORAGE_KEY, { ...configured, store: 'no spaces', onShift: ['emp-99'], textScale: 3 }, storage);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ValidationError);
    const message = (error as Error).message;
    expect(message).to.include('store:').and.include('textScale: must be at most 2');
    expect(storage.data.size).to.equal(0);
    // onShift is checked against the roster once the fields themselves are valid.
    expect(() => saveKioskSettings(STORAGE_KEY, { ...configured, onShift: ['emp-99'] }, storage)).to.throw('"emp-99" is not in the staff roster');
  });

  it('reads corrupt JSON as the defaults, with one warning, and never throws', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: '{"store": "042",' });
    const { result, warnings } = captureWarnings(() => loadKioskSettings(STORAGE_KEY, storage));
    expect(result).to.deep.equal(DEFAULT_KIOSK_SETTINGS);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include(STORAGE_KEY).and.include('not JSON');
  });

  it('keeps the valid fields of an invalid record (the PIN above all), with a warning naming the bad ones', async () => {
    const pin = await hashPin('1234', { iterations: 100_000 });
    const stored = { ...configured, pin, store: '<b>042</b>', textScale: 'big', colour: 'red', onShift: ['emp-21', 'gone'] };
    const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify(stored) });
    const { result, warnings } = captureWarnings(() => loadKioskSettings(STORAGE_KEY, storage));
    expect(result.pin).to.deep.equal(pin);
    expect(result.device).to.equal('exit-1');
    expect(result.store).to.equal(undefined);
    expect(result.textScale).to.equal(1);
    expect(result.onShift).to.deep.equal(['emp-21']); // "gone" is not on the roster
    expect(result.staffRoster).to.deep.equal(configured.staffRoster);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('store').and.include('textScale').and.include('colour');
  });

  it('survives storage that throws on read', () => {
    const broken = { getItem: () => { throw new DOMException('denied', 'SecurityError'); }, setItem: () => {}, removeItem: () => {} };
    const { result, warnings } = captureWarnings(() => loadKioskSettings(STORAGE_KEY, broken));
    expect(result).to.deep.equal(DEFAULT_KIOSK_SETTINGS);
    expect(warnings).to.have.length(1);
  });
});
