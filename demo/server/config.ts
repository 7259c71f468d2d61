import { fileURLToPath } from 'node:url';
import * as z from 'zod';

/** demo/surveys/, found from this file so the default works whatever the working directory. */
const defaultSurveysDir = fileURLToPath(new URL('../surveys/', import.meta.url));

/** `https://shop.example.com` exactly as browsers send it in `Origin` (no path, no trailing slash). */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
}

const list = (value: string | undefined): string[] => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/**
 * The collector's configuration, read from environment variables and validated at start: a bad
 * value stops the process with a message naming the variable, never a half-working server.
 * Each module adds its own variables here, documented in docs/collector.md ("Configuration").
 */
export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** PostgreSQL URL; when absent, PGlite stores data under DATA_DIR. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATA_DIR: z.string().min(1).default('.storevoice-data'),
    /** Origins allowed to POST submissions and read surveys from browsers, comma-separated; `*` allows any. */
    CORS_ORIGINS: z
      .string()
      .default('*')
      .refine((v) => list(v).every((o) => o === '*' || isOrigin(o)), 'must be `*` or comma-separated origins such as https://shop.example.com (scheme and host, no path)'),
    /** Shared secret(s) for signed context tokens, comma-separated (several allow rotation). */
    CONTEXT_TOKEN_SECRETS: z
      .string()
      .optional()
      .refine((v) => list(v).every((s) => s.length >= 32), 'every secret must be at least 32 characters'),
    /** `required` rejects submissions without a valid token; `optional` verifies when present. */
    CONTEXT_TOKEN_MODE: z.enum(['off', 'optional', 'required']).default('optional'),
    /** Accept a token that expired up to this long ago if it was valid at the submission's createdAt (late outbox delivery); 0: never. */
    CONTEXT_TOKEN_GRACE_SECONDS: z.coerce.number().int().min(0).max(30 * 86_400).default(0),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    /** Bearer token of the admin API (/v1/admin/…); unset disables that API. */
    ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Folder of survey definition JSON files imported at start. */
    SURVEYS_DIR: z.string().min(1).default(defaultSurveysDir),
    /** A hierarchy file (.json or .csv) imported at start. */
    HIERARCHY_FILE: z.string().min(1).optional(),
    /** Sustained requests per minute per device and per client IP on ingest; 0 turns rate limiting off. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(120),
    /** Requests a device or IP may send at once before the per-minute rate applies. */
    RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(60),
    /** Reverse proxies in front of the collector whose X-Forwarded-For is trusted (0: use the socket address). */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** Dashboard: how long a login lasts, in minutes (absolute, not sliding). */
    SESSION_TTL_MINUTES: z.coerce.number().int().min(5).max(43_200).default(720),
    /** Dashboard: `auto` marks the session cookie Secure (and names it `__Host-…`) when the request came over https. */
    COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
    /** Dashboard: login attempts allowed per IP and e-mail address per minute. */
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(5),
    /** Dashboard: fewest responses for which an individual's (or an employee-pulse group's) score is shown. */
    STAFF_MIN_RESPONSES: z.coerce.number().int().min(1).default(10),
    /** Alerts: a JSON file of alert rules loaded at start (see docs, "Alerts and webhooks"). */
    ALERT_RULES_FILE: z.string().min(1).optional(),
    /** Alerts: how often the webhook worker looks for due deliveries, in ms; 0 turns the loop off. */
    ALERT_WORKER_INTERVAL_MS: z.coerce.number().int().min(0).default(5000),
    /** Alerts: attempts per webhook delivery before it is marked failed. */
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
    /** Alerts: how long one webhook request may take, in ms. */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Cases: how often overdue cases are escalated, in ms; 0 turns the loop off. */
    CASE_WORKER_INTERVAL_MS: z.coerce.number().int().min(0).default(30_000),
    /** Live events: a comment line on every open stream this often, in ms, so proxies keep it open. */
    EVENTS_HEARTBEAT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    /** Live events: how long events are kept for dashboards that reconnect, in hours. */
    EVENT_RETENTION_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  })
  .superRefine((config, issues) => {
    if (config.CONTEXT_TOKEN_MODE === 'required' && list(config.CONTEXT_TOKEN_SECRETS).length === 0) {
      issues.addIssue({ code: 'custom', path: ['CONTEXT_TOKEN_SECRETS'], message: 'must be set when CONTEXT_TOKEN_MODE=required' });
    }
  });
export type Config = z.infer<typeof ConfigSchema>;

/** Thrown for an invalid environment; the message lists every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and validates the configuration. Empty variables count as unset (`ADMIN_TOKEN=` in a
 * shell or compose file means "no admin token", not "an empty one").
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = ConfigSchema.safeParse(given);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** The comma-separated secrets of CONTEXT_TOKEN_SECRETS, newest first by convention. */
export const contextTokenSecrets = (config: Pick<Config, 'CONTEXT_TOKEN_SECRETS'>): string[] => list(config.CONTEXT_TOKEN_SECRETS);

/** The origins of CORS_ORIGINS; `['*']` allows any. */
export const corsOrigins = (config: Pick<Config, 'CORS_ORIGINS'>): string[] => list(config.CORS_ORIGINS);
