import { Hono } from 'hono';
import * as z from 'zod';
import { requireAdmin } from '../admin/auth.js';
import type { AppContext } from '../context.js';
import { readJson, requireMediaType } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { runRetention } from './job.js';
import { lastRetentionRun } from './last-run.js';
import { ContactRequestSchema } from './request.js';
import { eraseContactData, exportContactData, listAudit } from './rights.js';

/** A request names one contact and who asks: a kilobyte is plenty. */
const MAX_REQUEST_BYTES = 4 * 1024;

export const AuditQuerySchema = z.strictObject({
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(100),
  before: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-03-01T00:00:00Z' }).optional(),
});

/** A 400 that names the first bad field, in the shape of the other admin endpoints. */
function invalid(subject: string, error: z.ZodError): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  return new ApiError(400, `invalid_${subject}`, `Invalid ${subject}${first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}` : ''}`, { issues });
}

/**
 * People's rights and retention (ADMIN_TOKEN), docs/collector.md "People's rights":
 * - `POST /v1/admin/privacy/export` and `POST /v1/admin/privacy/erase`: the contact travels in the
 *   body, never in the URL, so it is in no access log;
 * - `GET /v1/admin/privacy/audit`: who exported or erased what (counts and ids);
 * - `GET /v1/admin/retention` and `POST /v1/admin/retention/run`: this instance's last run, and a
 *   run now.
 */
export function retentionRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.use('/v1/admin/privacy/*', requireAdmin(ctx));
  app.use('/v1/admin/retention', requireAdmin(ctx));
  app.use('/v1/admin/retention/*', requireAdmin(ctx));

  const readRequest = async (request: Request) => {
    const body = await readJson(request, MAX_REQUEST_BYTES);
    const parsed = ContactRequestSchema.safeParse(body);
    if (!parsed.success) throw invalid('request', parsed.error);
    return parsed.data;
  };

  app.post('/v1/admin/privacy/export', async (c) => {
    requireMediaType(c, ['application/json']);
    const exported = await exportContactData(ctx, await readRequest(c.req.raw));
    c.header('Cache-Control', 'no-store');
    return c.json(exported);
  });

  app.post('/v1/admin/privacy/erase', async (c) => {
    requireMediaType(c, ['application/json']);
    return c.json(await eraseContactData(ctx, await readRequest(c.req.raw)));
  });

  app.get('/v1/admin/privacy/audit', async (c) => {
    const parsed = AuditQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw invalid('query', parsed.error);
    return c.json({ entries: await listAudit(ctx.db, parsed.data) });
  });

  app.get('/v1/admin/retention', (c) => {
    const run = lastRetentionRun(ctx);
    return c.json({
      intervalMinutes: ctx.config.RETENTION_INTERVAL_MINUTES,
      lastRun: run && { startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt.toISOString(), counts: run.counts, error: run.error },
    });
  });

  app.post('/v1/admin/retention/run', async (c) => c.json({ counts: await runRetention(ctx) }));

  return app;
}
