import { html } from 'lit';
import { segmentParamsOf } from '../router/normalize.js';
import { REPORT_PARAMS } from '../router/report-params.js';
import type { RouteGrammar } from '../router/route.js';
import { compareTexts } from './compare/texts.js';
import { ideasTexts } from './ideas/texts.js';
import { digestTexts } from './digest/texts.js';
import { alertsTexts } from './alerts/texts.js';
import { inboxTexts } from './inbox/texts.js';
import { kudosTexts } from './kudos/texts.js';
import { overviewTexts } from './overview/texts.js';
import { pulseTexts } from './pulse/texts.js';
import { COMMENT_FILTERS } from './reasons/sv-comment-filters.js';
import { reasonsTexts } from './reasons/texts.js';
import type { ViewDefinition } from './view.js';

const EVERYONE = ['corporate', 'regional', 'store', 'staff'] as const;
const MANAGERS = ['corporate', 'regional', 'store'] as const;
/** Those who compare many stores: the brand's and a region's managers. */
const COMPARERS = ['corporate', 'regional'] as const;

/**
 * Every view of the dashboard, in navigation order; a user's first view is where they land.
 * Later views (cases inbox, topics, digest, alerts, settings) each add one entry:
 * @example
 * {
 *   id: 'inbox', title: inboxTexts.title, roles: MANAGERS, depth: 'store', dateRange: false,
 *   params: ['status'], render: (context) => html`<sv-inbox-view .context=${context}></sv-inbox-view>`,
 * },
 */
export const VIEWS: readonly ViewDefinition[] = [
  {
    // First: a manager lands on what needs them now. Staff accounts have no inbox (a case can
    // name a colleague and holds a customer's contact details).
    id: 'inbox',
    title: inboxTexts.title,
    roles: MANAGERS,
    depth: 'store',
    dateRange: false,
    params: ['case'],
    render: (context) => html`<sv-inbox-view .context=${context}></sv-inbox-view>`,
  },
  {
    id: 'overview',
    title: overviewTexts.title,
    roles: EVERYONE,
    depth: 'staff',
    dateRange: true,
    segments: true,
    // Report parameters, and the topic whose comments are listed (components/sv-topics.ts).
    params: [...REPORT_PARAMS, 'topic'],
    render: (context) => html`<sv-overview-view .context=${context}></sv-overview-view>`,
  },
  {
    id: 'compare',
    title: compareTexts.title,
    roles: COMPARERS,
    // The stores of the brand or of one region: a store is a row, not a place to compare within.
    depth: 'region',
    dateRange: true,
    segments: true,
    params: ['sort', 'dir'],
    render: (context) => html`<sv-compare-view .context=${context}></sv-compare-view>`,
  },
  {
    id: 'reasons',
    title: reasonsTexts.title,
    roles: MANAGERS,
    depth: 'staff',
    dateRange: true,
    segments: true,
    params: COMMENT_FILTERS,
    render: (context) => html`<sv-reasons-view .context=${context}></sv-reasons-view>`,
  },
  {
    id: 'pulse',
    title: pulseTexts.title,
    // Staff accounts never see the employee pulse: it is anonymous feedback about their workplace.
    roles: MANAGERS,
    // Never per person: a store is the finest level.
    depth: 'store',
    dateRange: true,
    params: ['bucket', 'metric'],
    render: (context) => html`<sv-pulse-view .context=${context}></sv-pulse-view>`,
  },
  {
    id: 'kudos',
    title: kudosTexts.title,
    roles: EVERYONE,
    depth: 'staff',
    dateRange: true,
    render: (context) => html`<sv-kudos-view .context=${context}></sv-kudos-view>`,
  },
  {
    id: 'ideas',
    title: ideasTexts.title,
    // Staff write ideas and follow their store's; managers answer the ideas that reached them.
    roles: EVERYONE,
    // The server decides which ideas reach whom (the store's manager, then the region): no drill-down.
    depth: 'brand',
    // The dates are those of the volume and response-rate figures.
    dateRange: true,
    render: (context) => html`<sv-ideas-view .context=${context}></sv-ideas-view>`,
  },
  {
    id: 'digest',
    title: digestTexts.title,
    // A manager's week on paper; staff accounts have no digest (the collector answers 403).
    roles: MANAGERS,
    depth: 'store',
    dateRange: false,
    params: ['week'],
    render: (context) => html`<sv-digest-view .context=${context}></sv-digest-view>`,
  },
  {
    id: 'alerts',
    title: alertsTexts.title,
    roles: MANAGERS,
    depth: 'store',
    dateRange: false,
    render: (context) => html`<sv-alerts-view .context=${context}></sv-alerts-view>`,
  },
];

/** What the router accepts: these views, and each one's own parameters. */
export const ROUTE_GRAMMAR: RouteGrammar = { views: new Map(VIEWS.map((view) => [view.id, { params: [...(view.params ?? []), ...segmentParamsOf(view)] }])) };

export function viewById(id: string | undefined): ViewDefinition | undefined {
  return VIEWS.find((view) => view.id === id);
}
