import { html } from 'lit';
import type { RouteGrammar } from '../router/route.js';
import { alertsTexts } from './alerts/texts.js';
import { inboxTexts } from './inbox/texts.js';
import { kudosTexts } from './kudos/texts.js';
import { overviewTexts } from './overview/texts.js';
import { pulseTexts } from './pulse/texts.js';
import type { ViewDefinition } from './view.js';

const EVERYONE = ['corporate', 'regional', 'store', 'staff'] as const;
const MANAGERS = ['corporate', 'regional', 'store'] as const;

/**
 * Every view of the dashboard, in navigation order; a user's first view is where they land.
 * Later views (cases inbox, compare, reasons, ideas, alerts, settings) each add one entry:
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
    render: (context) => html`<sv-overview-view .context=${context}></sv-overview-view>`,
  },
  {
    id: 'pulse',
    title: pulseTexts.title,
    // Staff accounts never see the employee pulse: it is anonymous feedback about their workplace.
    roles: MANAGERS,
    // Never per person: a store is the finest level.
    depth: 'store',
    dateRange: true,
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
    id: 'alerts',
    title: alertsTexts.title,
    roles: MANAGERS,
    depth: 'store',
    dateRange: false,
    render: (context) => html`<sv-alerts-view .context=${context}></sv-alerts-view>`,
  },
];

/** What the router accepts: these views, and each one's own parameters. */
export const ROUTE_GRAMMAR: RouteGrammar = { views: new Map(VIEWS.map((view) => [view.id, { params: view.params ?? [] }])) };

export function viewById(id: string | undefined): ViewDefinition | undefined {
  return VIEWS.find((view) => view.id === id);
}
