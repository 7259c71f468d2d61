import { initialState, Task } from '@lit/task';
import { html, nothing } from 'lit';
import { SCORE_METRICS, type ScoreMetric } from '../../../../server/stats/types.js';
import { ApiFailure } from '../../api/http.js';
import { deleteTarget, fetchTargets, saveTarget, TARGET_LEVELS, type Target, type TargetKey, type TargetLevel } from '../../api/targets.js';
import { LightElement } from '../../components/light-element.js';
import { renderTaskState, reportSessionEnd } from '../../components/view-state.js';
import { formatValue, METRIC_KIND, METRIC_RANGE, METRIC_STEP, metricName } from '../../format/metric.js';
import { LocaleController } from '../../i18n/localizer.js';
import type { ViewContext } from '../view.js';
import { compareTexts } from './texts.js';

declare global {
  interface HTMLElementEventMap {
    /** A target was saved or removed: figures that show targets are out of date. */
    'sv-targets-changed': CustomEvent<void>;
  }
}

/**
 * The targets a manager may see, and a small form to set one where their role may: corporate for
 * the brand, a region or a store; a regional manager for the stores of their region. The value is
 * on the score's own scale (NPS −100…100, CSAT 0…100 %, ratings 1…5), checked by the collector,
 * whose refusals are shown at the field they concern. Writes carry the session's CSRF token.
 * @event sv-targets-changed - after a save or a removal
 * @summary Targets: list and form.
 */
