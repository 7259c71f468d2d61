/** Entry of the dashboard bundle (dist/dashboard/dashboard.js): defines its elements. */
import { SvApp } from './app/sv-app.js';
import { SvBanners } from './app/sv-banners.js';
import { SvLiveStatus } from './app/sv-live-status.js';
import { SvLogin } from './app/sv-login.js';
import { SvBreadcrumbs } from './components/sv-breadcrumbs.js';
import { SvComments } from './components/sv-comments.js';
import { SvDateRange } from './components/sv-date-range.js';
import { SvDistribution } from './components/sv-distribution.js';
import { SvGroupsTable } from './components/sv-groups-table.js';
import { SvKpis } from './components/sv-kpis.js';
import { SvLanguageSwitch } from './components/sv-language-switch.js';
import { SvReport } from './components/sv-report.js';
import { SvTopics } from './components/sv-topics.js';
import { SvTrendChart } from './components/sv-trend-chart.js';
import { SvDigestView } from './views/digest/sv-digest-view.js';
import { SvKudosView } from './views/kudos/sv-kudos-view.js';
import { SvOverviewView } from './views/overview/sv-overview-view.js';
import { SvPulseView } from './views/pulse/sv-pulse-view.js';

const elements: Array<[string, CustomElementConstructor]> = [
  // Shared components and views first: the shell's first render uses them.
  ['sv-breadcrumbs', SvBreadcrumbs],
  ['sv-comments', SvComments],
  ['sv-date-range', SvDateRange],
  ['sv-distribution', SvDistribution],
  ['sv-groups-table', SvGroupsTable],
  ['sv-kpis', SvKpis],
  ['sv-language-switch', SvLanguageSwitch],
  ['sv-report', SvReport],
  ['sv-topics', SvTopics],
  ['sv-trend-chart', SvTrendChart],
  ['sv-overview-view', SvOverviewView],
  ['sv-pulse-view', SvPulseView],
  ['sv-kudos-view', SvKudosView],
  ['sv-digest-view', SvDigestView],
  ['sv-banners', SvBanners],
  ['sv-live-status', SvLiveStatus],
  ['sv-login', SvLogin],
  ['sv-app', SvApp],
];
for (const [name, element] of elements) if (!customElements.get(name)) customElements.define(name, element);
