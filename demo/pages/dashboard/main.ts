/** Entry of the dashboard bundle (dist/dashboard/dashboard.js): defines its elements. */
import { SvComments } from './components/sv-comments.js';
import { SvDashboard } from './components/sv-dashboard.js';
import { SvDistribution } from './components/sv-distribution.js';
import { SvGroupsTable } from './components/sv-groups-table.js';
import { SvKpis } from './components/sv-kpis.js';
import { SvLogin } from './components/sv-login.js';
import { SvTrendChart } from './components/sv-trend-chart.js';

const elements: Array<[string, CustomElementConstructor]> = [
  ['sv-comments', SvComments],
  ['sv-distribution', SvDistribution],
  ['sv-groups-table', SvGroupsTable],
  ['sv-kpis', SvKpis],
  ['sv-login', SvLogin],
  ['sv-trend-chart', SvTrendChart],
  // Last: its first render uses the others.
  ['sv-dashboard', SvDashboard],
];
for (const [name, element] of elements) if (!customElements.get(name)) customElements.define(name, element);