export class SvTargets extends LightElement {
  static override properties = {
    context: { attribute: false },
    level: { state: true },
    metric: { state: true },
    fieldError: { state: true },
    formError: { state: true },
    status: { state: true },
    busy: { state: true },
  };
  declare context: ViewContext | undefined;
  declare level: TargetLevel;
  declare metric: ScoreMetric;
  /** The collector's (or the form's) objection to the value. */
  declare fieldError: string;
  declare formError: string;
  /** The last save or removal, announced politely. */
  declare status: string;
  declare busy: boolean;
  readonly #i18n = new LocaleController(this);
  /** Bumped after a write: the list is read again. */
  #version = 0;
  readonly #targets = new Task(this, {
    task: ([key], { signal }) => (key === undefined ? initialState : fetchTargets(signal)),
    args: () => [this.context ? `${this.context.session.user.id}:${this.#version}` : undefined] as const,
    onError: reportSessionEnd(this),
  });

  constructor() {
    super();
    this.metric = 'nps';
    this.fieldError = '';
    this.formError = '';
    this.status = '';
    this.busy = false;
    this.level = 'store';
  }

  /** The levels the user may set targets at. */
  #levels(): readonly TargetLevel[] {
    const role = this.context?.session.user.role;
    return role === 'corporate' ? TARGET_LEVELS : role === 'regional' ? ['store'] : [];
  }

  #mayEdit(target: Pick<Target, 'level' | 'id'>): boolean {
    const c = this.context;
    if (!c) return false;
    const user = c.session.user;
    if (user.role === 'corporate') return true;
    return user.role === 'regional' && target.level === 'store' && target.id !== null && c.directory.regionOfStore(target.id) === user.regionId;
  }

  #placeName(level: TargetLevel, id: string | null | undefined): string {
    const c = this.context;
    const { m } = this.#i18n;
    if (!c) return id ?? '';
    if (level === 'brand' || !id) return m.groups.brandRow(c.directory.brandName ?? m.app.title);
    return level === 'region' ? (c.directory.regionName(id) ?? m.place.region(id)) : (c.directory.storeName(id) ?? m.place.store(id));
  }

  /** Places of a level the user may choose: their scope's regions or stores. */
  #places(level: TargetLevel): Array<{ id: string; name: string }> {
    const c = this.context;
    if (!c || level === 'brand') return [];
    if (level === 'region') return c.directory.regions();
    const region = c.session.user.role === 'regional' ? (c.session.user.regionId ?? undefined) : c.route.scope.region;
    return c.directory.stores(region);
  }

  #changed(): void {
    this.#version++;
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent('sv-targets-changed', { bubbles: true }));
  }

  async #handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const c = this.context;
    if (!c || this.busy) return;
    const texts = compareTexts;
    const { f } = this.#i18n;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const level = this.level;
    const id = level === 'brand' ? undefined : String(data.get('place') ?? '');
    const raw = String(data.get('value') ?? '').trim().replace(',', '.');
    const value = Number(raw);
    const [min, max] = METRIC_RANGE[this.metric];
    const kind = METRIC_KIND[this.metric];
    const outOfRange = this.#i18n.pick(texts.outOfRange)(formatValue(min, kind, f), formatValue(max, kind, f));
    this.status = '';
    this.formError = '';
    this.fieldError = '';
    if (level !== 'brand' && !id) {
      this.formError = this.#i18n.pick(texts.choosePlace);
      return;
    }
    if (raw === '' || !Number.isFinite(value)) {
      this.fieldError = outOfRange;
      form.querySelector<HTMLInputElement>('#target-value')?.focus();
      return;
    }
    const key: TargetKey = { level, ...(id !== undefined && { id }), metric: this.metric };
    this.busy = true;
    try {
      // The range is the collector's to check: it answers 400 naming `value`, shown at the field.
      await saveTarget(c.session, key, value);
      this.status = this.#i18n.pick(texts.saved)(metricName(this.metric, this.#i18n.m), this.#placeName(level, id));
      this.#changed();
    } catch (error) {
      this.#showFailure(error, outOfRange);
      if (this.fieldError) form.querySelector<HTMLInputElement>('#target-value')?.focus();
    } finally {
      this.busy = false;
    }
  }

  #showFailure(error: unknown, outOfRange: string): void {
    const texts = compareTexts;
    if (error instanceof ApiFailure && error.status === 401) {
      this.dispatchEvent(new CustomEvent('sv-session-ended', { bubbles: true }));
      return;
    }
    if (error instanceof ApiFailure && error.status === 400) {
      const value = error.issues.find((i) => i.path[0] === 'value');
      // The collector names the field; the reason is said in the user's language, with the range.
      if (value) this.fieldError = outOfRange;
      else this.formError = [error.message, ...error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)].join(' — ');
      return;
    }
    if (error instanceof ApiFailure && error.status === 403) this.formError = `${this.#i18n.pick(texts.refused)} (${error.message})`;
    else this.formError = this.#i18n.pick(texts.failed);
  }

  async #remove(target: Target): Promise<void> {
    const c = this.context;
    if (!c || this.busy) return;
    this.busy = true;
    this.status = '';
    this.formError = '';
    try {
      await deleteTarget(c.session, { level: target.level, ...(target.id !== null && { id: target.id }), metric: target.metric });
      this.status = this.#i18n.pick(compareTexts.removed)(metricName(target.metric, this.#i18n.m), this.#placeName(target.level, target.id));
      this.#changed();
      // The row and its button are gone: the form's heading keeps the focus in the section.
      this.querySelector<HTMLElement>('#targets-h')?.focus();
    } catch (error) {
      this.#showFailure(error, '');
    } finally {
      this.busy = false;
    }
  }

  #renderList(targets: readonly Target[]) {
    const { m, f } = this.#i18n;
    const texts = compareTexts;
    if (targets.length === 0) return html`<p class="state state-empty">${this.#i18n.pick(texts.none)}</p>`;
    return html`<div class="table-scroll" role="region" aria-labelledby="targets-current" tabindex="0">
      <table class="targets">
        <caption id="targets-current">${this.#i18n.pick(texts.current)}</caption>
        <thead>
          <tr>
            <th scope="col">${this.#i18n.pick(texts.appliesTo)}</th>
            <th scope="col">${m.trend.score}</th>
            <th scope="col">${this.#i18n.pick(texts.value)}</th>
            <th scope="col"><span class="visually-hidden">${this.#i18n.pick(texts.removeShort)}</span></th>
          </tr>
        </thead>
        <tbody>
          ${targets.map((t) => {
            const place = this.#placeName(t.level, t.id);
            const metric = metricName(t.metric, m);
            return html`<tr>
              <th scope="row"><bdi>${place}</bdi></th>
              <td class="text">${metric}</td>
              <td>${formatValue(t.value, METRIC_KIND[t.metric], f)}</td>
              <td>
                ${this.#mayEdit(t)
                  ? html`<button type="button" ?disabled=${this.busy} aria-label=${this.#i18n.pick(texts.remove)(metric, place)} @click=${() => void this.#remove(t)}>${this.#i18n.pick(texts.removeShort)}</button>`
                  : nothing}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  #renderForm() {
    const levels = this.#levels();
    if (levels.length === 0) return nothing;
    const { m, f } = this.#i18n;
    const texts = compareTexts;
    const level = levels.includes(this.level) ? this.level : (levels[0] ?? 'store');
    const places = this.#places(level);
    const [min, max] = METRIC_RANGE[this.metric];
    const kind = METRIC_KIND[this.metric];
    return html`<form class="target-form" @submit=${this.#handleSubmit} novalidate aria-labelledby="target-form-h">
      <h3 id="target-form-h">${this.#i18n.pick(texts.set)}</h3>
      ${levels.length > 1
        ? html`<div class="field">
            <label for="target-level">${this.#i18n.pick(texts.appliesTo)}</label>
            <select id="target-level" @change=${(e: Event) => (this.level = (e.currentTarget as HTMLSelectElement).value as TargetLevel)}>
              ${levels.map((l) => html`<option value=${l} ?selected=${l === level}>${this.#i18n.pick(texts.levels)[l]}</option>`)}
            </select>
          </div>`
        : nothing}
      ${level !== 'brand'
        ? html`<div class="field">
            <label for="target-place">${level === 'region' ? m.groups.region : m.groups.store}</label>
            <select id="target-place" name="place">
              ${places.map((p) => html`<option value=${p.id}>${p.name}</option>`)}
            </select>
          </div>`
        : nothing}
      <div class="field">
        <label for="target-metric">${m.trend.score}</label>
        <select id="target-metric" @change=${(e: Event) => (this.metric = (e.currentTarget as HTMLSelectElement).value as ScoreMetric)}>
          ${SCORE_METRICS.map((s) => html`<option value=${s} ?selected=${s === this.metric}>${metricName(s, m)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="target-value">${this.#i18n.pick(texts.value)}</label>
        <input
          id="target-value"
          name="value"
          type="number"
          inputmode="decimal"
          min=${min}
          max=${max}
          step=${METRIC_STEP[this.metric]}
          aria-describedby="target-range target-value-error"
          aria-invalid=${this.fieldError ? 'true' : nothing}
          required
        />
        <p id="target-range" class="note">${this.#i18n.pick(texts.range)(formatValue(min, kind, f), formatValue(max, kind, f))}</p>
        <p id="target-value-error" class="error">${this.fieldError}</p>
      </div>
      <div class="actions"><button type="submit" ?disabled=${this.busy}>${this.#i18n.pick(texts.save)}</button></div>
      <p class="error" role="alert">${this.formError}</p>
    </form>`;
  }

  override render() {
    const c = this.context;
    if (!c) return nothing;
    const { m } = this.#i18n;
    return html`<h2 id="targets-h" tabindex="-1">${this.#i18n.pick(compareTexts.targets)}</h2>
      <p class="note">${this.#i18n.pick(compareTexts.targetsIntro)}</p>
      <p class="status" role="status">${this.status}</p>
      ${renderTaskState(this.#targets, { m, place: c.place, complete: (targets: Target[]) => this.#renderList(targets) })} ${this.#renderForm()}`;
  }
}
