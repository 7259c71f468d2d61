import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import * as z from 'zod';
import type { AuthEnv } from '../../auth/env.js';
import { requireSession } from '../../auth/middleware.js';
import type { AppContext } from '../../context.js';
import { readJson, requireMediaType } from '../../http/body.js';
import { ApiError } from '../../http/errors.js';
import { invalid, invalidField } from '../../http/invalid.js';
import { scopeOf, type Scope } from '../../stats/scope.js';
import { listDeliveries } from '../delivery/log.js';
import { sendWebhook } from '../delivery/send.js';
import { webhookTargetPolicyOf } from '../delivery/target-policy.js';
import { buildPayload } from '../payload.js';
import { deleteRule, getRule, listRules, saveRule, type StoredRule } from '../rules/repository.js';
import { AlertRuleSchema, redactRule, redactWebhookUrl, type AlertRule } from '../rules/schema.js';
import { acknowledgeAlert, listAlerts } from './alerts.js';
import { owns, refuseScope, storeRegions } from './ownership.js';
import type { AlertRuleView, RuleDelivery, RuleTestResult } from './types.js';

/** A rule is a few hundred bytes; a store list of 500 ids fits easily. */
const MAX_RULE_BYTES = 64 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const AlertsQuerySchema = z.strictObject({
  acknowledged: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const DeliveriesQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50) });
export const SwitchSchema = z.strictObject({ enabled: z.boolean() });

const show = (r: StoredRule): AlertRuleView => ({ ...redactRule(r.rule), source: r.source, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() }) as AlertRuleView;
const notFound = () => new ApiError(404, 'not_found', 'No such alert rule');

/** The scope of the session's user; staff accounts own no rules and receive no alerts. */
async function managerScope(c: Context<AuthEnv>, ctx: AppContext): Promise<Scope> {
  const user = c.var.session.user;
  if (user.role === 'staff') throw new ApiError(403, 'forbidden', 'Alerts are for managers');
  return scopeOf(ctx.db, user);
}

function query<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const raw = c.req.query();
  const repeated = Object.entries(c.req.queries()).find(([, values]) => values.length > 1);
  if (repeated) throw invalidField([repeated[0]], 'must be given once', 'query parameters');
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid('query parameters', parsed.error.issues, raw);
  return parsed.data;
}

/**
 * The dashboard's alert routes (docs/collector.md, "Alerts in the dashboard"), behind a session
 * and CSRF like every dashboard write, scoped like `/v1/stats`:
 * - `/v1/alert-rules…`: the rules the user owns (corporate the brand's, a regional manager their
 *   region's, a store manager their store's): list, create, read, replace, switch on/off, delete,
 *   test the webhook, read its delivery log. A rule outside the user's scope is a 404, as one that
 *   does not exist; creating one there is a 403 naming `scope`.
 * - `/v1/alerts`: the recent alerts of the scope, and acknowledging one.
 */
