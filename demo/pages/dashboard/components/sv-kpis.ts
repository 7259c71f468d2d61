import { html, nothing } from 'lit';
import type { Kpis } from '../../../server/stats/types.js';
import { formatMetric, type MetricKind } from '../format/metric.js';
import { LocaleController } from '../i18n/localizer.js';
import { LightElement } from './light-element.js';

/**
 * The headline numbers of a selection as cards, each score with the count it rests on.
 * @summary KPI cards: NPS, CSAT, smiley score, responses.
 */
export class SvKpis extends LightElement {
  static override properties = { kpis: { attribute: false } };
  declare kpis: Kpis | undefined;
  readonly #i18n = new LocaleController(this);

  override render() {
    const k = this.kpis;
    if (!k) return nothing;
    const { m, f } = this.#i18n;
    const score = (label: string, metric: Kpis['nps'], kind: MetricKind) => {
      const withheld = metric.insufficientResponses;
      return html`<div class="kpi ${withheld ? 'withheld' : ''}">
        <dt>${label}</dt>
        <dd><span class="value">${formatMetric(metric, kind, f, m)}</span> <span class="n">${m.kpi.n(f.count(metric.n))}</span></dd>
      </div>`;
    };
    return html`<dl class="kpis" aria-label=${m.kpi.label}>
      ${score(m.kpi.nps, k.nps, 'nps')} ${score(m.kpi.csat, k.csat, 'percent')} ${score(m.kpi.smiley, k.smiley, 'average')}
      <div class="kpi">
        <dt>${m.kpi.responses}</dt>
        <dd><span class="value">${f.count(k.volume)}</span></dd>
      </div>
    </dl>`;
  }
}
