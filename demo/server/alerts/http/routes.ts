import { Hono } from 'hono';
import * as z from 'zod';
import { MAX_ADMIN_BODY_BYTES, requireAdmin } from '../../admin/auth.js';
import type { AppContext } from '../../context.js';
import { readJson } from '../../http/body.js';
import { ApiError } from '../../http/errors.js';
import { DELIVERY_STATUSES, listDeliveries, requeueDelivery } from '../delivery/log.js';
import { deleteRule, getRule, listRules, saveRule, type StoredRule } from '../rules/repository.js';
import { webhookTargetPolicyOf } from '../delivery/target-policy.js';
import { AlertRuleSchema, redactRule } from '../rules/schema.js';

export const DeliveryQuerySchema = z.strictObject({
  brand: z.string().optional(),
  region: z.string().optional(),
  store: z.string().optional(),
  rule: z.string().optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

const issuesOf = (error: z.ZodError) => ({ issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });

const show = (r: StoredRule) => ({ ...redactRule(r.rule), source: r.source, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });

const notFound = (id: string) => new ApiError(404, 'alert_rule_not_found', `No alert rule "${id}"`);
const readOnly = (id: string) => new ApiError(409, 'alert_rule_read_only', `Alert rule "${id}" comes from ALERT_RULES_FILE: change it there`);

/**
 * The alerts admin API (ADMIN_TOKEN), mounted at `/v1/admin/alerts`: rules and the delivery log.
 * Webhook secrets go in, never out: responses say only that one is set, and show a webhook URL's
 * origin with its path redacted (Slack and Teams put their secret in the path).
 */
export function alertRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.use('*', requireAdmin(ctx));

  app.get('/rules', async (c) => c.json({ rules: (await listRules(ctx.db, { brand: c.req.query('brand'), log: ctx.log })).map(show) }));

  app.get('/rules/:id', async (c) => {
    const stored = await getRule(ctx.db, c.req.param('id'));
    if (!stored) throw notFound(c.req.param('id'));
    return c.json(show(stored));
  });

  /** POST creates (409 when the id exists); PUT creates or replaces. File rules are read-only. */
  const write = async (body: unknown, pathId: string | undefined) => {
    const input = pathId !== undefined && typeof body === 'object' && body !== null && !Array.isArray(body) ? { id: pathId, ...body } : body;
    const parsed = AlertRuleSchema.safeParse(input);
    if (!parsed.success) throw new ApiError(400, 'invalid_alert_rule', 'The alert rule is invalid', issuesOf(parsed.error));
    const rule = parsed.data;
    if (pathId !== undefined && rule.id !== pathId) throw new ApiError(400, 'alert_rule_id_mismatch', `The rule's id "${rule.id}" is not "${pathId}" of the URL`);
    // No webhook may point into the collector's own network (SSRF), unless WEBHOOK_ALLOWED_HOSTS says so.
    const target = rule.webhook ? await webhookTargetPolicyOf(ctx.config).check(rule.webhook.url) : ({ ok: true } as const);
    if (!target.ok) throw new ApiError(400, 'invalid_alert_rule', `The alert rule is invalid: webhook.url: ${target.reason}`, { issues: [{ path: 'webhook.url', message: target.reason }] });
    const existing = await getRule(ctx.db, rule.id);
    if (existing?.source === 'file') throw readOnly(rule.id);
    if (existing && pathId === undefined) throw new ApiError(409, 'alert_rule_exists', `Alert rule "${rule.id}" exists: PUT /v1/admin/alerts/rules/${rule.id} replaces it`);
    const { created } = await saveRule(ctx.db, rule, 'api', ctx.now());
    const saved = await getRule(ctx.db, rule.id);
    if (!saved) throw notFound(rule.id);
    return { body: show(saved), status: created ? (201 as const) : (200 as const) };
  };
  app.post('/rules', async (c) => {
    const out = await write(await readJson(c.req.raw, MAX_ADMIN_BODY_BYTES), undefined);
    return c.json(out.body, out.status);
  });
  app.put('/rules/:id', async (c) => {
    const out = await write(await readJson(c.req.raw, MAX_ADMIN_BODY_BYTES), c.req.param('id'));
    return c.json(out.body, out.status);
  });

  app.delete('/rules/:id', async (c) => {
    const id = c.req.param('id');
    const existing = await getRule(ctx.db, id);
    if (!existing) throw notFound(id);
    if (existing.source === 'file') throw readOnly(id);
    await deleteRule(ctx.db, id);
    return c.body(null, 204);
  });

  app.get('/deliveries', async (c) => {
    const parsed = DeliveryQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw new ApiError(400, 'invalid_query', 'The delivery log query is invalid', issuesOf(parsed.error));
    const { before, ...filter } = parsed.data;
    return c.json({ deliveries: await listDeliveries(ctx.db, { ...filter, before: before ? new Date(before) : undefined }) });
  });

  app.post('/deliveries/:id/retry', async (c) => {
    const id = c.req.param('id');
    if (!(await requeueDelivery(ctx.db, id, ctx.now()))) throw new ApiError(404, 'delivery_not_retryable', `No failed or dropped delivery "${id}"`);
    return c.json({ id, status: 'pending' }, 202);
  });

  return app;
}
