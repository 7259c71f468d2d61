import { html } from 'lit';
import type { Group } from '../../../server/stats/types.js';
import { formatCount, formatMetric } from '../format.js';
import { LightElement } from './light-element.js';

/**
 * A comparison table (regions of the brand, stores of a region, staff of a store), each row
 * linking one level down. Every score sits next to its count.
 */
export class SvGroupsTable extends LightElement {
  static override properties = { groups: { attribute: false }, caption: {}, kind: {}, link: { attribute: false } };
  declare groups: Group[];
  declare caption: string;
  declare kind: string;
  /** The drill-down link of a row, or undefined for none. */
  declare link: ((group: Group) => string | undefined) | undefined;

  constructor() {
    super();
    this.groups = [];
    this.caption = '';
    this.kind = 'Name';
  }

  override render() {
    if (this.groups.length === 0) return html`<p>No responses in this period.</p>`;
    return html`<table class="groups">
      <caption>${this.caption}</caption>
      <thead>
        <tr>
          <th scope="col">${this.kind}</th><th scope="col">Responses</th><th scope="col">NPS</th><th scope="col">NPS n</th>
          <th scope="col">CSAT</th><th scope="col">CSAT n</th><th scope="col">Smiley</th><th scope="col">Smiley n</th>
        </tr>
      </thead>
      <tbody>
        ${this.groups.map((g) => {
          const name = g.name ?? (g.id || 'Unassigned');
          const href = this.link?.(g);
          return html`<tr>
            <th scope="row">${href ? html`<a href=${href}>${name}</a>` : name}</th>
            <td>${formatCount(g.volume)}</td>
            <td>${formatMetric(g.nps)}</td><td>${g.nps.n}</td>
            <td>${formatMetric(g.csat, ' %')}</td><td>${g.csat.n}</td>
            <td>${formatMetric(g.smiley)}</td><td>${g.smiley.n}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}
