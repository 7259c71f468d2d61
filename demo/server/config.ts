import ipaddr from 'ipaddr.js';
import * as z from 'zod';

/** `https://shop.example.com` exactly as browsers send it in `Origin` (no path, no trailing slash). */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
}

/** A comma-separated variable as its entries, blanks dropped. */
export const list = (value: string | undefined): string[] => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** `10.0.0.0/8`, `fd00::/8`, or one address. */
const isAddressOrRange = (entry: string): boolean => ipaddr.isValid(entry) || ipaddr.isValidCIDR(entry);

/** `hooks.internal`: letters, digits and hyphens in dot-separated labels. */
const isHostName = (entry: string): boolean => /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i.test(entry);

/**
 * The collector's configuration, read from environment variables and validated at start: a bad
 * value stops the process with a message naming the variable, never a half-working server.
 * Each module adds its own variables here, documented in docs/collector.md ("Configuration").
 */
export const ConfigSchema = z
  .object({
    /** `production` refuses demo credentials at start, warns about permissive settings and serves no source maps. */
    NODE_ENV: z.string().optional(),
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
    /** The longest a context token may live (`exp − iat`, or `exp − now` without `iat`), in seconds. */
    CONTEXT_TOKEN_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(366 * 86_400).default(7 * 86_400),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    /** Bearer token of the admin API (/v1/admin/…); unset disables that API. */
    ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Bearer token that `GET /metrics` requires; unset: /metrics is open (keep it inside your network). */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Folder of survey definition JSON files imported at start. Unset: none (the demo start sets demo/surveys). */
    SURVEYS_DIR: z.string().min(1).optional(),
    /** A hierarchy file (.json or .csv) imported at start. */
    HIERARCHY_FILE: z.string().min(1).optional(),
    /** Ingest: a submission whose createdAt is older than this is stored flagged `late` and raises no alert. */
    CREATED_AT_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** Ingest: a createdAt further ahead of the collector's clock is stored at the receive time, flagged `clock_ahead`. */
    CREATED_AT_MAX_AHEAD_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(10),
    /** Sustained requests per minute per device and per client IP on ingest; 0 turns rate limiting off. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(120),
    /** Requests a device or IP may send at once before the per-minute rate applies. */
    RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(60),
    /** Pulse page: ideas one store's pulse link may send per hour (also the most at once); 0 turns the limit off. */
    PULSE_IDEAS_PER_HOUR: z.coerce.number().int().min(0).default(30),
    /**
     * Addresses of the reverse proxies in front of the collector (IPs or CIDR ranges,
     * comma-separated). Only a request whose socket peer is one of them has its X-Forwarded-For
     * and X-Forwarded-Proto believed. Unset: nobody's.
     */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .refine((v) => list(v).every(isAddressOrRange), 'must be IP addresses or CIDR ranges such as 10.0.0.0/8, comma-separated'),
    /** At most this many X-Forwarded-For entries are walked back through (each hop must be in TRUSTED_PROXIES). Unset: as many as are trusted. */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).optional(),
    /** Dashboard: how long a login lasts, in minutes (absolute, not sliding). */
    SESSION_TTL_MINUTES: z.coerce.number().int().min(5).max(43_200).default(720),
    /** Dashboard: `auto` marks the session cookie Secure (and names it `__Host-…`) when the request came over https. */
    COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
    /** Dashboard: login attempts allowed per IP and e-mail address per minute. */
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(5),
    /** Dashboard: failed login attempts allowed per IP per minute, whatever e-mails they name. */
    LOGIN_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(20),
    /** Dashboard: login attempts allowed per e-mail address per 15 minutes, from all addresses together. */
    LOGIN_RATE_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
    /** Dashboard: fewest responses for which an individual's (or an employee-pulse group's) score is shown. */
    STAFF_MIN_RESPONSES: z.coerce.number().int().min(1).default(10),
    /** Dashboard: rows the per-response CSV export reads per query and sends as one piece of the file. */
    EXPORT_PAGE_ROWS: z.coerce.number().int().min(1).max(50_000).default(5000),
    /** Alerts: a JSON file of alert rules loaded at start (see docs, "Alerts and webhooks"). */
    ALERT_RULES_FILE: z.string().min(1).optional(),
    /** Alerts: how often the webhook worker looks for due deliveries, in ms; 0 turns the loop off. */
    ALERT_WORKER_INTERVAL_MS: z.coerce.number().int().min(0).default(5000),
    /** Alerts: how long an instance reuses a brand's rules on ingest before reading them again, in ms; 0 reads them for every ingest. */
    ALERT_RULES_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(5000),
    /** Alerts: attempts per webhook delivery before it is marked failed. */
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
    /** Alerts: how long one webhook request may take, in ms. */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Weekly digest: how often the schedule looks for digests due and webhooks to retry, in ms; 0 turns the loop off. */
    DIGEST_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
    /** Alerts: how often stores are checked for a score drop beyond the brand's threshold, in ms; 0 turns the check off. */
    DROP_CHECK_INTERVAL_MS: z.coerce.number().int().min(0).default(900_000),
    /** Cases: how often overdue cases are escalated, in ms; 0 turns the loop off. */
    CASE_WORKER_INTERVAL_MS: z.coerce.number().int().min(0).default(30_000),
    /** Live events: a comment line on every open stream this often, in ms, so proxies keep it open. */
    EVENTS_HEARTBEAT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    /** Live events: how long events are kept for dashboards that reconnect, in hours. */
    EVENT_RETENTION_HOURS: z.coerce.number().int().min(1).max(720).default(24),
    /** Retention: how often the retention job runs, in minutes; 0 turns it off (docs/collector.md, "Retention"). */
    RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(60),
    /** Retention: rows the job changes per statement; it works through a backlog in batches of this size. */
    RETENTION_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
    /**
     * Alerts: internal webhook endpoints that may be reached although they are not public (host
     * names, IP addresses or CIDR ranges, comma-separated). Every other target must resolve to
     * public addresses only.
     */
    WEBHOOK_ALLOWED_HOSTS: z
      .string()
      .optional()
      .refine((v) => list(v).every((entry) => isAddressOrRange(entry) || isHostName(entry)), 'must be host names, IP addresses or CIDR ranges such as hooks.internal,10.1.2.0/24, comma-separated'),
  })
  .superRefine((config, issues) => {
    if (config.CONTEXT_TOKEN_MODE === 'required' && list(config.CONTEXT_TOKEN_SECRETS).length === 0) {
      issues.addIssue({ code: 'custom', path: ['CONTEXT_TOKEN_SECRETS'], message: 'must be set when CONTEXT_TOKEN_MODE=required' });
    }
    // Counting hops alone let a client that reaches an instance directly forge its address.
    if ((config.TRUST_PROXY_HOPS ?? 0) > 0 && list(config.TRUSTED_PROXIES).length === 0) {
      issues.addIssue({ code: 'custom', path: ['TRUST_PROXY_HOPS'], message: 'needs TRUSTED_PROXIES: list the addresses of your proxies (e.g. TRUSTED_PROXIES=10.0.0.0/8), whose X-Forwarded-For alone is believed' });
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
