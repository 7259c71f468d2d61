import { html, nothing } from 'lit';
import type { CaseMetricsResponse } from '../../../../server/cases/types.js';
import { LightElement } from '../../components/light-element.js';
import { LocaleController } from '../../i18n/localizer.js';
import { inboxWords as w } from './texts.js';

/**
 * Closing-the-loop figures per store or region (`GET /v1/cases/metrics`), as a table: what is
 * open and overdue, how fast stores respond and resolve, and the most frequent root causes.
 * @summary Closing-the-loop metrics table.
 */
export class SvLoopMetrics extends LightElement {
  static override properties = { metrics: { attribute: false }, caption: {} };
  declare metrics: CaseMetricsResponse | undefined;
  declare caption: string;
  readonly #i18n = new LocaleController(this);

  /** A median in minutes: minutes under an hour and a half, else hours with one decimal. */
  #duration(minutes: number | null): string {
    const { f, pick } = this.#i18n;
    if (minutes === null) return '—';
    return minutes < 90 ? pick(w.minutes)(f.count(Math.round(minutes))) : pick(w.hours)(f.decimal(minutes / 60));
  }

  override render() {
    const m = this.metrics;
    if (!m) return nothing;
    const { f, pick } = this.#i18n;
    const rows = [{ ...m.summary, id: '', name: null as string | null, regionId: null }, ...m.groups];
    // The figures are of the cases opened in this period (the inbox's counts above are of every
    // active case): the caption says which, so the two never seem to disagree.
    const caption = `${this.caption} · ${f.dayRange(m.filter.from, m.filter.to)}`;
    return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${caption}>
      <table class="loop-metrics">
        <caption>${caption}</caption>
        <thead><tr>${pick(w.metricColumns).map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
        <tbody>
          ${rows.map(
            (g, i) => html`<tr class=${i === 0 ? 'total' : ''}>
              <th scope="row"><bdi>${i === 0 ? pick(w.all) : (g.name ?? g.id)}</bdi></th>
              <td>${f.count(g.open)}</td>
              <td>${f.count(g.overdue)}</td>
              <td>${this.#duration(g.medianFirstResponseMinutes)}</td>
              <td>${this.#duration(g.medianResolveMinutes)}</td>
              <td>${g.resolvedOnTimePct === null ? '—' : f.percent(g.resolvedOnTimePct)}</td>
              <td>${g.topRootCauses.map((r) => `${r.label} (${f.count(r.count)})`).join(', ') || '—'}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
