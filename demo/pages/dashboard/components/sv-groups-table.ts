import { html, nothing } from 'lit';
import type { Group } from '../../../server/stats/types.js';
import { formatMetric } from '../format/metric.js';
import { LocaleController } from '../i18n/localizer.js';
import { LightElement } from './light-element.js';

let counter = 0;

/**
 * A comparison table (the regions of a brand, the stores of a region, the staff of a store),
 * each row named (the id as secondary text) and linking one level down. Every score sits next
 * to its count. The caption is for assistive technology (a heading above names the table for
 * everyone). On a narrow screen the table scrolls inside its own box, which is focusable so
 * keyboard users can scroll it too; the page itself never scrolls sideways.
 * @summary Groups compared side by side.
 */
export class SvGroupsTable extends LightElement {
  static override properties = { groups: { attribute: false }, caption: {}, kind: {}, link: { attribute: false }, nameOf: { attribute: false } };
  declare groups: Group[];
  declare caption: string;
  /** The heading of the first column ("Store"). */
  declare kind: string;
  /** The drill-down link of a row, or undefined for none. */
  declare link: ((group: Group) => string | undefined) | undefined;
  /** A name for a row the API sent without one (from the directory). */
  declare nameOf: ((group: Group) => string | undefined) | undefined;
  readonly #captionId = `groups-caption-${++counter}`;
  readonly #i18n = new LocaleController(this);

  constructor() {
    super();
    this.groups = [];
    this.caption = '';
    this.kind = '';
  }

  override render() {
    const { m, f } = this.#i18n;
    if (this.groups.length === 0) return html`<p class="state state-empty">${m.groups.none}</p>`;
    return html`<div class="table-scroll" role="region" aria-labelledby=${this.#captionId} tabindex="0">
      <table class="groups">
        <caption id=${this.#captionId} class="visually-hidden">${this.caption}</caption>
        <thead>
          <tr>
            <th scope="col">${this.kind}</th>
            <th scope="col">${m.groups.responses}</th>
            <th scope="col">${m.kpi.nps}</th>
            <th scope="col">${m.groups.npsN}</th>
            <th scope="col">${m.kpi.csat}</th>
            <th scope="col">${m.groups.csatN}</th>
            <th scope="col">${m.kpi.smiley}</th>
            <th scope="col">${m.groups.smileyN}</th>
          </tr>
        </thead>
        <tbody>
          ${this.groups.map((g) => {
            const name = g.name ?? this.nameOf?.(g) ?? (g.id || m.place.unassigned);
            const id = g.id && name !== g.id ? html`<span class="id">${g.id}</span>` : nothing;
            const href = this.link?.(g);
            return html`<tr>
              <th scope="row">${href ? html`<a href=${href}><bdi>${name}</bdi></a>` : html`<bdi>${name}</bdi>`}${id}</th>
              <td>${f.count(g.volume)}</td>
              <td>${formatMetric(g.nps, 'nps', f, m)}</td>
              <td>${f.count(g.nps.n)}</td>
              <td>${formatMetric(g.csat, 'percent', f, m)}</td>
              <td>${f.count(g.csat.n)}</td>
              <td>${formatMetric(g.smiley, 'average', f, m)}</td>
              <td>${f.count(g.smiley.n)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}
