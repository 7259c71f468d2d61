// Helpers for the kiosk tests: a fake clock for the kiosk's timers, mounting, and real input.
import { sendMouse } from '@web/test-runner-commands';
import { fixture, html } from '@open-wc/testing';
import type { Client, SurveyDefinition } from '../../../sdk/index.js';
import { useScheduler, type Scheduler } from '../../../src/kiosk/scheduler.js';
import type { StoreVoiceWidget } from '../../../src/index.js';
import type { TestCollector } from '../../support/collector.js';
import { $, $$, mountWidget } from '../helpers.js';

/** A manual clock: timers run only when the test advances time, in order. */
export class FakeScheduler implements Scheduler {
  time = 1_000_000;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: number | undefined): void {
    if (handle !== undefined) this.timers.delete(handle);
  }

  /** Advances the clock by `ms`, running every timer that falls due, earliest first. */
  tick(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = end;
  }
}

/** Installs a fake clock for kiosks mounted from now on; `restoreClock()` in afterEach. */
export function fakeClock(): FakeScheduler {
  const clock = new FakeScheduler();
  useScheduler(clock);
  return clock;
}

export const restoreClock = (): void => useScheduler();

/** A one-question smiley survey: one tap is the whole survey. */
export const microSurvey: SurveyDefinition = {
  id: 'kiosk-micro',
  questions: [{ id: 'mood', type: 'smiley', prompt: { en: 'How was your visit today?', fr: 'Comment s’est passée votre visite ?' }, required: true }],
  thankYou: { en: 'Thank you!', fr: 'Merci !' },
};

/** A smiley, then a text question for low scores, then a choice. */
export const followUpSurvey: SurveyDefinition = {
  id: 'kiosk-follow-up',
  questions: [
    { id: 'mood', type: 'smiley', prompt: 'How was your visit today?', required: true },
    { id: 'why', type: 'text', prompt: 'What went wrong?', showIf: { mood: { lte: 2 } } },
    { id: 'again', type: 'choice', prompt: 'Will you come back?', options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] },
  ],
  thankYou: 'Thank you!',
};

/** A survey that does not open with a smiley: the attract screen invites with a Start button. */
export const npsFirstSurvey: SurveyDefinition = {
  id: 'kiosk-nps',
  questions: [
    { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend us?', required: true },
    { id: 'why', type: 'text', prompt: 'Why?' },
  ],
};

/** Mounts a kiosk and waits until its attract screen is up. */
export async function mountKiosk(
  collector: TestCollector | undefined,
  survey: SurveyDefinition,
  attributes: Record<string, string> = {},
  client?: Client,
): Promise<StoreVoiceWidget> {
  let el: StoreVoiceWidget;
  if (client) {
    // A host client must be there before the first load, or the survey is "unavailable".
    const created = document.createElement('storevoice-widget');
    created.client = client;
    for (const [name, value] of Object.entries({ mode: 'kiosk', ...attributes })) created.setAttribute(name, value);
    created.setAttribute('survey', JSON.stringify(survey));
    el = await fixture<StoreVoiceWidget>(html`${created}`);
  } else el = await mountWidget(collector, survey, { mode: 'kiosk', ...attributes });
  await until(el, () => screenOf(el) === 'attract');
  return el;
}

/** The kiosk screen on display: attract, survey, offer or thanks. */
export function screenOf(el: StoreVoiceWidget): string | undefined {
  const screen = $(el, '.sv-kiosk .screen');
  return ['attract', 'survey', 'offer', 'thanks'].find((name) => screen?.classList.contains(name));
}

/** Waits for renders until `predicate` holds (the element re-renders after async work such as a submit). */
export async function until(el: StoreVoiceWidget, predicate: () => unknown, message = 'kiosk condition'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await el.updateComplete;
    if (predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`until: ${message} not met`);
}

/** A real mouse click (pointerdown, mousedown, pointerup, click) in the middle of `target`. */
export async function tap(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center', inline: 'center' });
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** A fast synthetic tap, for mashing: pointerdown then click, as a finger on a touch screen gives. */
export function quickTap(target: Element): void {
  target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, pointerType: 'touch' }));
  if (target instanceof HTMLElement) target.click();
}

/** The face with score `value` (1–5) of the smiley on screen. */
export const face = (el: StoreVoiceWidget, value: number): HTMLElement => $$(el, '.sv-kiosk .smiley [role="radio"]')[value - 1]!;

/** Text of the whole kiosk surface, whitespace collapsed. */
export const textOf = (el: StoreVoiceWidget): string => ($(el, '.sv-kiosk')?.textContent ?? '').replace(/\s+/g, ' ').trim();
