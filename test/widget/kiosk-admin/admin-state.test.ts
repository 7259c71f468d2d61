import { expect } from '@open-wc/testing';
import { adminMessages as m } from '../../../src/kiosk/admin/admin-messages.js';
import { CLOSED, reduceAdmin, type AdminEvent, type AdminState, type AdminTransition } from '../../../src/kiosk/admin/admin-state.js';
import { draftFrom } from '../../../src/kiosk/admin/internal/draft.js';
import { DEFAULT_KIOSK_SETTINGS, type KioskSettings, type PinHash } from '../../../src/kiosk/admin/index.js';

// The admin screen's reducer on its own: pure, so no element, no storage, no clock, no timers.

const pin: PinHash = { salt: 'c2FsdHNhbHRzYWx0c2FsdA==', hash: 'aGFzaGhhc2hoYXNoaGFzaA==', iterations: 100_000 };
const withPin: KioskSettings = { ...DEFAULT_KIOSK_SETTINGS, store: '042', pin };
const withoutPin: KioskSettings = { ...DEFAULT_KIOSK_SETTINGS, store: '042' };
const ana = { id: 'emp-1', name: 'Ana' };
const bo = { id: 'emp-2', name: 'Bo' };
const cy = { id: 'emp-3', name: 'Cy' };

/** Freezes a value and everything in it, so a reducer that changes its input throws. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Every event in turn, each on a frozen state; the last transition. */
function run(state: AdminState, ...events: AdminEvent[]): AdminTransition {
  let transition: AdminTransition = { state };
  for (const event of events) transition = reduceAdmin(deepFreeze(transition.state), event);
  return transition;
}

const stateAfter = (state: AdminState, ...events: AdminEvent[]) => run(state, ...events).state;
const open = (settings = withPin, lockedFor?: number): AdminEvent => ({ type: 'open', settings, lockedFor });
const digits = (typed: string, locked = false): AdminEvent[] => [...typed].map((digit) => ({ type: 'digit', digit, locked }));
const submit: AdminEvent = { type: 'submit', locked: false };

/** `state`, which must be the settings form. */
function onForm(state: AdminState): Extract<AdminState, { screen: 'settings' }> {
  if (state.screen !== 'settings') throw new Error(`on ${state.screen}, not on the settings form`);
  return state;
}

/** The settings form, as after the right PIN, for `settings`. */
function form(settings: KioskSettings = withPin): AdminState {
  return stateAfter(CLOSED, open(), ...digits('1234'), submit, { type: 'checked', check: { ok: true }, settings, now: 0 });
}

