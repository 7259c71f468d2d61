import type { TemplateResult } from 'lit';
import type { Directory } from '../api/directory.js';
import type { Session } from '../api/session.js';
import type { DashboardLocale, PerLocale } from '../i18n/locales.js';
import type { DateRange } from '../router/date-range.js';
import type { ViewRules } from '../router/normalize.js';
import type { Route } from '../router/route.js';

/**
 * What the shell hands every view: where the user is (the route, already normalized to their
 * role and the view's depth), who they are, the names of their scope, and how to link.
 */
export interface ViewContext {
  readonly route: Route;
  readonly session: Session;
  readonly directory: Directory;
  /** The dates of the figures (the route's, or the default range), always explicit. */
  readonly range: DateRange;
  /** The name of the place the route is about ("Oslo Karl Johans gate"), for headings and messages. */
  readonly place: string;
  /** The address of the current route with some parts changed, e.g. a drill-down link. */
  link(change: Partial<Route>): string;
}

/**
 * One entry of the view registry (views/registry.ts). Adding a view is one folder with its
 * element (and its own texts) plus one entry here: the shell builds the navigation, the
 * routing, the heading and the breadcrumbs from it.
 */
export interface ViewDefinition extends ViewRules {
  /** The first path segment of its address: `#/<id>/…`. */
  readonly id: string;
  /** Its name in the navigation and in the page's heading, in every language. */
  readonly title: PerLocale<string>;
  /** Whether the shell shows the date range above it. */
  readonly dateRange: boolean;
  /** Query parameters of its own it reads from the address (besides `from` and `to`); others are dropped. */
  readonly params?: readonly string[];
  /** Renders the view's element for a context. */
  render(context: ViewContext): TemplateResult;
}

export type { DashboardLocale };