export function alertSessionRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  for (const path of ['/v1/alerts', '/v1/alerts/*', '/v1/alert-rules', '/v1/alert-rules/*']) app.use(path, requireSession(ctx));

  app.get('/v1/alerts', async (c) => {
    const scope = await managerScope(c, ctx);
    const q = query(c, AlertsQuerySchema);
    return c.json(await listAlerts(ctx.db, scope, { acknowledged: q.acknowledged === undefined ? undefined : q.acknowledged === 'true', limit: q.limit }));
  });

  app.post('/v1/alerts/:id/acknowledge', async (c) => {
    const scope = await managerScope(c, ctx);
    const id = (c.req.param('id') ?? '').toLowerCase();
    if (!UUID.test(id)) throw invalidField(['id'], 'must be an alert id (a UUID)');
    const user = c.var.session.user;
    const alert = await acknowledgeAlert(ctx.db, scope, id, { id: user.id, name: user.name }, ctx.now());
    if (!alert) throw new ApiError(404, 'not_found', 'No such alert');
    return c.json(alert);
  });

  /** The rule of the URL, if the user owns it; 404 otherwise (a rule id never tells you that it exists). */
  const ownedRule = async (c: Context<AuthEnv>): Promise<{ scope: Scope; stored: StoredRule }> => {
    const scope = await managerScope(c, ctx);
    const stored = await getRule(ctx.db, c.req.param('id') ?? '');
    if (!stored || !owns(scope, stored.rule, await storeRegions(ctx.db, scope.brandId))) throw notFound();
    return { scope, stored };
  };

  /** Validates a rule written through the dashboard: the brand is the user's, the id the collector's. */
  const validate = async (c: Context<AuthEnv>, scope: Scope, id: string, existing: AlertRule | undefined): Promise<AlertRule> => {
    requireMediaType(c, ['application/json']);
    const body = await readJson(c.req.raw, MAX_RULE_BYTES);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidField([], 'must be a JSON object', 'alert rule');
    for (const field of ['id', 'brand', 'source', 'createdAt', 'updatedAt']) if (field in body) throw invalidField([field], 'is set by the collector', 'alert rule');
    const input: Record<string, unknown> = { ...body, id, brand: scope.brandId };
    // The secret is never shown, so an edit that keeps the webhook's URL may leave it out.
    const webhook = input.webhook;
    if (typeof webhook === 'object' && webhook !== null && !('secret' in webhook) && existing?.webhook && (webhook as { url?: unknown }).url === existing.webhook.url) {
      input.webhook = { ...webhook, secret: existing.webhook.secret };
    }
    // PUT keeps the webhook when the body leaves it out (its URL is never shown in full, so a form
    // cannot send it back); `webhook: null` removes it.
    if (webhook === undefined && existing?.webhook) input.webhook = existing.webhook;
    if (webhook === null) delete input.webhook;
    const parsed = AlertRuleSchema.safeParse(input);
    if (!parsed.success) throw invalid('alert rule', parsed.error.issues, input);
    const rule = parsed.data;
    const refused = refuseScope(scope, rule.scope, await storeRegions(ctx.db, scope.brandId));
    if (refused) {
      if (refused.status === 400) throw invalidField(refused.path, refused.message, 'alert rule');
      throw new ApiError(403, 'forbidden', `Alert rule outside your access: ${refused.path.join('.')}: ${refused.message}`, { issues: [{ path: refused.path, message: refused.message }] });
    }
    if (rule.webhook) {
      const target = await webhookTargetPolicyOf(ctx.config).check(rule.webhook.url);
      if (!target.ok) throw invalidField(['webhook', 'url'], target.reason, 'alert rule');
    }
    return rule;
  };

  app.get('/v1/alert-rules', async (c) => {
    const scope = await managerScope(c, ctx);
    query(c, z.strictObject({}));
    const stores = await storeRegions(ctx.db, scope.brandId);
    const rules = (await listRules(ctx.db, { brand: scope.brandId, log: ctx.log })).filter((r) => owns(scope, r.rule, stores));
    return c.json({ rules: rules.map(show) });
  });

  app.post('/v1/alert-rules', async (c) => {
    const scope = await managerScope(c, ctx);
    const rule = await validate(c, scope, `rule-${randomUUID()}`, undefined);
    await saveRule(ctx.db, rule, 'api', ctx.now());
    const saved = await getRule(ctx.db, rule.id);
    if (!saved) throw notFound();
    ctx.log.info('alert rule created', { rule: rule.id, user: c.var.session.user.id });
    return c.json(show(saved), 201);
  });

  app.get('/v1/alert-rules/:id', async (c) => c.json(show((await ownedRule(c)).stored)));

  app.put('/v1/alert-rules/:id', async (c) => {
    const { scope, stored } = await ownedRule(c);
    if (stored.source === 'file') throw new ApiError(409, 'alert_rule_read_only', 'This rule comes from the collector\'s rules file: change it there');
    const rule = await validate(c, scope, stored.rule.id, stored.rule);
    await saveRule(ctx.db, rule, 'api', ctx.now());
    const saved = await getRule(ctx.db, rule.id);
    if (!saved) throw notFound();
    return c.json(show(saved));
  });

  app.patch('/v1/alert-rules/:id', async (c) => {
    const { stored } = await ownedRule(c);
    if (stored.source === 'file') throw new ApiError(409, 'alert_rule_read_only', 'This rule comes from the collector\'s rules file: change it there');
    requireMediaType(c, ['application/json']);
    const body = await readJson(c.req.raw, 1024);
    const parsed = SwitchSchema.safeParse(body);
    if (!parsed.success) throw invalid('alert rule change', parsed.error.issues, body);
    await saveRule(ctx.db, { ...stored.rule, enabled: parsed.data.enabled }, 'api', ctx.now());
    const saved = await getRule(ctx.db, stored.rule.id);
    if (!saved) throw notFound();
    return c.json(show(saved));
  });

  app.delete('/v1/alert-rules/:id', async (c) => {
    const { stored } = await ownedRule(c);
    if (stored.source === 'file') throw new ApiError(409, 'alert_rule_read_only', 'This rule comes from the collector\'s rules file: change it there');
    await deleteRule(ctx.db, stored.rule.id);
    return c.body(null, 204);
  });

  // A sample alert through the same path as real deliveries: signed with the rule's secret, to an
  // address the SSRF policy allows, connecting only to the addresses it checked; the answer is
  // reduced to its status, never its body. Not queued: the person testing waits for the answer.
  app.post('/v1/alert-rules/:id/test', async (c) => {
    const { stored } = await ownedRule(c);
    const rule = stored.rule;
    if (!rule.webhook) throw invalidField(['webhook'], 'this rule has no webhook to test: its alerts reach the dashboard only', 'test');
    const id = randomUUID();
    const store = typeof rule.scope.store === 'string' ? rule.scope.store : (rule.scope.store?.[0] ?? null);
    const region = typeof rule.scope.region === 'string' ? rule.scope.region : (rule.scope.region?.[0] ?? null);
    const body = JSON.stringify(
      buildPayload({ id, rule, region, store, storeName: null, timeZone: 'UTC', submissions: [], details: { test: true }, createdAt: ctx.now() }),
    );
    const outcome = await sendWebhook({ url: rule.webhook.url, secret: rule.webhook.secret, deliveryId: `test-${id}`, body, now: ctx.now(), timeoutMs: ctx.config.WEBHOOK_TIMEOUT_MS, policy: webhookTargetPolicyOf(ctx.config) });
    const result: RuleTestResult = {
      ok: outcome.kind === 'success',
      url: redactWebhookUrl(rule.webhook.url),
      status: outcome.status,
      error: outcome.kind === 'success' ? null : outcome.error,
    };
    ctx.log.info('alert rule tested', { rule: rule.id, ok: result.ok, status: result.status });
    return c.json(result);
  });

  app.get('/v1/alert-rules/:id/deliveries', async (c) => {
    const { stored } = await ownedRule(c);
    const q = query(c, DeliveriesQuerySchema);
    const log = await listDeliveries(ctx.db, { rule: stored.rule.id, limit: q.limit });
    // The payload holds the submissions themselves: the log says what happened to each alert, and
    // the alert (GET /v1/alerts) and its case say what it was about, under their own rules.
    const deliveries: RuleDelivery[] = log.map((d) => ({
      id: d.id,
      alertId: d.alert.id,
      storeId: d.store,
      url: d.url,
      status: d.status,
      attempts: d.attempts,
      nextAttemptAt: d.nextAttemptAt,
      lastStatus: d.lastStatus,
      lastError: d.lastError,
      createdAt: d.createdAt,
      deliveredAt: d.deliveredAt,
    }));
    return c.json({ deliveries });
  });

  return app;
}
