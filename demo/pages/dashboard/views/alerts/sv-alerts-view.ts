import { initialState, Task } from '@lit/task';
import { html, nothing } from 'lit';
import { acknowledgeAlert, fetchAlerts, fetchDeliveries, fetchRules, switchRule, testRule, type AlertItem, type AlertRuleView, type RuleDelivery } from '../../api/alerts.js';
import { ApiFailure } from '../../api/http.js';
import { onLiveEvents } from '../../app/live.js';
import { LightElement } from '../../components/light-element.js';
import { renderTaskState, reportSessionEnd } from '../../components/view-state.js';
import { LocaleController } from '../../i18n/localizer.js';
import type { ViewContext } from '../view.js';
import { alertsWords as w } from './texts.js';

/**
 * Alerts inside the product (`#/alerts/…`): the recent alerts of the user's scope (acknowledge
 * them), the rules the user owns (create, edit, switch on or off, test the webhook) and each
 * rule's webhook delivery log. Refreshed by live `alert` events.
 * @summary The alerts view.
 */
export class SvAlertsView extends LightElement {
  static override properties = {
    context: { attribute: false },
    editing: { state: true },
    notice: { state: true },
    logs: { state: true },
  };
  declare context: ViewContext | undefined;
  /** The rule being edited; `null` for a new one; undefined when the form is closed. */
  declare editing: AlertRuleView | null | undefined;
  declare notice: string;
  declare logs: ReadonlyMap<string, readonly RuleDelivery[]>;
  readonly #i18n = new LocaleController(this);
  #refreshes = 0;
  #unsubscribe: (() => void) | undefined;

