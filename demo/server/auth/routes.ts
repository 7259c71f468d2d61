import { Hono, type Context } from 'hono';
import * as z from 'zod';
import type { AppContext } from '../context.js';
import { readJson } from '../http/body.js';
import { clientIp, proxyTrust } from '../http/client-ip.js';
import { ApiError, errorResponse } from '../http/errors.js';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from './cookie.js';
import { isSameOrigin } from './csrf.js';
import type { AuthEnv } from './env.js';
import { requireSession } from './middleware.js';
import type { SessionBody } from './session-body.js';
import { dummyHash, verifyPassword } from './password.js';
import { HashingBusyError } from './hashing-queue.js';
import { countLoginAttempt, refundLoginAttempt, resetLoginAttempts, type LoginLimit } from './rate-limit.js';
import type { User } from './roles.js';
import { createSession, deleteSession } from './sessions.js';
import { findUserByEmail } from './users.js';

export const LoginSchema = z.strictObject({ email: z.string().min(1).max(254), password: z.string().min(1).max(200) });
/** Room for the longest e-mail and password LoginSchema accepts, JSON-escaped. */
const MAX_LOGIN_BODY_BYTES = 8 * 1024;

/** What login and /me answer: the user, and the token the client sends back as X-CSRF-Token. */
function sessionBody(user: User, csrfToken: string, expiresAt: Date, ctx: AppContext): SessionBody {
  return { user, csrfToken, expiresAt: expiresAt.toISOString(), staffMinResponses: ctx.config.STAFF_MIN_RESPONSES };
}

const MINUTE = 60_000;
/** An account's budget is counted over a longer window: guesses spread over many addresses still add up. */
const ACCOUNT_WINDOW_MS = 15 * MINUTE;

/**
 * The budgets a login attempt is counted against, cheapest refusal first:
 * - the address, across every e-mail: one place cannot spray guesses (or random e-mails that
 *   each cost a hash) over many accounts;
 * - the address and the e-mail: someone mistyping is told to wait long before the others apply;
 * - the account, from every address: a botnet cannot guess one manager's password quickly.
 *   This one can delay the real user while an attack runs (15 minutes at most), the price of
 *   slowing a distributed guesser at all.
 */
function loginLimits(ctx: AppContext, ip: string, email: string): Record<'byIp' | 'byIpAndEmail' | 'byAccount', LoginLimit> {
  return {
    byIp: { key: `ip:${ip}`, limit: ctx.config.LOGIN_RATE_LIMIT_PER_IP, windowMs: MINUTE },
    byIpAndEmail: { key: `ip+email:${ip}|${email}`, limit: ctx.config.LOGIN_RATE_LIMIT, windowMs: MINUTE },
    byAccount: { key: `account:${email}`, limit: ctx.config.LOGIN_RATE_LIMIT_PER_ACCOUNT, windowMs: ACCOUNT_WINDOW_MS },
  };
}

const LIMITED_BY: Record<string, string> = { ip: 'from this address', 'ip+email': 'for this account from this address', account: 'for this account' };

/** `{ error, message }` like every other collector error (see http/errors.ts). */
function fail(c: Context, status: 400 | 401 | 403 | 415 | 429 | 503, code: string, message: string, details: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return errorResponse(c, new ApiError(status, code, message, details, headers));
}

/** `POST /v1/auth/login`, `POST /v1/auth/logout`, `GET /v1/auth/me`. */
export function authRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const trust = proxyTrust(ctx.config);

  app.post('/v1/auth/login', async (c) => {
    // Login has no session yet, so no CSRF token: the Origin check alone stops login CSRF, and a
    // JSON body cannot be sent cross-site without a CORS preflight that we never grant.
    if (!isSameOrigin(c)) return fail(c, 403, 'cross_origin', 'Cross-origin request refused');
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) return fail(c, 415, 'unsupported_media_type', 'Expected application/json');
    // Bounded like every other body: a login is a few hundred bytes.
    const json = await readJson(c.req.raw, MAX_LOGIN_BODY_BYTES);
    const parsed = LoginSchema.safeParse(json);
    if (!parsed.success) return fail(c, 400, 'validation_failed', 'Invalid login request', { issues: parsed.error.issues });
    const { email, password } = parsed.data;
    const now = ctx.now();
    // Every budget is counted BEFORE the password is hashed: a refused attempt costs no scrypt.
    const { byIp, byIpAndEmail, byAccount } = loginLimits(ctx, clientIp(c, trust), email.toLowerCase());
    const limit = await countLoginAttempt(ctx.db, [byIp, byIpAndEmail, byAccount], now);
    if (!limit.allowed) {
      const seconds = String(limit.retryAfterSeconds);
      const by = LIMITED_BY[limit.limit.key.split(':')[0]!] ?? '';
      ctx.log.info('login rate-limited', { requestId: c.get('requestId'), limit: limit.limit.key.split(':')[0] });
      return fail(c, 429, 'rate_limited', `Too many login attempts ${by}; retry in ${seconds} s`, { retryAfterSeconds: limit.retryAfterSeconds }, { 'Retry-After': seconds });
    }
    const found = await findUserByEmail(ctx.db, email);
    let ok: boolean;
    try {
      ok = await verifyPassword(password, found?.passwordHash ?? (await dummyHash));
    } catch (error) {
      if (!(error instanceof HashingBusyError)) throw error;
      // The hashing queue is full (a login flood): answer now, never queue without bound.
      const seconds = String(error.retryAfterSeconds);
      ctx.log.warn('login refused: password hashing busy', { requestId: c.get('requestId') });
      return fail(c, 503, 'login_busy', `Too many logins are being checked right now; retry in ${seconds} s`, { retryAfterSeconds: error.retryAfterSeconds }, { 'Retry-After': seconds });
    }
    if (!found || !ok) {
      // Nothing that identifies a person (no e-mail, no address): the request id ties it to its request line.
      ctx.log.info('login failed', { requestId: c.get('requestId') });
      return fail(c, 401, 'invalid_credentials', 'Wrong e-mail or password');
    }
    await resetLoginAttempts(ctx.db, [byIpAndEmail.key, byAccount.key]);
    await refundLoginAttempt(ctx.db, byIp.key);
    // Rotation: whatever session this browser had is ended, and a new id is issued (no fixation).
    const previous = readSessionCookie(c, ctx.config);
    if (previous) await deleteSession(ctx.db, previous);
    const session = await createSession(ctx.db, found.user.id, now, ctx.config.SESSION_TTL_MINUTES * 60_000);
    writeSessionCookie(c, ctx.config, session.token, session.expiresAt);
    c.header('cache-control', 'no-store');
    ctx.log.info('login', { userId: found.user.id, role: found.user.role });
    return c.json(sessionBody(found.user, session.csrfToken, session.expiresAt, ctx));
  });

  app.use('/v1/auth/logout', requireSession(ctx));
  app.post('/v1/auth/logout', async (c) => {
    const token = readSessionCookie(c, ctx.config);
    if (token) await deleteSession(ctx.db, token);
    clearSessionCookie(c, ctx.config);
    return c.body(null, 204);
  });

  app.use('/v1/auth/me', requireSession(ctx));
  app.get('/v1/auth/me', (c) => {
    const session = c.var.session;
    return c.json(sessionBody(session.user, session.csrfToken, session.expiresAt, ctx));
  });

  return app;
}
