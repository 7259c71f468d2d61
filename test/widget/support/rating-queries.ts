import { sendKeys } from '@web/test-runner-commands';
import type { QuestionHost } from './question-host.js';

// What the rating-question tests read from a rendered radiogroup (smiley, stars, NPS, CSAT).

export const root = (host: QuestionHost) => host.shadowRoot as ShadowRoot;
export const radios = (host: QuestionHost) => [...root(host).querySelectorAll<HTMLElement>('[role=radio]')];
export const group = (host: QuestionHost) => root(host).querySelector('[role=radiogroup]') as HTMLElement;
export const checked = (host: QuestionHost) => radios(host).map((r) => r.getAttribute('aria-checked'));
export const tabindexes = (host: QuestionHost) => radios(host).map((r) => r.tabIndex);
export const focused = (host: QuestionHost) => radios(host).indexOf(root(host).activeElement as HTMLElement);

/** A real key press, then the host's re-render. */
export async function press(host: QuestionHost, key: string): Promise<void> {
  await sendKeys({ press: key });
  await host.updateComplete;
}
