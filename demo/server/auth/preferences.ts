import { Hono } from 'hono';
import * as z from 'zod';
import type { AppContext } from '../context.js';
import { readJson, requireMediaType } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import type { AuthEnv } from './env.js';
import { requireSession } from './middleware.js';
import { DASHBOARD_LOCALES, type Preferences } from './session-body.js';

/** Strict: a misspelt setting (`{ "langauge": "fr" }`) is a 400 naming it, not a silent no-op. */
export const PreferencesPatchSchema = z.strictObject({
  locale: z.enum(DASHBOARD_LOCALES, { error: `must be one of ${DASHBOARD_LOCALES.join(', ')}, or null` }).nullable(),
});
/** A preferences body is a few dozen bytes. */
const MAX_BODY_BYTES = 1024;

const PATH = '/v1/auth/me/preferences';

/**
 * `GET` and `PATCH /v1/auth/me/preferences`: the signed-in user's own settings (today the
 * dashboard's language), kept in `users` so they follow the user to every device and login.
 * Behind {@link requireSession}, so a `PATCH` needs the session's CSRF token and a same-origin
 * request like every other dashboard write. A user can only ever change their own row.
 */
export function preferenceRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use(PATH, requireSession(ctx));

  app.get(PATH, async (c) => {
    const rows = await ctx.db.query<{ locale: string | null }>('SELECT locale FROM users WHERE id = $1', [c.var.session.user.id]);
    return c.json(toPreferences(rows[0]?.locale ?? null));
  });

  app.patch(PATH, async (c) => {
    requireMediaType(c, ['application/json']);
    const parsed = PreferencesPatchSchema.safeParse(await readJson(c.req.raw, MAX_BODY_BYTES));
    if (!parsed.success) throw new ApiError(400, 'validation_failed', 'Invalid preferences', { issues: parsed.error.issues });
    const rows = await ctx.db.query<{ locale: string | null }>('UPDATE users SET locale = $1, updated_at = now() WHERE id = $2 RETURNING locale', [parsed.data.locale, c.var.session.user.id]);
    return c.json(toPreferences(rows[0]?.locale ?? null));
  });

  return app;
}

/** A stored language the dashboard no longer offers reads as "not chosen" rather than failing. */
function toPreferences(locale: string | null): Preferences {
  const known = DASHBOARD_LOCALES.find((code) => code === locale);
  return { locale: known ?? null };
}
