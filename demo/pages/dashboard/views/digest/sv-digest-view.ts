import { initialState, Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import type { DigestResponse } from '../../../../server/digest/types.js';
import type { Metric, Mover } from '../../../../server/stats/types.js';
import { digestQuery, fetchDigest } from '../../api/digest.js';
import { LightElement } from '../../components/light-element.js';
import { renderTaskState, reportSessionEnd } from '../../components/view-state.js';
import { formatMetric, type MetricKind } from '../../format/metric.js';
import type { PerLocale } from '../../i18n/locales.js';
import { LocaleController } from '../../i18n/localizer.js';
import type { ViewContext } from '../view.js';
import { digestTexts as t } from './texts.js';

/** `2026-W10` → the week after (weeks are seven days: Monday + 7 is the next Monday). */
function weekAfter(digest: DigestResponse): string | undefined {
  const next = new Date(Date.parse(`${digest.week.from}T00:00:00Z`) + 7 * 86_400_000);
  // The ISO week of a Monday: the year of its Thursday, counted from the week with 4 January.
  const thursday = new Date(next.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  const number = Math.floor((next.getTime() - week1) / (7 * 86_400_000)) + 1;
  // Only complete weeks: the next one must have ended (in every zone) before it is offered.
  return next.getTime() + 7 * 86_400_000 <= Date.now() - 14 * 3_600_000 ? `${year}-W${String(number).padStart(2, '0')}` : undefined;
}

/**
 * The weekly digest of the place in the address: the week's scores against the week before, the
 * stores whose NPS moved most, the most mentioned topics and the cases, for the week in `?week=`
 * (the last complete week by default). Laid out for paper too: the print stylesheet hides the
 * dashboard around it (dashboard.css, "Print").
 * @summary The weekly digest view (`#/digest/…?week=2026-W10`).
 */
export class SvDigestView extends LightElement {
  static override properties = { context: { attribute: false } };
  declare context: ViewContext | undefined;
  readonly #i18n = new LocaleController(this);
  readonly #digest = new Task(this, {
    task: ([key], { signal }) => (key === undefined ? initialState : fetchDigest(new URLSearchParams(key), signal)),
    args: () => {
      const c = this.context;
      return [c ? digestQuery(c.route.scope, c.route.params['week']).toString() : undefined] as const;
    },
    onError: reportSessionEnd(this),
  });

  #metric(metric: Metric, kind: MetricKind): string {
    return formatMetric(metric, kind, this.#i18n.f, this.#i18n.m);
  }

  #change(now: Metric, before: Metric): string {
    if (now.value === null || before.value === null || now.insufficientResponses || before.insufficientResponses) return '—';
    const change = Math.round((now.value - before.value) * 10) / 10;
    return `${change > 0 ? '+' : change < 0 ? '−' : '±'}${this.#i18n.f.average(Math.abs(change))}`;
  }

  #scores(d: DigestResponse): TemplateResult {
    const { m, f } = this.#i18n;
    const pick = <T,>(table: PerLocale<T>): T => this.#i18n.pick(table);
    const rows: Array<[string, Metric, Metric, MetricKind]> = [
      [m.kpi.nps, d.kpis.nps, d.previousKpis.nps, 'nps'],
      [m.kpi.csat, d.kpis.csat, d.previousKpis.csat, 'percent'],
      [m.kpi.smiley, d.kpis.smiley, d.previousKpis.smiley, 'average'],
    ];
    return html`<section>
      <h2 id="digest-scores">${pick(t.scores)}</h2>
      <div class="table-scroll" role="region" aria-labelledby="digest-scores" tabindex="0">
        <table class="digest-table">
          <thead>
            <tr>
              <th scope="col">${pick(t.metric)}</th>
              <th scope="col">${pick(t.thisWeek)}</th>
              <th scope="col">${pick(t.weekBefore)}</th>
              <th scope="col">${pick(t.change)}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">${pick(t.responses)}</th>
              <td>${f.count(d.kpis.volume)}</td>
              <td>${f.count(d.previousKpis.volume)}</td>
              <td>${d.kpis.volume - d.previousKpis.volume >= 0 ? '+' : '−'}${f.count(Math.abs(d.kpis.volume - d.previousKpis.volume))}</td>
            </tr>
            ${rows.map(
              ([label, now, before, kind]) =>
                html`<tr>
                  <th scope="row">${label}</th>
                  <td>${this.#metric(now, kind)} <span class="n">${m.kpi.n(f.count(now.n))}</span></td>
                  <td>${this.#metric(before, kind)} <span class="n">${m.kpi.n(f.count(before.n))}</span></td>
                  <td>${this.#change(now, before)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  #movers(d: DigestResponse, c: ViewContext): TemplateResult {
    const { m, f } = this.#i18n;
    const movers: Mover[] = [...d.movers.down, ...d.movers.up];
    const name = (mover: Mover) => c.directory.storeName(mover.id) ?? mover.name ?? mover.id;
    return html`<section>
      <h2 id="digest-movers">${this.#i18n.pick(t.movers)}</h2>
      ${movers.length === 0
        ? html`<p class="state state-empty">${this.#i18n.pick(t.noMovers)}</p>`
        : html`<div class="table-scroll" role="region" aria-labelledby="digest-movers" tabindex="0">
            <table class="digest-table">
              <thead>
                <tr>
                  <th scope="col">${this.#i18n.pick(t.store)}</th>
                  <th scope="col">${this.#i18n.pick(t.thisWeek)}</th>
                  <th scope="col">${this.#i18n.pick(t.weekBefore)}</th>
                  <th scope="col">${this.#i18n.pick(t.change)}</th>
                </tr>
              </thead>
              <tbody>
                ${movers.map(
                  (mover) =>
                    html`<tr class=${mover.change < 0 ? 'down' : 'up'}>
                      <th scope="row">${name(mover)}</th>
                      <td>${this.#metric(mover.current, 'nps')} <span class="n">${m.kpi.n(f.count(mover.current.n))}</span></td>
                      <td>${this.#metric(mover.previous, 'nps')} <span class="n">${m.kpi.n(f.count(mover.previous.n))}</span></td>
                      <td>${mover.change > 0 ? '▲ +' : '▼ −'}${f.average(Math.abs(mover.change))}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
    </section>`;
  }

  #topics(d: DigestResponse): TemplateResult {
    const { f } = this.#i18n;
    const label = (topic: DigestResponse['topics'][number]) => (topic.label ? (topic.label[this.#i18n.locale.split('-')[0] ?? 'en'] ?? topic.label['en'] ?? topic.id) : topic.id);
    return html`<section>
      <h2 id="digest-topics">${this.#i18n.pick(t.topics)}</h2>
      ${d.topics.length === 0
        ? html`<p class="state state-empty">${this.#i18n.pick(t.noTopics)}</p>`
        : html`<div class="table-scroll" role="region" aria-labelledby="digest-topics" tabindex="0">
            <table class="digest-table">
              <thead>
                <tr>
                  <th scope="col">${this.#i18n.pick(t.topic)}</th>
                  <th scope="col">${this.#i18n.pick(t.mentions)}</th>
                  <th scope="col">${this.#i18n.pick(t.negative)}</th>
                  <th scope="col">${this.#i18n.pick(t.weekBefore)}</th>
                </tr>
              </thead>
              <tbody>
                ${d.topics.map(
                  (topic) =>
                    html`<tr>
                      <th scope="row">${label(topic)}</th>
                      <td>${f.count(topic.mentions)}</td>
                      <td>${f.count(topic.negative)}</td>
                      <td>${f.count(topic.previous)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
    </section>`;
  }

  #cases(d: DigestResponse): TemplateResult {
    const { f } = this.#i18n;
    const items: Array<[string, number, boolean]> = [
      [this.#i18n.pick(t.open), d.cases.open, false],
      [this.#i18n.pick(t.overdue), d.cases.overdue, d.cases.overdue > 0],
      [this.#i18n.pick(t.opened), d.cases.openedThisWeek, false],
      [this.#i18n.pick(t.resolved), d.cases.resolvedThisWeek, false],
    ];
    return html`<section>
      <h2 id="digest-cases">${this.#i18n.pick(t.cases)}</h2>
      <dl class="kpis">
        ${items.map(([label, value, warn]) => html`<div class=${warn ? 'kpi warn' : 'kpi'}><dt>${label}</dt><dd><span class="value">${f.count(value)}</span></dd></div>`)}
      </dl>
    </section>`;
  }

  #page(d: DigestResponse, c: ViewContext): TemplateResult {
    const { f } = this.#i18n;
    const next = weekAfter(d);
    return html`<div class="digest">
      <div class="digest-bar">
        <p class="digest-week">
          <strong>${this.#i18n.pick(t.week)} ${d.week.id.slice(-2).replace(/^0/, '')}</strong>
          <span>${f.day(d.week.from)} – ${f.day(d.week.to)}</span>
        </p>
        <nav class="digest-weeks" aria-label=${this.#i18n.pick(t.week)}>
          <a class="button" href=${c.link({ params: { week: d.previous.id } })}>${this.#i18n.pick(t.previousWeek)}</a>
          ${next ? html`<a class="button" href=${c.link({ params: { week: next } })}>${this.#i18n.pick(t.nextWeek)}</a>` : nothing}
          <button type="button" class="print" @click=${() => window.print()}>${this.#i18n.pick(t.print)}</button>
        </nav>
      </div>
      ${this.#scores(d)} ${this.#movers(d, c)} ${this.#topics(d)} ${this.#cases(d)}
    </div>`;
  }

  override render() {
    const c = this.context;
    if (!c) return nothing;
    const { m } = this.#i18n;
    return html`<p class="intro">${this.#i18n.pick(t.intro)}</p>
      ${renderTaskState(this.#digest, { m, place: c.place, complete: (digest) => this.#page(digest, c) })}`;
  }
}
