// Helpers for the kiosk's admin integration tests: the admin corner, the PIN pad and the form as
// they appear inside <storevoice-widget mode="kiosk">, driven with real input where it matters.
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { SurveyDefinition } from '../../../sdk/index.js';
import type { StoreVoiceWidget } from '../../../src/index.js';
import { $, $$ } from '../helpers.js';
import { until } from './support.js';

/** The widget's default storage key for kiosk settings (no `id` on the element). */
export const KIOSK_KEY = 'storevoice:kiosk';

/** Forgets every stored kiosk setting and PIN lockout, so tests do not leak into each other. */
export function clearKioskStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(KIOSK_KEY)) localStorage.removeItem(key);
}

/** A smiley, then "Who helped you today?" with the survey's own roster (which a kiosk roster replaces). */
export const staffSurvey: SurveyDefinition = {
  id: 'kiosk-staff',
  questions: [
    { id: 'mood', type: 'smiley', prompt: 'How was your visit today?', required: true },
    { id: 'who', type: 'staff', prompt: 'Who helped you today?', roster: [{ id: 'emp-99', name: 'Zed' }] },
  ],
};

/** How long the admin corner must be held (the kiosk's default), with a margin. */
export const HOLD_MS = 3300;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const hotspot = (el: StoreVoiceWidget): HTMLElement => $(el, '.sv-kiosk [part="admin-hotspot"]')!;
export const adminDialog = (el: StoreVoiceWidget): HTMLDialogElement | null => $<HTMLDialogElement>(el, 'dialog.sv-admin');
export const adminTitle = (el: StoreVoiceWidget): string => adminDialog(el)?.querySelector('.title')?.textContent?.trim() ?? '';

/** Holds the admin corner with the mouse (real pointer events) and waits for the admin screen. */
export async function holdCorner(el: StoreVoiceWidget): Promise<void> {
  const box = hotspot(el).getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
  await sendMouse({ type: 'down' });
  await wait(HOLD_MS);
  await sendMouse({ type: 'up' });
  await until(el, () => adminDialog(el)?.open, 'the admin screen');
}

/** Focuses the admin corner and holds Enter, as a keyboard or switch user does. */
export async function holdCornerWithKeyboard(el: StoreVoiceWidget): Promise<void> {
  hotspot(el).focus();
  await sendKeys({ down: 'Enter' });
  await wait(HOLD_MS);
  await sendKeys({ up: 'Enter' });
  await until(el, () => adminDialog(el)?.open, 'the admin screen');
}

/** A button of the admin screen by its visible text ("1", "OK", "Save", "Add"). */
export function adminButton(el: StoreVoiceWidget, text: string): HTMLButtonElement {
  const button = $$<HTMLButtonElement>(el, 'dialog.sv-admin button').find((b) => b.textContent?.trim() === text);
  if (!button) throw new Error(`no admin button "${text}"`);
  return button;
}

/** Taps `pin` on the pad and OK, then waits until the pad is done checking (PBKDF2 takes a moment). */
export async function enterPin(el: StoreVoiceWidget, pin: string): Promise<void> {
  for (const digit of pin) adminButton(el, digit).click();
  adminButton(el, 'OK').click();
  await until(el, () => adminDialog(el)?.querySelector('.pin')?.getAttribute('aria-busy') !== 'true', 'the PIN pad to answer');
}

/** Types into a settings field (`store`, `newId`, …) as a person would: value, then an input event. */
export async function typeField(el: StoreVoiceWidget, name: string, value: string): Promise<void> {
  const field = $<HTMLInputElement>(el, `#sv-admin-${name}`)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** The settings form's checkbox whose label contains `text`. */
export function adminCheckbox(el: StoreVoiceWidget, text: string): HTMLInputElement {
  const label = $$<HTMLLabelElement>(el, 'dialog.sv-admin label.check').find((l) => l.textContent?.includes(text));
  if (!label) throw new Error(`no checkbox "${text}"`);
  return label.querySelector('input')!;
}

/** Sets the page's query string (kept: the test runner's own parameters); returns a restore function. */
export function withQuery(query: string): () => void {
  const original = location.href;
  const url = new URL(original);
  for (const [name, value] of new URLSearchParams(query)) url.searchParams.append(name, value);
  history.replaceState(history.state, '', url.href);
  return () => history.replaceState(history.state, '', original);
}
