import { initialState, Task } from '@lit/task';
import { html, nothing } from 'lit';
import { MoversResponseSchema, type Mover, type MoversResponse, type ScoreMetric } from '../../../server/stats/types.js';
import { request } from '../api/http.js';
import { formatDelta, formatMetric, METRIC_KIND, metricName } from '../format/metric.js';
import { LocaleController } from '../i18n/localizer.js';
import { segmentParams } from '../router/segments.js';
import type { ViewContext } from '../views/view.js';
import { LightElement } from './light-element.js';
import { renderTaskState, reportSessionEnd } from './view-state.js';

let counter = 0;
/** Stores listed per direction. */
const LIMIT = 5;

/**
 * Early warning on the landing view of corporate and regional managers: the stores whose rolling
 * score fell most, and those that rose most, between the last 7 or 28 days (up to the range's
 * end) and the window before, each only with enough answers in both windows. Every store links
 * to its own view. Its own request, keyed by selection, score and window.
 * @summary Movers: the stores whose score changed most.
 */
export class SvMovers extends LightElement {
  static override properties = { context: { attribute: false }, selection: {}, metric: {}, window: { type: Number } };
  declare context: ViewContext | undefined;
  /** The stats selection (scope, dates, segments), as a query string. */
  declare selection: string | undefined;
  declare metric: ScoreMetric;
  declare window: 7 | 28;
  readonly #i18n = new LocaleController(this);
  readonly #id = `movers-${++counter}`;
  readonly #movers = new Task(this, {
    task: ([selection, metric, window], { signal }) => {
      if (selection === undefined) return initialState;
      const query = new URLSearchParams(selection);
      query.set('metric', metric);
      query.set('window', String(window));
      query.set('limit', String(LIMIT));
      return request('/v1/stats/movers', MoversResponseSchema, { query, signal });
    },
    args: () => [this.selection, this.metric, this.window] as const,
    onError: reportSessionEnd(this),
  });

  constructor() {
    super();
    this.metric = 'nps';
    this.window = 28;
  }

  #setWindow(value: string): void {
    const c = this.context;
    if (c) c.navigate({ params: { ...c.route.params, window: value } }, { replace: true });
  }

  #renderList(movers: readonly Mover[], direction: 'down' | 'up', answer: MoversResponse) {
    const c = this.context;
    const { m, f } = this.#i18n;
    const kind = METRIC_KIND[answer.metric];
    if (movers.length === 0) return html`<p class="state state-empty">${m.movers.none}</p>`;
    return html`<ol class="movers ${direction}">
      ${movers.map((mover) => {
        const name = mover.name ?? c?.directory.storeName(mover.id) ?? mover.id;
        const region = mover.regionName ?? c?.directory.regionName(mover.regionId);
        const href = c?.link({ view: 'overview', scope: { region: mover.regionId, store: mover.id }, params: segmentParams(c.segments) });
        return html`<li>
          <p class="name">${href ? html`<a href=${href}><bdi>${name}</bdi></a>` : html`<bdi>${name}</bdi>`}${region ? html` <bdi class="region">${region}</bdi>` : nothing}</p>
          <p class="figures">
            <span class="change ${direction}"><span class="arrow" aria-hidden="true">${direction === 'down' ? '▼' : '▲'}</span> ${formatDelta(mover.change, kind, f, m)}</span>
            <span>${m.movers.fromTo(formatMetric(mover.previous, kind, f, m), formatMetric(mover.current, kind, f, m))}</span>
            <span class="n">${m.movers.n(f.count(mover.previous.n), f.count(mover.current.n))}</span>
          </p>
        </li>`;
      })}
    </ol>`;
  }

  override render() {
    const c = this.context;
    if (!c) return nothing;
    const { m, f } = this.#i18n;
    return html`<div class="section-head">
        <h2 id="movers-h">${m.movers.heading(metricName(this.metric, m))}</h2>
        <div class="field inline">
          <label for="${this.#id}-window">${m.movers.window}</label>
          <select id="${this.#id}-window" @change=${(e: Event) => this.#setWindow((e.currentTarget as HTMLSelectElement).value)}>
            ${([28, 7] as const).map((w) => html`<option value=${String(w)} ?selected=${w === this.window}>${m.movers.days(f.count(w))}</option>`)}
          </select>
        </div>
      </div>
      ${renderTaskState(this.#movers, {
        m,
        place: c.place,
        complete: (answer: MoversResponse) => html`<p class="note">${m.movers.intro(f.count(answer.window), f.count(answer.minResponses))}
            (${f.dayRange(answer.current.from, answer.current.to)} · ${f.dayRange(answer.previous.from, answer.previous.to)})</p>
          <div class="movers-lists">
            <section>
              <h3 id="${this.#id}-down">${m.movers.falling}</h3>
              ${this.#renderList(answer.down, 'down', answer)}
            </section>
            <section>
              <h3 id="${this.#id}-up">${m.movers.rising}</h3>
              ${this.#renderList(answer.up, 'up', answer)}
            </section>
          </div>`,
      })}`;
  }
}
