import { initialState, Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { Kpis, Metric } from '../../../../server/stats/types.js';
import { exportHref, statsQuery } from '../../api/stats.js';
import { LightElement } from '../../components/light-element.js';
import { renderTaskState, reportSessionEnd } from '../../components/view-state.js';
import { LocaleController } from '../../i18n/localizer.js';
import type { ViewContext } from '../view.js';
import { fetchPulseReport, type PulseReport } from './api.js';
import { PULSE_EXTRAS } from './extras.js';
import { pulseDashboardTexts as T, pulseTexts } from './texts.js';

/**
 * The employee pulse (channel `employee`) for the place in the address: its pulse links, then
 * what the pulse asks — mood, eNPS where the survey has an NPS question, every question's
 * answers, topics and day-dated comments — anonymous, per team only (the registry stops its
 * addresses at the store), every group held to the minimum by the server; below it the view says
 * "not enough answers yet — n of minimum" and shows nothing else of that group.
 * @summary The employee-pulse view (`#/pulse/…`).
 */
export class SvPulseView extends LightElement {
  static override properties = { context: { attribute: false } };
  declare context: ViewContext | undefined;
  readonly #i18n = new LocaleController(this);
  readonly #report = new Task(this, {
    task: ([key], { signal }) => (key === undefined ? initialState : fetchPulseReport(new URLSearchParams(key), signal)),
    args: () => [this.#query()?.toString()] as const,
    onError: reportSessionEnd(this),
  });

  #query(): URLSearchParams | undefined {
    const c = this.context;
    return c ? statsQuery(c.route.scope, c.range, 'employee') : undefined;
  }

  /** A score, or why it is not shown: "not enough answers yet — 4 of 10". */
  #score(metric: Metric, min: number, format: (value: number) => string): string {
    const { f } = this.#i18n;
    if (metric.insufficientResponses) return this.#i18n.pick(T.notEnough)(f.count(metric.n), f.count(min));
    return metric.value === null ? '—' : format(metric.value);
  }

  #kpis(kpis: Kpis, min: number, asksEnps: boolean) {
    const { f } = this.#i18n;
    const pick = this.#i18n.pick.bind(this.#i18n);
    const card = (label: string, value: string, withheld: boolean) => html`<div class="kpi ${withheld ? 'withheld' : ''}"><dt>${label}</dt><dd><span class="value">${value}</span></dd></div>`;
    return html`<dl class="kpis" aria-label=${pick(pulseTexts.results)}>
      ${card(pick(T.mood), this.#score(kpis.smiley, min, (v) => f.average(v)), kpis.smiley.insufficientResponses)}
      ${asksEnps ? card(pick(T.enps), this.#score(kpis.nps, min, (v) => f.nps(v)), kpis.nps.insufficientResponses) : nothing}
      ${card(pick(T.responses), f.count(kpis.volume), false)}
    </dl>`;
  }

  #figures(r: PulseReport, c: ViewContext, query: URLSearchParams) {
    const { m, f } = this.#i18n;
    const pick = this.#i18n.pick.bind(this.#i18n);
    const { stats } = r;
    if (stats.summary.volume === 0) return html`<p class="state state-empty">${m.state.empty(f.day(stats.filter.from), f.day(stats.filter.to))}</p>`;
    const min = stats.minResponses;
    const asksEnps = r.answers.surveys.some((s) => s.questions.some((q) => q.type === 'nps'));
    const showStores = stats.level !== 'staff' && c.route.scope.store === undefined && stats.groups.length > 0;
    const storeName = (id: string) => c.directory.storeName(id) ?? c.directory.regionName(id) ?? id;
    return html`
      <section>
        <div class="section-head">
          <h2 id="results-h">${pick(pulseTexts.results)}</h2>
          <a class="export button" href=${exportHref(query)} download>${m.range.exportCsv}</a>
        </div>
        ${stats.summary.insufficientResponses ? html`<p class="note">${pick(T.notEnough)(f.count(stats.summary.volume), f.count(min))}</p>` : nothing}
        ${this.#kpis(stats.summary, min, asksEnps)}
      </section>
      ${showStores
        ? html`<section>
            <h2 id="pulse-groups-h">${stats.level === 'region' ? m.groups.regions : m.groups.stores}</h2>
            <div class="table-scroll" role="region" aria-labelledby="pulse-groups-h" tabindex="0">
              <table>
                <thead><tr><th scope="col">${stats.level === 'region' ? m.groups.region : m.groups.store}</th><th scope="col">${pick(T.responses)}</th><th scope="col">${pick(T.mood)}</th>${asksEnps ? html`<th scope="col">${pick(T.enps)}</th>` : nothing}</tr></thead>
                <tbody>
                  ${stats.groups.map(
                    (g) => html`<tr>
                      <th scope="row">${g.name ?? storeName(g.id)}</th>
                      <td>${f.count(g.volume)}</td>
                      <td>${this.#score(g.smiley, min, (v) => f.average(v))}</td>
                      ${asksEnps ? html`<td>${this.#score(g.nps, min, (v) => f.nps(v))}</td>` : nothing}
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          </section>`
        : nothing}
      <section>
        <h2 id="pulse-trend-h">${pick(T.trend)}</h2>
        <div class="table-scroll" role="region" aria-labelledby="pulse-trend-h" tabindex="0">
          <table class="pulse-trend">
            <thead><tr><th scope="col">${pick(T.weekOf)}</th><th scope="col">${pick(T.responses)}</th><th scope="col">${pick(T.mood)}</th>${asksEnps ? html`<th scope="col">${pick(T.enps)}</th>` : nothing}</tr></thead>
            <tbody>
              ${r.trend.points.map(
                (p) => html`<tr>
                  <th scope="row">${f.day(p.period)}</th>
                  <td>${f.count(p.volume)}</td>
                  <td>${this.#score(p.smiley, min, (v) => f.average(v))}${p.smiley.value !== null && !p.smiley.insufficientResponses ? html` <meter min="1" max="5" value=${p.smiley.value} aria-hidden="true"></meter>` : nothing}</td>
                  ${asksEnps ? html`<td>${this.#score(p.nps, min, (v) => f.nps(v))}</td>` : nothing}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
      <section>
        <h2 id="pulse-answers-h">${pick(T.answers)}</h2>
        <sv-pulse-answers .answers=${r.answers} .minimum=${min}></sv-pulse-answers>
      </section>
      <section>
        <h2 id="pulse-topics-h">${pick(T.topics)}</h2>
        ${r.topics.insufficientResponses
          ? html`<p class="state state-empty">${pick(T.notEnough)(f.count(stats.summary.volume), f.count(min))}</p>`
          : r.topics.topics.length === 0
            ? html`<p class="state state-empty">${pick(T.noTopics)}</p>`
            : html`<div class="table-scroll" role="region" aria-labelledby="pulse-topics-h" tabindex="0">
                <table>
                  <thead><tr><th scope="col">${pick(T.topic)}</th><th scope="col">${pick(T.mentions)}</th></tr></thead>
                  <tbody>
                    ${r.topics.topics.map((t) => html`<tr><th scope="row">${t.label?.[this.#i18n.locale] ?? t.label?.['en'] ?? t.id}</th><td>${f.count(t.mentions)}</td></tr>`)}
                  </tbody>
                </table>
              </div>`}
      </section>
      <section>
        <h2 id="comments-h">${m.comments.heading}</h2>
        ${r.comments.insufficientResponses
          ? html`<p class="state state-empty">${pick(T.notEnough)(f.count(stats.summary.volume), f.count(min))}</p>`
          : html`<sv-comments .items=${r.comments.comments} .directory=${c.directory}></sv-comments>`}
      </section>`;
  }

  override render() {
    const c = this.context;
    const query = this.#query();
    if (!c || !query) return nothing;
    const { m, f } = this.#i18n;
    return html`<p class="intro">${this.#i18n.pick(pulseTexts.intro)(f.count(c.session.staffMinResponses))}</p>
      <sv-pulse-links .context=${c}></sv-pulse-links>
      ${PULSE_EXTRAS.map((extra) => extra.render(c))}
      ${renderTaskState(this.#report, { m, place: c.place, complete: (report) => this.#figures(report, c, query) })}`;
  }
}
