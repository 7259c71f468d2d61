import { initialState, Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { localize } from '../../../../sdk/survey/localize.js';
import { CUSTOMER_CHANNELS, DEVICE_CLASSES } from '../../../server/stats/types.js';
import { fetchAnswers, statsQuery } from '../api/stats.js';
import { DASHBOARD_LOCALES } from '../i18n/locales.js';
import { LocaleController } from '../i18n/localizer.js';
import type { DateRange } from '../router/date-range.js';
import type { RouteScope } from '../router/route.js';
import { hasSegments, readSegments, type Segments } from '../router/segments.js';
import { LightElement } from './light-element.js';

declare global {
  interface HTMLElementEventMap {
    'sv-segments-change': CustomEvent<Segments>;
  }
}

/**
 * The segment bar: cut every number of the view by channel, device, survey and the customer's
 * language. Compact: one line that says which cut is on ("Kiosk · sv"), opening to a small form.
 * The surveys to choose from are those answered in the place and period on screen, loaded when
 * the bar is first opened. The shell writes the choice into the address, so a cut can be
 * bookmarked and follows the user from view to view.
 * @event sv-segments-change - detail: the chosen segments (empty: all customers)
 * @summary Segment filter bar.
 */
export class SvSegments extends LightElement {
  static override properties = {
    // The shell hands a new object on every render: only a different cut resets the fields.
    segments: { attribute: false, hasChanged: (a: Segments, b: Segments | undefined) => JSON.stringify(a) !== JSON.stringify(b) },
    scope: { attribute: false },
    range: { attribute: false },
    error: { state: true },
    opened: { state: true },
  };
  declare segments: Segments;
  declare scope: RouteScope;
  declare range: DateRange | undefined;
  declare error: string;
  /** The bar was opened at least once: the survey list is needed. */
  declare opened: boolean;
  readonly #i18n = new LocaleController(this);
  readonly #surveys = new Task(this, {
    task: ([key], { signal }) => (key === undefined ? initialState : fetchAnswers(new URLSearchParams(key), signal)),
    args: () => [(this.opened || this.segments.survey !== undefined) && this.range ? statsQuery(this.scope, this.range, 'customer').toString() : undefined] as const,
  });

  constructor() {
    super();
    this.segments = {};
    this.scope = {};
    this.error = '';
    this.opened = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('segments')) return;
    // A field the user changed keeps its own value over the markup's `selected`: set each one
    // from the address (segments applied, the back button) so the bar says what is shown.
    const s = this.segments;
    const values: Record<string, string> = { 'segment-channel': s.channel ?? '', 'segment-device': s.device ?? '', 'segment-survey': s.survey ?? '', 'segment-locale': s.locale ?? '' };
    for (const [id, value] of Object.entries(values)) {
      const field = this.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`);
      if (field) field.value = value;
    }
  }

  #handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const raw: Record<string, string> = {};
    for (const name of ['channel', 'device', 'survey', 'locale']) {
      const value = String(data.get(name) ?? '').trim();
      if (value) raw[name] = value;
    }
    const segments = readSegments(raw);
    if (raw.locale !== undefined && segments.locale === undefined) {
      this.error = this.#i18n.m.segments.invalidLocale;
      this.querySelector<HTMLInputElement>('#segment-locale')?.focus();
      return;
    }
    this.error = '';
    this.dispatchEvent(new CustomEvent('sv-segments-change', { detail: segments, bubbles: true }));
  }

  #clear(): void {
    this.error = '';
    this.dispatchEvent(new CustomEvent('sv-segments-change', { detail: {}, bubbles: true }));
  }

  #surveyTitle(id: string): string {
    const survey = this.#surveys.value?.surveys.find((s) => s.id === id);
    return survey?.title ? localize(survey.title, this.#i18n.locale) || id : id;
  }

  #summary(): string {
    const { m } = this.#i18n;
    const s = this.segments;
    if (!hasSegments(s)) return m.segments.all;
    return [
      s.channel && m.segments.channels[s.channel],
      s.device && m.segments.devices[s.device],
      s.survey && this.#surveyTitle(s.survey),
      s.locale,
    ]
      .filter(Boolean)
      .join(' · ');
  }

  override render() {
    const { m } = this.#i18n;
    const s = this.segments;
    const surveys = this.#surveys.value?.surveys ?? [];
    const surveyIds = [...new Set([...surveys.map((x) => x.id), ...(s.survey ? [s.survey] : [])])];
    // Suggestions only: any language code is accepted.
    const languages = [...new Set([...DASHBOARD_LOCALES, ...surveys.flatMap((x) => (x.title && typeof x.title === 'object' ? Object.keys(x.title) : []))])];
    return html`<details class="segments" @toggle=${(e: Event) => (this.opened ||= (e.currentTarget as HTMLDetailsElement).open)}>
      <summary><span class="label">${m.segments.label}:</span> <span class="active ${hasSegments(s) ? 'on' : ''}">${this.#summary()}</span></summary>
      <form @submit=${this.#handleSubmit} aria-label=${m.segments.label} novalidate>
        <div class="field">
          <label for="segment-channel">${m.segments.channel}</label>
          <select id="segment-channel" name="channel">
            <option value="">${m.segments.anyChannel}</option>
            ${CUSTOMER_CHANNELS.map((c) => html`<option value=${c} ?selected=${s.channel === c}>${m.segments.channels[c]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="segment-device">${m.segments.device}</label>
          <select id="segment-device" name="device">
            <option value="">${m.segments.anyDevice}</option>
            ${DEVICE_CLASSES.map((d) => html`<option value=${d} ?selected=${s.device === d}>${m.segments.devices[d]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="segment-survey">${m.segments.survey}</label>
          <select id="segment-survey" name="survey">
            <option value="">${m.segments.anySurvey}</option>
            ${surveyIds.map((id) => html`<option value=${id} ?selected=${s.survey === id}>${this.#surveyTitle(id)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="segment-locale">${m.segments.locale}</label>
          <input id="segment-locale" name="locale" list="segment-locales" autocomplete="off" spellcheck="false" maxlength="35" .value=${s.locale ?? ''} aria-describedby="segment-locale-hint" aria-invalid=${this.error ? 'true' : nothing} />
          <datalist id="segment-locales">${languages.map((l) => html`<option value=${l}></option>`)}</datalist>
        </div>
        <div class="actions">
          <button type="submit">${m.segments.apply}</button>
          ${hasSegments(s) ? html`<button type="button" @click=${this.#clear}>${m.segments.clear}</button>` : nothing}
        </div>
        <p id="segment-locale-hint" class="note">${m.segments.localeHint}</p>
        <p class="error" role="alert">${this.error}</p>
      </form>
    </details>`;
  }
}
