import { redactWebhookUrl } from '../alerts/rules/schema.js';
import { webhookTargetPolicyOf } from '../alerts/delivery/target-policy.js';
import type { Config } from '../config.js';
import { invalidField } from '../http/invalid.js';
import type { BrandSettings } from '../settings/schema.js';

/**
 * What `GET /v1/settings` shows instead of a digest webhook's secret (16 characters, so the
 * document still validates). Every dashboard role reads the settings; a secret, and a URL path
 * that often is one (Slack, Teams), never leave the server — as in the alert admin API.
 */
export const MASKED_SECRET = '••••••••••••••••';

/** The settings as every reader sees them: digest webhook URLs redacted to their origin, secrets masked. */
export function maskDigestSecrets(settings: BrandSettings): BrandSettings {
  return { ...settings, digest: { ...settings.digest, webhooks: settings.digest.webhooks.map((hook) => ({ url: redactWebhookUrl(hook.url), secret: MASKED_SECRET })) } };
}

/**
 * A `PUT /v1/settings` body with the masked webhooks put back: a webhook sent back as read (its
 * redacted URL and the mask) keeps its stored URL and secret, so saving other settings needs no
 * secret. The mask with a URL that matches no stored webhook is a 400 naming its secret: a new
 * receiver needs a real one.
 */
export function restoreDigestSecrets(body: unknown, stored: BrandSettings): unknown {
  const hooks = (body as { digest?: { webhooks?: unknown } } | null)?.digest?.webhooks;
  if (!Array.isArray(hooks)) return body;
  const unused = [...stored.digest.webhooks];
  const restored = hooks.map((hook: unknown, index) => {
    const { url, secret } = (hook ?? {}) as { url?: unknown; secret?: unknown };
    if (secret !== MASKED_SECRET) return hook;
    const match = unused.findIndex((s) => s.url === url || redactWebhookUrl(s.url) === url);
    if (match < 0) throw invalidField(['digest', 'webhooks', index, 'secret'], 'give the secret of a new webhook (the masked one belongs to another URL)', 'settings');
    const [kept] = unused.splice(match, 1);
    return { ...(hook as object), url: kept!.url, secret: kept!.secret };
  });
  const digest = (body as { digest: object }).digest;
  return { ...(body as object), digest: { ...digest, webhooks: restored } };
}

/**
 * Refuses digest webhooks the target policy would refuse (WEBHOOK_ALLOWED_HOSTS, public
 * addresses only), when they are saved rather than at the first Monday's delivery — the check
 * alert rules get (docs/collector.md, "Webhook targets").
 */
export async function checkDigestTargets(config: Pick<Config, 'WEBHOOK_ALLOWED_HOSTS'>, settings: BrandSettings): Promise<void> {
  const policy = webhookTargetPolicyOf(config);
  for (const [index, hook] of settings.digest.webhooks.entries()) {
    const check = await policy.check(hook.url);
    if (!check.ok) throw invalidField(['digest', 'webhooks', index, 'url'], check.reason, 'settings');
  }
}