describe('kiosk admin: reduceAdmin()', () => {
  describe('opening and closing', () => {
    it('asks for the PIN when one is stored, with focus on the pad', () => {
      expect(run(CLOSED, open())).to.deep.equal({ state: { screen: 'enter-pin', digits: '', message: '', busy: false, focus: { on: 'keys' } } });
    });

    it('asks for a first PIN when none is stored, so the screen is never open by default', () => {
      const state = stateAfter(CLOSED, open(withoutPin));
      expect(state).to.include({ screen: 'new-pin', digits: '', message: '' });
      expect(state).to.have.property('form', undefined);
    });

    it('opens on a lockout with its length in minutes, rounded up, and asks for the countdown', () => {
      const { state, command } = run(CLOSED, open(withPin, 4 * 60_000 + 1));
      expect(state).to.include({ screen: 'enter-pin', message: m.lockedOut(5) });
      expect(command).to.deep.equal({ run: 'tick' });
    });

    it('ignores open while open, and closes from any screen', () => {
      const opened = stateAfter(CLOSED, open(), ...digits('12'));
      expect(stateAfter(opened, open())).to.equal(opened);
      expect(stateAfter(opened, { type: 'close' })).to.equal(CLOSED);
      expect(stateAfter(form(), { type: 'close' })).to.equal(CLOSED);
    });

    it('ignores everything but open while closed', () => {
      for (const event of [...digits('1'), submit, { type: 'tick', locked: false }, { type: 'add' }, { type: 'hashed', pin }] as AdminEvent[]) {
        expect(run(CLOSED, event)).to.deep.equal({ state: CLOSED });
      }
    });
  });

  describe('PIN pad', () => {
    it('takes up to 12 digits and clears the message on the next one', () => {
      const tooShort = stateAfter(CLOSED, open(), ...digits('12'), submit);
      expect(tooShort).to.include({ message: m.tooShort });
      const state = stateAfter(tooShort, ...digits('3456789012345'));
      expect(state).to.include({ digits: '123456789012', message: '' });
      expect(stateAfter(state, { type: 'delete' })).to.include({ digits: '12345678901' });
    });

    it('ignores digits and OK during a lockout, but only while asking for the PIN', () => {
      const locked = stateAfter(CLOSED, open(withPin, 60_000), ...digits('1234', true));
      expect(locked).to.include({ digits: '' });
      expect(run(stateAfter(CLOSED, open(), ...digits('1234')), { type: 'submit', locked: true })).to.not.have.property('command');
      expect(stateAfter(CLOSED, open(withoutPin), ...digits('12', true))).to.include({ digits: '12' });
    });

    it('says a PIN is too short and keeps what was typed', () => {
      const { state, command } = run(CLOSED, open(), ...digits('123'), submit);
      expect(state).to.include({ digits: '123', message: m.tooShort, busy: false });
      expect(command).to.equal(undefined);
    });

    it('asks the gate to check a PIN, and ignores keys while it does', () => {
      const { state, command } = run(CLOSED, open(), ...digits('1234'), submit);
      expect(state).to.include({ screen: 'enter-pin', digits: '', busy: true });
      expect(command).to.deep.equal({ run: 'check-pin', digits: '1234' });
      expect(run(state, ...digits('5'), submit)).to.deep.equal({ state });
    });

    it('opens the form for the settings as stored after the right PIN', () => {
      const settings = { ...withPin, brand: 'acme', staffRoster: [ana] };
      const state = form(settings);
      expect(state).to.deep.equal({ screen: 'settings', draft: draftFrom(settings), errors: new Map(), status: '', focus: { on: 'field', name: 'brand' } });
    });

    it('says how many tries are left after a wrong PIN', () => {
      const state = stateAfter(CLOSED, open(), ...digits('1234'), submit, { type: 'checked', check: { ok: false, reason: 'wrong', attemptsLeft: 2 }, settings: withPin, now: 0 });
      expect(state).to.include({ screen: 'enter-pin', message: m.wrongPin(2), busy: false });
    });

    it('locks out after the last wrong PIN, and clears the notice once the lockout is over', () => {
      const check = { ok: false, reason: 'wrong', attemptsLeft: 0, lockedUntil: 1_000 + 5 * 60_000 } as const;
      const { state, command } = run(CLOSED, open(), ...digits('1234'), submit, { type: 'checked', check, settings: withPin, now: 1_000 });
      expect(state).to.include({ message: m.lockedOut(5), busy: false });
      expect(command).to.deep.equal({ run: 'tick' });
      expect(stateAfter(state, { type: 'tick', locked: true })).to.equal(state);
      expect(stateAfter(state, { type: 'tick', locked: false })).to.include({ message: '' });
    });

    it('asks for a first PIN when the stored one is gone by the time it is checked', () => {
      const state = stateAfter(CLOSED, open(), ...digits('1234'), submit, { type: 'checked', check: undefined, settings: withoutPin, now: 0 });
      expect(state).to.include({ screen: 'new-pin', message: '' });
      expect(state).to.have.property('form', undefined);
    });

    it('says so when the PIN could not be checked', () => {
      const state = stateAfter(CLOSED, open(), ...digits('1234'), submit, { type: 'pin-failed' });
      expect(state).to.include({ screen: 'enter-pin', message: m.pinError, busy: false });
    });

    it('leaves the admin screen on Cancel', () => {
      expect(stateAfter(CLOSED, open(), ...digits('12'), { type: 'cancel-pin' })).to.equal(CLOSED);
    });
  });

  describe('choosing a PIN', () => {
    it('asks for the new PIN twice, then hashes it', () => {
      let transition = run(CLOSED, open(withoutPin), ...digits('2468'), submit);
      expect(transition.state).to.include({ screen: 'confirm-pin', first: '2468', digits: '' });
      expect(transition.state).to.have.deep.property('focus', { on: 'keys' });
      transition = run(transition.state, ...digits('2468'), submit);
      expect(transition.state).to.include({ screen: 'confirm-pin', busy: true, digits: '' });
      expect(transition.command).to.deep.equal({ run: 'hash-pin', digits: '2468' });
      transition = run(transition.state, { type: 'hashed', pin });
      expect(transition.command).to.deep.equal({ run: 'store-pin', pin });
    });

    it('starts again when the two PINs differ', () => {
      const state = stateAfter(CLOSED, open(withoutPin), ...digits('2468'), submit, ...digits('1357'), submit);
      expect(state).to.include({ screen: 'new-pin', message: m.pinMismatch, digits: '' });
      expect(state).to.not.have.property('first');
    });

    it('opens the form for the stored settings after a first PIN', () => {
      const stored = { ...withoutPin, brand: 'acme', pin };
      const state = stateAfter(CLOSED, open(withoutPin), ...digits('2468'), submit, ...digits('2468'), submit, { type: 'hashed', pin }, { type: 'stored', settings: stored });
      expect(state).to.deep.include({ screen: 'settings', draft: draftFrom(stored), status: '' });
    });

    it('does not store a PIN hashed after the screen closed', () => {
      const hashing = stateAfter(CLOSED, open(withoutPin), ...digits('2468'), submit, ...digits('2468'), submit);
      expect(run(stateAfter(hashing, { type: 'close' }), { type: 'hashed', pin })).to.deep.equal({ state: CLOSED });
      expect(run(stateAfter(hashing, { type: 'close' }, open(withoutPin)), { type: 'hashed', pin }).command).to.equal(undefined);
    });

    it('Change PIN comes back to the form as it was, edits and errors included, and says it changed', () => {
      const edited = stateAfter(form(), { type: 'edit', change: { brand: 'acme' } }, { type: 'add' });
      const changing = stateAfter(edited, { type: 'change-pin' });
      expect(changing).to.include({ screen: 'new-pin', digits: '', message: '' });
      const done = stateAfter(changing, ...digits('8642'), submit, ...digits('8642'), submit, { type: 'hashed', pin }, { type: 'stored', settings: withPin });
      const { errors, draft } = onForm(edited);
      expect(done).to.deep.include({ screen: 'settings', draft, errors, status: m.pinChanged });
    });

    it('Cancel while changing the PIN goes back to the form, not out of the admin screen', () => {
      const edited = stateAfter(form(), { type: 'edit', change: { store: '017' } });
      const back = stateAfter(edited, { type: 'change-pin' }, ...digits('86'), { type: 'cancel-pin' });
      expect(back).to.deep.include({ screen: 'settings', status: '', focus: { on: 'field', name: 'brand' } });
      expect(onForm(back).draft.store).to.equal('017');
    });
  });

  describe('settings form', () => {
    it('applies an edit, and a list edit to the draft as it is now', () => {
      const state = stateAfter(
        form({ ...withPin, staffRoster: [ana, bo] }),
        { type: 'edit', change: { onShift: ['emp-1'] } },
        { type: 'edit', change: (now) => ({ onShift: [...now.onShift, 'emp-2'] }) },
      );
      expect(onForm(state).draft.onShift).to.deep.equal(['emp-1', 'emp-2']);
    });

    it('drops the error of an edited field at once, and keeps the others', () => {
      const invalid = stateAfter(form(), { type: 'edit', change: { store: 'no spaces', device: 'no spaces' } }, { type: 'save', pin });
      expect([...onForm(invalid).errors.keys()].sort()).to.deep.equal(['device', 'store']);
      const edited = stateAfter(invalid, { type: 'edit', change: { store: '042' } });
      expect([...onForm(edited).errors.keys()]).to.deep.equal(['device']);
    });

    it('adds a person to the roster, says so, and focuses the Add row again', () => {
      const state = stateAfter(form(), { type: 'edit', change: { newId: ' emp-1 ', newName: 'Ana' } }, { type: 'add' });
      expect(state).to.deep.include({ status: m.added('Ana'), focus: { on: 'field', name: 'newId' } });
      expect(onForm(state).draft.staffRoster).to.deep.equal([ana]);
      expect(onForm(state).draft.newId).to.equal('');
    });

    it('shows what is wrong with a person and focuses it', () => {
      const state = stateAfter(form({ ...withPin, staffRoster: [ana] }), { type: 'edit', change: { newId: 'emp-1', newName: 'Another Ana' } }, { type: 'add' });
      expect(state).to.have.deep.property('focus', { on: 'field', name: 'newId' });
      expect(onForm(state).errors.get('newId')).to.equal(m.duplicateId('emp-1'));
      expect(onForm(state).draft.staffRoster).to.deep.equal([ana]);
    });

    it('removes a person, who is no longer on shift, and keeps focus in the list', () => {
      const start = form({ ...withPin, staffRoster: [ana, bo, cy], onShift: ['emp-2'] });
      const middle = stateAfter(start, { type: 'remove', id: 'emp-2' });
      expect(middle).to.deep.include({ status: m.removed('Bo'), focus: { on: 'remove', id: 'emp-3' } });
      expect(onForm(middle).draft.onShift).to.deep.equal([]);
      expect(stateAfter(start, { type: 'remove', id: 'emp-3' })).to.have.deep.property('focus', { on: 'remove', id: 'emp-2' });
      const last = stateAfter(form({ ...withPin, staffRoster: [ana] }), { type: 'remove', id: 'emp-1' });
      expect(last).to.have.deep.property('focus', { on: 'field', name: 'newId' });
      expect(run(start, { type: 'remove', id: 'nobody' }).state).to.equal(start);
    });

    it('asks to save valid settings, with the PIN stored now', () => {
      const edited = stateAfter(form(), { type: 'edit', change: { brand: ' acme ', device: 'exit-1' } });
      const { state, command } = run(edited, { type: 'save', pin });
      expect(state).to.equal(edited);
      expect(command).to.deep.equal({ run: 'save', settings: { ...withPin, brand: 'acme', device: 'exit-1' } });
    });

    it('does not save invalid settings: says how many fields, and focuses the first', () => {
      const { state, command } = run(form(), { type: 'edit', change: { endpoint: 'javascript:alert(1)', key: 'bad key' } }, { type: 'save', pin });
      expect(command).to.equal(undefined);
      expect(state).to.deep.include({ status: m.fixProblems(2), focus: { on: 'field', name: 'endpoint' } });
    });

    it('says why storage refused the settings', () => {
      expect(stateAfter(form(), { type: 'save-failed', reason: 'quota exceeded' })).to.include({ status: m.saveFailed('quota exceeded') });
    });
  });
});
