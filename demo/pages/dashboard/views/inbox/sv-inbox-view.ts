import { initialState, Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { CaseSummary } from '../../../../server/cases/types.js';
import { fetchCaseMetrics, fetchCases } from '../../api/cases.js';
import { onLiveEvents } from '../../app/live.js';
import { playChime, SOUND_KEY, soundOn } from '../../app/manager-request.js';
import { LightElement } from '../../components/light-element.js';
import { renderTaskState, reportSessionEnd } from '../../components/view-state.js';
import { LocaleController } from '../../i18n/localizer.js';
import type { ViewContext } from '../view.js';
import { inboxWords as w } from './texts.js';

/**
 * The manager's inbox (`#/inbox/…`): open cases of the place, most urgent first (the collector
 * orders them by due time; overdue and "speak to a manager now" are marked), each opening the
 * whole case (`?case=<id>`). Regional and corporate managers see the closing-the-loop figures of
 * their stores (and regions) above it. Refreshed from the API whenever a live event arrives.
 * @summary The cases inbox view.
 */
export class SvInboxView extends LightElement {
  static override properties = { context: { attribute: false }, sound: { state: true }, permission: { state: true } };
  declare context: ViewContext | undefined;
  declare sound: boolean;
  declare permission: string;
  readonly #i18n = new LocaleController(this);
  #refreshes = 0;
  #unsubscribe: (() => void) | undefined;

  readonly #cases = new Task(this, {
    task: ([key], { signal }) => (key === undefined ? initialState : fetchCases(new URLSearchParams(key), signal)),
    args: () => [this.#query()?.toString(), this.#refreshes] as const,
    onError: reportSessionEnd(this),
  });
  readonly #metrics = new Task(this, {
    task: ([key, level], { signal }) => (key === undefined ? initialState : fetchCaseMetrics(new URLSearchParams(`${key}&level=${level}`), signal)),
    args: () => [this.#metricsQuery()?.toString(), this.#metricsLevel(), this.#refreshes] as const,
  });

  constructor() {
    super();
    this.sound = soundOn();
    this.permission = 'Notification' in window ? Notification.permission : 'unsupported';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = onLiveEvents(['case', 'submission', 'alert'], () => {
      this.#refreshes++;
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }

  #query(): URLSearchParams | undefined {
    const c = this.context;
    if (!c) return undefined;
    const q = new URLSearchParams({ status: 'active', limit: '100' });
    if (c.route.scope.region) q.set('region', c.route.scope.region);
    if (c.route.scope.store) q.set('store', c.route.scope.store);
    return q;
  }

  #metricsLevel(): 'store' | 'region' {
    const c = this.context;
    return c && c.session.user.role === 'corporate' && !c.route.scope.region && !c.route.scope.store ? 'region' : 'store';
  }

  /** Store managers work their own cases; the figures are for those who compare stores. */
  #metricsQuery(): URLSearchParams | undefined {
    const c = this.context;
    if (!c || c.session.user.role === 'store') return undefined;
    const q = new URLSearchParams();
    if (c.route.scope.region) q.set('region', c.route.scope.region);
    if (c.route.scope.store) q.set('store', c.route.scope.store);
    return q;
  }

  #toggleSound(): void {
    this.sound = !this.sound;
    localStorage.setItem(SOUND_KEY, this.sound ? 'on' : 'off');
    // Played from the click: the browser then allows it later, when an alert arrives.
    if (this.sound) playChime();
  }

  async #askNotifications(): Promise<void> {
    if (!('Notification' in window)) return;
    this.permission = await Notification.requestPermission();
  }

  #renderItem(item: CaseSummary, c: ViewContext) {
    const { f, pick } = this.#i18n;
    const urgent = item.reason === 'manager_requested';
    return html`<li class="case-item ${item.overdue ? 'is-overdue' : ''} ${urgent ? 'is-urgent' : ''}">
      <a href=${c.link({ params: { case: item.id } })}>
        <span class="badges">
          ${urgent ? html`<span class="badge urgent">${pick(w.reasons.manager_requested)}</span>` : html`<span class="badge">${pick(w.reasons[item.reason])}</span>`}
          ${item.overdue ? html`<span class="badge overdue">${pick(w.overdue)}</span>` : nothing}
          ${item.escalated ? html`<span class="badge escalated">${pick(w.escalated)}</span>` : nothing}
          <span class="badge status-${item.status}">${pick(w.statuses[item.status])}</span>
        </span>
        <span class="case-line"><bdi class="store">${item.storeName ?? item.storeId ?? ''}</bdi> · ${pick(w.due)} ${f.dateTime(item.dueAt, item.timeZone ?? 'UTC')}</span>
        ${item.excerpt ? html`<span class="excerpt"><bdi>${item.excerpt}</bdi></span>` : nothing}
        <span class="assignee">${pick(w.assignee)}: ${item.assignee ? html`<bdi>${item.assignee.name}</bdi>` : pick(w.nobody)}</span>
      </a>
    </li>`;
  }

  #renderAlerting() {
    const { pick } = this.#i18n;
    return html`<section class="alerting" aria-label=${pick(w.alerting)}>
      <button type="button" aria-pressed=${this.sound ? 'true' : 'false'} @click=${this.#toggleSound}>${this.sound ? pick(w.soundOn) : pick(w.soundOff)}</button>
      ${this.permission === 'default' ? html`<button type="button" @click=${() => void this.#askNotifications()}>${pick(w.notify)}</button>` : nothing}
      ${this.permission === 'granted' ? html`<span>${pick(w.notifyGranted)}</span>` : this.permission === 'denied' ? html`<span>${pick(w.notifyDenied)}</span>` : nothing}
    </section>`;
  }

  override render() {
    const c = this.context;
    if (!c) return nothing;
    const { f, m, pick } = this.#i18n;
    const caseId = c.route.params.case;
    if (caseId) return html`<sv-case-detail .caseId=${caseId} .session=${c.session} .backHref=${c.link({ params: {} })}></sv-case-detail>`;
    return html`${this.#renderAlerting()}
      ${c.session.user.role === 'corporate' ? html`<sv-root-causes .session=${c.session}></sv-root-causes>` : nothing}
      ${this.#metricsQuery()
        ? renderTaskState(this.#metrics, { m, place: c.place, complete: (metrics) => html`<sv-loop-metrics .metrics=${metrics} .caption=${pick(w.metrics)}></sv-loop-metrics>` })
        : nothing}
      ${renderTaskState(this.#cases, {
        m,
        place: c.place,
        complete: (list) => html`<p class="case-counts" role="status">${pick(w.counts)(f.count(list.counts.active), f.count(list.counts.overdue), f.count(list.counts.escalated))}</p>
          ${list.cases.length === 0 ? html`<p class="state state-empty">${pick(w.empty)}</p>` : html`<ul class="case-list">${list.cases.map((item) => this.#renderItem(item, c))}</ul>`}`,
      })}`;
  }
}
