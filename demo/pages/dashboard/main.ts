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
import { SvMovers } from './components/sv-movers.js';
import { SvSegments } from './components/sv-segments.js';
import { SvTrend } from './components/sv-trend.js';
import { SvTrendChart } from './components/sv-trend-chart.js';
import { SvCompareView } from './views/compare/sv-compare-view.js';
import { SvLeaderboard } from './views/compare/sv-leaderboard.js';
import { SvTargets } from './views/compare/sv-targets.js';
import { SvIdeasView } from './views/ideas/sv-ideas-view.js';
import { SvTopics } from './components/sv-topics.js';
import { SvDigestView } from './views/digest/sv-digest-view.js';
import { SvKudosView } from './views/kudos/sv-kudos-view.js';
import { SvAlertsView } from './views/alerts/sv-alerts-view.js';
import { SvRuleForm } from './views/alerts/sv-rule-form.js';
import { SvCaseDetail } from './views/inbox/sv-case-detail.js';
import { SvInboxView } from './views/inbox/sv-inbox-view.js';
import { SvLoopMetrics } from './views/inbox/sv-loop-metrics.js';
import { SvRootCauses } from './views/inbox/sv-root-causes.js';
import { SvOverviewView } from './views/overview/sv-overview-view.js';
import { SvPulseAnswers } from './views/pulse/sv-pulse-answers.js';
import { SvPulseLinks } from './views/pulse/sv-pulse-links.js';
import { SvPulseView } from './views/pulse/sv-pulse-view.js';
import { SvAnswers } from './views/reasons/sv-answers.js';
import { SvCommentFilters } from './views/reasons/sv-comment-filters.js';
import { SvReasonsView } from './views/reasons/sv-reasons-view.js';

const elements: Array<[string, CustomElementConstructor]> = [
  // Shared components and views first: the shell's first render uses them.
  ['sv-breadcrumbs', SvBreadcrumbs],
  ['sv-comments', SvComments],
  ['sv-date-range', SvDateRange],
  ['sv-distribution', SvDistribution],
  ['sv-groups-table', SvGroupsTable],
  ['sv-kpis', SvKpis],
  ['sv-language-switch', SvLanguageSwitch],
  ['sv-movers', SvMovers],
  ['sv-report', SvReport],
  ['sv-segments', SvSegments],
  ['sv-trend', SvTrend],
  ['sv-topics', SvTopics],
  ['sv-trend-chart', SvTrendChart],
  ['sv-leaderboard', SvLeaderboard],
  ['sv-targets', SvTargets],
  ['sv-answers', SvAnswers],
  ['sv-comment-filters', SvCommentFilters],
  ['sv-overview-view', SvOverviewView],
  ['sv-compare-view', SvCompareView],
  ['sv-reasons-view', SvReasonsView],
  ['sv-pulse-answers', SvPulseAnswers],
  ['sv-pulse-links', SvPulseLinks],
  ['sv-pulse-view', SvPulseView],
  ['sv-kudos-view', SvKudosView],
  ['sv-ideas-view', SvIdeasView],
  ['sv-digest-view', SvDigestView],
  ['sv-loop-metrics', SvLoopMetrics],
  ['sv-case-detail', SvCaseDetail],
  ['sv-root-causes', SvRootCauses],
  ['sv-inbox-view', SvInboxView],
  ['sv-rule-form', SvRuleForm],
  ['sv-alerts-view', SvAlertsView],
  ['sv-banners', SvBanners],
  ['sv-live-status', SvLiveStatus],
  ['sv-login', SvLogin],
  ['sv-app', SvApp],
];
for (const [name, element] of elements) if (!customElements.get(name)) customElements.define(name, element);
