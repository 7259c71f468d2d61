import { adminMessages as m } from './admin-messages.js';
import { addMember, draftFrom, removeMember, settingsFromDraft, type FieldErrors, type FieldName, type SettingsDraft } from './internal/draft.js';
import { isValidPin, type PinCheck } from './pin.js';
import type { KioskSettings, PinHash } from './settings.js';

// The admin screen's state and its one reducer: pure (no DOM, no storage, no clock, no timers),
// so every transition is tested without a browser (test/widget/kiosk-admin/admin-state.test.ts).
// admin-controller.ts feeds it events, renders what it returns and runs the commands it asks for.

/** Where keyboard focus goes once a state is on screen; a new object is a new request. */
export type AdminFocus =
  /** The PIN pad's first key. */
  | { readonly on: 'keys' }
  /** A form field's control, or the group its error describes (the languages, the roster). */
  | { readonly on: 'field'; readonly name: FieldName }
  /** A roster row's Remove button. */
  | { readonly on: 'remove'; readonly id: string };

/** The settings form as it is being edited. */
export interface FormState {
  readonly draft: SettingsDraft;
  readonly errors: FieldErrors;
  /** Announced in the form's status line: "Ana added", "PIN changed", "Not saved: …". */
  readonly status: string;
}

/** The PIN pad, on each of its screens. */
export interface PadState {
  /** The digits typed so far; only ever in memory, never rendered. */
  readonly digits: string;
  /** An error or notice under the dots. */
  readonly message: string;
  /** A PIN is being checked or hashed: keys are ignored. */
  readonly busy: boolean;
}

/**
 * The admin screen: closed; asking for the PIN; choosing a new one (the first PIN of the kiosk, or
 * Change PIN with the form it goes back to) and confirming it; or the settings form.
 */
export type AdminState =
  | { readonly screen: 'closed' }
  | (PadState & { readonly screen: 'enter-pin'; readonly focus: AdminFocus })
  | (PadState & { readonly screen: 'new-pin'; readonly form: FormState | undefined; readonly focus: AdminFocus })
  | (PadState & { readonly screen: 'confirm-pin'; readonly form: FormState | undefined; readonly first: string; readonly focus: AdminFocus })
  | (FormState & { readonly screen: 'settings'; readonly focus: AdminFocus });

/** A state on the PIN pad. */
export type PadScreen = Extract<AdminState, { readonly digits: string }>;

/**
 * What happened. Whatever the reducer must not find out itself arrives with the event: the stored
 * settings (`settings`), the lockout (`lockedFor`, ms left, from the PIN gate's clock), outcomes.
 */
export type AdminEvent =
  | { readonly type: 'open'; readonly settings: KioskSettings; readonly lockedFor: number | undefined }
  | { readonly type: 'close' }
  | { readonly type: 'digit'; readonly digit: string; readonly locked: boolean }
  | { readonly type: 'delete' }
  | { readonly type: 'submit'; readonly locked: boolean }
  /**
   * The PIN gate's answer to `check-pin`, with the stored `settings` (for the form) and `now` (for
   * the length of a lockout); `check` is `undefined` when no PIN is stored any more.
   */
  | { readonly type: 'checked'; readonly check: PinCheck | undefined; readonly settings: KioskSettings; readonly now: number }
  /** `hash-pin` is done. */
  | { readonly type: 'hashed'; readonly pin: PinHash }
  /** `store-pin` is done; `settings` as stored now, with the new PIN. */
  | { readonly type: 'stored'; readonly settings: KioskSettings }
  /** `check-pin`, `hash-pin` or `store-pin` failed (no Web Crypto, storage refused the PIN). */
  | { readonly type: 'pin-failed' }
  /** Once a second while a lockout is shown; `locked: false` once it is over. */
  | { readonly type: 'tick'; readonly locked: boolean }
  | { readonly type: 'cancel-pin' }
  | { readonly type: 'edit'; readonly change: Partial<SettingsDraft> | ((draft: SettingsDraft) => Partial<SettingsDraft>) }
  | { readonly type: 'add' }
  | { readonly type: 'remove'; readonly id: string }
  | { readonly type: 'change-pin' }
  /** Save; `pin` is the PIN stored now (it may have been changed on this visit). */
  | { readonly type: 'save'; readonly pin: PinHash | undefined }
  | { readonly type: 'save-failed'; readonly reason: string };

