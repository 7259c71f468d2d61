import { expect } from '@open-wc/testing';
import { PinGate, constantTimeEqual, hashPin, isValidPin, verifyPin, type PinHash } from '../../../src/kiosk/admin/index.js';
import { STORAGE_KEY, memoryStorage } from './support/admin-host.js';

const MINUTE = 60_000;

describe('kiosk admin: PIN hashing', () => {
  it('hashes with PBKDF2, a random salt and at least 100,000 iterations, and keeps no digits', async () => {
    const a = await hashPin('1234');
    const b = await hashPin('1234');
    expect(a.iterations).to.be.at.least(100_000);
    expect(a.salt).to.not.equal(b.salt);
    expect(a.hash).to.not.equal(b.hash);
    expect(JSON.stringify(a)).to.not.include('1234');
  });

  it('verifies the right PIN only', async () => {
    const pin = await hashPin('480213', { iterations: 100_000 });
    expect(await verifyPin('480213', pin)).to.equal(true);
    expect(await verifyPin('480214', pin)).to.equal(false);
    expect(await verifyPin('48021', pin)).to.equal(false);
    expect(await verifyPin('', pin)).to.equal(false);
  });

  it('accepts 4 to 12 digits as a PIN, nothing else', async () => {
    expect(['1234', '000000000000'].map(isValidPin)).to.deep.equal([true, true]);
    expect(['123', '1234567890123', '12a4', '١٢٣٤', ' 1234'].map(isValidPin)).to.deep.equal([false, false, false, false, false]);
    let error: unknown;
    await hashPin('12').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(RangeError);
  });

  it('compares bytes in constant time, lengths included', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).to.equal(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).to.equal(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).to.equal(false);
  });
});

describe('kiosk admin: PinGate lockout', () => {
  let pin: PinHash;
  before(async () => {
    pin = await hashPin('2468', { iterations: 100_000 });
  });

  function gate(storage = memoryStorage(), start = 1_700_000_000_000) {
    const clock = { now: start };
    return { clock, storage, gate: new PinGate({ storageKey: STORAGE_KEY, storage, now: () => clock.now }) };
  }

  it('rejects a wrong PIN and counts down the tries left', async () => {
    const { gate: g } = gate();
    expect(await g.check('1111', pin)).to.deep.equal({ ok: false, reason: 'wrong', attemptsLeft: 4 });
    expect(await g.check('1112', pin)).to.deep.equal({ ok: false, reason: 'wrong', attemptsLeft: 3 });
    expect(g.attemptsLeft()).to.equal(3);
  });

  it('locks out after 5 wrong PINs, refuses even the right one meanwhile, and opens again after 5 minutes', async () => {
    const { gate: g, clock } = gate();
    for (let i = 0; i < 4; i++) await g.check('0000', pin);
    const fifth = await g.check('0000', pin);
    expect(fifth).to.deep.equal({ ok: false, reason: 'wrong', attemptsLeft: 0, lockedUntil: clock.now + 5 * MINUTE });
    expect(await g.check('2468', pin)).to.deep.equal({ ok: false, reason: 'locked', lockedUntil: clock.now + 5 * MINUTE });
    clock.now += 5 * MINUTE - 1;
    expect((await g.check('2468', pin)).ok).to.equal(false);
    clock.now += 1;
    expect(g.lockedUntil()).to.equal(undefined);
    expect(await g.check('2468', pin)).to.deep.equal({ ok: true });
  });

  it('doubles each further lockout, and a right PIN forgets them all', async () => {
    const { gate: g, clock } = gate();
    const lockOut = async () => {
      for (let i = 0; i < 5; i++) await g.check('9999', pin);
      return (g.lockedUntil() ?? clock.now) - clock.now;
    };
    expect(await lockOut()).to.equal(5 * MINUTE);
    clock.now += 5 * MINUTE;
    expect(await lockOut()).to.equal(10 * MINUTE);
    clock.now += 10 * MINUTE;
    expect(await g.check('2468', pin)).to.deep.equal({ ok: true });
    expect(await lockOut()).to.equal(5 * MINUTE);
  });

  it('keeps failures and the lockout across a reload (a new gate over the same storage)', async () => {
    const first = gate();
    for (let i = 0; i < 3; i++) await first.gate.check('1357', pin);
    const reloaded = new PinGate({ storageKey: STORAGE_KEY, storage: first.storage, now: () => first.clock.now });
    expect(reloaded.attemptsLeft()).to.equal(2);
    await reloaded.check('1357', pin);
    await reloaded.check('1357', pin);
    const again = new PinGate({ storageKey: STORAGE_KEY, storage: first.storage, now: () => first.clock.now });
    expect(again.lockedUntil()).to.equal(first.clock.now + 5 * MINUTE);
    expect((await again.check('2468', pin)).ok).to.equal(false);
  });

  it('checks quick taps one after another, so they cannot slip past the limit together', async () => {
    const { gate: g } = gate();
    const results = await Promise.all(Array.from({ length: 7 }, () => g.check('0000', pin)));
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).to.deep.equal(['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'locked', 'locked']);
  });

  it('treats a damaged lockout record as a lockout, not as a clean slate', async () => {
    const { gate: g, storage, clock } = gate();
    storage.setItem(`${STORAGE_KEY}:pin-lock`, '{"failures":"none"');
    expect(g.lockedUntil()).to.equal(clock.now + 5 * MINUTE);
    clock.now += 5 * MINUTE;
    expect(await g.check('2468', pin)).to.deep.equal({ ok: true });
  });

  it('does not stretch a lockout when the clock is set back', async () => {
    const { gate: g, clock } = gate();
    for (let i = 0; i < 5; i++) await g.check('0000', pin);
    clock.now -= 30 * 24 * 60 * MINUTE;
    expect((g.lockedUntil() ?? 0) - clock.now).to.equal(5 * MINUTE);
  });
});
