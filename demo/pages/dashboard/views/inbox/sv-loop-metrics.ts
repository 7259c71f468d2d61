import { html, nothing } from 'lit';
import type { CaseMetricsResponse } from '../../../../server/cases/types.js';
import { LightElement } from '../../components/light-element.js';
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

  override render() {
    const m = this.metrics;
    if (!m) return nothing;
    const rows = [{ ...m.summary, id: '', name: null as string | null, regionId: null }, ...m.groups];
    return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${this.caption}>
      <table class="loop-metrics">
        <caption>${this.caption}</caption>
        <thead><tr>${w.metricColumns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
        <tbody>
          ${rows.map(
            (g, i) => html`<tr class=${i === 0 ? 'total' : ''}>
              <th scope="row"><bdi>${i === 0 ? 'All' : (g.name ?? g.id)}</bdi></th>
              <td>${g.open}</td>
              <td>${g.overdue}</td>
              <td>${w.minutes(g.medianFirstResponseMinutes)}</td>
              <td>${w.minutes(g.medianResolveMinutes)}</td>
              <td>${g.resolvedOnTimePct === null ? '—' : `${g.resolvedOnTimePct}%`}</td>
              <td>${g.topRootCauses.map((r) => `${r.label} (${r.count})`).join(', ') || '—'}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
