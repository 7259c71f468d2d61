/**
 * Every route the collector serves, with who may call it and how the anonymity rule
 * (privacy/anonymity.ts) is proven for it. `test/server/privacy/route-anonymity.test.ts` fails
 * when `createApp` registers a route that is not listed here, or when a listed route is gone:
 * a new endpoint cannot ship without saying whether it shows feedback and being probed if so.
 */

/** Who may call a route. */
export type RouteAccess =
  /** Anyone: health checks, the demo pages and bundles, published survey definitions. */
  | 'public'
  /** A brand's public write key (ingest). */
  | 'write-key'
  /** A store's pulse key (the no-login pulse page). */
  | 'pulse-key'
  /** ADMIN_TOKEN: the operator of the collector, not a dashboard role. */
  | 'admin'
  /** A dashboard session (corporate, regional, store, staff), scoped on the server. */
  | 'session';

/**
 * How the anonymity test treats a route:
 * - `probe`: shows feedback to dashboard roles. The test calls it as every role with selections
 *   that hit every protected group (individuals and pulse groups below the minimum) and checks
 *   that nothing about them comes back.
 * - `{ exempt }`: shows no feedback to dashboard roles; the reason says why.
 */
export type AnonymityCheck = 'probe' | { exempt: string };

export interface RouteEntry {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
  /** The path exactly as registered in Hono (`:param`, `*`). */
  path: string;
  access: RouteAccess;
  anonymity: AnonymityCheck;
  /** Served only with `--seed-demo` (the demo's own pages, which use its public write key). */
  demoOnly?: true;
}

const NO_FEEDBACK = { exempt: 'answers with no feedback in it' };
const OPERATOR = { exempt: 'admin token: the operator of the collector, who also holds the database' };
const STATIC = { exempt: 'static files of the demo and the bundles' };
const INGEST = { exempt: 'ingest: answers with counts only' };