  readonly #alerts = new Task(this, {
    task: ([ready], { signal }) => (ready ? fetchAlerts(new URLSearchParams({ limit: '50' }), signal) : initialState),
    args: () => [this.context !== undefined, this.#refreshes] as const,
    onError: reportSessionEnd(this),
  });
  readonly #rules = new Task(this, {
    task: ([ready], { signal }) => (ready ? fetchRules(signal) : initialState),
    args: () => [this.context !== undefined, this.#refreshes] as const,
    onError: reportSessionEnd(this),
  });

  constructor() {
    super();
    this.notice = '';
    this.logs = new Map();
    this.addEventListener('sv-rule-saved', () => {
      this.editing = undefined;
      this.#refresh();
    });
    this.addEventListener('sv-rule-cancel', () => (this.editing = undefined));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = onLiveEvents(['alert'], () => this.#refresh());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }

  #refresh(): void {
    this.#refreshes++;
    this.requestUpdate();
  }

  async #act(action: () => Promise<unknown>, done?: (result: unknown) => string): Promise<void> {
    this.notice = '';
    try {
      const result = await action();
      if (done) this.notice = done(result);
      this.#refresh();
    } catch (error) {
      this.notice = error instanceof ApiFailure ? error.message : String(error);
    }
  }

  async #toggleLog(rule: AlertRuleView): Promise<void> {
    const logs = new Map(this.logs);
    if (logs.has(rule.id)) logs.delete(rule.id);
    else logs.set(rule.id, await fetchDeliveries(rule.id));
    this.logs = logs;
  }

  #renderAlert(a: AlertItem, c: ViewContext) {
    const { f, pick } = this.#i18n;
    const store = a.summary.storeName ?? (a.storeId ? (c.directory.storeName(a.storeId) ?? a.storeId) : '');
    const what = a.summary.managerRequested ? pick(w.managerNow) : a.kind === 'rule' ? (a.ruleName ?? pick(w.kinds.rule)) : pick(w.kinds[a.kind]);
    const detail = a.kind === 'drop' && a.summary.change !== undefined ? ` (${a.summary.metric?.toUpperCase() ?? ''} ${a.summary.previous ?? ''} → ${a.summary.current ?? ''})` : '';
    return html`<li class="alert-item ${a.acknowledgedAt ? '' : 'is-new'} ${a.summary.managerRequested ? 'is-urgent' : ''}">
      <span class="what">${what}${detail}</span> — <bdi>${store}</bdi>
      <span class="when">${f.dateTime(a.createdAt, c.directory.timeZoneOf(a.storeId))}</span>
      ${a.summary.caseId ? html`<a class="button" href=${`#/inbox?case=${encodeURIComponent(a.summary.caseId)}`}>${pick(w.openCase)}</a>` : nothing}
      ${a.acknowledgedAt
        ? html`<span class="acked">${pick(w.acknowledged)(a.acknowledgedBy)}</span>`
        : html`<button type="button" @click=${() => void this.#act(() => acknowledgeAlert(c.session, a.id))}>${pick(w.acknowledge)}</button>`}
    </li>`;
  }

  #renderRule(r: AlertRuleView, c: ViewContext) {
    const { f, pick } = this.#i18n;
    const log = this.logs.get(r.id);
    const file = r.source === 'file';
    return html`<li class="rule-item">
      <p><strong>${r.name ?? r.id}</strong> · ${pick(w.form.kinds[r.kind])} · ${r.enabled ? pick(w.enabled) : pick(w.disabled)}${r.webhook ? html` · <bdi>${r.webhook.url}</bdi>` : nothing}</p>
      <div class="rule-buttons">
        ${file ? nothing : html`<button type="button" @click=${() => (this.editing = r)}>${pick(w.edit)}</button>`}
        ${file ? nothing : html`<button type="button" @click=${() => void this.#act(() => switchRule(c.session, r.id, !r.enabled))}>${r.enabled ? pick(w.switchOff) : pick(w.switchOn)}</button>`}
        ${r.webhook
          ? html`<button type="button" @click=${() => void this.#act(() => testRule(c.session, r.id), (result) => { const t = result as { ok: boolean; status: number | null; error: string | null }; return pick(w.tested)(t.ok, t.status, t.error); })}>${pick(w.test)}</button>
              <button type="button" aria-expanded=${log ? 'true' : 'false'} @click=${() => void this.#toggleLog(r)}>${pick(w.log)}</button>`
          : nothing}
      </div>
      ${log
        ? log.length === 0
          ? html`<p>${pick(w.logEmpty)}</p>`
          : html`<div class="table-scroll" tabindex="0" role="region" aria-label=${pick(w.log)}><table class="delivery-log">
              <caption>${pick(w.log)}</caption>
              <thead><tr>${pick(w.logColumns).map((col) => html`<th scope="col">${col}</th>`)}</tr></thead>
              <tbody>${log.map((d) => html`<tr><td>${f.dateTime(d.createdAt, c.directory.timeZoneOf(d.storeId))}</td><td>${d.storeId ? (c.directory.storeName(d.storeId) ?? d.storeId) : '—'}</td><td>${d.status}</td><td>${d.attempts}</td><td>${d.lastError ?? (d.lastStatus === null ? '—' : String(d.lastStatus))}</td></tr>`)}</tbody>
            </table></div>`
        : nothing}
    </li>`;
  }

  override render() {
    const c = this.context;
    if (!c) return nothing;
    const { m, pick } = this.#i18n;
    return html`<p class="notice" role="status">${this.notice}</p>
      <section aria-labelledby="recent-alerts">
        <h2 id="recent-alerts">${pick(w.recent)}</h2>
        ${renderTaskState(this.#alerts, { m, place: c.place, complete: (list) => (list.alerts.length ? html`<ul class="alert-list">${list.alerts.map((a) => this.#renderAlert(a, c))}</ul>` : html`<p class="state state-empty">${pick(w.none)}</p>`) })}
      </section>
      <section aria-labelledby="alert-rules">
        <h2 id="alert-rules">${pick(w.rules)}</h2>
        ${this.editing === undefined ? html`<button type="button" @click=${() => (this.editing = null)}>${pick(w.newRule)}</button>` : html`<sv-rule-form .context=${c} .rule=${this.editing ?? undefined}></sv-rule-form>`}
        ${renderTaskState(this.#rules, { m, place: c.place, complete: (rules) => (rules.length ? html`<ul class="rule-list">${rules.map((r) => this.#renderRule(r, c))}</ul>` : html`<p class="state state-empty">${pick(w.noRules)}</p>`) })}
      </section>`;
  }
}