/** Work the controller does for the reducer, reporting back with an event. */
export type AdminCommand =
  /** Check `digits` against the stored PIN → `checked` (or `pin-failed`). */
  | { readonly run: 'check-pin'; readonly digits: string }
  /** Hash `digits` as a new PIN → `hashed` (or `pin-failed`). */
  | { readonly run: 'hash-pin'; readonly digits: string }
  /** Store `pin` as the kiosk's PIN and forget past wrong tries → `stored` (or `pin-failed`). */
  | { readonly run: 'store-pin'; readonly pin: PinHash }
  /** Redraw the lockout countdown every second → `tick`. */
  | { readonly run: 'tick' }
  /** Store `settings` and apply them, then close → `save-failed` when storage refuses. */
  | { readonly run: 'save'; readonly settings: KioskSettings };

export interface AdminTransition {
  readonly state: AdminState;
  readonly command?: AdminCommand | undefined;
}

export const CLOSED: AdminState = { screen: 'closed' };

/** Digits a PIN pad takes at most (the longest PIN). */
const MAX_DIGITS = 12;

const keys = (): AdminFocus => ({ on: 'keys' });
const same = (state: AdminState): AdminTransition => ({ state });
const lockedOut = (ms: number) => m.lockedOut(Math.ceil(ms / 60_000));

/** The PIN pad asking for the PIN. */
const enterPin = (message: string): AdminState => ({ screen: 'enter-pin', digits: '', message, busy: false, focus: keys() });

/** The PIN pad choosing one: the kiosk's first PIN, or Change PIN, which comes back to `form`. */
const newPin = (message: string, form: FormState | undefined): AdminState => ({ screen: 'new-pin', digits: '', message, busy: false, form, focus: keys() });

/** The settings form, focused on its first field. */
const settingsForm = (form: FormState, status: string): AdminState => ({ screen: 'settings', ...form, status, focus: { on: 'field', name: 'brand' } });

/** A form for `settings`, as stored. */
const formFor = (settings: KioskSettings): FormState => ({ draft: draftFrom(settings), errors: new Map(), status: '' });

const formOf = (state: PadScreen): FormState | undefined => (state.screen === 'enter-pin' ? undefined : state.form);

/**
 * The admin screen's next state after `event`, and the work it needs done. Pure: the same state and
 * event always give the same result, and neither is changed.
 *
 * @example
 * let { state } = reduceAdmin(CLOSED, { type: 'open', settings, lockedFor: undefined }); // enter-pin (or new-pin without a PIN)
 * ({ state } = reduceAdmin(state, { type: 'digit', digit: '4', locked: false }));
 */
export function reduceAdmin(state: AdminState, event: AdminEvent): AdminTransition {
  if (event.type === 'open') {
    if (state.screen !== 'closed') return same(state);
    if (!event.settings.pin) return same(newPin('', undefined));
    if (event.lockedFor === undefined) return same(enterPin(''));
    return { state: enterPin(lockedOut(event.lockedFor)), command: { run: 'tick' } };
  }
  if (event.type === 'close') return same(CLOSED);
  if (state.screen === 'closed') return same(state);
  if (state.screen === 'settings') return reduceForm(state, event);
  return reducePad(state, event);
}

