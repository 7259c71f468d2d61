import { html, nothing, type PropertyValues } from 'lit';
import { SCORE_BANDS, type AnswersResponse } from '../../../../server/stats/types.js';
import { LightElement } from '../../components/light-element.js';
import { SurveyLabels } from '../../format/survey-labels.js';
import { LocaleController } from '../../i18n/localizer.js';
import { formatRoute, type RouteScope } from '../../router/route.js';
import type { ViewContext } from '../view.js';
import { reasonsTexts } from './texts.js';

/** The comment filters the address carries (`q`, `score`, `question`, `answer`); the place and dates are the route's own. */
export const COMMENT_FILTERS = ['q', 'score', 'question', 'answer'] as const;

/** Longest search the collector accepts. */
const MAX_SEARCH = 100;

/**
 * The comment filters: text, score band, a question and one of its answers, and where (region,
 * store, staff member, within the user's scope). Applying writes them into the address — a
 * search can be bookmarked and the back button returns to the one before — and keeps the focus
 * on the form. Choices that depend on another (a question's answers, a store's staff) follow it
 * before the search is applied.
 * @summary Filters of the Reasons view's comments.
 */
export class SvCommentFilters extends LightElement {
  static override properties = { context: { attribute: false }, answers: { attribute: false }, question: { state: true }, region: { state: true }, store: { state: true } };
  declare context: ViewContext | undefined;
  /** The questions and answers to choose from. */
  declare answers: AnswersResponse | undefined;
  /** The question, region and store picked in the form, not yet applied. */
  declare question: string;
  declare region: string;
  declare store: string;
  readonly #i18n = new LocaleController(this);
  /** The address the form was last set from (the shell hands a new route object on every render). */
  #shownAddress: string | undefined;
  /** The address changed: the fields are set from it once rendered. */
  #sync = false;

  constructor() {
    super();
    this.question = '';
    this.region = '';
    this.store = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const route = this.context?.route;
    // A new address (applied, or the back button): the form shows what it says.
    if (changed.has('context') && route && formatRoute(route) !== this.#shownAddress) {
      this.#shownAddress = formatRoute(route);
      this.#sync = true;
      this.question = route.params.question ?? '';
      this.store = route.scope.store ?? '';
      this.region = route.scope.region ?? (this.store ? (this.context?.directory.regionOfStore(this.store) ?? '') : '');
    }
  }

