// What the managers' dashboard requests, per role and date range: the overview it lands on, and
// every other view (compare, reasons, topics, movers, trends, comments, kudos, pulse, cases,
// export). Paths and parameters are those of demo/server/route-table.ts.

/** A dashboard user of the benchmark: a role and the place it is anchored to. */
export interface BenchUser {
  role: 'corporate' | 'regional' | 'store';
  email: string;
  regionId?: string;
  storeId?: string;
}

/** A date range as the dashboard sends it: none (the default 30 days) or explicit days. */
export interface BenchRange {
  name: string;
  /** `from`/`to` parameters, or none for the server's default range. */
  params: Record<string, string>;
}

export interface BenchRequest {
  name: string;
  path: string;
}

/** The level a role's landing view lists (the dashboard's `childLevel`). */
const CHILD_LEVEL = { corporate: 'region', regional: 'store', store: 'staff' } as const;

const withQuery = (path: string, params: Record<string, string>) => {
  const query = new URLSearchParams(params).toString();
  return query ? `${path}?${query}` : path;
};

/**
 * Every request a user of `role` makes on the dashboard for `range`; the date-less ones
 * (directory, targets, the case inbox) only with `dated: false`.
 */
export function dashboardRequests(user: BenchUser, range: BenchRange, dated: boolean): BenchRequest[] {
  const r = range.params;
  const manager = user.role !== 'store';
  const list: Array<[string, string, Record<string, string>]> = [];
  const add = (name: string, path: string, params: Record<string, string> = {}) => list.push([name, path, params]);
  if (!dated) {
    add('directory', '/v1/directory');
    add('targets', '/v1/targets');
    add('cases: inbox (active)', '/v1/cases');
    add('cases: resolved, newest', '/v1/cases', { status: 'resolved' });
    add('digest: last week', '/v1/digest');
    add('alerts', '/v1/alerts');
    if (manager) add('alert rules', '/v1/alert-rules');
    add('ideas', '/v1/ideas');
    return list.map(([name, path, params]) => ({ name, path: withQuery(path, params) }));
  }
  // The overview: the four requests of fetchReport (demo/pages/dashboard/api/stats.ts).
  add('overview: stats', '/v1/stats', { level: CHILD_LEVEL[user.role], ...r });
  add('overview: trend (day)', '/v1/stats/trend', r);
  add('overview: distribution', '/v1/stats/distribution', r);
  add('overview: comments (20)', '/v1/stats/comments', { ...r, limit: '20' });
  if (manager) add('compare: stores', '/v1/stats', { level: 'store', ...r });
  if (manager) add('compare: staff', '/v1/stats', { level: 'staff', ...(user.role === 'corporate' ? { region: 'r3' } : {}), ...r });
  add('trend: week', '/v1/stats/trend', { bucket: 'week', ...r });
  add('trend: rolling28', '/v1/stats/trend', { bucket: 'rolling28', ...r });
  if (user.role === 'corporate') add('trend: per region', '/v1/stats/trend', { series: 'region', ...r });
  if (manager) add('trend: per store', '/v1/stats/trend', { series: 'store', bucket: 'week', ...r });
  add('reasons: answers', '/v1/stats/answers', r);
  add('topics', '/v1/stats/topics', r);
  add('movers: nps, 28 days', '/v1/stats/movers', { metric: 'nps', ...r });
  add('comments (50)', '/v1/stats/comments', r);
  add('comments: q=queue', '/v1/stats/comments', { q: 'queue', ...r });
  add('kudos', '/v1/stats/kudos', r);
  add('recognition: per store', '/v1/recognition/stores', r);
  if (manager) add('ideas: metrics', '/v1/ideas/metrics', { level: user.role === 'corporate' ? 'region' : 'store', ...r });
  add('pulse: stats', '/v1/stats', { channel: 'employee', level: user.role === 'corporate' ? 'region' : 'store', ...r });
  add('pulse: comments', '/v1/stats/comments', { channel: 'employee', ...r });
  add('cases: metrics', '/v1/cases/metrics', { level: user.role === 'corporate' ? 'region' : 'store', ...r });
  add('export: groups csv', '/v1/stats/export.csv', { level: 'store', ...r });
  add('export: responses csv', '/v1/stats/export.csv', { rows: 'responses', ...r });
  return list.map(([name, path, params]) => ({ name, path: withQuery(path, params) }));
}
