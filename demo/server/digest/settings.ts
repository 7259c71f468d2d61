/**
 * The brand's weekly digest settings (the `digest` section of the brand settings). zod/mini and
 * nothing else imported: the settings schema, and so the dashboard, validate with it.
 */
import * as z from 'zod/mini';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Scopes that get a digest of their own. */
export const DIGEST_LEVELS = ['region', 'store'] as const;
export type DigestLevel = (typeof DIGEST_LEVELS)[number];

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isWebhookUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Where a digest goes: as the alert webhooks (docs/collector.md, "Webhook targets"), an http(s) URL
 * the target policy allows and a secret the receiver checks `StoreVoice-Signature` with.
 */
export const DigestWebhookSchema = z.strictObject({
  url: z.string().check(z.maxLength(2048, 'must be at most 2048 characters'), z.refine(isWebhookUrl, 'must be an http(s) URL')),
  /** At least 16 characters. `GET /v1/settings` shows it masked; sending the mask back keeps it. */
  secret: z.string().check(z.minLength(16, 'must be at least 16 characters'), z.maxLength(256, 'must be at most 256 characters')),
});
export type DigestWebhook = z.infer<typeof DigestWebhookSchema>;

export const DigestSettingsSchema = z.strictObject({
  /** Send the digest webhooks. The printable digest in the dashboard is always there. @default false */
  enabled: z._default(z.boolean(), false),
  /** The day it goes out, with the week before it (Monday to Sunday). @default "mon" */
  day: z._default(z.enum(WEEKDAYS), 'mon'),
  /** The time it goes out on that day, `HH:MM` in `timeZone`. @default "08:00" */
  time: z._default(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 08:00')), '08:00'),
  /** The brand's time zone for `day` and `time` (IANA). @default "UTC" */
  timeZone: z._default(z.string().check(z.refine(isTimeZone, 'must be an IANA time zone such as Europe/Stockholm')), 'UTC'),
  /** Which scopes get one: every region, every store, or both. @default ["region", "store"] */
  levels: z._default(
    z.array(z.enum(DIGEST_LEVELS)).check(
      z.minLength(1, 'must name at least one level'),
      z.refine((levels) => new Set(levels).size === levels.length, 'must not repeat a level'),
    ),
    () => [...DIGEST_LEVELS],
  ),
  /** Receivers of every digest, at most 5. @default [] */
  webhooks: z._default(
    z.array(DigestWebhookSchema).check(
      z.maxLength(5, 'must list at most 5 webhooks'),
      z.refine((hooks) => new Set(hooks.map((h) => h.url)).size === hooks.length, 'must not repeat a URL'),
    ),
    () => [],
  ),
});
export type DigestSettings = z.infer<typeof DigestSettingsSchema>;