  protected override updated(): void {
    if (!this.#sync || !this.context) return;
    this.#sync = false;
    // A field the user changed keeps its own value over the markup's `selected`: set each one
    // from the address (a search applied, the back button) so the form says what is shown.
    const { params, scope } = this.context.route;
    const values: Record<string, string> = {
      'filter-q': params.q ?? '',
      'filter-score': params.score ?? '',
      'filter-question': params.question ?? '',
      'filter-answer': params.answer ?? '',
      'filter-region': this.region,
      'filter-store': this.store,
      'filter-staff': scope.staff ?? '',
    };
    for (const [id, value] of Object.entries(values)) {
      const field = this.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`);
      if (field) field.value = value;
    }
  }

  #handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const c = this.context;
    if (!c) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const params: Record<string, string> = Object.fromEntries(Object.entries(c.route.params).filter(([name]) => !(COMMENT_FILTERS as readonly string[]).includes(name)));
    const q = value('q').slice(0, MAX_SEARCH);
    if (q) params.q = q;
    if (value('score')) params.score = value('score');
    if (value('question')) {
      params.question = value('question');
      if (value('answer')) params.answer = value('answer');
    }
    c.navigate({ scope: this.#scope(value('region'), value('store'), value('staff')), params }, { keepFocus: true });
  }

  /** Where the comments come from: the user's own level, narrowed by the form. */
  #scope(region: string, store: string, staff: string): RouteScope {
    const c = this.context;
    if (!c) return {};
    const user = c.session.user;
    if (user.role === 'store') return { store: user.storeId ?? store, ...(staff && { staff }) };
    const storeRegion = store ? c.directory.regionOfStore(store) : undefined;
    const regionId = user.role === 'regional' ? (user.regionId ?? undefined) : storeRegion || region || undefined;
    return { ...(regionId && { region: regionId }), ...(store && { store }), ...(store && staff && { staff }) };
  }

  #clear(): void {
    const c = this.context;
    if (!c) return;
    const params = Object.fromEntries(Object.entries(c.route.params).filter(([name]) => !(COMMENT_FILTERS as readonly string[]).includes(name)));
    c.navigate({ scope: {}, params }, { keepFocus: true });
  }

  /** Questions whose answers can narrow comments: ratings, choices and consent (not free text). */
  #questions(labels: SurveyLabels): Array<{ id: string; label: string }> {
    const seen = new Map<string, string>();
    for (const survey of this.answers?.surveys ?? []) {
      for (const q of survey.questions) if (q.type !== 'text' && !seen.has(q.id)) seen.set(q.id, labels.prompt(survey.id, q.id));
    }
    const picked = this.context?.route.params.question;
    if (picked && !seen.has(picked)) seen.set(picked, picked);
    return [...seen].map(([id, label]) => ({ id, label }));
  }

  #answersOf(question: string, labels: SurveyLabels): Array<{ value: string; label: string }> {
    const { m, f } = this.#i18n;
    const values = new Map<string, string>();
    for (const survey of this.answers?.surveys ?? []) {
      const q = survey.questions.find((x) => x.id === question);
      for (const count of q?.counts ?? []) if (!values.has(count.value)) values.set(count.value, labels.value(survey.id, question, count.value, m, f));
    }
    const picked = this.context?.route.params.answer;
    if (picked && question === this.context?.route.params.question && !values.has(picked)) values.set(picked, picked);
    return [...values].map(([value, label]) => ({ value, label }));
  }

  override render() {
    const c = this.context;
    if (!c) return nothing;
    const { m, locale } = this.#i18n;
    const t = reasonsTexts;
    const pick = <T>(table: Readonly<Record<typeof locale, T>>) => table[locale];
    const params = c.route.params;
    const labels = new SurveyLabels(this.answers, locale);
    const role = c.session.user.role;
    const regions = role === 'corporate' ? c.directory.regions() : [];
    const stores = role === 'store' ? [] : c.directory.stores(role === 'regional' ? (c.session.user.regionId ?? undefined) : this.region || undefined);
    const staffStore = role === 'store' ? (c.session.user.storeId ?? '') : this.store;
    const staff = staffStore ? c.directory.staffOf(staffStore) : [];
    const answers = this.question ? this.#answersOf(this.question, labels) : [];
    return html`<form class="filters" @submit=${this.#handleSubmit} aria-label=${pick(t.filters)}>
      <div class="field search">
        <label for="filter-q">${pick(t.search)}</label>
        <input id="filter-q" name="q" type="search" maxlength=${MAX_SEARCH} .value=${params.q ?? ''} />
      </div>
      <div class="field">
        <label for="filter-score">${m.trend.score}</label>
        <select id="filter-score" name="score">
          <option value="">${pick(t.anyScore)}</option>
          <optgroup label=${m.kpi.nps}>
            ${SCORE_BANDS.slice(0, 3).map((b) => html`<option value=${b} ?selected=${params.score === b}>${pick(t.scores)[b]}</option>`)}
          </optgroup>
          <optgroup label=${pick(t.lowestRating)}>
            ${SCORE_BANDS.slice(3).map((b) => html`<option value=${b} ?selected=${params.score === b}>${pick(t.scores)[b]}</option>`)}
          </optgroup>
        </select>
      </div>
      <div class="field">
        <label for="filter-question">${pick(t.question)}</label>
        <select id="filter-question" name="question" @change=${(e: Event) => (this.question = (e.currentTarget as HTMLSelectElement).value)}>
          <option value="">${pick(t.anyQuestion)}</option>
          ${this.#questions(labels).map((q) => html`<option value=${q.id} ?selected=${q.id === this.question}>${q.label}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="filter-answer">${pick(t.answer)}</label>
        <select id="filter-answer" name="answer" ?disabled=${!this.question}>
          <option value="">${pick(t.anyAnswer)}</option>
          ${answers.map((a) => html`<option value=${a.value} ?selected=${this.question === params.question && a.value === params.answer}>${a.label}</option>`)}
        </select>
      </div>
      ${regions.length > 0
        ? html`<div class="field">
            <label for="filter-region">${m.groups.region}</label>
            <select
              id="filter-region"
              name="region"
              @change=${(e: Event) => {
                this.region = (e.currentTarget as HTMLSelectElement).value;
                this.store = '';
              }}
            >
              <option value="">${pick(t.allRegions)}</option>
              ${regions.map((r) => html`<option value=${r.id} ?selected=${r.id === this.region}>${r.name}</option>`)}
            </select>
          </div>`
        : nothing}
      ${role !== 'store'
        ? html`<div class="field">
            <label for="filter-store">${m.groups.store}</label>
            <select id="filter-store" name="store" @change=${(e: Event) => (this.store = (e.currentTarget as HTMLSelectElement).value)}>
              <option value="">${pick(t.allStores)}</option>
              ${stores.map((s) => html`<option value=${s.id} ?selected=${s.id === this.store}>${s.name}</option>`)}
            </select>
          </div>`
        : nothing}
      <div class="field">
        <label for="filter-staff">${m.groups.staffMember}</label>
        <select id="filter-staff" name="staff" ?disabled=${!staffStore}>
          <option value="">${pick(t.everyone)}</option>
          ${staff.map((p) => html`<option value=${p.id} ?selected=${p.id === c.route.scope.staff}>${p.name}</option>`)}
        </select>
      </div>
      <div class="actions">
        <button type="submit">${pick(t.apply)}</button>
        <button type="button" @click=${this.#clear}>${pick(t.clear)}</button>
      </div>
    </form>`;
  }
}