function reducePad(state: PadScreen, event: AdminEvent): AdminTransition {
  switch (event.type) {
    case 'digit':
      if (state.busy || (state.screen === 'enter-pin' && event.locked) || state.digits.length >= MAX_DIGITS) return same(state);
      return same({ ...state, digits: state.digits + event.digit, message: '' });
    case 'delete':
      return same({ ...state, digits: state.digits.slice(0, -1) });
    case 'submit': {
      const { digits } = state;
      if (state.busy || (state.screen === 'enter-pin' && event.locked)) return same(state);
      if (!isValidPin(digits)) return same({ ...state, message: m.tooShort });
      if (state.screen === 'new-pin') return same({ ...state, screen: 'confirm-pin', first: digits, digits: '', message: '', focus: keys() });
      if (state.screen === 'enter-pin') return { state: { ...state, digits: '', busy: true }, command: { run: 'check-pin', digits } };
      if (digits !== state.first) return same(newPin(m.pinMismatch, state.form));
      return { state: { ...state, digits: '', busy: true }, command: { run: 'hash-pin', digits } };
    }
    case 'checked': {
      if (state.screen !== 'enter-pin' || !state.busy) return same(state);
      const { check } = event;
      if (!check) return same(newPin('', undefined));
      if (check.ok) return same(settingsForm(formFor(event.settings), ''));
      const idle = { ...state, busy: false };
      if (check.lockedUntil !== undefined) return { state: { ...idle, message: lockedOut(check.lockedUntil - event.now) }, command: { run: 'tick' } };
      return same(check.reason === 'wrong' ? { ...idle, message: m.wrongPin(check.attemptsLeft) } : idle);
    }
    case 'hashed':
      // Closed or cancelled meanwhile: the new PIN is not stored.
      return state.screen === 'confirm-pin' && state.busy ? { state, command: { run: 'store-pin', pin: event.pin } } : same(state);
    case 'stored':
      if (state.screen !== 'confirm-pin' || !state.busy) return same(state);
      // Change PIN goes back to the form as it was, edits and all; a first PIN opens the stored settings.
      return same(state.form ? settingsForm(state.form, m.pinChanged) : settingsForm(formFor(event.settings), ''));
    case 'pin-failed':
      return same(state.busy ? { ...state, busy: false, message: m.pinError } : state);
    case 'tick':
      return same(event.locked ? state : { ...state, message: '' });
    case 'cancel-pin': {
      // Cancelling "Change PIN" goes back to the form; anything else leaves the admin screen.
      const form = formOf(state);
      return same(form ? settingsForm(form, '') : CLOSED);
    }
    default:
      return same(state);
  }
}

function reduceForm(state: Extract<AdminState, { screen: 'settings' }>, event: AdminEvent): AdminTransition {
  const { draft } = state;
  switch (event.type) {
    case 'edit': {
      // Lists are edited by a function of the draft as it is *now*: two taps before the next render
      // must not each toggle a copy of the same stale list.
      const patch = typeof event.change === 'function' ? event.change(draft) : event.change;
      const edited = Object.keys(patch) as FieldName[];
      // An edited field's error goes as soon as the field changes, not at the next Save.
      const errors = edited.some((name) => state.errors.has(name)) ? new Map([...state.errors].filter(([name]) => !edited.includes(name))) : state.errors;
      return same({ ...state, draft: { ...draft, ...patch }, errors });
    }
    case 'add': {
      const result = addMember(draft);
      if ('errors' in result) {
        return same({ ...state, errors: new Map([...state.errors, ...result.errors]), focus: { on: 'field', name: [...result.errors.keys()][0] ?? 'newId' } });
      }
      return same({ ...state, draft: result.draft, status: m.added(result.added.name), focus: { on: 'field', name: 'newId' } });
    }
    case 'remove': {
      const roster = draft.staffRoster;
      const index = roster.findIndex((member) => member.id === event.id);
      const member = roster[index];
      if (!member) return same(state);
      // Focus stays in the list: the next row's Remove, else the previous one, else the Add row.
      const neighbour = roster[index + 1] ?? roster[index - 1];
      const focus: AdminFocus = neighbour ? { on: 'remove', id: neighbour.id } : { on: 'field', name: 'newId' };
      return same({ ...state, draft: removeMember(draft, event.id), status: m.removed(member.name), focus });
    }
    case 'change-pin':
      return same(newPin('', { draft, errors: state.errors, status: state.status }));
    case 'save': {
      const result = settingsFromDraft(draft, event.pin);
      if ('settings' in result) return { state, command: { run: 'save', settings: result.settings } };
      const first = [...result.errors.keys()][0];
      return same({ ...state, errors: result.errors, status: m.fixProblems(result.errors.size), focus: first ? { on: 'field', name: first } : state.focus });
    }
    case 'save-failed':
      return same({ ...state, status: m.saveFailed(event.reason) });
    default:
      return same(state);
  }
}
