import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { IdSchema } from '../../../sdk/index.js';

/**
 * What a signed context token vouches for. `exp` is in seconds since the Unix epoch (as in JWT).
 * `staff`, when present, lists who may be named in the submission's `context.staff`.
 */
export const ContextTokenPayloadSchema = z.object({
  brand: IdSchema,
  store: IdSchema,
  staff: z.array(IdSchema).max(20).optional(),
  device: z.optional(IdSchema),
  exp: z.number().int().positive(),
  iat: z.number().int().positive().optional(),
});
export type ContextTokenPayload = z.infer<typeof ContextTokenPayloadSchema>;

/** Allowed clock difference between the host backend that signs and the collector that verifies. */
export const CLOCK_SKEW_SECONDS = 60;

/** The longest a token may live (CONTEXT_TOKEN_MAX_LIFETIME_SECONDS's default): a week. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 7 * 86_400;

/** `604800` → `7 days`, `5400` → `1.5 h`: lifetimes in a message a person reads. */
function span(seconds: number): string {
  const [value, unit] = seconds >= 86_400 ? [seconds / 86_400, 'day'] : seconds >= 3600 ? [seconds / 3600, 'h'] : [seconds / 60, 'min'];
  const rounded = Math.round(value * 10) / 10;
  return unit === 'day' ? `${rounded} day${rounded === 1 ? '' : 's'}` : `${rounded} ${unit}`;
}

const base64url = (bytes: Buffer | string): string => Buffer.from(bytes).toString('base64url');
const hmac = (secret: string, data: string): Buffer => createHmac('sha256', secret).update(data).digest();

/**
 * Signs a context token: `base64url(JSON payload) + "." + base64url(HMAC-SHA256(secret, first part))`.
 * For the retailer's own backend (Node), which shares `secret` with the collector's
 * CONTEXT_TOKEN_SECRETS; see docs/collector.md "Signed context tokens".
 * @example signContextToken({ brand: 'acme', store: '042', device: 'kiosk-3', exp: Math.floor(Date.now() / 1000) + 86_400 }, secret)
 */
export function signContextToken(payload: ContextTokenPayload, secret: string): string {
  const body = base64url(JSON.stringify(ContextTokenPayloadSchema.parse(payload)));
  return `${body}.${base64url(hmac(secret, body))}`;
}

export type TokenVerification =
  | { ok: true; payload: ContextTokenPayload }
  | { ok: false; code: 'token_invalid'; message: string }
  /** Genuine but expired: the payload is given so a caller may apply a grace period. */
  | { ok: false; code: 'token_expired'; message: string; payload: ContextTokenPayload };

export interface VerifyOptions {
  /**
   * The longest lifetime accepted: `exp − iat`, or `exp − now` for a token without `iat`. A leaked
   * token is a forger's licence until it expires, so "valid for a year" is refused outright.
   * @default 604800 (7 days)
   */
  maxLifetimeSeconds?: number;
}

/**
 * Checks a token against every secret (rotation: old and new are both accepted until the old
 * one is removed), then its payload, lifetime and expiry. Signatures are compared in constant time.
 */
export function verifyContextToken(token: string, secrets: readonly string[], now: Date, options: VerifyOptions = {}): TokenVerification {
  const invalid = (message: string): TokenVerification => ({ ok: false, code: 'token_invalid', message });
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return invalid('context token must be "<payload>.<signature>"');
  const [body, signature] = parts as [string, string];
  const given = Buffer.from(signature, 'base64url');
  const signedBy = secrets.find((secret) => {
    const expected = hmac(secret, body);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (signedBy === undefined) return invalid('context token signature does not match');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return invalid('context token payload is not JSON');
  }
  const parsed = ContextTokenPayloadSchema.safeParse(json);
  if (!parsed.success) return invalid(`context token payload is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);
  const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
  const { exp, iat } = parsed.data;
  const lifetime = iat !== undefined ? exp - iat : exp - Math.floor(now.getTime() / 1000);
  if (lifetime > maxLifetime) {
    const measured = iat !== undefined ? 'exp − iat' : 'exp − now, no iat';
    return invalid(`context token lives ${span(lifetime)} (${measured}), longer than the collector accepts (${span(maxLifetime)}, CONTEXT_TOKEN_MAX_LIFETIME_SECONDS): issue shorter-lived tokens`);
  }
  if (parsed.data.exp + CLOCK_SKEW_SECONDS <= now.getTime() / 1000) {
    return { ok: false, code: 'token_expired', message: `context token expired at ${new Date(parsed.data.exp * 1000).toISOString()}`, payload: parsed.data };
  }
  return { ok: true, payload: parsed.data };
}