export const ROUTE_TABLE: readonly RouteEntry[] = [
  { method: 'GET', path: '/healthz', access: 'public', anonymity: NO_FEEDBACK },
  { method: 'GET', path: '/readyz', access: 'public', anonymity: NO_FEEDBACK },
  { method: 'GET', path: '/metrics', access: 'public', anonymity: { exempt: 'counts of requests by route and outcome, no feedback (METRICS_TOKEN may guard it)' } },

  { method: 'GET', path: '/v1/openapi.json', access: 'public', anonymity: { exempt: 'a description of the API, no data' } },

  { method: 'OPTIONS', path: '/v1/submissions', access: 'public', anonymity: NO_FEEDBACK },
  { method: 'POST', path: '/v1/submissions', access: 'write-key', anonymity: INGEST },

  { method: 'OPTIONS', path: '/v1/surveys/:id', access: 'public', anonymity: NO_FEEDBACK },
  { method: 'GET', path: '/v1/surveys/:id', access: 'public', anonymity: { exempt: 'survey definitions, not answers' } },
  { method: 'OPTIONS', path: '/v1/places/:store', access: 'public', anonymity: NO_FEEDBACK },
  { method: 'GET', path: '/v1/places/:store', access: 'write-key', anonymity: { exempt: 'brand and store names, as the shop front shows them' } },

  { method: 'GET', path: '/v1/admin/surveys', access: 'admin', anonymity: OPERATOR },
  { method: 'GET', path: '/v1/admin/surveys/:id', access: 'admin', anonymity: OPERATOR },
  { method: 'PUT', path: '/v1/admin/surveys/:id', access: 'admin', anonymity: OPERATOR },
  { method: 'DELETE', path: '/v1/admin/surveys/:id', access: 'admin', anonymity: OPERATOR },
  { method: 'GET', path: '/v1/admin/hierarchy', access: 'admin', anonymity: OPERATOR },
  { method: 'POST', path: '/v1/admin/hierarchy', access: 'admin', anonymity: OPERATOR },
  { method: 'GET', path: '/v1/admin/brands', access: 'admin', anonymity: OPERATOR },
  { method: 'PUT', path: '/v1/admin/brands/:brand', access: 'admin', anonymity: OPERATOR },
  { method: 'DELETE', path: '/v1/admin/brands/:brand', access: 'admin', anonymity: OPERATOR },
  { method: 'GET', path: '/v1/admin/brands/:brand/regions', access: 'admin', anonymity: OPERATOR },
  { method: 'PUT', path: '/v1/admin/brands/:brand/regions/:region', access: 'admin', anonymity: OPERATOR },
  { method: 'DELETE', path: '/v1/admin/brands/:brand/regions/:region', access: 'admin', anonymity: OPERATOR },
  { method: 'GET', path: '/v1/admin/brands/:brand/stores', access: 'admin', anonymity: OPERATOR },
  { method: 'PUT', path: '/v1/admin/brands/:brand/stores/:store', access: 'admin', anonymity: OPERATOR },
  { method: 'DELETE', path: '/v1/admin/brands/:brand/stores/:store', access: 'admin', anonymity: OPERATOR },
  { method: 'GET', path: '/v1/admin/brands/:brand/staff', access: 'admin', anonymity: OPERATOR },
  { method: 'PUT', path: '/v1/admin/brands/:brand/staff/:staff', access: 'admin', anonymity: OPERATOR },
  { method: 'DELETE', path: '/v1/admin/brands/:brand/staff/:staff', access: 'admin', anonymity: OPERATOR },
  { method: 'GET', path: '/v1/admin/brands/:brand/devices', access: 'admin', anonymity: OPERATOR },
  { method: 'PUT', path: '/v1/admin/brands/:brand/devices/:device', access: 'admin', anonymity: OPERATOR },
  { method: 'DELETE', path: '/v1/admin/brands/:brand/devices/:device', access: 'admin', anonymity: OPERATOR },
  { method: 'GET', path: '/v1/admin/brands/:brand/keys', access: 'admin', anonymity: OPERATOR },
  { method: 'POST', path: '/v1/admin/brands/:brand/keys', access: 'admin', anonymity: OPERATOR },
  { method: 'DELETE', path: '/v1/admin/brands/:brand/keys/:key', access: 'admin', anonymity: OPERATOR },
  { method: 'GET', path: '/v1/admin/alerts/rules', access: 'admin', anonymity: OPERATOR },
  { method: 'GET', path: '/v1/admin/alerts/rules/:id', access: 'admin', anonymity: OPERATOR },
  { method: 'POST', path: '/v1/admin/alerts/rules', access: 'admin', anonymity: OPERATOR },
  { method: 'PUT', path: '/v1/admin/alerts/rules/:id', access: 'admin', anonymity: OPERATOR },
  { method: 'DELETE', path: '/v1/admin/alerts/rules/:id', access: 'admin', anonymity: OPERATOR },
  { method: 'GET', path: '/v1/admin/alerts/deliveries', access: 'admin', anonymity: OPERATOR },
  { method: 'POST', path: '/v1/admin/alerts/deliveries/:id/retry', access: 'admin', anonymity: OPERATOR },
  { method: 'POST', path: '/v1/admin/privacy/export', access: 'admin', anonymity: OPERATOR },
  { method: 'POST', path: '/v1/admin/privacy/erase', access: 'admin', anonymity: OPERATOR },
  { method: 'GET', path: '/v1/admin/privacy/audit', access: 'admin', anonymity: OPERATOR },
  { method: 'GET', path: '/v1/admin/retention', access: 'admin', anonymity: OPERATOR },
  { method: 'POST', path: '/v1/admin/retention/run', access: 'admin', anonymity: OPERATOR },

  { method: 'POST', path: '/v1/auth/login', access: 'public', anonymity: NO_FEEDBACK },
  { method: 'POST', path: '/v1/auth/logout', access: 'session', anonymity: NO_FEEDBACK },
  { method: 'GET', path: '/v1/auth/me', access: 'session', anonymity: NO_FEEDBACK },
  { method: 'GET', path: '/v1/auth/me/preferences', access: 'session', anonymity: NO_FEEDBACK },
  { method: 'PATCH', path: '/v1/auth/me/preferences', access: 'session', anonymity: NO_FEEDBACK },
  { method: 'GET', path: '/v1/directory', access: 'session', anonymity: { exempt: 'names and time zones of the hierarchy within the scope, not feedback' } },

  { method: 'GET', path: '/v1/stats', access: 'session', anonymity: 'probe' },
  { method: 'GET', path: '/v1/stats/trend', access: 'session', anonymity: 'probe' },
  { method: 'GET', path: '/v1/stats/distribution', access: 'session', anonymity: 'probe' },
  { method: 'GET', path: '/v1/stats/comments', access: 'session', anonymity: 'probe' },
  { method: 'GET', path: '/v1/stats/kudos', access: 'session', anonymity: 'probe' },
  { method: 'GET', path: '/v1/stats/answers', access: 'session', anonymity: 'probe' },
  { method: 'GET', path: '/v1/stats/movers', access: 'session', anonymity: 'probe' },
  { method: 'GET', path: '/v1/stats/topics', access: 'session', anonymity: 'probe' },
  { method: 'GET', path: '/v1/stats/export.csv', access: 'session', anonymity: 'probe' },

  { method: 'GET', path: '/v1/settings', access: 'session', anonymity: { exempt: "the brand's case settings: thresholds, response times, root causes" } },
  { method: 'PUT', path: '/v1/settings', access: 'session', anonymity: { exempt: "the brand's case settings, corporate only" } },
  { method: 'GET', path: '/v1/digest', access: 'session', anonymity: 'probe' },
  { method: 'GET', path: '/v1/cases', access: 'session', anonymity: 'probe' },
  { method: 'GET', path: '/v1/cases/metrics', access: 'session', anonymity: 'probe' },
  { method: 'GET', path: '/v1/cases/:id', access: 'session', anonymity: 'probe' },
  { method: 'PATCH', path: '/v1/cases/:id', access: 'session', anonymity: { exempt: 'answers what GET /v1/cases/:id shows the same user (probed there)' } },
  { method: 'GET', path: '/v1/events', access: 'session', anonymity: 'probe' },
  { method: 'POST', path: '/v1/ideas/pulse', access: 'pulse-key', anonymity: { exempt: 'writes an idea; answers with that idea only' } },
  { method: 'POST', path: '/v1/ideas', access: 'session', anonymity: { exempt: 'writes an idea; answers with that idea only' } },
  { method: 'GET', path: '/v1/ideas', access: 'session', anonymity: 'probe' },
  { method: 'GET', path: '/v1/ideas/metrics', access: 'session', anonymity: 'probe' },
  { method: 'PATCH', path: '/v1/ideas/:id', access: 'session', anonymity: { exempt: 'answers what GET /v1/ideas shows the same manager (probed there)' } },
  { method: 'POST', path: '/v1/kudos/:id/thanks', access: 'session', anonymity: { exempt: 'writes a thanks; answers with that thanks only' } },
  { method: 'GET', path: '/v1/recognition/stores', access: 'session', anonymity: 'probe' },
  { method: 'GET', path: '/v1/alerts', access: 'session', anonymity: 'probe' },
  { method: 'POST', path: '/v1/alerts/:id/acknowledge', access: 'session', anonymity: { exempt: 'answers the alert as GET /v1/alerts shows it to the same user (probed there)' } },
  { method: 'GET', path: '/v1/alert-rules', access: 'session', anonymity: { exempt: 'rules are conditions managers write, not feedback (never on the employee channel)' } },
  { method: 'POST', path: '/v1/alert-rules', access: 'session', anonymity: { exempt: 'rules are conditions managers write, not feedback' } },
  { method: 'GET', path: '/v1/alert-rules/:id', access: 'session', anonymity: { exempt: 'rules are conditions managers write, not feedback' } },
  { method: 'PUT', path: '/v1/alert-rules/:id', access: 'session', anonymity: { exempt: 'rules are conditions managers write, not feedback' } },
  { method: 'PATCH', path: '/v1/alert-rules/:id', access: 'session', anonymity: { exempt: 'rules are conditions managers write, not feedback' } },
  { method: 'DELETE', path: '/v1/alert-rules/:id', access: 'session', anonymity: { exempt: 'rules are conditions managers write, not feedback' } },
  { method: 'POST', path: '/v1/alert-rules/:id/test', access: 'session', anonymity: { exempt: 'a sample alert with no feedback in it; answers the webhook status only' } },
  { method: 'GET', path: '/v1/alert-rules/:id/deliveries', access: 'session', anonymity: 'probe' },
  { method: 'GET', path: '/v1/targets', access: 'session', anonymity: { exempt: 'targets are numbers managers set, not feedback' } },
  { method: 'PUT', path: '/v1/targets', access: 'session', anonymity: { exempt: 'targets are numbers managers set, not feedback' } },
  { method: 'DELETE', path: '/v1/targets', access: 'session', anonymity: { exempt: 'targets are numbers managers set, not feedback' } },

  { method: 'GET', path: '/v1/pulse/session', access: 'pulse-key', anonymity: { exempt: "the store's name and pulse schedule, no answers" } },
  { method: 'GET', path: '/v1/pulse/links', access: 'session', anonymity: { exempt: 'pulse links of the stores in scope, no answers' } },
  { method: 'POST', path: '/v1/pulse/links/:store', access: 'session', anonymity: { exempt: 'makes a pulse link, no answers' } },
  { method: 'DELETE', path: '/v1/pulse/links/:store', access: 'session', anonymity: { exempt: 'revokes a pulse link, no answers' } },
  { method: 'GET', path: '/v1/pulse/links/:store/qr.svg', access: 'session', anonymity: { exempt: 'the QR code of a pulse link, no answers' } },
  { method: 'GET', path: '/v1/admin/brands/:brand/pulse-keys', access: 'admin', anonymity: OPERATOR },
  { method: 'POST', path: '/v1/admin/brands/:brand/stores/:store/pulse-keys', access: 'admin', anonymity: OPERATOR },
  { method: 'DELETE', path: '/v1/admin/brands/:brand/pulse-keys/:key', access: 'admin', anonymity: OPERATOR },

  { method: 'GET', path: '/dashboard', access: 'public', anonymity: STATIC },
  { method: 'GET', path: '/dashboard/:file{[A-Za-z.]*}', access: 'public', anonymity: STATIC },
  { method: 'GET', path: '/kiosk/sw.js', access: 'public', anonymity: STATIC },
  { method: 'GET', path: '/shop', access: 'public', anonymity: STATIC, demoOnly: true },
  { method: 'GET', path: '/shop/*', access: 'public', anonymity: STATIC, demoOnly: true },
  { method: 'GET', path: '/kiosk', access: 'public', anonymity: STATIC },
  { method: 'GET', path: '/pulse', access: 'public', anonymity: STATIC },
  { method: 'GET', path: '/pulse/*', access: 'public', anonymity: STATIC },
  { method: 'GET', path: '/kiosk/*', access: 'public', anonymity: STATIC },
  { method: 'GET', path: '/sdk', access: 'public', anonymity: STATIC, demoOnly: true },
  { method: 'GET', path: '/sdk/*', access: 'public', anonymity: STATIC, demoOnly: true },
  { method: 'GET', path: '/', access: 'public', anonymity: STATIC },
  { method: 'GET', path: '/index.css', access: 'public', anonymity: STATIC, demoOnly: true },
  { method: 'GET', path: '/storevoice.iife.js*', access: 'public', anonymity: STATIC },
  { method: 'GET', path: '/kiosk.js*', access: 'public', anonymity: STATIC },
  { method: 'GET', path: '/delivery.js*', access: 'public', anonymity: STATIC },
  { method: 'GET', path: '/url-context.js', access: 'public', anonymity: STATIC },
  { method: 'GET', path: '/locales/*', access: 'public', anonymity: STATIC },
];
