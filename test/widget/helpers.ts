import { fixture, html } from '@open-wc/testing';
import type { SurveyDefinition } from '../../sdk/index.js';
import '../../src/index.js';
import type { StoreVoiceWidget } from '../../src/index.js';
import type { TestCollector } from '../support/collector.js';

export const moodSurvey: SurveyDefinition = {
  id: 'post-visit',
  title: { en: 'Quick feedback', es: 'Opinión rápida', ar: 'رأيك السريع' },
  questions: [
    { id: 'mood', type: 'smiley', prompt: { en: 'How was your visit today?', es: '¿Qué tal su visita hoy?', ar: 'كيف كانت زيارتك اليوم؟' }, required: true },
    { id: 'why', type: 'text', prompt: 'Tell us why', showIf: { mood: { lte: 2 } } },
    { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend us?' },
  ],
  thankYou: { en: 'Thanks a lot!' },
};

/** A survey with every question type on one page, for accessibility sweeps. */
export const everyTypeSurvey: SurveyDefinition = {
  id: 'every-type',
  title: 'Every question type',
  display: 'page',
  questions: [
    { id: 'smiley', type: 'smiley', prompt: 'Smiley', required: true },
    { id: 'smiley3', type: 'smiley', prompt: 'Three faces', faces: 3 },
    { id: 'stars', type: 'stars', prompt: 'Stars' },
    { id: 'nps', type: 'nps', prompt: 'NPS' },
    { id: 'csat', type: 'csat', prompt: 'CSAT' },
    { id: 'choice', type: 'choice', prompt: 'Choice', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], other: true },
    { id: 'multi', type: 'choice', prompt: 'Multi', multiple: true, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
    { id: 'text', type: 'text', prompt: 'Text', maxLength: 200 },
    { id: 'staff', type: 'staff', prompt: 'Who helped you today?', roster: [{ id: 'emp-17', name: 'Ana' }, { id: 'emp-21', name: 'Bo' }] },
    { id: 'consent', type: 'consent', prompt: 'May we contact you?' },
  ],
};

export async function mountWidget(
  collector: TestCollector | undefined,
  survey: SurveyDefinition | string,
  attributes: Record<string, string> = {},
): Promise<StoreVoiceWidget> {
  // Attributes first, then into the page: as markup or a framework would create it.
  const created = document.createElement('storevoice-widget');
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  if (collector) created.setAttribute('endpoint', collector.endpoint);
  created.setAttribute('survey', typeof survey === 'string' ? survey : JSON.stringify(survey));
  const el = await fixture<StoreVoiceWidget>(html`${created}`);
  await settle(el);
  return el;
}

/** Waits for the survey to load and the element to render. */
export async function settle(el: StoreVoiceWidget): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await el.updateComplete;
    if (!el.shadowRoot!.querySelector('.loading')) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const $ = <T extends Element = HTMLElement>(el: StoreVoiceWidget, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: StoreVoiceWidget, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** Resolves with the next event of that type from the element. */
export function nextEvent<T = unknown>(el: EventTarget, type: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => el.addEventListener(type, (e) => resolve(e as CustomEvent<T>), { once: true }));
}

/** Loads a fixture page in an 800×600 iframe (its own document, CSS and headers) and waits for its load event. */
export async function openFrame(path: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  frame.src = path;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame;
}
